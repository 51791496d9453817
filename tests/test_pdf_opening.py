"""Opening PDFs: each kind of bad file gives its one-line error, and triage picks the right pages.

The bad files are in tests/data/bad-pdf/, made by tests/data/make_bad_pdfs.py (its docstring says
how); the real report is read in place from ../shared/real/ and the test fails if it is missing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from goaltables.errors import DamagedFile, EncryptedFile, NoTextLayer
from goaltables.extract.pdf.opening import OpenedPdf, candidate_pages, open_pdf

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "data" / "bad-pdf"
SAMPLES = ROOT / "samples" / "pdf"
KAUHAVA = Path(__file__).resolve().parents[2] / "shared" / "real" / "kauhava-tilinpaatos-2024.pdf"


def open_bad(name: str, password: str | None = None) -> OpenedPdf:
    return open_pdf((BAD / name).read_bytes(), name, password)


def exactly(message: str) -> str:
    return f"^{re.escape(message)}$"


# --- refusals ------------------------------------------------------------------------------------


def test_encrypted_without_password_asks_for_it() -> None:
    message = "encrypted-user-password.pdf: encrypted: give its password with --password"
    with pytest.raises(EncryptedFile, match=exactly(message)):
        open_bad("encrypted-user-password.pdf")


def test_encrypted_with_wrong_password_says_so() -> None:
    message = "encrypted-user-password.pdf: encrypted: the password given does not open it"
    with pytest.raises(EncryptedFile, match=exactly(message)):
        open_bad("encrypted-user-password.pdf", password="väärä")


def test_truncated_file_is_damaged() -> None:
    message = (
        "truncated.pdf: damaged or truncated PDF "
        "(it stops before its end-of-file marker: cut short?)"
    )
    with pytest.raises(DamagedFile, match=exactly(message)):
        open_bad("truncated.pdf")


def test_truncated_linearized_file_opens_in_pdfium_but_not_in_pdfminer() -> None:
    # Its first-page cross-reference table survives the cut: pdfium reads all three pages,
    # pdfminer finds no page tree, and tables are read with pdfminer, so the file is damaged.
    message = (
        "truncated-linearized.pdf: damaged or truncated PDF "
        "(pdfium opens it but pdfminer finds no pages)"
    )
    with pytest.raises(DamagedFile, match=exactly(message)):
        open_bad("truncated-linearized.pdf")


def test_garbage_after_the_header_is_damaged() -> None:
    message = (
        "corrupt.pdf: damaged or truncated PDF (no PDF objects after the header: not really a PDF)"
    )
    with pytest.raises(DamagedFile, match=exactly(message)):
        open_bad("corrupt.pdf")


def test_zero_pages() -> None:
    # pdfium refuses an empty page tree as a "data format error"; pdfminer tells it apart.
    with pytest.raises(DamagedFile, match=exactly("zero-pages.pdf: the PDF has no pages")):
        open_bad("zero-pages.pdf")


def test_scan_has_no_text_layer() -> None:
    message = (
        "scan.pdf: no text layer (a scanned document?); OCR is not available, "
        "so nothing can be read"
    )
    with pytest.raises(NoTextLayer, match=exactly(message)):
        open_bad("scan.pdf")


def test_every_page_huge() -> None:
    message = "huge-page.pdf: every page is larger than A0; nothing was read"
    with pytest.raises(DamagedFile, match=exactly(message)):
        open_bad("huge-page.pdf")


def test_not_a_pdf_at_all_is_damaged() -> None:
    message = (
        "notes.pdf: damaged or truncated PDF (no PDF objects after the header: not really a PDF)"
    )
    with pytest.raises(DamagedFile, match=exactly(message)):
        open_pdf(b"%PDF-1.4\nthis is a text file with a PDF header\n", "notes.pdf")


# --- files that open -----------------------------------------------------------------------------


def test_the_password_opens_the_encrypted_file_and_its_text_reads() -> None:
    with open_bad("encrypted-user-password.pdf", password="salasana") as opened:
        assert [page.number for page in opened.pages] == [1]
        assert opened.pages[0].text.startswith("Tavoite Mittari Tavoitetaso Toteuma Arvio\n")
        assert "1. Kirjastokäynnit lisääntyvät." in opened.pages[0].text
        # pdfplumber was opened with the same password: its page reads too.
        assert "Kirjastokäynnit" in (opened.plumber.pages[0].extract_text() or "")
        assert opened.notes == []
        assert opened.skipped == frozenset()


def test_owner_password_only_opens_without_one() -> None:
    with open_bad("encrypted-owner-only.pdf") as opened:
        assert len(opened.pages) == 1
        assert "2 = tavoite toteutui" in opened.pages[0].text
        assert candidate_pages(opened) == [1]


def test_owner_password_only_opens_with_a_password_meant_for_other_files() -> None:
    # One --password is given to every file of a run; pdfium refuses it on an owner-only file
    # ("incorrect password") although the file needs none, so open_pdf retries without it.
    with open_bad("encrypted-owner-only.pdf", password="salasana") as opened:
        assert "Kirjastokäynnit" in (opened.plumber.pages[0].extract_text() or "")


def test_a_password_on_an_unencrypted_file_is_ignored() -> None:
    data = (SAMPLES / "2022-interim-sv-delarsrapport.pdf").read_bytes()
    with open_pdf(data, "sv.pdf", password="salasana") as opened:
        assert len(opened.pages) == 1


def test_a_huge_page_is_skipped_with_a_note_and_the_normal_page_is_read() -> None:
    with open_bad("huge-and-normal.pdf") as opened:
        assert [(p.number, round(p.width), round(p.height)) for p in opened.pages] == [
            (1, 20000, 20000),
            (2, 595, 842),
        ]
        assert opened.notes == ["page 1 is 7056 × 7056 mm, larger than A0: skipped"]
        assert opened.skipped == frozenset({1})
        assert opened.pages[0].text == ""  # not even pdfium's text is read from it
        assert candidate_pages(opened) == [2]


def test_user_unit_is_ignored_by_both_libraries_so_the_page_reads_as_a4() -> None:
    # /UserUnit 10 makes an A4 MediaBox 2.1 × 3 m on paper, but neither pdfium nor pdfminer
    # scales by it: the page costs what an A4 page costs, so it is read, not skipped.
    with open_bad("huge-user-unit.pdf") as opened:
        assert (round(opened.pages[0].width), round(opened.pages[0].height)) == (595, 842)
        assert opened.skipped == frozenset()
        assert round(opened.plumber.pages[0].width) == 595
        assert candidate_pages(opened) == [1]


def test_close_closes_both_documents() -> None:
    opened = open_bad("huge-and-normal.pdf")
    opened.close()
    assert opened.document is None
    with pytest.raises(ValueError):  # pdfminer's stream is closed
        opened.plumber.stream.read()


# --- triage --------------------------------------------------------------------------------------


def sample_candidates(name: str) -> list[int]:
    with open_pdf((SAMPLES / name).read_bytes(), name) as opened:
        return candidate_pages(opened)


def test_triage_of_a_long_report_finds_the_goal_cards() -> None:
    # Goal rows are on pages 9, 11, 13, 15 and 17 (truth CSV); page 2 explains the colours of the
    # rating ("Tavoite toteutui", "Tavoite ei toteutunut"), a legend without digits.
    assert sample_candidates("2023-outcome-long-report-shaded-cards.pdf") == [2, 9, 11, 13, 15, 17]


def test_triage_follows_a_table_over_pages_without_its_header() -> None:
    # Only page 1 prints the header; pages 2-4 go on with rows ending in traffic-light balls.
    assert sample_candidates("2022-outcome-landscape-merged-traffic-lights.pdf") == [1, 2, 3, 4]


def test_triage_of_a_header_on_one_line() -> None:
    # "Nro Tavoite Mittari Tavoitetaso 2024 Tilanne 31.8.2024 Arvio" repeated on both pages.
    assert sample_candidates("2024-interim-landscape-scale-1-best.pdf") == [1, 2]


def kauhava() -> OpenedPdf:
    assert KAUHAVA.is_file(), f"the real report is missing: {KAUHAVA} (see ../shared/real/)"
    return open_pdf(KAUHAVA.read_bytes(), KAUHAVA.name)


def test_kauhava_opens_with_all_its_pages_and_triage_finds_the_goal_cards() -> None:
    with kauhava() as opened:
        candidates = candidate_pages(opened)
        assert len(opened.pages) == 158
        assert opened.notes == []
    # The company goal cards are on pages 58-72; page 70 is all prose (Kauhavan Kaukolämpö Oy's
    # year; its cards follow on page 71), so it is rightly no candidate.
    assert set(range(58, 73)) - {70} <= set(candidates)
    assert 70 not in candidates
    # Nothing before the goals: page 24 names "strategiset tavoitteet" and "Arvio" in prose only.
    assert not [page for page in candidates if page <= 50]
    # Committees' goals are numbered lists assessed as "Toteutuminen: Toteutui osittain".
    assert {76, 79, 80, 87, 93, 102, 108} <= set(candidates)
