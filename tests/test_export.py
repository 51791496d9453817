from __future__ import annotations

from pathlib import Path

import pytest

from goaltables.export.dataset import WRITERS, write_dataset
from goaltables.export.files import atomic_path
from goaltables.extract import extract
from goaltables.normalize import assign_goal_ids


def test_goal_ids_are_shared_by_a_goals_rows(seed_000: Path) -> None:
    records = assign_goal_ids(extract(seed_000).records)
    ids = [r.goal_id for r in records]
    assert ids[:3] == ["247f295a7dd2-g001"] * 3
    assert len(set(ids)) == 10
    assert assign_goal_ids(extract(seed_000).records) == records  # the same on every run


def test_a_crash_while_writing_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "goals.csv"
    target.write_text("previous, whole\n", encoding="utf-8")

    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("half a fi", encoding="utf-8")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "previous, whole\n"
    assert [p.name for p in tmp_path.iterdir()] == ["goals.csv"]  # no temporary left behind


def test_every_table_in_every_format(tmp_path: Path, seed_001: Path) -> None:
    extraction = extract(seed_001)
    written = write_dataset(
        tmp_path, [extraction.document], assign_goal_ids(extraction.records), []
    )
    tables = ("goals", "documents", "problems", "links", "comparison")
    expected = {f"{t}.{f}" for t in tables for f in WRITERS} | {"review.csv"}
    assert {p.name for p in written} == expected
