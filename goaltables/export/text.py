"""Records as a table for the terminal: the columns a person checks first, long texts cut;
whole rows when piped."""

from __future__ import annotations

from goaltables.export.tables import goals_frame
from goaltables.records import Record

_SHOWN = [
    "page",
    "area",
    "goal_no",
    "goal",
    "measure_no",
    "measure",
    "rating_raw",
    "status",
]
_WIDTH = 40


def format_records(records: list[Record], whole: bool = False) -> str:
    """A terminal's table: the columns a person checks first, long texts cut; `whole`: every
    column and every text whole, a row to a line (for grep and `less -S` when piped)."""
    if not records:
        return "(no goal rows)"
    df = goals_frame(records).astype(object).fillna("").astype(str)
    if not whole:
        df = df[_SHOWN].apply(lambda column: column.map(_cut))
    return str(df.to_string(index=False))


def _cut(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def format_tables(tables: list[tuple[int, str, list[list[str]]]]) -> str:
    """Tables as text: a line naming each table, then its rows with cells between bars."""
    if not tables:
        return "(no tables)"
    blocks = []
    for page, method, rows in tables:
        width = max((len(r) for r in rows), default=0)
        where = f"page {page}" if page else "no pages"  # Word and HTML have none
        lines = [f"{where}, {method} table, {len(rows)} rows x {width} columns"]
        lines += ["  | " + " | ".join(_cut(cell) for cell in row) + " |" for row in rows]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
