"""One table drawn in pieces: shading on some rows only.

A table whose rows are told apart by shading alone (no rules) is drawn only where there is
shading: pdfplumber finds one "table" per run of shaded rows, and the unshaded rows between them
(a bold goal over its activities, a white row of a striped table) belong to none. Pieces set
one under another, with the same left and right edges and as many columns, are one table: they
are joined, and the lines between them become its rows, placed in the pieces' columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from goaltables.extract.pdf.aligned import group_rows
from goaltables.extract.pdf.chunks import DEFAULT as ALIGNED
from goaltables.extract.pdf.chunks import chunk_line
from goaltables.extract.pdf.geometry import inside, overlap_share, overlaps
from goaltables.extract.pdf.ruled import column_spans
from goaltables.extract.pdf.words import (
    Line,
    Word,
    cells_of,
    column_at,
    crosses_a_column,
    stands_out,
)
from goaltables.extract.tables import BBox, RawTable, TableCell
from goaltables.extract.textio import dehyphenate


@dataclass(frozen=True)
class StackSettings:
    edge_slack: float = 2.0  # points: pieces of one table share their left and right edges
    max_gap_lines: float = 4.0  # rows of unshaded lines between two pieces, at most (x3 lines)
    row_padding: float = 0.8  # line heights: the most space between a table's rows
    row_gap: float = 0.5  # line heights: a wider gap between lines starts a new row
    side_slack: float = 4.0  # points: rows under a piece stay within its left and right edges
    below_gap: float = 1.2  # line heights: the most space above an undrawn row under a piece
    shaded_share: float = 0.6  # a cell is shaded when a fill covers this share of it
    shaded_row_share: float = 0.75  # ... and a row when this share of its cells is
    column_reach: float = 40.0  # points: a column's next shaded cell lies this close below
    abut: float = 4.0  # points: pieces this close are one table with no line between them


STACKING = StackSettings()
_COLUMN_SLACK = 2.0  # points: a word this far left of a column's start is still in it


def stack_pieces(
    tables: list[RawTable], lines: list[Line], body: float, settings: StackSettings = STACKING
) -> list[RawTable]:
    """The ruled tables, pieces of one table joined, top to bottom. Pieces with a heading
    between them (a line set larger than body text, or coloured) are two tables."""
    joined: list[RawTable] = []
    for table in sorted(tables, key=lambda t: t.bbox[1]):
        previous = joined[-1] if joined else None
        between = _lines_between(previous, table, lines) if previous else []
        if (
            previous is not None
            and not _headed(between, body)
            and _one_table(previous, table, between, settings)
        ):
            joined[-1] = _join(previous, table, between, lines, settings)
        else:
            joined.append(table)
    return joined


def with_rows_below(
    tables: list[RawTable],
    others: list[RawTable],
    lines: list[Line],
    body: float,
    shading: list[BBox],
    settings: StackSettings = STACKING,
) -> list[RawTable]:
    """The tables, each whose last row is shaded (`shading`: the page's coloured fills) with
    the undrawn rows right under it; `others` are tables read another way, whose lines are
    theirs."""
    extended = []
    for table in tables:
        rest = [t for t in [*tables, *others] if t is not table]
        if _open_below(table, shading, [t.bbox for t in rest], settings):
            table = _with_rows_below(table, rest, lines, body, settings)
        extended.append(table)
    return extended


def with_columns_left(
    piece: RawTable,
    left: list[tuple[float, float]],
    lines: list[Line],
    settings: StackSettings = STACKING,
) -> RawTable:
    """A piece that leaves out a table's first columns (`left`: their edges, known from the
    page before), widened to hold them, with the words beside it put in its rows: a striped
    band whose white goal column is not drawn goes on over a page."""
    rows = [_rebased(row, left, []) for row in piece.rows]
    box: BBox = (min(left[0][0], piece.bbox[0]), piece.bbox[1], piece.bbox[2], piece.bbox[3])
    whole = RawTable(piece.page, box, piece.method, rows, piece.header_rows)
    _place_beside(
        _lines_beside(piece, whole, lines, settings), rows, [], [*left, *column_spans(piece)]
    )
    return whole


def _headed(lines: list[Line], body: float) -> bool:
    return any(stands_out(ln, body) for ln in lines)


def _open_below(
    table: RawTable, shading: list[BBox], others: list[BBox], settings: StackSettings
) -> bool:
    """Whether the table's rows go on undrawn below it: its last row is shaded (a header, a
    card's label row, a striped row) and not all its rows are, or one of its columns goes on
    in shaded cells right below it (ratings shown as a cell's colour). A table shaded
    throughout (Simrishamn's) ends where its shading ends; a row boxed in white closes it."""
    shaded = [_shaded(row, shading, settings) for row in table.rows]
    last_row_open = shaded[-1] and (len(shaded) == 1 or not all(shaded))
    return last_row_open or _column_goes_on(table, shading, others, settings)


def _column_goes_on(
    table: RawTable, shading: list[BBox], others: list[BBox], settings: StackSettings
) -> bool:
    """A fill set just below the table, as wide as one of its columns, and in no other table
    (the next table's shaded header may line up with a column)."""
    bottom = table.bbox[3]
    below = [
        b
        for b in shading
        if bottom - 1 <= b[1] <= bottom + settings.column_reach
        and not any(overlaps(b, other) for other in others)
    ]
    return any(
        abs(box[0] - left) <= settings.edge_slack and abs(box[2] - right) <= settings.edge_slack
        for box in below
        for left, right in column_spans(table)
    )


def _shaded(row: list[TableCell | None], shading: list[BBox], settings: StackSettings) -> bool:
    """Whether (nearly) all of the row's cells are shaded: a striped row may leave its white
    rowspan column out, but a white row with a shaded rating cell is no shaded row."""
    cells = [c for c in row if c is not None]
    shaded = [
        c
        for c in cells
        if any(overlap_share(box, c.bbox) >= settings.shaded_share for box in shading)
    ]
    return bool(cells) and len(shaded) >= settings.shaded_row_share * len(cells)


def _with_rows_below(
    table: RawTable, others: list[RawTable], lines: list[Line], body: float, settings: StackSettings
) -> RawTable:
    """A drawn piece goes on in the undrawn lines set right under it, as rows of a table go
    on: a card's shaded label row over its values, a shaded header over unruled rows."""
    below = _lines_below(table, others, lines, body, settings)
    if not below or table.columns < 2:
        return table
    rows = rows_of(below, column_spans(table))
    box: BBox = (table.bbox[0], table.bbox[1], table.bbox[2], max(ln.bottom for ln in below))
    return RawTable(table.page, box, table.method, [*table.rows, *rows], table.header_rows)


def _lines_below(
    table: RawTable, others: list[RawTable], lines: list[Line], body: float, settings: StackSettings
) -> list[Line]:
    """The lines under the table, each as close to the one above as a table's rows are, inside
    the table's edges and no other table's, up to a heading."""
    left, _, right, bottom = table.bbox
    taken: list[Line] = []
    for line in sorted((ln for ln in lines if ln.top >= bottom - 1), key=lambda ln: ln.top):
        if any(inside(w.bbox, t.bbox) for t in others for w in line.words):
            break
        if line.x0 < left - settings.side_slack or line.x1 > right + settings.side_slack:
            break
        gap = line.top - (taken[-1].bottom if taken else bottom)
        if gap > settings.below_gap * (line.bottom - line.top) or _headed([line], body):
            break
        taken.append(line)
    return taken


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
    if above.page != below.page:
        return False
    wide, narrow = _wide_and_narrow(above, below, settings)
    if wide is None or narrow is None:
        return False
    if not between:
        # Pieces apart with nothing between them are two tables, unless they abut: a
        # stripe leaving out a white column right over the table's next, whole row.
        partial = narrow.columns != wide.columns
        return partial and below.bbox[1] - above.bbox[3] <= settings.abut
    whole = _covered(wide, narrow, settings) == (0, len(column_spans(wide)) - 1)
    if whole and above.columns != below.columns and len(above.rows) > 1:
        return False  # a card's label row alone may head rows of other columns
    height = max(ln.bottom - ln.top for ln in between)
    edges = [above.bbox[3], *(y for ln in between for y in (ln.top, ln.bottom)), below.bbox[1]]
    gaps = [edges[i + 1] - edges[i] for i in range(0, len(edges), 2)]
    # The unshaded rows abut the shaded ones, as rows of one table do: no paragraph's space.
    tight = all(gap <= settings.row_padding * height for gap in gaps)
    return tight and len(between) <= settings.max_gap_lines * 3


def _wide_and_narrow(
    above: RawTable, below: RawTable, settings: StackSettings
) -> tuple[RawTable | None, RawTable | None]:
    """Of two pieces of one table, the one whose columns the other's are a run of (the
    upper one when they have the same); (None, None) when neither's are."""
    if _covered(above, below, settings) is not None:
        return above, below
    if _covered(below, above, settings) is not None:
        return below, above
    return None, None


def _covered(above: RawTable, below: RawTable, settings: StackSettings) -> tuple[int, int] | None:
    """The first and last of the upper table's columns the lower piece spans: all of them
    when they share both edges; a run of them when the piece starts at one column's left
    edge, ends at one's right edge and has as many columns (a striped table's stripes leave
    out a white column: the rowspan goal on the left, the rating on the right); None when
    they are not one table's."""
    spans = column_spans(above)
    last = len(spans) - 1
    if (
        abs(above.bbox[0] - below.bbox[0]) <= settings.edge_slack
        and abs(above.bbox[2] - below.bbox[2]) <= settings.edge_slack
    ):
        return 0, last
    first = next(
        (k for k, (x0, _) in enumerate(spans) if abs(x0 - below.bbox[0]) <= settings.edge_slack),
        None,
    )
    end = next(
        (k for k, (_, x1) in enumerate(spans) if abs(x1 - below.bbox[2]) <= settings.edge_slack),
        None,
    )
    if first is None or end is None or below.columns != end - first + 1:
        return None
    return first, end


def _join(
    above: RawTable,
    below: RawTable,
    between: list[Line],
    lines: list[Line],
    settings: StackSettings,
) -> RawTable:
    wide, narrow = _wide_and_narrow(above, below, settings)
    assert wide is not None and narrow is not None  # _one_table said they are one table
    spans = column_spans(wide)
    first, end = _covered(wide, narrow, settings) or (0, len(spans) - 1)
    rebased = [_rebased(row, spans[:first], spans[end + 1 :]) for row in narrow.rows]
    middle = rows_of(between, spans)
    if narrow is below:
        before, placed, rows = [*above.rows, *middle], rebased, [*above.rows, *middle, *rebased]
    else:
        before, placed, rows = [], rebased, [*rebased, *middle, *below.rows]
    if (first, end) != (0, len(spans) - 1):
        _place_beside(_lines_beside(narrow, wide, lines, settings), placed, before, spans)
    box: BBox = (
        min(above.bbox[0], below.bbox[0]),
        above.bbox[1],
        max(above.bbox[2], below.bbox[2]),
        below.bbox[3],
    )
    return RawTable(above.page, box, above.method, rows, above.header_rows)


def _rebased(
    row: list[TableCell | None],
    left: list[tuple[float, float]],
    right: list[tuple[float, float]],
) -> list[TableCell | None]:
    """A stripe's row with empty cells put in for the columns it leaves out on either side."""
    cells = [c for c in row if c is not None]
    top = min((c.bbox[1] for c in cells), default=0.0)
    bottom = max((c.bbox[3] for c in cells), default=0.0)

    def empty(spans: list[tuple[float, float]]) -> list[TableCell | None]:
        return [TableCell("", (x0, top, x1, bottom)) for x0, x1 in spans]

    return [*empty(left), *row, *empty(right)]


def _lines_beside(
    piece: RawTable, table: RawTable, lines: list[Line], settings: StackSettings
) -> list[Line]:
    """The words beside a stripe, at its height, within the table's edges: the text of the
    white columns it leaves out."""
    left, top, right, bottom = piece.bbox
    found = []
    for line in lines:
        words = tuple(
            w
            for w in line.words
            if (w.x1 <= left + settings.edge_slack or w.x0 >= right - settings.edge_slack)
            and table.bbox[0] - settings.edge_slack <= w.x0
            and w.x1 <= table.bbox[2] + settings.edge_slack
            and top <= (w.top + w.bottom) / 2 <= bottom
        )
        if words:
            found.append(Line(words))
    return found


def _place_beside(
    lines: list[Line],
    lower: list[list[TableCell | None]],
    rows: list[list[TableCell | None]],
    spans: list[tuple[float, float]],
) -> None:
    """Put each line left of a stripe into the stripe's row at its height; a line that goes
    on a sentence (lower case) with its own cell empty goes on the cell above it that holds
    text: a goal wrapped beside its first measure runs past the next measure's top."""
    everything = [*rows, *lower]
    for line in sorted(lines, key=lambda ln: ln.top):
        for cell_words in cells_of(line):
            column = _column(cell_words[0].x0, spans)
            text = " ".join(w.text for w in cell_words)
            index = len(rows) + _row_at(line.top, lower)
            target = everything[index][column]
            if text[:1].islower() and target is not None and not target.text:
                index = next(
                    (i for i in range(index - 1, -1, -1) if _text_at(everything[i], column)),
                    index,
                )
            cell = everything[index][column]
            if cell is not None:
                cell.text = dehyphenate(f"{cell.text}\n{text}".strip())


def _row_at(top: float, rows: list[list[TableCell | None]]) -> int:
    tops = [min(c.bbox[1] for c in row if c is not None) for row in rows]
    return max((i for i, t in enumerate(tops) if t <= top + 2.0), default=0)


def _text_at(row: list[TableCell | None], column: int) -> bool:
    cell = row[column] if column < len(row) else None
    return cell is not None and bool(cell.text.strip())


def rows_of(
    lines: list[Line], spans: list[tuple[float, float]], by_column: bool = False
) -> list[list[TableCell | None]]:
    """Undrawn lines as rows in the drawn columns, parted as the aligned finder parts rows:
    at the wider of two kinds of gaps, and a wrapped sentence goes on in its row. With
    `by_column`, words are parted at every column's start in lines that keep to the
    columns; a full-width row stays whole."""
    chunked = [chunk_line(line) for line in sorted(lines, key=lambda ln: ln.top)]
    groups = group_rows(chunked, [s for s in spans if s[1] > s[0]] or spans, ALIGNED)
    return [_row([c.line for c in group], spans, by_column) for group in groups]


def _row(
    lines: list[Line], spans: list[tuple[float, float]], by_column: bool = False
) -> list[TableCell | None]:
    texts: list[list[str]] = [[] for _ in spans]
    weights: list[list[bool]] = [[] for _ in spans]
    for line in lines:
        # Words set close together run on in one cell, across a column's edge too: a
        # full-width row ("Lokalernas nyttjandegrad ska öka ...") stays one cell.
        apart = columns_apart if by_column and _keeps_to_columns(line, spans) else _figures_apart
        for cell in (part for words in cells_of(line) for part in apart(words, spans)):
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


def _keeps_to_columns(line: Line, spans: list[tuple[float, float]]) -> bool:
    """No word of the line runs across a column's start, and it is not bold: a full-width
    row (a bold group row, a "Kommentar: …" row) stays whole."""
    starts = [left for left, _ in spans[1:]]
    return not crosses_a_column(line, starts, _COLUMN_SLACK) and not line.bold


def columns_apart(words: list[Word], spans: list[tuple[float, float]]) -> list[list[Word]]:
    """Words parted at each column's start."""
    parts = [[words[0]]]
    for word in words[1:]:
        if _column(word.x0, spans) > _column(parts[-1][0].x0, spans):
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def _figures_apart(words: list[Word], spans: list[tuple[float, float]]) -> list[list[Word]]:
    """Words run on in one cell, but a figure set past a column's left edge starts that
    column's cell: a value printed close to a wrapped measure's last word ("osuus 41 %")."""
    parts = [[words[0]]]
    for word in words[1:]:
        column = _column(word.x0, spans)
        if word.text[:1].isdigit() and column > _column(parts[-1][0].x0, spans):
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def _column(x0: float, spans: list[tuple[float, float]]) -> int:
    return column_at(x0, [left for left, _ in spans], _COLUMN_SLACK)
