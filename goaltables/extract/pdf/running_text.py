"""What lines up like a table but is none: running text set in columns, running text beside a
table, and lists set with a hanging indent."""

from __future__ import annotations

import re

from goaltables.extract.pdf.chunks import AlignedSettings, Chunk, ChunkedLine, Column
from goaltables.extract.pdf.columns import column_of, find_columns
from goaltables.extract.pdf.words import Line
from goaltables.extract.tables import TableCell


def is_prose_layout(
    lines: list[ChunkedLine], columns: list[Column], settings: AlignedSettings
) -> bool:
    """Columns of running text (a page set in two columns), not a table: few columns, each
    made of lines of many words that fill the column's width, as justified prose does."""
    if len(columns) > settings.max_prose_columns:
        return False
    per_column: list[list[Chunk]] = [[] for _ in columns]
    for line in lines:
        for chunk in line.chunks:
            per_column[column_of(chunk, columns)].append(chunk)
    return all(
        _prose_column(chunks, column, settings)
        for chunks, column in zip(per_column, columns, strict=True)
    )


def _prose_column(chunks: list[Chunk], column: Column, settings: AlignedSettings) -> bool:
    width = max(column[1] - column[0], 1.0)
    full = [c for c in chunks if (c.x1 - c.x0) >= settings.prose_fill * width and len(c.words) >= 4]
    return len(full) >= settings.prose_lines_share * max(len(chunks), 1)


def without_prose_beside(lines: list[ChunkedLine], settings: AlignedSettings) -> list[Line] | None:
    """The block's lines without the running text beside the table, when its first or last
    column is prose (many words a line) and no other is: a table in one column of a page set
    in two (ICDAR 2013's us-025); None when there is none."""
    columns = find_columns(lines, settings)
    if len(columns) < 3:
        return None
    shares = [_wordy_share(lines, columns, i, settings) for i in range(len(columns))]
    for edge in (0, len(columns) - 1):
        others = [share for i, share in enumerate(shares) if i != edge]
        if shares[edge] >= settings.prose_lines_share and max(others) < 0.2:
            kept = [
                tuple(w for c in ln.chunks if column_of(c, columns) != edge for w in c.words)
                for ln in lines
            ]
            return [Line(words) for words in kept if words]
    return None


def _wordy_share(
    lines: list[ChunkedLine],
    columns: list[Column],
    column: int,
    settings: AlignedSettings,
) -> float:
    chunks = [c for ln in lines for c in ln.chunks if column_of(c, columns) == column]
    wordy = [c for c in chunks if len(c.words) >= settings.prose_words]
    return len(wordy) / max(len(chunks), 1)


_LIST_MARK = re.compile(r"^(?:[•◦▪‣·*–—-]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\d+(?:\.\d+)*\.?)$")


def is_list(grid: list[list[TableCell | None]]) -> bool:
    """The first column holding nothing but list marks ("•", "–", "1.", "a)", "2.1.1") and
    each row one text beside its mark: a list or a run of numbered headings set with a
    hanging indent, not a table."""
    if max(len(row) for row in grid) > 3:
        return False
    marks = [_text(row[0]) for row in grid if _text(row[0])]
    items = [sum(1 for cell in row[1:] if _text(cell)) for row in grid]
    return bool(marks) and all(_LIST_MARK.match(m) for m in marks) and max(items) <= 1


def _text(cell: TableCell | None) -> str:
    return cell.text.strip() if cell is not None else ""
