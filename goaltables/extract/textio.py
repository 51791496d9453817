"""Reading text exports: encodings detected (never assumed) and cell text cleaned.

Archives hold text in four encodings: UTF-8 (with or without a BOM), UTF-16 (a spreadsheet's
"Unicode text" export), and Windows-1252 or Latin-1 from older Windows tools. We try them in
the order that cannot be fooled: a BOM is certain; UTF-16 without a BOM shows as NUL bytes in
every other position; strict UTF-8 fails on almost any 8-bit text; what is left is read as
Windows-1252. Latin-1 text reads identically as Windows-1252: the two differ only in bytes
0x80-0x9F, which Latin-1 gives to control codes that text never holds (a file that has them is
in neither). Whatever decodes must then look like text (no control characters, the non-ASCII
characters letters or symbols a report prints); otherwise the file is in none of these
encodings and gets a clear error.
(charset-normalizer would guess among ninety codecs and on a short Finnish table can answer
cp1250 or mac_roman; the set here is small and fixed, so a deterministic check is simpler.)
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from goaltables.errors import UnknownEncoding

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Non-ASCII characters a Finnish or Swedish report prints, beyond letters.
_PLAUSIBLE_SYMBOLS = frozenset("●○◯◉■□▲▼►•–—‘’‚“”„…€£§°±½¼¾×÷«»¡¿©®™†‡‰·¶¤\u00a0\u00ad\u25cf\u2022")


# C0 controls other than tab, line ends and form feed; DEL and the C1 controls.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_SAMPLE_CHARACTERS = 1_000_000


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str


def decode_text(data: bytes, name: str) -> DecodedText:
    """Decode a text export, detecting its encoding; raise UnknownEncoding naming `name`."""
    encoding = _detect_encoding(data)
    if encoding is None:
        raise UnknownEncoding(f"{name}: not text in UTF-8, UTF-16, Windows-1252 or Latin-1")
    text = data.decode(encoding)
    if not _looks_like_text(text, encoding):
        raise UnknownEncoding(
            f"{name}: not text in UTF-8, UTF-16, Windows-1252 or Latin-1 "
            f"(decoding as {encoding} gives control characters or unlikely symbols)"
        )
    return DecodedText(_normalise_line_ends(text), encoding)


def _detect_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    for encoding in ("utf-8", "cp1252"):
        try:
            data.decode(encoding)
            return encoding
        except UnicodeDecodeError:
            continue
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly Latin letters has a NUL in every other byte."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _looks_like_text(text: str, encoding: str) -> bool:
    """No control character anywhere (one regular-expression pass), and the non-ASCII
    characters of the first `_SAMPLE_CHARACTERS` mostly letters or a report's symbols: the
    check examines a bounded sample, however large the file. Bytes that decode as strict
    UTF-8 are UTF-8 (8-bit text almost never does): there any printed symbol is plausible,
    "≥", "→", "²", "−" in a target column as much as "€" (issue 18, point 6)."""
    if _CONTROLS.search(text):
        return False
    non_ascii = _NON_ASCII.findall(text, 0, _SAMPLE_CHARACTERS)
    if not non_ascii:
        return True
    printed = _printed_symbol if encoding.startswith("utf-8") else _PLAUSIBLE_SYMBOLS.__contains__
    plausible = sum(1 for ch in non_ascii if ch.isalpha() or printed(ch))
    return plausible / len(non_ascii) >= 0.9


def _printed_symbol(ch: str) -> bool:
    """A symbol, figure, punctuation mark or space (Unicode categories S, N, P, Z)."""
    return unicodedata.category(ch)[0] in "SNPZ"


def _normalise_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- cell text -------------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
# A hyphen at a line end before a conjunction is a suspended compound: "kasvu- ja opetus".
_SUSPENSION_WORDS = ("ja", "tai", "sekä", "eli", "ynnä", "och", "eller", "samt")
_TRAILING_HYPHEN = re.compile(r"(?<=\w)[-–]$")
_RANGE_DASH = re.compile(r"(?<=\d)[–-]$")
_DETACHED_HYPHEN = re.compile(r"(?<=\s)-$")


def collapse_spaces(text: str) -> str:
    """White space (also no-break spaces and soft hyphens) collapsed to single spaces."""
    return _SPACES.sub(" ", text.replace("\u00ad", "")).strip()


_TAIL = 80  # characters at the end of a joined cell that decide how the next line joins


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines of one cell: a word broken at a hyphen stays one compound."""
    joined = ""
    for raw in lines:
        line = collapse_spaces(raw)
        if not line:
            continue
        # Only the tail decides: a search over the whole text so far made a long cell quadratic.
        if joined and _joins_without_space(joined[-_TAIL:], line):
            joined += line
        elif joined:
            joined += " " + line
        else:
            joined = line
    return joined


def _joins_without_space(before: str, after: str) -> bool:
    """'tasa-' + 'arvo' is 'tasa-arvo'; 'kasvu-' + 'ja opetus' keeps its space; a range
    '2022–' + '2023' is '2022–2023'; 'KiVa Koulu -' + 'ohjelma' is 'KiVa Koulu -ohjelma'."""
    if _RANGE_DASH.search(before):
        return True
    if not (_TRAILING_HYPHEN.search(before) or _DETACHED_HYPHEN.search(before)):
        return False
    first_word = after.split(" ", 1)[0].casefold()
    return first_word not in _SUSPENSION_WORDS


_LINE_END_HYPHEN = re.compile(r"(?P<before>[\w]+)-\n(?P<after>\w+)")
_VOWELS = "aeiouyäöå"


def dehyphenate(text: str) -> str:
    """Undo a typesetter's hyphenation at line ends, keep a compound's own hyphen.

    Typeset PDFs break words at syllables ("tun-" / "tia", "vä-" / "hentämään"). Finnish keeps
    a hyphen in a compound where the same vowel meets ("tasa-arvo", "Vapaa-aika"), after an
    abbreviation in capitals or a number ("TE-alueet", "1100-luvulla"), before a capital
    ("Koski-Pirttinen") and before "ja"/"tai" ("kasvu- ja opetus"); anywhere else a line-end
    hyphen is the typesetter's. (A lower-case abbreviation, "tva-" / "järjestelmä", loses its
    hyphen: syllables like "tun-" / "tia" are far more common at a typeset line end.)
    Text dumps keep every line-end hyphen (`join_lines`): that is what the seeds need.
    """
    return _LINE_END_HYPHEN.sub(_resolve_hyphen, text)


def _resolve_hyphen(match: re.Match[str]) -> str:
    before, after = match["before"], match["after"]
    same_vowel = before[-1].casefold() in _VOWELS and before[-1].casefold() == after[0].casefold()
    abbreviation = before.isupper() or any(ch.isdigit() for ch in before)
    suspended = after.casefold() in _SUSPENSION_WORDS
    if same_vowel or abbreviation or suspended or after[0].isupper():
        return f"{before}-\n{after}"
    return f"{before}{after}"


class _TagStripper(HTMLParser):
    """Keeps the text of an HTML fragment; block tags and <br> become spaces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(" ")


_HTML_HINT = re.compile(r"</?[a-zA-Z][^>]*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def strip_html(text: str) -> str:
    """Remove HTML tags and entities that a web system left in an export cell."""
    if not _HTML_HINT.search(text):
        return text
    stripper = _TagStripper()
    stripper.feed(text)
    stripper.close()
    return "".join(stripper.parts)


def clean_cell(text: str) -> str:
    """A cell's text as printed: HTML removed, wrapped lines joined, spaces collapsed."""
    return join_lines(strip_html(text).split("\n"))
