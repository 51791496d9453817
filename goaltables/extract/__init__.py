"""Extract: files in, Records out. One reader per format, chosen by content in `READERS`."""

from __future__ import annotations

import errno
import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import replace
from importlib import import_module
from pathlib import Path

from goaltables.errors import (
    DamagedFile,
    EncryptedFile,
    UnknownEncoding,
    UnreadableFile,
    UnsupportedFormat,
)
from goaltables.extract.options import ReadLimits, ReadOptions
from goaltables.records import DocumentInfo, Extraction

Reader = Callable[[bytes, DocumentInfo, ReadOptions], Extraction]

# Adding a format: a module with a reader, a line here, and a signature in `detect_format`.
# Readers are named, not imported: each brings its libraries (pdfplumber, python-docx,
# openpyxl, lxml) and loads on first use, so reading one text file does not pay for all.
READERS: dict[str, str] = {
    "doc": "goaltables.extract.office:read_doc_report",
    "docx": "goaltables.extract.docx:read_docx_report",
    "html": "goaltables.extract.html:read_html_report",
    "odt": "goaltables.extract.office:read_odt_report",
    "pdf": "goaltables.extract.pdf:read_pdf_report",
    "rtf": "goaltables.extract.office:read_rtf_report",
    "text": "goaltables.extract.text:read_text_report",
    "xlsx": "goaltables.extract.xlsx:read_xlsx_report",
}


def reader(fmt: str) -> Reader:
    """The reader of a format, loaded on first use."""
    module, function = READERS[fmt].split(":")
    found: Reader = getattr(import_module(module), function)
    return found


_SIGNATURES = ((b"%PDF", "pdf"),)

# File endings a folder walk picks up; a file named on the command line is read whatever its name.
REPORT_SUFFIXES = frozenset(
    {
        ".txt",
        ".csv",
        ".tsv",
        ".tab",
        ".text",
        ".pdf",
        ".docx",
        ".html",
        ".htm",
        ".xlsx",
        ".odt",
        ".doc",
        ".rtf",
    }
)

_OLE = b"\xd0\xcf\x11\xe0"
# A web page says so near its start, whatever its extension.
_HTML = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*(?:<!doctype html|<html)", re.I)
# An encrypted .docx/.xlsx is an OLE file holding this stream (its name in UTF-16).
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_WORD_DOCUMENT = "WordDocument".encode("utf-16-le")  # the stream of a Word 97-2003 .doc
# Containers we recognise but do not read yet, so the message can say what the file is.
_NOT_READ_YET = (
    (_OLE, "an OLE file such as an Excel 97-2003 workbook (.xls is not read; save it as .xlsx)"),
)


# What a name's ending promises, and what the content turned out to be, for the note that
# tells a user their file was misnamed (it is read by its content all the same).
_NAMED_FORMATS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".odt": "odt",
    ".rtf": "rtf",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".csv": "text",
    ".tsv": "text",
    ".tab": "text",
    ".text": "text",
}
_FORMAT_NAMES = {
    "pdf": "a PDF",
    "docx": "a Word document (.docx)",
    "doc": "a Word 97-2003 document (.doc)",
    "odt": "an OpenDocument text (.odt)",
    "rtf": "an RTF document",
    "xlsx": "an Excel workbook (.xlsx)",
    "html": "a web page",
    "text": "plain text",
}


def document_id(data: bytes) -> str:
    """A short stable id of the file's bytes: the same file has the same id wherever it lies."""
    return hashlib.sha256(data).hexdigest()[:12]


