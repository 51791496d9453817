"""Records as a table for the terminal: the columns a person checks first, long texts cut."""

from __future__ import annotations

from goaltables.export.tables import goals_frame
from goaltables.records import Record

_SHOWN = ["page", "area", "goal_no", "goal", "measure_no", "measure", "rating_raw", "status"]
_WIDTH = 40


def format_records(records: list[Record]) -> str:
    if not records:
        return "(no goal rows)"
    df = goals_frame(records)[_SHOWN].astype(object).fillna("").astype(str)
    df = df.apply(lambda column: column.map(_cut))
    return str(df.to_string(index=False))


def _cut(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"
