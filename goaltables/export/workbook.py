"""`OUT/goals.xlsx`: the dataset as one workbook for spreadsheet users.

Sheets goals, comparison, documents, links and problems; on each the header row is frozen and
filters are on, text wraps within sensible widths, rows are as tall as their wrapped text, and
status cells are coloured as traffic lights (Excel's own "good / neutral / bad" fills, so they
read as a spreadsheet user expects). A sheet opens with the columns a reader looks for (area,
goal, measure; a document's file and title), the ids last. It prints: landscape A4, fit to the
page's width, the header row on every page (`PrintSettings`).

Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
return) is stored as a text cell with Excel's quote prefix, as OWASP recommends against CSV
(and spreadsheet) injection: it shows exactly as read and is never evaluated, also after the
cell is edited. Control characters (an HTML cell's `&#27;`), which a workbook cannot hold, are
written as escapes (`\\x1b`); `escaping` notes them in problems. Written with openpyxl in
write-only mode: rows stream to the file, so a comparison of 200 documents (400 columns) does
not build a million cell objects first."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from goaltables.errors import OutputError
from goaltables.escapes import SPREADSHEET_UNSAFE, escape
from goaltables.export.schema import FORMULA_STARTS

# Fill and font per status: Excel's "Good", "Neutral" and "Bad" cell styles, and a grey.
STATUS_STYLES = {
    "green": ("C6EFCE", "006100"),
    "yellow": ("FFEB9C", "9C5700"),
    "red": ("FFC7CE", "9C0006"),
    "grey": ("D9D9D9", "3F3F3F"),
}
_WIDEST, _NARROWEST = 60, 6
_BOOLEAN = '"TRUE";"TRUE";"FALSE"'
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEADER_FONT = Font(bold=True)
_FILLS = {
    s: PatternFill("solid", start_color=f, end_color=f) for s, (f, _) in STATUS_STYLES.items()
}
_FONTS = {s: Font(color=c) for s, (_, c) in STATUS_STYLES.items()}

# The columns a sheet opens with, for a reader (the CSV keeps the contract's order), and the ids
# it ends with: a hash is no first column.
LEADING_COLUMNS = {
    "goals": ("area", "goal_no", "goal", "measure_no", "measure"),
    "comparison": ("area", "goal_no", "goal"),
    "documents": ("source", "title"),
}
TRAILING_COLUMNS = ("doc_id", "goal_id")


@dataclass(frozen=True, slots=True)
class PrintSettings:
    """How the sheets print and how tall a row of wrapped text is."""

    landscape: bool = True
    paper_size: int = 9  # Excel's code for A4
    line_height: float = 15.0  # points per line of the default font (Calibri 11)
    tallest_row: float = 409.0  # Excel's limit, in points
    # Letters of text per unit of column width (the width of a "0"): a letter is narrower than
    # a "0" on average, but a line wraps at a space before its end. Calc set the goals of the
    # sample series about 1.4 letters a unit; 1.1 errs towards a row too tall, never a line cut.
    letters_per_width: float = 1.1

    def __post_init__(self) -> None:
        if not 0 < self.line_height <= self.tallest_row <= 409:
            raise ValueError("PrintSettings: need 0 < line_height <= tallest_row <= 409")
        if self.letters_per_width <= 0:
            raise ValueError("PrintSettings: letters_per_width must be positive")


def write_workbook(
    path: Path, sheets: dict[str, pd.DataFrame], settings: PrintSettings | None = None
) -> None:
    """One sheet per table, in the order given."""
    settings = settings or PrintSettings()
    book = Workbook(write_only=True)
    try:
        for name, frame in sheets.items():
            _write_sheet(book.create_sheet(name), readable_order(name, frame), settings)
    except Exception:
        _close_quietly(book)
        raise
    book.save(path)


def _close_quietly(book: Workbook) -> None:
    """Close the sheets of a workbook that will not be saved: a sheet left half-written
    raises again, out of context, when Python collects it."""
    for sheet in book.worksheets:
        with contextlib.suppress(Exception):
            sheet.close()


def readable_order(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The sheet's columns: its leading ones first, the ids last, the rest in between."""
    leading = [c for c in LEADING_COLUMNS.get(name, ()) if c in frame.columns]
    if not leading:
        return frame
    trailing = [c for c in TRAILING_COLUMNS if c in frame.columns]
    middle = [c for c in frame.columns if c not in leading and c not in trailing]
    return frame[[*leading, *middle, *trailing]]


