"""Make the bad PDFs in tests/data/bad-pdf/ that tests/test_pdf_opening.py opens.

Real archives hold PDFs that are encrypted, cut short by a failed download, not PDFs at all,
scans without a text layer, or drawn on absurd page sizes. Each fixture is one such case, small
(well under 50 KB) and committed, so the tests need none of the tools that made them.

Run from the repository root. It needs pypdf, reportlab, Pillow and cryptography, which the
project does not depend on, so use a separate venv, and qpdf (apt-get install qpdf) for the
linearized file:

    python3 -m venv /tmp/fixtures-venv
    /tmp/fixtures-venv/bin/pip install pypdf reportlab Pillow cryptography
    /tmp/fixtures-venv/bin/python tests/data/make_bad_pdfs.py

The output is deterministic (fixed ids, no dates, seeded noise) so that rerunning it changes
nothing unless this script changed.
"""

from __future__ import annotations

import io
import random
import secrets
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, NumberObject
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
OUT = HERE / "bad-pdf"
SAMPLE = HERE.parents[1] / "samples" / "pdf" / "2022-interim-sv-delarsrapport.pdf"

USER_PASSWORD = "salasana"
OWNER_PASSWORD = "omistaja"
HUGE = 20000.0  # points: about 7 m square, far beyond A0's long side (3370 pt)

# A goal-table header and a rating legend, so that an opened fixture also has something to triage.
GOAL_LINES = (
    "Tavoite   Mittari   Tavoitetaso   Toteuma   Arvio",
    "1. Kirjastokäynnit lisääntyvät.   Käynnit / asukas   5,5   5,6   2",
    "2 = tavoite toteutui",
    "1 = tavoite toteutui osittain",
    "0 = tavoite ei toteutunut",
)


def text_pdf(size: tuple[float, float] = A4, lines: tuple[str, ...] = GOAL_LINES) -> bytes:
    """One page with `lines` of real text (Helvetica covers ä and ö in WinAnsi)."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=size, invariant=True, pageCompression=1)
    _write_lines(page, lines, size)
    page.showPage()
    page.save()
    return buffer.getvalue()


def _write_lines(page: canvas.Canvas, lines: tuple[str, ...], size: tuple[float, float]) -> None:
    page.setFont("Helvetica", 11)
    y = size[1] - 72
    for line in lines:
        page.drawString(72, y, line)
        y -= 16


def encrypted(user_password: str) -> bytes:
    """The text page encrypted with AES-128; an empty user password makes it owner-only."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    with _seeded_secrets():
        writer.encrypt(user_password, OWNER_PASSWORD, algorithm="AES-128")
        return _written(writer)


@contextmanager
def _seeded_secrets() -> Iterator[None]:
    """pypdf draws the /ID and the AES IVs from `secrets`; seeded bytes keep the file stable."""
    seeded = random.Random(7)
    original = secrets.token_bytes
    secrets.token_bytes = lambda n=32: seeded.randbytes(n)  # type: ignore[assignment]
    try:
        yield
    finally:
        secrets.token_bytes = original


def truncated() -> bytes:
    """A real small PDF cut in half, as a broken download leaves it."""
    data = SAMPLE.read_bytes()
    return data[: len(data) // 2]


def truncated_linearized() -> bytes:
    """A linearized ("fast web view") PDF cut at 90 %: its first-page cross-reference table is at
    the start, so pdfium opens it, but pdfminer finds no page tree in what is left."""
    lines = tuple(f"Sivu {n}: {line}" for n in range(1, 4) for line in GOAL_LINES)
    with tempfile.TemporaryDirectory() as folder:
        plain, linear = Path(folder) / "plain.pdf", Path(folder) / "linear.pdf"
        plain.write_bytes(_three_pages(lines))
        subprocess.run(["qpdf", "--linearize", "--deterministic-id", plain, linear], check=True)
        data = linear.read_bytes()
    return data[: len(data) * 9 // 10]


def _three_pages(lines: tuple[str, ...]) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    for start in range(0, len(lines), len(GOAL_LINES)):
        _write_lines(page, lines[start : start + len(GOAL_LINES)], A4)
        page.showPage()
    page.save()
    return buffer.getvalue()


def corrupt() -> bytes:
    """A PDF header followed by noise: passes a signature check, is no PDF."""
    noise = random.Random(3).randbytes(4000)
    return b"%PDF-1.7\n" + noise


def zero_pages() -> bytes:
    """A well-formed document whose page tree is empty."""
    return _written(PdfWriter())


def scan() -> bytes:
    """An image-only page, as a scanner makes: pixels of text, no text layer."""
    image = Image.new("L", (420, 300), 255)
    draw = ImageDraw.Draw(image)
    for row in range(12):  # grey bars where a scanned table's lines would be
        draw.rectangle((20, 20 + row * 22, 400, 30 + row * 22), fill=90)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    page.drawImage(ImageReader(image), 72, 400, width=420, height=300)
    page.showPage()
    page.save()
    return buffer.getvalue()


def huge_page() -> bytes:
    """One page of 20000 × 20000 pt with text on it: every page is too large."""
    return text_pdf(size=(HUGE, HUGE))


def huge_by_user_unit() -> bytes:
    """An A4 MediaBox scaled by /UserUnit 10: 2.1 × 3 m on paper, A4 to pdfium and pdfminer."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.pages[0][NameObject("/UserUnit")] = NumberObject(10)
    return _written(writer)


def huge_and_normal() -> bytes:
    """A huge first page and a normal A4 page with a goal table: only page 2 is read."""
    writer = PdfWriter()
    for data in (huge_page(), text_pdf()):
        writer.append(PdfReader(io.BytesIO(data)))
    return _written(writer)


def _written(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


FIXTURES: dict[str, Callable[[], bytes]] = {
    "encrypted-user-password.pdf": lambda: encrypted(USER_PASSWORD),
    "encrypted-owner-only.pdf": lambda: encrypted(""),
    "truncated.pdf": truncated,
    "truncated-linearized.pdf": truncated_linearized,
    "corrupt.pdf": corrupt,
    "zero-pages.pdf": zero_pages,
    "scan.pdf": scan,
    "huge-page.pdf": huge_page,
    "huge-user-unit.pdf": huge_by_user_unit,
    "huge-and-normal.pdf": huge_and_normal,
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, make in FIXTURES.items():
        data = make()
        (OUT / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
