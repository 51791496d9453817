"""The table layer for every format: all of a file's tables, goal tables or not, as RawTables.

One lister per format, chosen by content as `READERS` chooses readers, each reusing its
format's reader: Word's XML walk (also for .doc, .odt and .rtf after LibreOffice makes them
.docx), a workbook's sheets, a web page's `<table>`s, a PDF's ruled and aligned tables, the
columns of a text dump. `page` is the PDF page, the sheet of a workbook, the form-feed page of
a text file, and 0 where the format has no pages (Word, HTML).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from goaltables.errors import UsageError
from goaltables.extract import ReadLimits, check_caps, detect_format, read_bytes
from goaltables.extract.tables import RawTable

Lister = Callable[[bytes, str], list[RawTable]]

LISTERS: dict[str, str] = {
    "doc": "goaltables.extract.listing:list_office_tables",
    "docx": "goaltables.extract.docx:list_docx_tables",
    "html": "goaltables.extract.html:list_html_tables",
    "odt": "goaltables.extract.listing:list_office_tables",
    "rtf": "goaltables.extract.listing:list_office_tables",
    "text": "goaltables.extract.layout:list_text_tables",
    "xlsx": "goaltables.extract.xlsx:list_xlsx_tables",
}


def list_file_tables(
    path: Path, pages: list[int] | None = None, password: str | None = None
) -> list[RawTable]:
    """Every table of a file; `pages` picks PDF pages, sheets or text pages."""
    name = str(path)
    data = read_bytes(path, name)
    fmt = detect_format(data, name)
    check_caps(data, fmt, name, ReadLimits())
    if fmt == "pdf":
        from goaltables.extract.pdf import list_tables

        return list_tables(data, name, pages, password)
    module, function = LISTERS[fmt].split(":")
    lister: Lister = getattr(import_module(module), function)
    found = lister(data, name)
    if pages and any(t.page == 0 for t in found):
        raise UsageError(f"{name}: {fmt} has no pages; leave out --pages")
    return [t for t in found if not pages or t.page in pages]


def list_office_tables(data: bytes, name: str) -> list[RawTable]:
    """A .doc, .odt or .rtf file's tables, read from the .docx LibreOffice makes of it."""
    from goaltables.extract.docx import list_docx_tables
    from goaltables.extract.office import convert_to_docx

    kind = detect_format(data, name)
    return list_docx_tables(convert_to_docx(data, name, kind), name)