def detect_format(data: bytes, name: str) -> str:
    """The reader for `data`, chosen by content; UnsupportedFormat names what the file is."""
    # A PDF may have bytes before its header; readers accept it within the first kilobyte.
    for signature, fmt in _SIGNATURES:
        if signature in data[:1024]:
            return fmt
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data, name)
    if _HTML.search(data[:2048]):
        return "html"
    if data.startswith(_OLE) and _ENCRYPTION_INFO in data:
        raise EncryptedFile(
            f"{name}: a password-protected Office document: save it without a password to read it"
        )
    if data.startswith(_OLE) and _WORD_DOCUMENT in data:
        return "doc"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    for signature, what in _NOT_READ_YET:
        if data.startswith(signature):
            raise UnsupportedFormat(f"{name}: {what}")
    if not data.strip():
        raise UnsupportedFormat(f"{name}: the file is empty")
    return "text"


def _zip_format(data: bytes, name: str) -> str:
    """A zip is a Word document, a spreadsheet or an OpenDocument by what it holds."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        raise DamagedFile(f"{name}: a damaged zip file (a .docx is a zip)") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names:
        return _opendocument_kind(data, name)
    raise UnsupportedFormat(f"{name}: a zip file that holds no document goaltables reads")


def _opendocument_kind(data: bytes, name: str) -> str:
    mimetype = (
        zipfile.ZipFile(io.BytesIO(data)).read("mimetype") if b"mimetype" in data[:100] else b""
    )
    if mimetype.strip() == b"application/vnd.oasis.opendocument.text":
        return "odt"
    raise UnsupportedFormat(f"{name}: an OpenDocument file that is not a text document (not read)")


def check_caps(data: bytes, fmt: str, name: str, limits: ReadLimits) -> None:
    """A text or web page over its size cap is refused before it is decoded (a workbook's
    sheets, a PDF's pages and streams are checked as they open: `caps`)."""
    from goaltables.extract.caps import check_text_size

    if fmt in ("text", "html"):
        check_text_size(data, name, limits)


def read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise unreadable(error, path, name) from None


def unreadable(error: OSError, path: Path, name: str) -> UnreadableFile:
    """The one-line error for a file the system will not give us."""
    if isinstance(error, IsADirectoryError):
        return UnreadableFile(f"{name}: is a folder, not a file")
    if error.errno == errno.ELOOP:
        return UnreadableFile(f"{name}: a symbolic link that loops back on itself")
    if isinstance(error, FileNotFoundError):
        if path.is_symlink():
            return UnreadableFile(f"{name}: a symbolic link to a file that is not there")
        return UnreadableFile(f"{name}: no such file")
    if isinstance(error, PermissionError):
        return UnreadableFile(f"{name}: permission denied")
    return UnreadableFile(f"{name}: cannot be read ({error.strerror})")


def extract(
    path: str | Path, source: str | None = None, options: ReadOptions | None = None
) -> Extraction:
    """Read one report; `source` is the name it carries in the dataset (default: the path)."""
    path = Path(path)
    name = source if source is not None else str(path)
    return extract_bytes(read_bytes(path, name), name, options)


def extract_bytes(data: bytes, source: str, options: ReadOptions | None = None) -> Extraction:
    """Read one report held in memory (stdin, say); `source` is its name in the dataset."""
    fmt = detect_format(data, source)
    doc = DocumentInfo(doc_id=document_id(data), source=source, format=fmt)
    suffix = Path(source).suffix
    named = _NAMED_FORMATS.get(suffix.lower())
    if named is not None and named != fmt:
        note = f"named {suffix} but it is {_FORMAT_NAMES[fmt]}: read as that"
        doc = replace(doc, problems=(note,))
    options = options or ReadOptions()
    check_caps(data, fmt, source, options.limits)
    try:
        return reader(fmt)(data, doc, options)
    except UnknownEncoding:
        if named in (None, "text", "html"):
            raise
        # Bytes that are neither what the name promises nor text: say what was expected.
        raise DamagedFile(
            f"{source}: not {_FORMAT_NAMES[named]} as its name says, nor text: damaged, or not "
            "a report"
        ) from None


__all__ = [
    "READERS",
    "REPORT_SUFFIXES",
    "ReadLimits",
    "ReadOptions",
    "check_caps",
    "detect_format",
    "document_id",
    "extract",
    "extract_bytes",
    "unreadable",
]
