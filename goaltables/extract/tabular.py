"""Goal tables from delimited text: clipboard and "text (tab delimited)" exports, like seed 001,
and CSV with `;` (Finnish Excel) or `,` between cells.

The header row is found by its words, not its position; a later header row that differs starts
another table, and one that repeats the current header is dropped, unless a one-cell line right
above it names an area ("Perusopetus"): then it starts that area's table. Rows before the first
header give the title and may hold the rating legend. Quoting follows the spreadsheet convention
(a cell with line breaks comes in double quotes), which the csv module reads.

The delimiter is found, not assumed (`find_delimiter`): a tab where a tab-separated row names
goal-table columns; else `;` or `,` where a row split at it does and the rows under it mostly
have as many cells (prose with commas does not line up so).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from goaltables.extract.assemble import heading_name
from goaltables.extract.grid import Cell, Grid, GridRow, is_goal_header
from goaltables.extract.metadata import looks_like_title
from goaltables.extract.textio import clean_cell


@dataclass(frozen=True, slots=True)
class TextRow:
    line: int
    cells: tuple[str, ...]


@dataclass
class TabularDocument:
    grids: list[Grid] = field(default_factory=list)
    title: str = ""
    other_lines: list[str] = field(default_factory=list)  # text outside the tables (legend)
    notes: list[str] = field(default_factory=list)  # what was lost or guessed


TAB = "\t"


@dataclass(frozen=True, slots=True)
class DelimiterSettings:
    """How `;` and `,` are told apart from text that merely holds them."""

    candidates: tuple[str, ...] = (";", ",")  # tried in order, after the tab
    sample_chars: int = 65_536  # a CSV's header row stands near its start
    same_width_share: float = 0.5  # of the rows under the header, as many cells as it has

    def __post_init__(self) -> None:
        if not 0 < self.same_width_share <= 1 or self.sample_chars < 1:
            raise ValueError("same_width_share must be in (0, 1], sample_chars positive")


def read_rows(text: str, delimiter: str = TAB) -> list[TextRow]:
    """Delimited rows with the line each starts on; blank rows skipped."""
    return split_rows(text, delimiter).rows


def find_delimiter(text: str, settings: DelimiterSettings | None = None) -> str | None:
    """The delimiter of a goal table in `text` (tab, `;` or `,`), or None when it holds none."""
    if _header_index(read_rows(text)) is not None:
        return TAB
    settings = settings or DelimiterSettings()
    sample = text[: settings.sample_chars]
    if len(text) > len(sample):  # cut at a line end: a cut row would not line up
        sample = sample[: sample.rfind("\n") + 1]
    for delimiter in settings.candidates:
        if delimiter in sample and _lines_up(read_rows(sample, delimiter), settings):
            return delimiter
    return None


def _header_index(rows: list[TextRow]) -> int | None:
    return next(
        (i for i, r in enumerate(rows) if len(r.cells) >= 3 and is_goal_header(r.cells)), None
    )


def _lines_up(rows: list[TextRow], settings: DelimiterSettings) -> bool:
    """A goal-table header row, and most rows under it as wide as it."""
    index = _header_index(rows)
    if index is None:
        return False
    width, below = len(rows[index].cells), rows[index + 1 :]
    same = sum(len(r.cells) == width for r in below)
    return bool(below) and same >= settings.same_width_share * len(below)


@dataclass(frozen=True, slots=True)
class SplitRows:
    rows: list[TextRow]
    note: str = ""  # why the quotes were not read as quotes


def split_rows(text: str, delimiter: str = TAB) -> SplitRows:
    """The rows, quoted cells read as spreadsheets write them; where the quotes do not parse
    (a quote never closed swallows the rest of the file; a cell past the csv module's field
    limit raises), line by line with quotes as text, and a note: one stray quote must not
    cost the whole file."""
    try:
        if not _quote_left_open(text, delimiter):
            return SplitRows(_quoted_rows(text, delimiter))
        reason = "a quote is never closed"
    except csv.Error as error:
        reason = str(error)
    return SplitRows(_unquoted_rows(text, delimiter), _QUOTES_NOT_READ.format(reason))


_QUOTES_NOT_READ = "its quoted cells could not be read ({}): read line by line, quotes as text"


def _quoted_rows(text: str, delimiter: str) -> list[TextRow]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows, next_line = [], 1
    for cells in reader:
        if any(clean_cell(c) for c in cells):
            rows.append(TextRow(next_line, tuple(cells)))
        next_line = reader.line_num + 1
    return rows


def _unquoted_rows(text: str, delimiter: str) -> list[TextRow]:
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        cells = tuple(_unquoted(c) for c in line.split(delimiter))
        if any(clean_cell(c) for c in cells):
            rows.append(TextRow(number, cells))
    return rows


def _unquoted(cell: str) -> str:
    """A cell quoted whole on its line loses its quotes (doubled ones become one); other
    quotes stay as they are."""
    if len(cell) >= 2 and cell.startswith('"') and cell.endswith('"'):
        return cell[1:-1].replace('""', '"')
    return cell


def _quote_left_open(text: str, delimiter: str) -> bool:
    """Whether a quoted cell runs to the end of the text: the csv module then gives the rest
    of the file as that one cell, silently. Quotes come in pairs, except a stray one."""
    if text.count('"') % 2 == 0:
        return False
    try:
        for _ in csv.reader(io.StringIO(text), delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def has_goal_header(text: str) -> bool:
    """Whether `text` is delimited text (tab, `;`, `,`) with a goal-table header row."""
    return find_delimiter(text) is not None


def read_tabular(text: str, delimiter: str = TAB) -> TabularDocument:
    doc = TabularDocument()
    header: tuple[str, ...] | None = None
    body: list[GridRow] = []
    area = ""  # the heading over the current table
    split = split_rows(text, delimiter)
    rows = split.rows
    doc.notes += [split.note] if split.note else []
    for index, row in enumerate(rows):
        if len(row.cells) >= 3 and is_goal_header(row.cells):
            if (
                header is not None
                and _same_header(row.cells, header)
                and not _heading_before(rows, index)
            ):
                continue  # the header repeated after a page break
            _close(doc, header, body, area)
            header, body = row.cells, []
            area = _heading_before(rows, index)
        elif header is None:
            _read_outside(doc, row)  # title and legend lines, and a heading over the first table
        elif not _heading_before(rows, index + 1):  # a heading over the next table is no row
            body.append(GridRow(tuple(Cell(c) for c in row.cells), page=None, row=row.line))
    _close(doc, header, body, area)
    return doc


def _heading_before(rows: list[TextRow], index: int) -> str:
    """The area a one-cell line names when a goal-table header follows it at once
    ("Perusopetus", "Varhaiskasvatus: tavoitteiden toteutuminen"); '' otherwise."""
    if not 0 < index < len(rows):
        return ""
    after, before = rows[index], rows[index - 1]
    if not (len(after.cells) >= 3 and is_goal_header(after.cells)):
        return ""
    filled = [clean_cell(c) for c in before.cells if clean_cell(c)]
    if len(filled) != 1 or len(filled[0].split()) > _HEADING_WORDS or filled[0].endswith("."):
        return ""
    if looks_like_title(filled[0]) and index - 1 == 0:
        return ""  # the document's title, not an area
    return heading_name(filled[0])


_HEADING_WORDS = 8


def _same_header(cells: tuple[str, ...], header: tuple[str, ...]) -> bool:
    return [clean_cell(c) for c in cells] == [clean_cell(c) for c in header]


def _close(
    doc: TabularDocument, header: tuple[str, ...] | None, body: list[GridRow], area: str
) -> None:
    if header is not None:
        table = len(doc.grids) + 1
        doc.grids.append(Grid(header=header, rows=tuple(body), table=table, heading_area=area))


def _read_outside(doc: TabularDocument, row: TextRow) -> None:
    text = " ".join(clean_cell(c) for c in row.cells if clean_cell(c))
    if not doc.title and looks_like_title(text):
        doc.title = text
    doc.other_lines.append(text)