def _write_sheet(sheet: WriteOnlyWorksheet, frame: pd.DataFrame, settings: PrintSettings) -> None:
    columns = list(frame.columns)
    widths = [_width(frame, column) for column in columns]
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
    last = get_column_letter(max(1, len(columns)))
    sheet.auto_filter.ref = f"A1:{last}{len(frame) + 1}"
    _set_up_printing(sheet, settings)
    _set_height(sheet, 1, columns, widths, settings)
    sheet.append([_header(sheet, column) for column in columns])
    kinds = list(zip([_is_status(c) for c in columns], widths, strict=True))
    sources = frame["source"] if "source" in frame.columns else None
    for number, values in enumerate(frame.itertuples(index=False, name=None)):
        try:
            plains = [_plain(value) for value in values]
            tall = _set_height(sheet, number + 2, plains, widths, settings)
            cells = [_cell(sheet, p, *kind, tall) for p, kind in zip(plains, kinds, strict=True)]
            sheet.append(cells)
        except Exception as error:  # say where: the one line must lead to the file
            source = f" (from {sources.iloc[number]})" if sources is not None else ""
            raise OutputError(
                f"sheet {sheet.title}, row {number + 2}{source}: {type(error).__name__}: {error}"
            ) from error


def _set_up_printing(sheet: WriteOnlyWorksheet, settings: PrintSettings) -> None:
    """Landscape, as wide as the page and as many pages long as it takes, the header row
    repeated on each page."""
    sheet.page_setup.orientation = "landscape" if settings.landscape else "portrait"
    sheet.page_setup.paperSize = settings.paper_size
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # no limit: rows go on to the next page
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _set_height(
    sheet: WriteOnlyWorksheet,
    row: int,
    plains: Sequence[object],
    widths: list[float],
    settings: PrintSettings,
) -> bool:
    """Make a row as tall as its most wrapped cell (a streamed row's height is set before it
    is written; Excel and Calc do not grow rows themselves when a file says nothing); whether
    it is taller than one line."""
    lines = max((_lines(p, w, settings) for p, w in zip(plains, widths, strict=True)), default=1)
    if lines > 1:
        height = min(settings.tallest_row, lines * settings.line_height)
        sheet.row_dimensions[row].height = height
    return lines > 1


def _lines(plain: object, width: float, settings: PrintSettings) -> int:
    """How many lines a cell's value wraps to in a column `width` units wide (the margins of
    a cell take about two)."""
    if not isinstance(plain, str):
        return 1
    per_line = max(1, int((width - 2) * settings.letters_per_width))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in plain.split("\n"))


def _header(sheet: WriteOnlyWorksheet, name: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=escape(name, SPREADSHEET_UNSAFE))
    cell.font = _HEADER_FONT
    cell.alignment = _WRAP
    return cell


def _cell(
    sheet: WriteOnlyWorksheet, plain: object, status_column: bool, width: float, tall: bool
) -> object:
    """The value (`_plain`) as it is, or a styled cell where it needs one: styling every cell of
    a wide, mostly empty comparison (200 documents: 800,000 cells) took seconds for nothing. In
    a row taller than one line every value is set at the top, where the wrapped text starts."""
    if plain is None or plain == "":
        return None
    formula_like = isinstance(plain, str) and plain.startswith(FORMULA_STARTS)
    wraps = isinstance(plain, str) and (len(plain) > width - 2 or "\n" in plain)
    coloured = status_column and plain in _FILLS
    if not (formula_like or wraps or coloured or tall or isinstance(plain, bool)):
        return plain
    cell = WriteOnlyCell(sheet, value=plain)
    cell.alignment = _WRAP
    if formula_like:
        cell.data_type = "s"  # text, never a formula
        cell.quotePrefix = True  # and stays text when a person edits the cell
    if isinstance(plain, bool):
        cell.number_format = _BOOLEAN  # LibreOffice would show 1 and 0 otherwise
    if coloured:
        cell.fill, cell.font = _FILLS[str(plain)], _FONTS[str(plain)]
    return cell


def _plain(value: object) -> object:
    """pandas' missing values as empty cells; numpy numbers as Python's; text with what a
    spreadsheet cannot hold (ESC, a lone surrogate) written as escapes."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return escape(value, SPREADSHEET_UNSAFE)
    return value.item() if hasattr(value, "item") else value


def _is_status(column: str) -> bool:
    return column == "status" or column.endswith(" status")


def _width(frame: pd.DataFrame, column: str) -> float:
    """Wide enough for most of the column's values (the 90th percentile), never wider than
    _WIDEST: longer text wraps."""
    lengths = frame[column].astype("string").fillna("").str.len()
    typical = float(lengths.quantile(0.9)) if len(lengths) else 0.0
    return float(
        min(_WIDEST, max(_NARROWEST, len(column) if len(column) < 20 else 20, typical)) + 2
    )
