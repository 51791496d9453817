"""Unruled tables found from text alignment alone, with no vocabulary.

A page's lines are cut into *chunks*: runs of words closer than a cell gap. A line of two or
more chunks is *tabular*. Tables are found in four steps, each a small function below:

1. **Blocks.** Runs of tabular lines, with the short single-chunk lines between them (a wrapped
   cell, a row label on its own line), split where the vertical gap is wide or a line of prose
   (one long chunk) comes.
2. **Columns.** Gutters are the x-ranges that almost no chunk of the block's tabular lines
   covers (a few may: a header spanning two columns); columns lie between gutters. This is
   pdfplumber's "text" strategy and camelot stream's column union, but over one block, not the
   page, so prose around the table does not cut its columns apart (camelot network's insight:
   grow the table from text that aligns, then take columns from that body only).
3. **Header.** Lines just above the block join it while they fit its columns or stand over the
   data columns only (a spanning header); a line starting in the first column and running
   across gutters is a title or prose, and ends the table upwards.
4. **Rows.** A line is a row, unless the line gaps inside the block are of two kinds: then the
   small gaps are wrapped lines of one row and the wide ones separate rows. A line whose first
   (anchor) column is empty also continues the row above when it fills only columns the row
   above already fills and starts in lower case (a wrapped sentence); rowspans stay empty below
   their first row.

The steps live by concept: `chunks` (a line's chunks, the settings), `columns` (gutters and
header columns), `prose` (what aligns but is no table: running text, lists), and here blocks,
headers and rows.
"""

from __future__ import annotations

import statistics
from itertools import pairwise

from goaltables.extract.pdf.chunks import (
    DEFAULT,
    AlignedSettings,
    ChunkedLine,
    Column,
    chunk_line,
    goes_on_wrapped,
    line_gap,
    line_height,
)
from goaltables.extract.pdf.columns import (
    column_of,
    find_columns,
    fits,
    merge_header_columns,
)
from goaltables.extract.pdf.running_text import is_list, is_prose_layout, without_prose_beside
from goaltables.extract.pdf.words import Line
from goaltables.extract.tables import RawTable, TableCell
from goaltables.extract.textio import dehyphenate


def aligned_tables(
    lines: list[Line], page: int, settings: AlignedSettings = DEFAULT
) -> list[RawTable]:
    """Every table on the page that text alignment shows, top to bottom."""
    chunked = [chunk_line(line, settings) for line in lines if line.words]
    tables, floor = [], 0
    found: list[tuple[tuple[int, int], RawTable]] = []
    for block in find_blocks(chunked, settings):
        beside = without_prose_beside(chunked[block[0] : block[1]], settings)
        if beside is not None:  # the table is read again without the running text
            tables += aligned_tables(beside, page, settings)
            floor = block[1]
            continue
        table = _table_of(block, floor, chunked, page, settings)
        if table is not None:
            found = _joined_to_last(found, block, table, chunked, page, settings)
        floor = block[1]  # a header above a block is never a line of the block before
    for _, table in found:
        tables.append(table)
    return tables


def _joined_to_last(
    found: list[tuple[tuple[int, int], RawTable]],
    block: tuple[int, int],
    table: RawTable,
    lines: list[ChunkedLine],
    page: int,
    settings: AlignedSettings,
) -> list[tuple[tuple[int, int], RawTable]]:
    """A table right below the last one, nothing between them but a wider gap, with the
    same columns, is its next group of rows (ICDAR 2013's us-023 spaces groups of rows)."""
    if found:
        (start, end), last = found[-1]
        gap = line_gap(lines[end - 1].line, lines[block[0]].line)
        near = gap <= settings.group_gap_lines * line_height(lines[block[0]].line)
        if end == block[0] and near and last.columns == table.columns:
            joined = _table_of((start, block[1]), 0, lines, page, settings)
            if joined is not None and joined.columns == table.columns:
                return [*found[:-1], ((start, block[1]), joined)]
    return [*found, (block, table)]


# --- 1. blocks ------------------------------------------------------------------------------


