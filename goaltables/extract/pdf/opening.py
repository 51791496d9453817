"""Open a PDF safely, read every page's text cheaply, and pick the pages worth reading closely.

Why two libraries: pdfplumber (on pdfminer) gives the characters, lines and rectangles that
tables are rebuilt from, but it is slow, pure Python, and gives up on files that pdfium, the
PDF engine of Chrome, repairs. So pypdfium2 opens the file first: it says whether the file is
encrypted or damaged, reads every page's text in a fraction of a second, and measures the pages
without parsing them. Only the pages that triage picks (`candidate_pages`) go on to pdfplumber,
so a 300-page annual report costs little more than its text.

Every refusal is a goaltables error with one line that starts with the file's name and says what
to do; the pipeline turns it into a problem row and goes on with the next file. A page that is
too large or cannot be read is skipped with a note instead, so that one bad page neither stalls
nor kills a run.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from types import TracebackType
from typing import Any

import pdfplumber
import pypdfium2 as pdfium  # type: ignore[import-untyped]  # ships no type information
from pdfminer.pdftypes import resolve1
from pdfplumber.pdf import PDF

from goaltables.errors import DamagedFile, EncryptedFile, NoTextLayer
from goaltables.extract.caps import check_pdf_pages, check_pdf_streams
from goaltables.extract.options import ReadLimits
from goaltables.extract.pdf.images import icons_on_page
from goaltables.extract.ratings import opening_verdict
from goaltables.extract.vocabulary import PhraseMatch, vocabulary

# A0 is 841 × 1189 mm; its long side is 3370 pt. Nothing a municipality prints is larger, and a
# page beyond it (a CAD drawing, a 20000 pt typo) can take minutes and gigabytes in pdfplumber.
A0_LONG_SIDE = 3370.0
_MM_PER_POINT = 25.4 / 72

# pdfium's codes for why a document did not load (FPDF_ERR_*).
_ERR_PASSWORD = 4
_ERR_SECURITY = 5
# pdfium marks a word hyphenated at a line end with U+FFFE ("kassa\ufffelainaa"); triage
# removes it so that the word's halves are not read as two words ("palvelu", "tarpeeseen").
PDFIUM_HYPHEN = "\ufffe"  # pdfium's mark of a word hyphenated at a line end
_PDF_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")


@dataclass(frozen=True, slots=True)
class PdfPage:
    """One page as pdfium reads it; a skipped page has its size but no text."""

    number: int  # 1-based
    width: float  # points
    height: float
    text: str  # pdfium's text of the page, "\r\n" made "\n"


@dataclass
class OpenedPdf:
    """A PDF open in both libraries: pdfium's text for every page, pdfplumber for the chosen."""

    pages: list[PdfPage]
    plumber: PDF
    notes: list[str] = field(default_factory=list)
    skipped: frozenset[int] = frozenset()
    # The pdfium document stays open for callers that want to render or re-read a page.
    document: Any = field(default=None, repr=False)

    def close(self) -> None:
        self.plumber.close()
        # pdfplumber leaves a stream it was given open; ours is the BytesIO open_pdf made.
        self.plumber.stream.close()
        if self.document is not None:
            self.document.close()
            self.document = None

    def __enter__(self) -> OpenedPdf:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_pdf(
    data: bytes, name: str, password: str | None = None, limits: ReadLimits | None = None
) -> OpenedPdf:
    """Open a PDF's bytes; raise goaltables.errors.* with a one-line message that starts with
    f"{name}: ". `password` may be given for every file of a run: a file that needs none opens.
    A PDF past a cap of `limits` (pages, an unpacked stream) is refused before any page is read."""
    limits = limits or ReadLimits()
    check_pdf_streams(data, name, limits)
    document, password = _open_pdfium(data, name, password)
    try:
        check_pdf_pages(len(document), name, limits)
        pages, notes, skipped = _read_pages(document)
        plumber = _open_plumber(data, name, password)
    except BaseException:
        document.close()
        raise
    opened = OpenedPdf(pages, plumber, notes, frozenset(skipped), document)
    try:
        _skip_unseen_pages(opened, name)
        _check_readable(opened, name)
    except BaseException:
        opened.close()
        raise
    return opened


# --- opening -------------------------------------------------------------------------------------


