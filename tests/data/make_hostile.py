"""Hostile files for the tests (issue 17, point 8), built at test time into a folder: nothing
large is kept in the repository. Each is small on disk and past one of the readers' caps
(`ReadLimits`), or a good report in hostile clothing:

- rows.xlsx: a sheet whose one cell sits in row 1,048,576 (openpyxl would build every row);
- columns.xlsx: a sheet with a cell in column XFD (16,384);
- huge.txt: 65 MB of text, one MB past the text cap;
- bomb.pdf: a PDF whose one stream unpacks to 200 MB (200 KB packed);
- pages.pdf: a PDF of 5,001 empty pages;
- punycode.html: a good report whose page declares the `punycode` charset (it spun for 300 s);
- a good report whose name holds ESC and BEL.

`python tests/data/make_hostile.py DIR` writes them into DIR; `build(DIR)` returns the bad
files' expected problem rows (kind, message) and the good files' names."""

from __future__ import annotations

import io
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
HTML = ROOT / "samples" / "formats" / "2022-outcome-merged-traffic-lights.html"
_SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>{}</sheetData></worksheet>"
)
_MB = 1024 * 1024


def _refused(what: str) -> tuple[str, str]:
    return "too-large", f"refused before reading: {what}"


# The bad files, and the problem row each must give.
EXPECTED = {
    "rows.xlsx": _refused("a sheet past row 1,048,576 (cap ReadLimits.max_xlsx_rows = 100,000)"),
    "columns.xlsx": _refused(
        "a sheet past column 16,384 (cap ReadLimits.max_xlsx_columns = 1,000)"
    ),
    "huge.txt": _refused("65 MB of text (cap ReadLimits.max_text_mb = 64)"),
    "bomb.pdf": _refused(
        "a stream unpacks to more than 128 MB (cap ReadLimits.max_pdf_stream_mb = 128)"
    ),
    "pages.pdf": _refused("5,001 pages (cap ReadLimits.max_pdf_pages = 5,000)"),
}
GOOD_NAMES = ("punycode.html", "raportti\x1b[31m\x07.html")


def build(folder: Path) -> dict[str, tuple[str, str]]:
    """Write every hostile file into `folder`; the bad files' expected (kind, message)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rows.xlsx").write_bytes(_workbook('<row r="1048576"><c r="A1048576"/></row>'))
    (folder / "columns.xlsx").write_bytes(_workbook('<row r="1"><c r="XFD1"/></row>'))
    _write_huge_text(folder / "huge.txt", 65 * _MB)
    (folder / "bomb.pdf").write_bytes(_pdf([_flate_of_zeros(200 * _MB)], pages=1))
    (folder / "pages.pdf").write_bytes(_pdf([], pages=5001))
    page = HTML.read_text(encoding="utf-8")
    hostile = page.replace("<head>", '<head><meta charset="punycode">', 1)
    for name in GOOD_NAMES:
        (folder / name).write_text(hostile if name == "punycode.html" else page, "utf-8")
    return dict(EXPECTED)


def _workbook(rows: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", _SHEET.format(rows))
    return buffer.getvalue()


def _write_huge_text(path: Path, size: int) -> None:
    line = b"kunta palvelu asukas kehittaa vuosi maara talous koulu\n"
    block = line * (_MB // len(line) + 1)
    with path.open("wb") as handle:
        while handle.tell() < size:
            handle.write(block[: size - handle.tell()])


def _flate_of_zeros(size: int) -> bytes:
    """`size` zero bytes deflated, made a megabyte at a time (never held whole)."""
    packer = zlib.compressobj(9)
    chunk = bytes(_MB)
    return b"".join(packer.compress(chunk) for _ in range(size // _MB)) + packer.flush()


def _pdf(streams: list[bytes], pages: int) -> bytes:
    """A PDF with `pages` empty pages and `streams` as objects of their own, with its xref."""
    first_page = 3 + len(streams)
    kids = " ".join(f"{first_page + i} 0 R" for i in range(pages))
    tree = f"<</Type/Pages/Count {pages}/Kids[{kids}]>>".encode()
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", tree]
    for data in streams:
        header = b"<</Length %d/Filter/FlateDecode>>stream\n" % len(data)
        objects.append(header + data + b"\nendstream")
    objects += [b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


if __name__ == "__main__":
    build(Path(sys.argv[1]))
