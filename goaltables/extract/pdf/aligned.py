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
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from itertools import pairwise

from goaltables.extract.pdf.words import Line, Word
from goaltables.extract.tables import RawTable, TableCell
from goaltables.extract.textio import dehyphenate


@dataclass(frozen=True)
class AlignedSettings:
    """The knobs of the aligned finder; lengths in font sizes (ems) or line heights."""

    cell_gap_ems: float = 0.6  # words further apart than this are in different cells
    justified_gap_ems: float = 1.0  # ... unless all gaps of a line are alike and below this
    table_gap_lines: float = 1.6  # a vertical gap wider than this ends a table
    group_gap_lines: float = 4.0  # ... unless the rows below it have the same columns
    prose_share: float = 0.55  # a single chunk wider than this share of the block is prose
    gutter_tolerance: float = 0.12  # share of tabular lines that may cross a gutter
    min_gutter: float = 1.5  # points: a narrower gap between chunks is no gutter
    parted_share: float = 0.25  # ... or a gutter this share of lines part, twice as many as cross
    min_tabular_lines: int = 2
    min_columns: int = 2
    max_singles: int = 6  # single-chunk lines in a row inside a table (wrapped cells)
    row_gap_ratio: float = 1.6  # wide gaps this much wider than small ones separate rows
    # Running text in columns: at most this many columns, this share of whose lines hold
    # four words or more and fill this share of the column's width.
    max_prose_columns: int = 3
    prose_lines_share: float = 0.6
    prose_fill: float = 0.8
    prose_words: int = 6  # a column beside a table is running text when its lines have this many
    header_gap_slack: float = 1.25  # a header line may stand this much further off than rows
    max_header_rows: int = 3  # a column with text in these first rows only is a header's
    # Ruled tables: read by alignment when this share of cells holds several cells' text;
    # a row is split when each of its cells holds this many lines or more, equally many.
    crowded_share: float = 0.1
    min_stacked_lines: int = 3

    def __post_init__(self) -> None:
        if not 0 <= self.gutter_tolerance < 0.5:
            raise ValueError("gutter_tolerance is a share of lines below one half")
        if self.cell_gap_ems <= 0 or self.table_gap_lines <= 0 or self.row_gap_ratio <= 1:
            raise ValueError("gaps must be positive, and row_gap_ratio above 1")
        if self.min_columns < 2 or self.min_tabular_lines < 1:
            raise ValueError("a table has at least two columns and one tabular line")


DEFAULT = AlignedSettings()


@dataclass(frozen=True, slots=True)
class Chunk:
    """Words of one line closer together than a cell gap: the text of one cell on one line."""

    words: tuple[Word, ...]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True, slots=True)
class ChunkedLine:
    line: Line
    chunks: tuple[Chunk, ...]

    @property
    def tabular(self) -> bool:
        return len(self.chunks) >= 2

    @property
    def width(self) -> float:
        return self.line.x1 - self.line.x0


Column = tuple[float, float]  # x0, x1 of the column's text


def chunk_line(line: Line, settings: AlignedSettings = DEFAULT) -> ChunkedLine:
    """A line cut into chunks at gaps wider than a cell gap."""
    groups: list[list[Word]] = [[line.words[0]]]
    for previous, word in zip(line.words, line.words[1:], strict=False):
        if word.x0 - previous.x1 > settings.cell_gap_ems * max(word.size, 1.0):
            groups.append([word])
        else:
            groups[-1].append(word)
    if _justified(groups, settings):
        groups = [list(line.words)]
    return ChunkedLine(line, tuple(Chunk(tuple(g)) for g in groups))


def _justified(groups: list[list[Word]], settings: AlignedSettings) -> bool:
    """A line of text set justified, its spaces stretched alike ("Table 10:  Indicators  of
    performance-based  funding"), not cells: at least three gaps, all under an em and
    nearly equal. Columns of figures are set further apart."""
    gaps = [b[0].x0 - a[-1].x1 for a, b in pairwise(groups)]
    if len(gaps) < 3:
        return False
    size = max(groups[0][0].size, 1.0)
    return max(gaps) < settings.justified_gap_ems * size and max(gaps) <= 1.3 * min(gaps)


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
    lines: list[ChunkedLine], columns: list[Column], column: int, settings: AlignedSettings
) -> float:
    chunks = [c for ln in lines for c in ln.chunks if column_of(c, columns) == column]
    wordy = [c for c in chunks if len(c.words) >= settings.prose_words]
    return len(wordy) / max(len(chunks), 1)


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


def line_gap(above: Line, below: Line) -> float:
    return below.top - above.bottom


def line_height(line: Line) -> float:
    return max(line.bottom - line.top, 1.0)


# --- 2. columns -----------------------------------------------------------------------------


def find_columns(lines: list[ChunkedLine], settings: AlignedSettings) -> list[Column]:
    """Columns between the gutters of the block's tabular lines."""
    tabular = [line for line in lines if line.tabular] or lines
    left = min(line.line.x0 for line in lines)
    right = max(line.line.x1 for line in lines)
    allowed = int(len(tabular) * settings.gutter_tolerance)
    covered, parted = _coverage(tabular, left, right)
    needed = max(2, int(len(tabular) * settings.parted_share))
    columns: list[Column] = []
    start: float | None = None
    for step, (cover, parts) in enumerate(zip(covered, parted, strict=True)):
        x = left + step
        gutter = cover <= allowed or (parts >= needed and cover * 2 <= parts)
        if not gutter and start is None:
            start = x
        elif gutter and start is not None:
            columns.append((start, x))
            start = None
    if start is not None:
        columns.append((start, right))
    return _merge_narrow_gutters(columns, settings)


