"""A page's words grouped into lines, with the font facts that tell headings from body text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pdfplumber.page import Page

from goaltables.extract.pdf.geometry import inside
from goaltables.extract.tables import BBox, Heading
from goaltables.extract.textio import collapse_spaces

# Words whose tops differ by less than this (points) sit on one line.
_LINE_TOLERANCE = 2.5
_NUMBERED_HEADING = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
WORD_ATTRIBUTES = ["fontname", "size", "non_stroking_color"]  # what a Word needs of a word
_RUNNING_HEADER_SHARE = 0.06  # the top and bottom 6 % of a page hold running headers, page numbers
# A font whose letters average this much wider than the body font's is its bold face, judged on
# at least this many letters both print.
_BOLD_WIDTH_RATIO = 1.03
_BOLD_MIN_LETTERS = 8
# Words further apart than this many font sizes stand in different cells.
CELL_GAP_EMS = 0.8
_HEADER_CELLS = 3  # a bold line of this many cells is a table's header, not a heading


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    coloured: bool

    @property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass(frozen=True, slots=True)
class Line:
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return collapse_spaces(" ".join(w.text for w in self.words))

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def main_size(self) -> float:
        """The size most of the line's characters are set in: a ball glyph set larger beside
        body text does not make its line a heading."""
        sizes: Counter[float] = Counter()
        for word in self.words:
            sizes[word.size] += len(word.text)
        return sizes.most_common(1)[0][0]

    @property
    def text_top(self) -> float:
        """The top of the line's text in its main size: a ball glyph set larger stands out."""
        return min(w.top for w in self._main_words)

    @property
    def text_bottom(self) -> float:
        return max(w.bottom for w in self._main_words)

    @property
    def _main_words(self) -> tuple[Word, ...]:
        main = self.main_size
        return tuple(w for w in self.words if w.size == main) or self.words

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @property
    def coloured(self) -> bool:
        return all(w.coloured for w in self.words)


def page_words(page: Page, x_tolerance: float = 3.0) -> list[Word]:
    """The page's words with size, boldness and colour (black text is not 'coloured');
    characters further apart than `x_tolerance` points are in different words."""
    raw = page.extract_words(
        extra_attrs=WORD_ATTRIBUTES, use_text_flow=False, x_tolerance=x_tolerance
    )
    return to_words(raw, bold_fonts(page.chars))


def to_words(raw: list[dict[str, Any]], bold: frozenset[str] | None = None) -> list[Word]:
    """pdfplumber's words (read with WORD_ATTRIBUTES) as Words, blank ones left out; `bold`
    are the page's bold fonts (bold_fonts), else a font is bold when its name says so."""
    return [_word(w, bold) for w in raw if w["text"].strip()]


def _word(raw: dict[str, Any], bold: frozenset[str] | None) -> Word:
    fontname = str(raw.get("fontname", ""))
    return Word(
        text=raw["text"],
        x0=float(raw["x0"]),
        x1=float(raw["x1"]),
        top=float(raw["top"]),
        bottom=float(raw["bottom"]),
        size=round(float(raw.get("size", 0.0)), 1),
        bold=fontname in bold if bold is not None else _named_bold(fontname),
        coloured=_is_coloured(raw.get("non_stroking_color")),
    )


def _named_bold(fontname: str) -> bool:
    folded = fontname.casefold()
    return "bold" in folded or "black" in folded


def bold_fonts(chars: list[dict[str, Any]]) -> frozenset[str]:
    """The page's fonts that are set bold: by name ("TimesNewRomanPS-BoldMT"), or, where the
    name says nothing ("CIDFont+F7", as Microsoft Print to PDF names fonts), by glyphs wider
    than the same letters in the page's body font: bold faces are wider (Times 6 %, Arial 7 %
    on average), other styles are not."""
    widths: dict[str, dict[str, float]] = {}
    counts: Counter[str] = Counter()
    for char in chars:
        size = float(char.get("size") or 0.0)
        if size > 0 and char["text"].isalpha():
            font = str(char.get("fontname", ""))
            counts[font] += 1
            widths.setdefault(font, {}).setdefault(char["text"], (char["x1"] - char["x0"]) / size)
    bold = {font for font in counts if _named_bold(font)}
    body = next((font for font, _ in counts.most_common() if font not in bold), None)
    if body is not None:
        bold |= {
            font
            for font in counts
            if font not in bold and font != body and _wider(widths[font], widths[body])
        }
    return frozenset(bold)