def _open_pdfium(data: bytes, name: str, password: str | None) -> tuple[Any, str | None]:
    """The pdfium document and the password that opened it (None when none was needed)."""
    try:
        return pdfium.PdfDocument(data, password=password), password
    except pdfium.PdfiumError as error:
        if error.err_code == _ERR_PASSWORD:
            return _open_without(data, name, password)
        if error.err_code == _ERR_SECURITY:
            raise EncryptedFile(
                f"{name}: encrypted with a security handler pdfium does not support: "
                "save an unencrypted copy (e.g. qpdf --decrypt) and read that"
            ) from None
        raise _not_opened(data, name, str(error)) from None


def _open_without(data: bytes, name: str, password: str | None) -> tuple[Any, str | None]:
    """A password was refused. A run gives one --password to every file, so a file that opens
    without one (encrypted with an owner password only) must still open."""
    if password is None:
        raise EncryptedFile(f"{name}: encrypted: give its password with --password")
    try:
        return pdfium.PdfDocument(data), None
    except pdfium.PdfiumError:
        raise EncryptedFile(f"{name}: encrypted: the password given does not open it") from None


def _not_opened(data: bytes, name: str, pdfium_message: str) -> DamagedFile:
    # pdfium refuses a document with an empty page tree as a "data format error", so ask
    # pdfminer whether the tree is really there and empty before calling the file damaged.
    if _declared_page_count(data) == 0:
        return DamagedFile(f"{name}: the PDF has no pages")
    return DamagedFile(f"{name}: damaged or truncated PDF ({_damage_reason(data, pdfium_message)})")


def _damage_reason(data: bytes, pdfium_message: str) -> str:
    """A short reason a person can act on; pdfium itself says only 'data format error'."""
    if not _PDF_OBJECT.search(data[:1_000_000]):
        return "no PDF objects after the header: not really a PDF"
    if b"%%EOF" not in data[-2048:]:
        return "it stops before its end-of-file marker: cut short?"
    reason = pdfium_message.removeprefix("Failed to load document ").strip("().")
    return reason.replace("PDFium: ", "pdfium: ").lower()


