"""Older and other office formats (.doc, .odt, .rtf): LibreOffice converts them to .docx, which
the Word reader reads. LibreOffice runs headless with a profile of its own in a temporary folder
(two runs at once would otherwise fight over the user's profile) and a time limit."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from goaltables.errors import DamagedFile, UnsupportedFormat
from goaltables.extract.docx import read_docx_report
from goaltables.extract.options import ReadOptions
from goaltables.records import DocumentInfo, Extraction

CONVERSION_SECONDS = 180
INSTALL_HINT = (
    "install LibreOffice with `make libreoffice` (Debian package libreoffice-writer-nogui)"
)


def read_office_report(
    data: bytes, doc: DocumentInfo, options: ReadOptions, kind: str
) -> Extraction:
    """Records from a .doc, .odt or .rtf file (`kind`), through LibreOffice."""
    converted = convert_to_docx(data, doc.source, kind)
    extraction = read_docx_report(converted, doc, options)
    described = replace(extraction.document, format=f"{kind} (via LibreOffice)")
    return replace(extraction, document=described)


def convert_to_docx(data: bytes, name: str, kind: str) -> bytes:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise UnsupportedFormat(
            f"{name}: reading .{kind} needs LibreOffice, which is not installed: {INSTALL_HINT}"
        )
    with tempfile.TemporaryDirectory(prefix="goaltables-") as work:
        source = Path(work) / f"report.{kind}"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation=file://{work}/profile",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            work,
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERSION_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise DamagedFile(
                f"{name}: LibreOffice did not convert it in {CONVERSION_SECONDS} s"
            ) from None
        converted = Path(work) / "report.docx"
        if not converted.exists():
            raise DamagedFile(f"{name}: LibreOffice could not read it as .{kind}")
        return converted.read_bytes()


def read_doc_report(data: bytes, doc: DocumentInfo, options: ReadOptions) -> Extraction:
    return read_office_report(data, doc, options, "doc")


def read_odt_report(data: bytes, doc: DocumentInfo, options: ReadOptions) -> Extraction:
    return read_office_report(data, doc, options, "odt")


def read_rtf_report(data: bytes, doc: DocumentInfo, options: ReadOptions) -> Extraction:
    return read_office_report(data, doc, options, "rtf")
