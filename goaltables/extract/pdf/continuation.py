"""A goal card cut right after its header row by a page break: the next page opens with its
values, sometimes with no lines drawn round them (Kauhava, page 60 to 61)."""

from __future__ import annotations

from dataclasses import dataclass

from goaltables.extract.assemble import Row, roles_by_column, row_kind
from goaltables.extract.pdf.geometry import union
from goaltables.extract.pdf.words import Line
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