def _declared_page_count(data: bytes) -> int | None:
    """The /Count of the page tree as pdfminer reads it; None when it cannot read the tree.

    Reading /Count is O(1): walking pdfplumber's `pages` would build a Page for every page."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:  # pdfminer raises anything on hostile bytes; None means "cannot tell"
        return None
    return count if isinstance(count, int) else None


def _open_plumber(data: bytes, name: str, password: str | None) -> PDF:
    try:
        return pdfplumber.open(io.BytesIO(data), password=password or "")
    except Exception as error:  # pdfminer has no single error type for a file it cannot parse
        reason = _one_line(str(error)) or type(error).__name__
        raise DamagedFile(
            f"{name}: damaged or truncated PDF (pdfium opens it but pdfminer cannot: {reason})"
        ) from None


def _one_line(text: str) -> str:
    return " ".join(text.split())[:120]


# --- pages ---------------------------------------------------------------------------------------


def _read_pages(document: Any) -> tuple[list[PdfPage], list[str], set[int]]:
    pages: list[PdfPage] = []
    notes: list[str] = []
    skipped: set[int] = set()
    for index in range(len(document)):
        page, note = _read_page(document, index)
        pages.append(page)
        if note:
            notes.append(note)
            skipped.add(page.number)
    return pages, notes, skipped


def _read_page(document: Any, index: int) -> tuple[PdfPage, str]:
    """The page and, when it is skipped, the note saying why."""
    number = index + 1
    try:
        # get_page_size reads the page's box without parsing its content: a huge page is
        # measured without being loaded.
        width, height = (float(side) for side in document.get_page_size(index))
        if max(width, height) > A0_LONG_SIDE:
            return PdfPage(number, width, height, ""), _huge_note(number, width, height)
        return PdfPage(number, width, height, _page_text(document, index)), ""
    except pdfium.PdfiumError as error:
        note = f"page {number} cannot be read ({_one_line(str(error))}): skipped"
        return PdfPage(number, 0.0, 0.0, ""), note


def _page_text(document: Any, index: int) -> str:
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_range()).replace("\r\n", "\n")
        finally:
            textpage.close()
    finally:
        page.close()


def _huge_note(number: int, width: float, height: float) -> str:
    size = f"{round(width * _MM_PER_POINT)} × {round(height * _MM_PER_POINT)} mm"
    return f"page {number} is {size}, larger than A0: skipped"


def _check_readable(opened: OpenedPdf, name: str) -> None:
    pages = opened.pages
    if not pages:
        raise DamagedFile(f"{name}: the PDF has no pages")
    if all(max(p.width, p.height) > A0_LONG_SIDE for p in pages):
        raise DamagedFile(f"{name}: every page is larger than A0; nothing was read")
    readable = [p for p in pages if p.number not in opened.skipped]
    if not readable:
        raise DamagedFile(f"{name}: damaged or truncated PDF (no page can be read)")
    if not any(p.text.strip() for p in readable):
        raise NoTextLayer(
            f"{name}: no text layer (a scanned document?); OCR is not available, "
            "so nothing can be read"
        )


def _skip_unseen_pages(opened: OpenedPdf, name: str) -> None:
    """pdfium repairs what pdfminer cannot: pages that pdfminer does not see are skipped, noted.

    Walking `plumber.pages` builds a pdfplumber Page per page, which reads its boxes but not its
    content (0.1 s for 158 pages); the first `plumber.pages[n]` would build them all anyway."""
    count = len(opened.pages)
    try:
        seen = len(opened.plumber.pages)
    except Exception as error:  # a page tree pdfminer cannot walk, in any of many ways
        reason = _one_line(str(error)) or type(error).__name__
        raise DamagedFile(
            f"{name}: damaged or truncated PDF (pdfium opens it but pdfminer cannot: {reason})"
        ) from None
    if seen == 0:
        raise DamagedFile(
            f"{name}: damaged or truncated PDF (pdfium opens it but pdfminer finds no pages)"
        )
    if seen < count:
        opened.notes.append(f"pages {seen + 1}-{count} cannot be read by pdfminer: skipped")
        opened.skipped = opened.skipped | set(range(seen + 1, count + 1))


# --- triage --------------------------------------------------------------------------------------

# The roles that make a table a goal table; the others (target, rating ...) only support them.
_GOAL_ROLES = frozenset({"goal", "measure"})
# Labels whose text is an assessment: "Toteutuminen: Toteutui osittain", "Arvio: ei toteutunut".
_VERDICT_ROLES = frozenset({"progress", "rating", "actual"})
# A header row's words are mostly role words; prose that happens to use two is not.
_HEADER_ROLE_SHARE = 1 / 3
# Numbering and bullets before a label: "1.1.9 Arvio", "• Mittari:", "2) Tavoite".
_LEADING_NUMBERING = re.compile(r"^[\s\d.)•●·\-–]*")
# "2 = tavoite toteutui", "● 1 = osittain", "0 – ei toteutunut". Unlike ratings.is_legend_line,
# the label must start with a letter: "0–6-vuotiaat 1 131" (an age band) is not a legend.
_LEGEND_ENTRY = re.compile(r"^\s*(?:[●⬤○◯◉•]\s*)?(?P<value>\d)\s*(?:=|:|–|-)\s*[^\W\d_]")
# A rating cell that is a ball alone, or a ball at the end of a row: "●", "... iltavuoroissa. ●".
_BALL_CELL = re.compile(r"[●⬤○◯◉]\s*$")
_MIN_LEGEND_ENTRIES = 2
_MIN_BALL_CELLS = 2
_VERDICT_CELL_WORDS = 4  # "ei toteutunut kaikilta osin": a verdict cell, not a sentence
_MIN_ASSESSMENT_LABELS = 2


@dataclass(frozen=True, slots=True)
class _Label:
    """A role phrase on a line: its column counts from the end of the line's numbering."""

    key: str
    column: int
    words: int  # the phrase's words
    after: str  # the rest of the line, stripped


@dataclass(frozen=True, slots=True)
class _Line:
    words: int  # words after the numbering
    labels: tuple[_Label, ...]


def candidate_pages(opened: OpenedPdf) -> list[int]:
    """Page triage: the 1-based numbers of pages that may hold a goal table or a rating legend,
    from the pdfium text only.

    A page is a candidate when it names two column roles, one of them goal or measure, in a
    header row or as labels ("Tavoite … Arviointi", "Mittarit ja tavoitetaso:"); when it holds a
    rating legend; when labels assess goals listed in the body text ("Toteutuminen: Toteutui
    osittain"); or when it continues a table from the page before
    without repeating its header (its rows still end in traffic-light balls, or in verdict
    words alone on their line: "Toteutui osittain", or it shows rating icons as images)."""
    found: list[int] = []
    in_table = False
    for page in opened.pages:
        if page.number in opened.skipped:
            in_table = False
            continue
        # Case-folded once: the vocabulary matches folded text, and folding can change a
        # line's length ("ﬁ" -> "fi"), so positions are only comparable within folded text.
        lines = page.text.replace(PDFIUM_HYPHEN, "").casefold().split("\n")
        labelled = _labelled_lines(lines)
        header = names_goal_columns(labelled)
        continued = in_table and (
            _ball_cells(lines) >= _MIN_BALL_CELLS
            or _verdict_cells(lines) >= _MIN_BALL_CELLS
            or icons_on_page(opened.document, page.number) >= _MIN_BALL_CELLS
        )
        if header or continued or has_rating_legend(lines) or assesses_items(labelled):
            found.append(page.number)
        in_table = header or continued
    return found


