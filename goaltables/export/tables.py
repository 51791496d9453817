"""The contract's tables as typed pandas frames, for the writers."""

from __future__ import annotations

import pandas as pd

from goaltables.export.schema import DOCUMENTS, GOALS, Column, document_rows, goal_rows
from goaltables.records import DocumentInfo, Problem, Record


def frame(rows: list[dict[str, object]], columns: tuple[Column, ...]) -> pd.DataFrame:
    """A typed frame in contract order: nullable integers and strings, absent values as NA
    (an empty CSV cell, a Parquet null)."""
    df = pd.DataFrame(rows, columns=[c.name for c in columns])
    df = df.astype({c.name: c.dtype for c in columns})
    return df.replace({"": pd.NA})


def goals_frame(records: list[Record]) -> pd.DataFrame:
    return frame(goal_rows(records), GOALS)


def documents_frame(documents: list[DocumentInfo]) -> pd.DataFrame:
    return frame(document_rows(documents), DOCUMENTS)


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    rows = [{"source": p.source, "kind": p.kind, "message": p.message} for p in problems]
    return pd.DataFrame(rows, columns=["source", "kind", "message"]).astype("string")