def _coverage(lines: list[ChunkedLine], left: float, right: float) -> tuple[list[int], list[int]]:
    """For each point from left to right, how many lines have a chunk over it, and how many
    have a gap between chunks there. A gutter that many lines part, twice as many as cross
    it, is a column edge even where some text runs over it: a card's "Arviointi" text below
    "Tavoite | Mittari"."""
    covered = [0] * (int(right - left) + 2)
    parted = [0] * (int(right - left) + 2)
    for line in lines:
        for chunk in line.chunks:
            for step in range(int(chunk.x0 - left), int(chunk.x1 - left) + 1):
                covered[step] += 1
        for a, b in pairwise(line.chunks):
            for step in range(int(a.x1 - left) + 1, int(b.x0 - left)):
                parted[step] += 1
    return covered, parted


def _merge_narrow_gutters(columns: list[Column], settings: AlignedSettings) -> list[Column]:
    merged: list[Column] = []
    for column in columns:
        if merged and column[0] - merged[-1][1] < settings.min_gutter:
            merged[-1] = (merged[-1][0], column[1])
        else:
            merged.append(column)
    return merged


def column_of(chunk: Chunk, columns: list[Column]) -> int:
    """The column a chunk starts in (the first after it when it starts in a gutter): a
    spanning cell's text sits in its top-left place."""
    for index, (_, x1) in enumerate(columns):
        if chunk.x0 < x1:
            return index
    return len(columns) - 1


def _fits(line: ChunkedLine, columns: list[Column]) -> bool:
    """Whether each chunk of the line stays inside one column."""
    return all(column_of(c, columns) == _last_column(c, columns) for c in line.chunks)


def _last_column(chunk: Chunk, columns: list[Column]) -> int:
    inside = [i for i, (x0, _) in enumerate(columns) if x0 < chunk.x1]
    return inside[-1] if inside else 0


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
        if _fits(lines[start], find_columns(rest, settings)):
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
        if not (_fits(line, columns) or _over_data_columns(line, columns)):
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
    gaps = sorted(line_gap(a.line, b.line) for a, b in pairwise(lines))
    if len(gaps) < 2:
        return -1.0
    small = statistics.median(gaps[: max(1, len(gaps) // 4)])
    wide = [g for g in gaps if g > max(small, 0.5) * settings.row_gap_ratio + 0.5]
    if not wide or len(wide) < len(gaps) // 5:
        return -1.0
    return (small + min(wide)) / 2


def _rows_start_at_wide_gaps(lines: list[ChunkedLine], columns: list[Column], split: float) -> bool:
    """Whether the lines that fill most columns (surely a row's first line) follow wide gaps:
    only then do small gaps mean wrapped lines (in us-002 of ICDAR 2013 rows are set single
    spaced and only groups of rows are spaced wider)."""
    if split < 0:
        return False
    full = [
        index
        for index, line in enumerate(lines)
        if index and len({column_of(c, columns) for c in line.chunks}) * 2 > len(columns)
    ]
    wide = [i for i in full if line_gap(lines[i - 1].line, lines[i].line) > split]
    return len(wide) >= 0.8 * len(full)


def _continues(row: list[ChunkedLine], line: ChunkedLine, columns: list[Column]) -> bool:
    """The rest of wrapped sentences: a line that starts no column the line above leaves
    empty, at least half of whose chunks start in lower case. A capital or a figure starts
    a cell ("hungary  99.8  0.2" is a row of ICDAR 2013's eu-016), though one figure can
    end a wrapped phrase ("vähintään" / "40")."""
    used = {column_of(c, columns) for c in line.chunks}
    if not used <= {column_of(c, columns) for c in row[-1].chunks}:
        return False
    lower = sum(1 for c in line.chunks if c.text[:1].islower())
    return lower > 0 and lower * 2 >= len(line.chunks)


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


def merge_header_columns(
    rows: list[list[ChunkedLine]], columns: list[Column], settings: AlignedSettings
) -> list[Column]:
    """A column with text in header rows only joins its nearer neighbour that is empty
    there: a left-aligned header over right-aligned numbers ("TA 2023" over "2 595") is one
    column, though their text does not overlap."""
    if len(rows) <= settings.max_header_rows + 1:
        return columns
    filled = [_rows_filled(rows, columns, i) for i in range(len(columns))]
    for index, rows_here in enumerate(filled):
        if not rows_here or max(rows_here) >= settings.max_header_rows:
            continue
        partner = _free_neighbour(index, filled, columns)
        if partner is not None:
            low, high = sorted((index, partner))
            joined = (columns[low][0], columns[high][1])
            merged = [*columns[:low], joined, *columns[high + 1 :]]
            return merge_header_columns(rows, merged, settings)
    return columns


def _rows_filled(rows: list[list[ChunkedLine]], columns: list[Column], column: int) -> set[int]:
    return {
        r
        for r, row in enumerate(rows)
        if any(column_of(c, columns) == column for ln in row for c in ln.chunks)
    }


def _free_neighbour(index: int, filled: list[set[int]], columns: list[Column]) -> int | None:
    """The nearer neighbouring column with body text and none in the rows `index` fills."""
    options = [
        j
        for j in (index - 1, index + 1)
        if 0 <= j < len(columns) and filled[j] and not filled[j] & filled[index]
    ]
    return min(options, key=lambda j: _distance(columns[index], columns[j]), default=None)


def _distance(a: Column, b: Column) -> float:
    return max(b[0] - a[1], a[0] - b[1], 0.0)


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