def names_goal_columns(lines: list[_Line]) -> bool:
    """Two distinct column roles named as a header or as labels, one of them goal or measure."""
    roles = {label.key for line in lines for label in _header_or_labels(line)}
    return len(roles) >= 2 and bool(roles & _GOAL_ROLES)


def assesses_items(lines: list[_Line]) -> bool:
    """Goals listed in the body text and assessed under a label: one "Toteutuminen:" whose text
    opens with a verdict ("Toteutuminen: Toteutui osittain"), or two such labels on the page."""
    labels = [
        label
        for line in lines
        for label in line.labels
        if label.key in _VERDICT_ROLES and label.column == 0 and label.after[:1] == ":"
    ]
    return len(labels) >= _MIN_ASSESSMENT_LABELS or any(
        opening_verdict(label.after[1:]) for label in labels
    )


def has_rating_legend(lines: list[str]) -> bool:
    """Two or more legend lines with different values: "2 = tavoite toteutui", "● 1 = osittain"."""
    values = {m["value"] for line in lines if (m := _LEGEND_ENTRY.match(line))}
    return len(values) >= _MIN_LEGEND_ENTRIES


def _labelled_lines(lines: list[str]) -> list[_Line]:
    """The lines that hold role phrases: the page is searched once and the matches dealt out."""
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    by_line: dict[int, list[PhraseMatch]] = {}
    for match in _role_matches("\n".join(lines)):
        by_line.setdefault(bisect_right(starts, match.start) - 1, []).append(match)
    return [_line(lines[i], starts[i], matches) for i, matches in sorted(by_line.items())]


def _line(line: str, start: int, matches: list[PhraseMatch]) -> _Line:
    body = _LEADING_NUMBERING.sub("", line, count=1)
    numbering = len(line) - len(body)
    labels = []
    for match in matches:
        column = match.start - start - numbering
        after = body[column + match.length :].strip()
        labels.append(_Label(match.key, column, len(match.phrase.split()), after))
    return _Line(len(body.split()), tuple(labels))


def _role_matches(text: str) -> list[PhraseMatch]:
    """Role phrases in folded text, leftmost and longest first, without overlaps: "strategiset
    tavoitteet" is a strategy, not also a goal; "ignore" phrases take their words, then drop."""
    keys, pattern = _role_pattern()
    return [
        PhraseMatch(keys[m[0]], m[0], m.start())
        for m in pattern.finditer(text)
        if keys[m[0]] != "ignore"
    ]


@cache
def _role_pattern() -> tuple[dict[str, str], re.Pattern[str]]:
    """All role phrases in one pattern, longest first. The vocabulary's PhraseTable runs one
    pattern per phrase, a hundred passes over every page: 0.5 s for a 158-page report."""
    keys: dict[str, str] = {}
    for key, phrase, _ in vocabulary().roles.patterns:
        keys.setdefault(phrase.casefold(), key)
    alternatives = "|".join(re.escape(p) for p in sorted(keys, key=len, reverse=True))
    return keys, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _header_or_labels(line: _Line) -> tuple[_Label, ...]:
    """The phrases a line names as a header or as labels do, not in passing in prose."""
    keys = {label.key for label in line.labels}
    role_words = sum(label.words for label in line.labels)
    if len(keys) >= 2 and role_words >= _HEADER_ROLE_SHARE * line.words:
        return line.labels  # a header row on one line: "Nro Tavoite Mittari Tavoitetaso Arvio"
    return tuple(label for label in line.labels if label.column == 0 or label.after[:1] == ":")


def _ball_cells(lines: list[str]) -> int:
    return sum(1 for line in lines if _BALL_CELL.search(line))


def _verdict_cells(lines: list[str]) -> int:
    """Lines that are a verdict and nothing more ("toteutui osittain"): a rating column's
    cells, as pdfium gives them, one per line."""
    whole = vocabulary().whole_cell_verdicts
    return sum(1 for line in lines if _short_verdict(line.strip(" .!"), whole))


def _short_verdict(line: str, whole: dict[str, str]) -> bool:
    return 0 < len(line.split()) <= _VERDICT_CELL_WORDS and (
        line in whole or opening_verdict(line) != ""
    )


__all__ = ["A0_LONG_SIDE", "OpenedPdf", "PdfPage", "candidate_pages", "open_pdf"]
