"""Tables in fixed-width text: a `pdftotext -layout` dump, or any text set in columns of spaces.

Each run of non-space characters is a word placed where its characters stand, as if set in a
monospaced font, and the PDF's aligned finder reads the page (a form feed starts the next
page). The scale makes the finder's cell gap fall between one space (inside a cell) and two
(between cells). Runs of lines holding tabs are tab-separated tables of their own.
"""

from __future__ import annotations

import re

from goaltables.extract.pdf.aligned import aligned_tables
from goaltables.extract.pdf.words import Line, Word
from goaltables.extract.tables import BBox, RawTable, TableCell
from goaltables.extract.textio import decode_text

_FONT_SIZE = 10.0  # points, so the finder's cell gap is 7.5 points ...
_CHAR_WIDTH = 6.0  # ... between one space (6 points) and two (12)
_LINE_PITCH = 12.0  # a blank line is a gap of 1.4 lines; two end a table
_WORD = re.compile(r"\S+")


def list_text_tables(data: bytes, name: str) -> list[RawTable]:
    """Every table of a text file, page by page."""
    text = decode_text(data, name).text
    tables = []
    for number, page in enumerate(text.split("\f"), start=1):
        rows = page.replace("\r", "").split("\n")
        tables += _tab_tables(rows, number)
        spaced = ["" if "\t" in row else row for row in rows]
        tables += [_in_characters(t) for t in aligned_tables(layout_lines(spaced), number)]
    return tables


def layout_lines(rows: list[str]) -> list[Line]:
    """The text's lines as the finder's lines: a word per run of non-space characters."""
    lines = []
    for index, row in enumerate(rows):
        words = tuple(_word(m.group(), m.start(), index) for m in _WORD.finditer(row))
        if words:
            lines.append(Line(words))
    return lines


def _word(text: str, column: int, row: int) -> Word:
    top = row * _LINE_PITCH
    x0 = column * _CHAR_WIDTH
    x1 = x0 + len(text) * _CHAR_WIDTH
    return Word(text, x0, x1, top, top + _FONT_SIZE, _FONT_SIZE, bold=False, coloured=False)


def _in_characters(table: RawTable) -> RawTable:
    """The table's box in character columns and line numbers (0-based), not in points."""
    x0, top, x1, bottom = table.bbox
    table.bbox = (
        float(round(x0 / _CHAR_WIDTH)),
        float(round(top / _LINE_PITCH)),
        float(round(x1 / _CHAR_WIDTH)),
        float(bottom // _LINE_PITCH),
    )
    return table


def _tab_tables(rows: list[str], page: int) -> list[RawTable]:
    """Runs of lines holding tabs, each a table of tab-separated cells."""
    tables: list[RawTable] = []
    run: list[list[TableCell | None]] = []
    for index, row in enumerate([*rows, ""]):
        if "\t" in row:
            run.append([TableCell(cell.strip()) for cell in row.split("\t")])
        elif run:
            box: BBox = (0.0, float(index - len(run)), 0.0, float(index - 1))
            tables.append(RawTable(page, box, "tab-separated", run))
            run = []
    return tables
