"""Seed 001 saved the ways archives save text gives the same records."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from goaltables.extract import extract


def _contents(path: Path) -> list[tuple[str, ...]]:
    return [
        (r.area, r.goal_no, r.goal, r.measure_no, r.measure, r.progress)
        for r in extract(path).records
    ]


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("●", "").encode("cp1252"),  # Windows-1252 has no ●
    ],
    ids=["utf-8-bom", "utf-16-bom", "utf-16-le-no-bom", "crlf", "cp1252"],
)
def test_same_records_in_every_encoding(tmp_path: Path, seed_001: Path, encode) -> None:
    text = seed_001.read_text(encoding="utf-8")
    variant = tmp_path / "variant.txt"
    variant.write_bytes(encode(text))
    assert _contents(variant) == _contents(seed_001)