def find_blocks(lines: list[ChunkedLine], settings: AlignedSettings) -> list[tuple[int, int]]:
    """Index ranges [start, end) of runs of tabular lines and the short lines between them."""
    blocks, start, singles = [], None, 0
    for index, line in enumerate(lines):
        broken = start is not None and _breaks(lines, start, index, settings)
        if broken:
            assert start is not None
            blocks.append(_trimmed(lines, start, index))
            start, singles = None, 0
        if line.tabular:
            start = index if start is None else start
            singles = 0
        elif start is not None:
            singles += 1
            if singles > settings.max_singles:
                blocks.append(_trimmed(lines, start, index))
                start, singles = None, 0
    if start is not None:
        blocks.append(_trimmed(lines, start, len(lines)))
    return [b for b in blocks if _enough(lines, b, settings)]


def _breaks(lines: list[ChunkedLine], start: int, index: int, settings: AlignedSettings) -> bool:
    """Whether line `index` cannot continue the block that began at `start`."""
    line, above = lines[index], lines[index - 1]
    if line_gap(above.line, line.line) > settings.table_gap_lines * line_height(line.line):
        return True
    if line.tabular:
        return False
    left = min(ln.line.x0 for ln in lines[start:index])
    right = max(ln.line.x1 for ln in lines[start:index])
    return line.width > settings.prose_share * max(right - left, 1.0)


def _trimmed(lines: list[ChunkedLine], start: int, end: int) -> tuple[int, int]:
    """A block ends at its last tabular line: single lines after it belong to what follows."""
    while end > start and not lines[end - 1].tabular:
        end -= 1
    return start, end


def _enough(lines: list[ChunkedLine], block: tuple[int, int], settings: AlignedSettings) -> bool:
    tabular = sum(1 for line in lines[block[0] : block[1]] if line.tabular)
    return tabular >= settings.min_tabular_lines


def _trim_top(
    lines: list[ChunkedLine], block: tuple[int, int], settings: AlignedSettings
) -> tuple[int, int]:
    """A first line set further off than any of the block's rows from each other, whose
    chunks run across the columns of the rest, is not the table's (a legend line of several
    entries above it); a header row set off by padding fits the columns."""
    start, end = block
    while end - start >= 3:
        rest = lines[start + 1 : end]
        widest = max(line_gap(a.line, b.line) for a, b in pairwise(rest))
        gap = line_gap(lines[start].line, rest[0].line)
        if gap <= widest * settings.header_gap_slack + 1:
            break
        if fits(lines[start], find_columns(rest, settings)):
            break
        start += 1
    return start, end


# --- 3. header ------------------------------------------------------------------------------


def _extend_up(
    lines: list[ChunkedLine],
    block: tuple[int, int],
    floor: int,
    columns: list[Column],
    settings: AlignedSettings,
) -> int:
    """The first line of the table: header lines above the block join it, unless set
    further off than the block's rows are from each other (a legend line above a table)."""
    start, end = block
    widest = max((line_gap(a.line, b.line) for a, b in pairwise(lines[start:end])), default=0.0)
    while start > floor:
        line, below = lines[start - 1], lines[start]
        allowed = settings.table_gap_lines * line_height(line.line)
        if line_gap(line.line, below.line) > min(allowed, widest * settings.header_gap_slack + 1):
            break
        if not (fits(line, columns) or _over_data_columns(line, columns)):
            break
        if not line.tabular and not _over_data_columns(line, columns):
            break  # a lone chunk in the first column: a title or a caption
        start -= 1
    return start


def _over_data_columns(line: ChunkedLine, columns: list[Column]) -> bool:
    """A spanning header stands over the data columns, right of the first column."""
    return line.line.x0 >= columns[0][1] and line.line.x1 <= columns[-1][1] + 2


# --- 4. rows and the table ------------------------------------------------------------------


def _table_of(
    block: tuple[int, int],
    floor: int,
    lines: list[ChunkedLine],
    page: int,
    settings: AlignedSettings,
) -> RawTable | None:
    block = _trim_top(lines, block, settings)
    body = lines[block[0] : block[1]]
    columns = find_columns(body, settings)
    if len(columns) < settings.min_columns:
        return None
    if is_prose_layout(body, columns, settings):
        return None
    start = _extend_up(lines, block, floor, columns, settings)
    table_lines = lines[start : block[1]]
    rows = group_rows(table_lines, columns, settings)
    columns = merge_header_columns(rows, columns, settings)
    grid = [_cells(row, columns) for row in rows]
    if is_list(grid):
        return None
    box = (
        min(ln.line.x0 for ln in table_lines),
        table_lines[0].line.top,
        max(ln.line.x1 for ln in table_lines),
        table_lines[-1].line.bottom,
    )
    return RawTable(page, box, "aligned", grid)


