"""`goaltables.read(paths)`: a run's dataset as pandas frames, for a notebook or a script.

The same pipeline as `goaltables run` (`pipeline.run`: extract, link) and the same tables its
files hold (`export.dataset.dataset_tables`), without writing anything."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from goaltables.batch import BatchSettings
from goaltables.export.dataset import dataset_tables
from goaltables.extract import ReadOptions
from goaltables.pipeline import Result, run


@dataclass(frozen=True, slots=True)
class Dataset:
    """The tables of goals.csv, documents.csv, problems.csv, links.csv and comparison.csv as
    DataFrames (same columns, same types as the Parquet files), and the run's `result`: its
    records and linking as objects."""

    goals: pd.DataFrame
    documents: pd.DataFrame
    problems: pd.DataFrame
    links: pd.DataFrame
    comparison: pd.DataFrame
    result: Result

    def __repr__(self) -> str:
        return (
            f"<Dataset: {len(self.goals)} goal rows from {len(self.documents)} documents,"
            f" {len(self.problems)} problems>"
        )


def read(
    paths: str | Path | Iterable[str | Path],
    options: ReadOptions | None = None,
    batch: BatchSettings | None = None,
) -> Dataset:
    """Read files, folders or glob patterns into a Dataset; files that fail are rows in
    `problems`, as in a run. `options`: a PDF's password; `batch`: workers, time limit, cache."""
    inputs = [paths] if isinstance(paths, str | Path) else list(paths)
    result = run(inputs, options, batch=batch)
    tables = dataset_tables(result.documents, result.records, result.problems, result.linking)
    return Dataset(**tables, result=result)


__all__ = ["Dataset", "read"]
