"""Tables cut by a page break whose next page shows neither a header nor drawn cells:

- a goal card cut right after its header row: the next page opens with its values, sometimes
  with no lines drawn round them (Kauhava, page 60 to 61);
- a band whose rows go on, shaded per line or not at all: the next page's lines are read in
  the columns the band had on the page before.
"""

from __future__ import annotations

from dataclasses import dataclass

from goaltables.extract.assemble import LEADING_LABEL, Row, label_role, roles_by_column, row_kind
from goaltables.extract.pdf.geometry import union
from goaltables.extract.pdf.stacking import columns_apart, rows_of
from goaltables.extract.pdf.words import (
    Line,
    Word,
    cells_of,
    column_at,
    crosses_a_column,
    stands_out,
)
from goaltables.extract.tables import RawTable, TableCell
from goaltables.extract.textio import dehyphenate


@dataclass(frozen=True, slots=True)
class OpenHeader:
    """A card's header row left with nothing under it at a page's end: its roles, and where
    its columns start, to read the values that open the next page."""

    roles: list[str | None]
    starts: list[float]


def open_header(table: RawTable) -> OpenHeader | None:
    """The table's last row when it is a header with nothing under it."""
    filled = [
        (cells, row) for cells in table.rows if (row := Row(tuple(cells), table.page)).filled()
    ]
    if not filled or row_kind(filled[-1][1], False) != "header":
        return None
    cells, row = filled[-1]
    starts = [c.bbox[0] if c else float("inf") for c in cells]
    return OpenHeader(roles_by_column(row), starts)


def values_under(header: OpenHeader, lines: list[Line], page: int) -> RawTable | None:
    """Lines that open a page under a header left open on the page before, as a table row."""
    if not lines:
        return None
    texts: list[list[str]] = [[] for _ in header.starts]
    for line in lines:
        per_column: dict[int, list[str]] = {}
        for word in line.words:
            column = max(
                (i for i, start in enumerate(header.starts) if word.x0 >= start - 3), default=0
            )
            per_column.setdefault(column, []).append(word.text)
        for column, words in per_column.items():
            texts[column].append(" ".join(words))
    box = union([(ln.x0, ln.top, ln.x1, ln.bottom) for ln in lines])
    cells: list[TableCell | None] = [TableCell(dehyphenate("\n".join(t)), box) for t in texts]
    return RawTable(page, box, "unruled", [cells], card_values=True)


@dataclass(frozen=True)
class ColumnsSettings:
    slack: float = 3.0  # points: a cell may start this far left of its column
    row_gap: float = 2.0  # line heights: a wider gap ends the rows a page opens with
    aligned_share: float = 0.6  # of the cells start at a column's start: the same columns


COLUMNS = ColumnsSettings()
Span = tuple[float, float]
_NO_SPAN: Span = (float("inf"), float("-inf"))


def column_edges(table: RawTable, before: list[Span]) -> list[Span]:
    """Each column's left and right edge over the table's rows: the leftmost start (a value
    set to the right in one row starts further left in another) and the rightmost end; and
    over `before`, where the same table's columns were on the page before."""
    edges = list(before) if len(before) == table.columns else [_NO_SPAN] * table.columns
    for row in table.rows:
        for i, cell in enumerate(row[: table.columns]):
            if cell is not None and cell.text.strip():
                left, right = edges[i]
                edges[i] = (min(left, cell.bbox[0]), max(right, cell.bbox[2]))
    return edges


def rows_in_columns(
    edges: list[Span],
    lines: list[Line],
    body: float,
    page: int,
    settings: ColumnsSettings = COLUMNS,
) -> RawTable | None:
    """The lines that open a page, read as rows in a band's columns (`starts`, from the page
    before), as far as they keep to them: up to a heading, a wide gap, or a line whose text
    runs across a column's start (a paragraph). None when no line fills two columns, or the
    lines' cells do not start where the columns do (the table was laid out anew)."""
    starts = [left for left, _ in edges]
    if any(left == _NO_SPAN[0] for left in starts) or len(starts) < 2:
        return None
    taken: list[Line] = []
    for line in lines:
        gap = line.top - taken[-1].bottom if taken else 0.0
        if stands_out(line, body) or gap > settings.row_gap * (line.bottom - line.top):
            break
        comment = _comment_goes_on(line, taken[-1] if taken else None, starts, settings)
        if not comment and not _keeps_to(line, starts, settings):
            break
        taken.append(line)
    if not _fills_two_columns(taken, starts, settings) or not _aligned(taken, edges, settings):
        return None
    rows = rows_of(taken, edges, by_column=True)
    box = union([(ln.x0, ln.top, ln.x1, ln.bottom) for ln in taken])
    return RawTable(page, box, "unruled", rows)


def _comment_goes_on(
    line: Line, above: Line | None, starts: list[float], settings: ColumnsSettings
) -> bool:
    """A full-width comment row ("Kommentar: …", "Kommentti: …") and its wrapped lines:
    rows of the band that run across its columns, read later as the progress of the row
    above."""
    if abs(line.x0 - starts[0]) > settings.slack:
        return False
    if _opens_comment(line):
        return True
    if above is None or abs(above.x0 - starts[0]) > settings.slack:
        return False
    comment_above = _opens_comment(above) or (len(cells_of(above)) == 1 and not above.bold)
    return line.text[:1].islower() and comment_above


def _opens_comment(line: Line) -> bool:
    label = LEADING_LABEL.match(line.text)
    return bool(label and label_role(label["label"]) == "progress")


def _fills_two_columns(lines: list[Line], starts: list[float], settings: ColumnsSettings) -> bool:
    return any(len({_column_of(w, starts, settings) for w in line.words}) >= 2 for line in lines)


def _aligned(lines: list[Line], spans: list[Span], settings: ColumnsSettings) -> bool:
    """Most of the lines' cells start at a column's start, as they did on the page before."""
    starts = [left for left, _ in spans]
    firsts = [
        part[0]
        for line in lines
        for words in cells_of(line)
        for part in columns_apart(words, spans)
    ]
    at_start = [
        w for w in firsts if abs(w.x0 - starts[_column_of(w, starts, settings)]) <= settings.slack
    ]
    return len(at_start) >= settings.aligned_share * len(firsts)


def _keeps_to(line: Line, starts: list[float], settings: ColumnsSettings) -> bool:
    """No word of the line runs across a column's start, as a paragraph's words do; a bold
    line alone in the first column (a group row naming the goal) may."""
    cells = cells_of(line)
    if len(cells) == 1 and line.bold and _column_of(cells[0][0], starts, settings) == 0:
        return True
    if line.x0 < starts[0] - settings.slack:
        return False
    return not crosses_a_column(line, starts, settings.slack)


def _column_of(word: Word, starts: list[float], settings: ColumnsSettings) -> int:
    return column_at(word.x0, starts, settings.slack)
