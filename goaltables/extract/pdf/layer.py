"""Every table on a PDF page, goal table or not: the table layer behind `goaltables tables`.

Like camelot's hybrid flavour, each table is read the way that shows most of it. A ruled table
(pdfplumber's finder, from drawn lines) stands when its lines make a grid; when they do not
(rules only between rows, a box round a text), the text inside is read by alignment instead,
with the rows the rules give ("ruled+aligned"). Text outside ruled tables is read by the
aligned finder alone ("aligned").
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pdfplumber.page import Page

from goaltables.extract.pdf.aligned import aligned_tables
from goaltables.extract.pdf.chunks import DEFAULT, AlignedSettings, chunk_line
from goaltables.extract.pdf.geometry import inside
from goaltables.extract.pdf.ruled import ruled_tables
from goaltables.extract.pdf.turned import (
    UPRIGHT,
    Turn,
    text_direction,
    turned_lines,
    turned_ruled,
)
from goaltables.extract.pdf.words import Line, group_lines, page_words
from goaltables.extract.tables import RawTable, TableCell


def layer_tables(page: Page, number: int, settings: AlignedSettings = DEFAULT) -> list[RawTable]:
    """Every table on the page, ruled, aligned or both, top to bottom."""
    turn = Turn(text_direction(page), float(page.width), float(page.height))
    if turn.direction == UPRIGHT:
        upright = page.filter(_upright)  # turned text is a chart's axis labels, not table rows
        lines = group_lines(page_words(upright, settings.word_gap))
        ruled = ruled_tables(upright, number, settings.word_gap)
    else:
        lines = turned_lines(page, turn)
        ruled = turned_ruled(ruled_tables(page, number), lines, turn)
    tables = _hybrid(lines, ruled, number, settings)
    for table in tables:
        table.bbox = turn.back(table.bbox)
    return tables


def _hybrid(
    lines: list[Line], ruled: list[RawTable], number: int, settings: AlignedSettings
) -> list[RawTable]:
    tables = []
    for table in ruled:
        tables += _read_ruled(table, _lines_in(lines, table), number, settings)
    free = _lines_outside(lines, [t.bbox for t in tables])
    tables += aligned_tables(free, number, settings)
    return sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0]))


def _upright(obj: dict[str, Any]) -> bool:
    return obj.get("object_type") != "char" or bool(obj.get("upright", True))


def _read_ruled(
    ruled: RawTable, lines: list[Line], number: int, settings: AlignedSettings
) -> list[RawTable]:
    """The ruled table as drawn, its text by alignment when its cells hold several columns'
    text each (rules round the table and its header only, ICDAR 2013's eu-016), its rows
    split when each of a row's cells holds a stack of values (no rules between rows)."""
    if not lines:
        return []
    if _crowded(ruled, lines, settings):
        aligned = aligned_tables(lines, number, settings)
        for table in aligned:
            table.method = "ruled+aligned"
        if aligned:
            return aligned
    if ruled.columns < 2 and len(ruled.rows) < 2:
        return []  # a box round a text is no table
    rows = [split for row in ruled.rows for split in _split_stacked(row, lines, settings)]
    return [replace(ruled, rows=join_wrapped_rows(rows))]


def join_wrapped_rows(
    rows: list[list[TableCell | None]],
) -> list[list[TableCell | None]]:
    """A ruled row that only goes on with the row above, its text in lower case in columns
    the row above fills, is the rest of that row: a shading rectangle drawn per text line
    looks like a rule (Simrishamn's Word export)."""
    joined: list[list[TableCell | None]] = []
    for row in rows:
        if joined and _goes_on(joined[-1], row):
            joined[-1] = [_joined(a, b) for a, b in zip(joined[-1], row, strict=True)]
        else:
            joined.append(row)
    return joined


def _goes_on(above: list[TableCell | None], row: list[TableCell | None]) -> bool:
    if len(above) != len(row) or [c is None for c in above] != [c is None for c in row]:
        return False
    texts = [
        (a.text.strip() if a else "", b.text.strip() if b else "")
        for a, b in zip(above, row, strict=True)
    ]
    below = [b for _, b in texts if b]
    return bool(below) and all(b[:1].islower() for b in below) and all(a for a, b in texts if b)


def _joined(above: TableCell | None, cell: TableCell | None) -> TableCell | None:
    if above is None or cell is None or not cell.text.strip():
        return above
    box = (above.bbox[0], above.bbox[1], max(above.bbox[2], cell.bbox[2]), cell.bbox[3])
    return TableCell(f"{above.text}\n{cell.text}".strip(), box, above.colour or cell.colour)


def _crowded(ruled: RawTable, lines: list[Line], settings: AlignedSettings) -> bool:
    """Whether many of the table's cells hold text parted by cell gaps on one line."""
    cells = [c for row in ruled.rows for c in row if c is not None and c.text.strip()]
    crowded = [
        c
        for c in cells
        if any(len(chunk_line(line, settings).chunks) > 1 for line in _cell_lines(c, lines))
    ]
    return len(crowded) >= max(2.0, settings.crowded_share * len(cells))


def _split_stacked(
    row: list[TableCell | None], lines: list[Line], settings: AlignedSettings
) -> list[list[TableCell | None]]:
    """A row whose cells each hold a stack of values, three lines or more, set on shared
    line positions, is that many rows with no rules between them (ICDAR 2013's eu-008, where
    a row of one column is left empty). Wrapped sentences are not values: their lines go on
    in lower case, and such a row stays whole."""
    stacks = [_cell_lines(c, lines) if c is not None and c.text.strip() else [] for c in row]
    filled = [s for s in stacks if s]
    if len(filled) < 2 or min(len(s) for s in filled) < settings.min_stacked_lines:
        return [row]
    if _wrapped(filled):
        return [row]
    positions = _line_positions([line for stack in filled for line in stack])
    placed = [[_position(line, positions) for line in stack] for stack in filled]
    if any(len(set(p)) < len(p) for p in placed):
        return [row]  # two lines of one cell on one position: not a stack of values
    split: list[list[TableCell | None]] = [
        [None if c is None else TableCell("", c.bbox) for c in row] for _ in positions
    ]
    for column, stack in enumerate(stacks):
        for line in stack:
            split[_position(line, positions)][column] = _line_cell(line)
    return split


def _wrapped(stacks: list[list[Line]]) -> bool:
    following = [line for stack in stacks for line in stack[1:]]
    lower = sum(1 for line in following if line.text[:1].islower())
    return lower > len(following) * 0.2


def _line_positions(lines: list[Line]) -> list[float]:
    """The tops lines are set at, lines less than half a line apart counted as one."""
    positions: list[float] = []
    for line in sorted(lines, key=lambda ln: ln.top):
        if not positions or line.top - positions[-1] > (line.bottom - line.top) / 2:
            positions.append(line.top)
    return positions


def _position(line: Line, positions: list[float]) -> int:
    return min(range(len(positions)), key=lambda i: abs(positions[i] - line.top))


def _line_cell(line: Line) -> TableCell:
    return TableCell(line.text, (line.x0, line.top, line.x1, line.bottom))


def _cell_lines(cell: TableCell, lines: list[Line]) -> list[Line]:
    """The parts of lines inside a cell."""
    inner = [tuple(w for w in ln.words if inside(w.bbox, cell.bbox)) for ln in lines]
    return [Line(words) for words in inner if words]


def _lines_in(lines: list[Line], table: RawTable) -> list[Line]:
    return [ln for ln in lines if all(inside(w.bbox, table.bbox) for w in ln.words)]


def _lines_outside(lines: list[Line], boxes: list[tuple[float, float, float, float]]) -> list[Line]:
    """Lines without words in any box (a line half inside a table is split off its words)."""
    free = []
    for line in lines:
        words = tuple(w for w in line.words if not any(inside(w.bbox, b) for b in boxes))
        if words:
            free.append(Line(words))
    return free