def _wider(font: dict[str, float], body: dict[str, float]) -> bool:
    shared = [letter for letter in font if letter in body and body[letter] > 0]
    if len(shared) < _BOLD_MIN_LETTERS:
        return False
    return sum(font[t] / body[t] for t in shared) / len(shared) >= _BOLD_WIDTH_RATIO


def _is_coloured(colour: object) -> bool:
    """Text in anything but black or grey (headings are often in a brand colour)."""
    if not isinstance(colour, tuple | list) or len(colour) != 3:
        return False
    values = [float(v) for v in colour]
    return max(values) - min(values) > 0.08


def group_lines(words: list[Word]) -> list[Line]:
    """Words into lines, top to bottom, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if lines and abs(lines[-1][0].top - word.top) <= _LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [Line(tuple(sorted(line, key=lambda w: w.x0))) for line in lines]


def body_size(lines: list[Line]) -> float:
    """The most common font size, weighted by characters: the size of body text."""
    sizes: Counter[float] = Counter()
    for line in lines:
        for word in line.words:
            sizes[word.size] += len(word.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def find_headings(
    lines: list[Line], page: int, height: float, body: float, tables: list[BBox]
) -> list[Heading]:
    """Short lines set larger, coloured or bold than body text, outside tables and page margins."""
    headings = []
    for line in lines:
        if any(inside(w.bbox, t) for w in line.words for t in tables):
            continue
        if line.top < height * _RUNNING_HEADER_SHARE or line.bottom > height * (
            1 - _RUNNING_HEADER_SHARE
        ):
            continue
        if _looks_like_heading(line, body):
            text = _NUMBERED_HEADING.sub("", line.text)
            headings.append(Heading(text, page, line.top, (line.size, line.coloured, line.bold)))
    return headings


def _looks_like_heading(line: Line, body: float) -> bool:
    text = line.text
    emphasised = line.size > body + 0.4 or line.coloured or line.bold
    short = len(text.split()) <= 10 and not text.endswith((".", ",", ":", ";"))
    starts = text[:1].isupper() or bool(_NUMBERED_HEADING.match(text))
    return emphasised and short and starts and not _spread_in_cells(line)


def _spread_in_cells(line: Line) -> bool:
    """A line whose words stand apart in three or more cells is a table's header row
    ("Tuotot   TA 2023   TP 2023"), not a heading, however bold."""
    return len(cells_of(line)) >= _HEADER_CELLS


def cells_of(line: Line) -> list[list[Word]]:
    """A line's words grouped into cells by the gaps between them."""
    groups: list[list[Word]] = [[line.words[0]]]
    for previous, word in zip(line.words, line.words[1:], strict=False):
        if word.x0 - previous.x1 > CELL_GAP_EMS * max(word.size, 1.0):
            groups.append([word])
        else:
            groups[-1].append(word)
    return groups


def stands_out(line: Line, body: float) -> bool:
    """Set larger than body text, or coloured: a heading's look, not a table row's."""
    return line.main_size > body + 0.4 or line.coloured


def column_at(x0: float, starts: list[float], slack: float) -> int:
    """The column a word starting at `x0` falls in: the last whose start it reaches, give or
    take `slack` (a cell's text may start a little left of its column's edge)."""
    return max((i for i, start in enumerate(starts) if x0 >= start - slack), default=0)


def crosses_a_column(line: Line, starts: list[float], slack: float) -> bool:
    """Whether a word of the line runs across a column's start, as a paragraph's or a
    full-width row's words do, and no row kept to the columns does."""
    return any(w.x0 < start - slack < w.x1 for w in line.words for start in starts)
