"""One table drawn in pieces: shading on some rows only.

A table whose rows are told apart by shading alone (no rules) is drawn only where there is
shading: pdfplumber finds one "table" per run of shaded rows, and the unshaded rows between them
(a bold goal over its activities, a white row of a striped table) belong to none. Pieces set
one under another, with the same left and right edges and as many columns, are one table: they
are joined, and the lines between them become its rows, placed in the pieces' columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from goaltables.extract.pdf.ruled import column_spans
from goaltables.extract.pdf.words import Line, cells_of
from goaltables.extract.tables import BBox, RawTable, TableCell
from goaltables.extract.textio import dehyphenate


@dataclass(frozen=True)
class StackSettings:
    edge_slack: float = 2.0  # points: pieces of one table share their left and right edges
    max_gap_lines: float = 4.0  # rows of unshaded lines between two pieces, at most (x3 lines)
    row_padding: float = 0.8  # line heights: the most space between a table's rows
    row_gap: float = 0.5  # line heights: a wider gap between lines starts a new row


STACKING = StackSettings()


def stack_pieces(
    tables: list[RawTable], lines: list[Line], body: float, settings: StackSettings = STACKING
) -> list[RawTable]:
    """The ruled tables, pieces of one table joined, top to bottom. Pieces with a heading
    between them (a line set larger than body text, or coloured) are two tables."""
    joined: list[RawTable] = []
    for table in sorted(tables, key=lambda t: t.bbox[1]):
        previous = joined[-1] if joined else None
        between = _lines_between(previous, table, lines) if previous else []
        headed = any(ln.main_size > body + 0.4 or ln.coloured for ln in between)
        if previous is not None and not headed and _one_table(previous, table, between, settings):
            joined[-1] = _join(previous, table, between, settings)
        else:
            joined.append(table)
    return joined


def _lines_between(above: RawTable, below: RawTable, lines: list[Line]) -> list[Line]:
    return [
        ln
        for ln in lines
        if above.bbox[3] - 1 <= ln.top
        and ln.bottom <= below.bbox[1] + 1
        and above.bbox[0] - 1 <= ln.x0
        and ln.x1 <= above.bbox[2] + 1
    ]


def _one_table(
    above: RawTable, below: RawTable, between: list[Line], settings: StackSettings
) -> bool:
    same_edges = all(
        abs(a - b) <= settings.edge_slack
        for a, b in ((above.bbox[0], below.bbox[0]), (above.bbox[2], below.bbox[2]))
    )
    if not between or above.page != below.page:
        return False  # pieces apart with nothing between them are two tables
    if above.columns != below.columns and len(above.rows) > 1:
        return False  # a card's label row alone may head rows of other columns
    height = max(ln.bottom - ln.top for ln in between)
    edges = [above.bbox[3], *(y for ln in between for y in (ln.top, ln.bottom)), below.bbox[1]]
    gaps = [edges[i + 1] - edges[i] for i in range(0, len(edges), 2)]
    # The unshaded rows abut the shaded ones, as rows of one table do: no paragraph's space.
    tight = all(gap <= settings.row_padding * height for gap in gaps)
    return same_edges and tight and len(between) <= settings.max_gap_lines * 3


def _join(
    above: RawTable, below: RawTable, between: list[Line], settings: StackSettings
) -> RawTable:
    spans = column_spans(above)
    rows = [_row(group, spans) for group in _row_groups(between, settings)]
    box: BBox = (
        min(above.bbox[0], below.bbox[0]),
        above.bbox[1],
        max(above.bbox[2], below.bbox[2]),
        below.bbox[3],
    )
    return RawTable(
        above.page,
        box,
        above.method,
        [*above.rows, *rows, *below.rows],
        above.header_rows,
    )


def _row_groups(lines: list[Line], settings: StackSettings) -> list[list[Line]]:
    groups: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.top):
        height = max(line.bottom - line.top, 1.0)
        if groups and line.top - groups[-1][-1].bottom <= settings.row_gap * height:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _row(lines: list[Line], spans: list[tuple[float, float]]) -> list[TableCell | None]:
    texts: list[list[str]] = [[] for _ in spans]
    weights: list[list[bool]] = [[] for _ in spans]
    for line in lines:
        # Words set close together run on in one cell, across a column's edge too: a
        # full-width row ("Lokalernas nyttjandegrad ska öka ...") stays one cell.
        for cell in cells_of(line):
            column = _column(cell[0].x0, spans)
            texts[column] += [w.text for w in cell]
            weights[column] += [w.bold for w in cell]
    top = min(ln.top for ln in lines) - 1
    bottom = max(ln.bottom for ln in lines) + 1
    return [
        TableCell(
            dehyphenate(" ".join(words)),
            (left, top, right, bottom),
            bold=bool(weights[i]) and all(weights[i]),
        )
        if words
        else TableCell("", (left, top, right, bottom))
        for i, (words, (left, right)) in enumerate(zip(texts, spans, strict=True))
    ]


def _column(x0: float, spans: list[tuple[float, float]]) -> int:
    starts = [i for i, (left, _) in enumerate(spans) if x0 >= left - 2.0]
    return starts[-1] if starts else 0
