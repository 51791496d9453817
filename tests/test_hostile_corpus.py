"""The hostile corpus (tests/data/make_hostile.py) mixed with good reports, in one run: the
exit code, one problem row per bad file with its cap named, every good row kept, no traceback,
and nothing left behind in OUT or in the temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from goaltables.escapes import name_as_text
from tests.data.make_hostile import GOOD_NAMES, build

OUTPUTS = {
    f"{table}.{suffix}"
    for table in ("goals", "documents", "problems", "links", "comparison")
    for suffix in ("csv", "parquet")
} | {"review.csv", "goals.xlsx", "datapackage.json", "report.html", ".cache"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[str, str]]]:
    folder = tmp_path_factory.mktemp("hostile") / "in"
    expected = build(folder)
    return folder, expected


def test_hostile_files_mixed_with_good_ones(
    corpus: tuple[Path, dict[str, tuple[str, str]]], tmp_path: Path, seed_001: Path
) -> None:
    folder, expected = corpus
    shutil.copy(seed_001, folder / "luonnos.txt")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    out = tmp_path / "out"
    command = [sys.executable, "-m", "goaltables", "run", str(folder), "-o", str(out), "-j", "2"]
    environment = {**os.environ, "TMPDIR": str(temporary)}
    done = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=900)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "\x1b" not in done.stderr

    problems = pd.read_csv(out / "problems.csv", dtype=str, keep_default_na=False)
    failures = problems[problems["kind"] != "note"]
    found = {row.source: (row.kind, row.message) for row in failures.itertuples()}
    assert found == expected
    for source, (_, message) in expected.items():
        assert f"error: {source}: {message}" in done.stderr  # one line each, naming the file

    goals = pd.read_csv(out / "goals.csv", dtype=str, keep_default_na=False)
    rows = goals["source"].value_counts().to_dict()
    good = {name_as_text(n): 27 for n in GOOD_NAMES} | {"luonnos.txt": 9}
    assert rows == good  # every good row, the hostile name escaped
    left = {p.name for p in out.iterdir()} - {".goaltables-run.json"}
    assert left == OUTPUTS  # no lock, no .tmp, no stray temporary file
    assert list(temporary.iterdir()) == []  # nothing left outside OUT
