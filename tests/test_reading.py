"""goaltables.read: the run's tables as DataFrames, the same as the files `run` writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

import goaltables
from goaltables.export.dataset import write_dataset

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "2022-interim-sv-delarsrapport.txt"


def test_read_gives_the_tables_the_files_hold(tmp_path: Path, seed_001: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    shutil.copy(seed_001, folder / "luonnos.txt")
    (folder / "rikki.pdf").write_bytes(b"%PDF-1.7\n garbage")
    data = goaltables.read(folder)  # one folder, not a list
    assert isinstance(data, goaltables.Dataset)
    assert repr(data) == "<Dataset: 14 goal rows from 3 documents, 2 problems>"
    assert data.problems[["source", "kind"]].values.tolist() == [
        ["luonnos.txt", "note"],  # the seed names no organisation, year or phase
        ["rikki.pdf", "damaged"],
    ]
    result = data.result
    write_dataset(tmp_path / "out", result.documents, result.records, result.problems)
    for name in ("goals", "documents", "problems", "links", "comparison"):
        frame = getattr(data, name)
        assert isinstance(frame, pd.DataFrame)
        pd.testing.assert_frame_equal(frame, pd.read_parquet(tmp_path / "out" / f"{name}.parquet"))


def test_read_takes_a_list_of_paths() -> None:
    data = goaltables.read([str(SAMPLE)])
    assert data.goals["target"].tolist() == ["85 %", "under 10", "75 %", "5,5", "1 300"]
    assert data.goals["target_number"].tolist() == [85.0, 10.0, 75.0, 5.5, 1300.0]
