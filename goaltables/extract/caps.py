"""Refuse early what cannot be a report (`ReadLimits`): a text over its size cap, a workbook
whose sheets run past their row or column cap, a PDF with too many pages or a stream that
unpacks past its cap. Each check reads only as far as its cap, in constant memory."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO

from lxml import etree

from goaltables.errors import TooLarge
from goaltables.extract.options import ReadLimits

_MB = 1024 * 1024
_CHUNK = 64 * 1024
_STREAM_START = re.compile(rb"(?<!end)stream\r?\n")
_CELL_REFERENCE = re.compile(r"([A-Z]+)(\d+)")


def refuse(name: str, what: str, cap: str, value: int) -> TooLarge:
    """The one-line error: the file, what it holds, and the cap by its setting's name."""
    return TooLarge(f"{name}: refused before reading: {what} (cap ReadLimits.{cap} = {value:,})")


def check_text_size(data: bytes, name: str, limits: ReadLimits) -> None:
    if len(data) > limits.max_text_mb * _MB:
        raise refuse(name, f"{len(data) // _MB} MB of text", "max_text_mb", limits.max_text_mb)


def check_pdf_pages(count: int, name: str, limits: ReadLimits) -> None:
    if count > limits.max_pdf_pages:
        raise refuse(name, f"{count:,} pages", "max_pdf_pages", limits.max_pdf_pages)


def check_pdf_streams(data: bytes, name: str, limits: ReadLimits) -> None:
    """Unpack every Flate stream as far as the cap (the output thrown away as it comes)."""
    cap = limits.max_pdf_stream_mb * _MB
    view = memoryview(data)
    for match in _STREAM_START.finditer(data):
        end = data.find(b"endstream", match.end())
        if _inflated_size(view[match.end() : end if end >= 0 else len(data)], cap) > cap:
            raise refuse(
                name,
                f"a stream unpacks to more than {limits.max_pdf_stream_mb} MB",
                "max_pdf_stream_mb",
                limits.max_pdf_stream_mb,
            )


def _inflated_size(packed: memoryview, cap: int) -> int:
    """Bytes `packed` inflates to, counted up to just past `cap`; 0 for what is no zlib."""
    inflater = zlib.decompressobj()
    total = 0
    try:
        for start in range(0, len(packed), _CHUNK):
            pending = bytes(packed[start : start + _CHUNK])
            while pending and total <= cap and not inflater.eof:
                total += len(inflater.decompress(pending, _CHUNK * 16))
                pending = inflater.unconsumed_tail
            if inflater.eof or total > cap:
                break
    except zlib.error:
        pass  # not Flate (an image's JPEG), or damaged: pdfium decides
    return total


def check_sheets(data: bytes, name: str, limits: ReadLimits) -> None:
    """The last row and column of every worksheet, read as a stream of XML events (a sheet of
    a million rows is refused without building one)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in archive.namelist():
            if part.startswith("xl/worksheets/") and part.endswith(".xml"):
                with archive.open(part) as sheet:
                    _check_sheet(sheet, name, limits)


def _check_sheet(sheet: IO[bytes], name: str, limits: ReadLimits) -> None:
    for row, column in _row_extents(sheet):
        if row > limits.max_xlsx_rows:
            raise refuse(name, f"a sheet past row {row:,}", "max_xlsx_rows", limits.max_xlsx_rows)
        if column > limits.max_xlsx_columns:
            raise refuse(
                name,
                f"a sheet past column {column:,}",
                "max_xlsx_columns",
                limits.max_xlsx_columns,
            )


def _row_extents(sheet: IO[bytes]) -> Iterator[tuple[int, int]]:
    """(row number, last column) of every row; each row is dropped once seen."""
    number = 0
    for _, row in etree.iterparse(sheet, events=("end",), tag="{*}row", resolve_entities=False):
        given = row.get("r") or ""
        number = int(given) if given.isdigit() else number + 1
        yield number, _last_column(row)
        row.clear()
        while row.getprevious() is not None:
            del row.getparent()[0]


def _last_column(row: etree._Element) -> int:
    cells = list(row)
    if not cells:
        return 0
    found = _CELL_REFERENCE.fullmatch(cells[-1].get("r") or "")
    return _column_number(found.group(1)) if found else len(cells)


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number
