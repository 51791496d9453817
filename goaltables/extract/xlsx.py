"""Spreadsheets (.xlsx) with openpyxl: goal tables kept in a workbook.

Each sheet is read row by row. Rows with one text cell before a table are its title, headings
and legend ("● 2 = tavoite toteutui", the ● in the legend's colour); a goal table starts at a
row that names goal-table columns and runs to the next empty row. Merged ranges give their text
to their top-left cell (the places they cover are None, as for merged cells elsewhere); a ●'s
font colour or a cell's fill is its colour. Numbers are shown as the cell's format shows them
("85 %"), not as stored (0.85).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from openpyxl import load_workbook

from goaltables.errors import DamagedFile
from goaltables.extract.assemble import FlowAssembler
from goaltables.extract.build import extraction_from_grids
from goaltables.extract.caps import check_sheets
from goaltables.extract.grid import is_goal_header
from goaltables.extract.metadata import describe
from goaltables.extract.options import ReadLimits, ReadOptions
from goaltables.extract.ratings import (
    Legend,
    coloured_entry,
    find_legend,
    merge_legend,
    nearest_status,
)
from goaltables.extract.tables import NO_BOX, Heading, RawTable, TableCell
from goaltables.extract.textio import collapse_spaces
from goaltables.extract.zips import check_zip
from goaltables.records import DocumentInfo, Extraction

_BALL = "●"


def read_xlsx_report(data: bytes, doc: DocumentInfo, options: ReadOptions) -> Extraction:
    """Records from a workbook."""
    workbook = _open_workbook(data, doc.source, options.limits)
    reader = _SheetReader()
    for sheet in workbook.worksheets:
        reader.read_sheet(sheet)
    reader.close_band()
    doc = _describe(doc, reader, workbook.properties.title or "")
    legend = reader.legend or find_legend(reader.texts)
    return extraction_from_grids(doc, reader.grids, legend, f"in {len(workbook.worksheets)} sheets")


def _open_workbook(data: bytes, name: str, limits: ReadLimits | None = None) -> Any:
    check_zip(data, name, "xl/workbook.xml", "Excel workbook")
    check_sheets(data, name, limits or ReadLimits())
    try:
        return load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises many kinds for broken parts
        raise DamagedFile(f"{name}: damaged workbook ({type(error).__name__})") from None


@dataclass
class _SheetReader(FlowAssembler):
    texts: list[str] = field(default_factory=list)
    legend: Legend | None = None

    def read_sheet(self, sheet: Any) -> None:
        covered = _covered_places(sheet)
        table: list[list[TableCell | None]] = []
        for row in sheet.iter_rows():
            cells = [None if (c.row, c.column) in covered else _cell(c) for c in row]
            texts = [c.text for c in cells if c is not None and c.text]
            if table and not any(c is not None and (c.text or c.colour) for c in cells):
                self._end_table(table)  # an empty row ends a table
                table = []
            elif table or is_goal_header([c.text if c else "" for c in cells]):
                table.append(cells)
            elif len(texts) == 1:
                self._text_row(texts[0], cells, row)
        self._end_table(table)

    def _end_table(self, rows: list[list[TableCell | None]]) -> None:
        if rows:
            self.take_table(RawTable(0, NO_BOX, "xlsx", rows))

    def _text_row(self, text: str, cells: list[TableCell | None], row: Any) -> None:
        line = collapse_spaces(text)
        self.texts.append(line)
        colour = next(
            (c.colour.split()[1] for c in cells if c is not None and c.colour.startswith("●")), ""
        )
        entry = coloured_entry(line.replace(_BALL, " ").strip(), colour) if colour else None
        if entry:
            self.legend = merge_legend(self.legend, [entry]) or Legend((entry,))
            return
        font = next((c.font for c in row if c.value), None)
        size = float(font.sz or 11) if font is not None else 11.0
        self.headings.append(
            Heading(line, 0, float(len(self.texts)), (size, False, bool(font and font.b)))
        )


def list_xlsx_tables(data: bytes, name: str) -> list[RawTable]:
    """Every table of a workbook: in each sheet, the runs of rows between empty rows; the
    sheet's number stands as the table's page."""
    workbook = _open_workbook(data, name)
    tables = []
    for number, sheet in enumerate(workbook.worksheets, start=1):
        tables += [RawTable(number, NO_BOX, "xlsx", rows) for rows in _row_runs(sheet)]
    return tables


def _row_runs(sheet: Any) -> list[list[list[TableCell | None]]]:
    covered = _covered_places(sheet)
    runs: list[list[list[TableCell | None]]] = [[]]
    for row in sheet.iter_rows():
        cells = [None if (c.row, c.column) in covered else _cell(c) for c in row]
        if any(_has_text(c) for c in cells):
            runs[-1].append(cells)
        elif runs[-1]:
            runs.append([])  # an empty row ends a table
    return [_without_empty_columns(_without_title_rows(rows)) for rows in runs if rows]


def _without_title_rows(rows: list[list[TableCell | None]]) -> list[list[TableCell | None]]:
    """Rows of one cell above a table are its title, headings and legend, not its rows."""
    first = next((i for i, row in enumerate(rows) if sum(map(_has_text, row)) > 1), 0)
    return rows[first:]


def _without_empty_columns(rows: list[list[TableCell | None]]) -> list[list[TableCell | None]]:
    """A run's rows cut to the columns that hold text (a sheet's used range is wider)."""
    width = max(len(r) for r in rows)
    used = [i for i in range(width) if any(i < len(r) and _has_text(r[i]) for r in rows)]
    if not used:
        return rows
    return [[r[i] if i < len(r) else None for i in range(used[0], used[-1] + 1)] for r in rows]


def _has_text(cell: TableCell | None) -> bool:
    return cell is not None and bool(cell.text)


def _covered_places(sheet: Any) -> set[tuple[int, int]]:
    """Every place a merged range covers but its top-left cell."""
    places = set()
    for merged in sheet.merged_cells.ranges:
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                if (row, column) != (merged.min_row, merged.min_col):
                    places.add((row, column))
    return places


def _cell(cell: Any) -> TableCell:
    text = _shown(cell)
    font_colour = _rgb(cell.font.color if cell.font else None)
    if _BALL in text and font_colour:
        return TableCell(text.replace(_BALL, "").strip(), NO_BOX, f"● {font_colour}")
    fill = cell.fill
    fill_colour = _rgb(fill.fgColor) if fill is not None and fill.fill_type == "solid" else ""
    coloured = fill_colour and nearest_status(fill_colour[1:])
    return TableCell(text, NO_BOX, f"fill {fill_colour}" if coloured else "")


def _shown(cell: Any) -> str:
    """The value as the cell shows it."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "kyllä" if value else "ei"
    if isinstance(value, int | float) and "%" in (cell.number_format or ""):
        return f"{value * 100:g} %".replace(".", ",")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")  # Finnish decimal comma, as reports print
    return str(value).strip()


def _rgb(colour: Any) -> str:
    """An openpyxl colour as '#RRGGBB'; '' for theme and indexed colours it cannot resolve."""
    value = getattr(colour, "rgb", None)
    if isinstance(value, str) and len(value) in (6, 8) and value.isalnum():
        return "#" + value[-6:].upper()
    return ""


def _describe(doc: DocumentInfo, reader: _SheetReader, title: str) -> DocumentInfo:
    return describe(doc, "xlsx", [title, *reader.texts[:15]], "\n".join(reader.texts), None, title)