def group_rows(
    lines: list[ChunkedLine], columns: list[Column], settings: AlignedSettings
) -> list[list[ChunkedLine]]:
    """Lines into rows: split at wide gaps when the block's gaps are of two kinds and rows
    do start at the wide ones, else a row per line; a wrapped sentence continues its row."""
    split = _row_gap(lines, settings)
    if not _rows_start_at_wide_gaps(lines, columns, split):
        split = -1.0
    rows: list[list[ChunkedLine]] = []
    for index, line in enumerate(lines):
        gap = line_gap(lines[index - 1].line, line.line) if index else 0.0
        if rows and (gap <= split or _continues(rows[-1], line, columns)):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _row_gap(lines: list[ChunkedLine], settings: AlignedSettings) -> float:
    """The widest gap that still falls inside a row: below it lines wrap, above it rows part.
    With gaps all alike, every line is its own row (returns a negative bound)."""
    return split_gap([line_gap(a.line, b.line) for a, b in pairwise(lines)], settings)


def split_gap(gaps: list[float], settings: AlignedSettings = DEFAULT) -> float:
    """The bound between two kinds of vertical gaps, small (wrapped lines of one cell) and
    wide (rows); negative when the gaps are all alike."""
    gaps = sorted(gaps)
    if len(gaps) < 2:
        return -1.0
    small = statistics.median(gaps[: max(1, len(gaps) // 4)])
    wide = [g for g in gaps if g > max(small, 0.5) * settings.row_gap_ratio + 0.5]
    if not wide or len(wide) < len(gaps) // 10:
        return -1.0
    return (small + min(wide)) / 2


def _rows_start_at_wide_gaps(lines: list[ChunkedLine], columns: list[Column], split: float) -> bool:
    """Whether the lines that fill most columns and open their cells (surely a row's first
    line) follow wide gaps:
    only then do small gaps mean wrapped lines (in us-002 of ICDAR 2013 rows are set single
    spaced and only groups of rows are spaced wider)."""
    if split < 0:
        return False
    full = [
        index
        for index, line in enumerate(lines)
        if index
        and len({column_of(c, columns) for c in line.chunks}) * 2 > len(columns)
        and _opens_cells(line)
    ]
    wide = [i for i in full if line_gap(lines[i - 1].line, lines[i].line) > split]
    return len(wide) >= 0.8 * len(full)


def _opens_cells(line: ChunkedLine) -> bool:
    """Whether at least half the line's chunks open a cell, with a capital or a figure: not
    the wrapped rest of the row above ("kontakt (dagar) | tjänsterna under hösten. | uppnått",
    "inom given budgetram. | (medelvärde) | Förvaltningen utvärderade")."""
    opening = [c for c in line.chunks if c.text[:1].isupper() or c.text[:1].isdigit()]
    return 2 * len(opening) >= len(line.chunks)


def _continues(row: list[ChunkedLine], line: ChunkedLine, columns: list[Column]) -> bool:
    """The rest of wrapped sentences: a line that starts no column the line above leaves
    empty, at least half of whose chunks start in lower case. A capital or a figure starts
    a cell ("hungary  99.8  0.2" is a row of ICDAR 2013's eu-016), though one figure can
    end a wrapped phrase ("vähintään" / "40")."""
    return goes_on_wrapped(
        {column_of(c, columns) for c in line.chunks},
        {column_of(c, columns) for c in row[-1].chunks},
        [c.text for c in line.chunks],
    )


def _cells(row: list[ChunkedLine], columns: list[Column]) -> list[TableCell | None]:
    texts: list[list[str]] = [[] for _ in columns]
    for line in row:
        for chunk in line.chunks:
            texts[column_of(chunk, columns)].append(chunk.text)
    top = min(ln.line.top for ln in row)
    bottom = max(ln.line.bottom for ln in row)
    return [
        TableCell(dehyphenate("\n".join(t)), (x0, top, x1, bottom))
        for t, (x0, x1) in zip(texts, columns, strict=True)
    ]
