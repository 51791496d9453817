"""Pages set sideways: a landscape table printed on a portrait page, its text running up or down.

The table finders read upright text only, so a page whose text mostly runs up or down is
turned first: each character's box is moved into the frame where its text reads left to right,
words are made there, and ruled tables' cells are turned too and put back into a grid (the
drawn rows became columns). Boxes found in the turned frame are turned back for the output.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from pdfplumber.page import Page
from pdfplumber.utils.text import WordExtractor

from goaltables.extract.pdf.geometry import inside
from goaltables.extract.pdf.words import WORD_ATTRIBUTES, Line, group_lines, to_words
from goaltables.extract.tables import BBox, RawTable, TableCell
from goaltables.extract.textio import dehyphenate

UPRIGHT, DOWN, UP = 0, 90, 270  # text reads left to right, top to bottom, bottom to top


def text_direction(page: Page) -> int:
    """How most of the page's characters run: UPRIGHT, DOWN or UP."""
    runs: Counter[int] = Counter(_direction(c) for c in page.chars if c["text"].strip())
    return runs.most_common(1)[0][0] if runs else UPRIGHT


def _direction(char: dict[str, Any]) -> int:
    a, b = char["matrix"][0], char["matrix"][1]
    if abs(b) <= abs(a):
        return UPRIGHT
    return DOWN if b < 0 else UP  # PDF space has y upwards: a negative b advances down the page


@dataclass(frozen=True)
class Turn:
    """The move from page coordinates into the frame where the text is upright, and back."""

    direction: int
    width: float
    height: float

    def into(self, box: BBox) -> BBox:
        x0, top, x1, bottom = box
        if self.direction == DOWN:
            return (top, self.width - x1, bottom, self.width - x0)
        if self.direction == UP:
            return (self.height - bottom, x0, self.height - top, x1)
        return box

    def back(self, box: BBox) -> BBox:
        x0, top, x1, bottom = box
        if self.direction == DOWN:
            return (self.width - bottom, x0, self.width - top, x1)
        if self.direction == UP:
            return (top, self.height - x1, bottom, self.height - x0)
        return box


def turned_lines(page: Page, turn: Turn) -> list[Line]:
    """The page's lines read in the turned frame."""
    chars = [_turned_char(c, turn) for c in page.chars if _direction(c) == turn.direction]
    raw = WordExtractor(extra_attrs=WORD_ATTRIBUTES).extract_words(chars)
    return group_lines(to_words(raw))


def _turned_char(char: dict[str, Any], turn: Turn) -> dict[str, Any]:
    x0, top, x1, bottom = turn.into((char["x0"], char["top"], char["x1"], char["bottom"]))
    # pdfplumber gives a turned character's advance as its size; upright, size is its height
    moved = {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "size": bottom - top}
    return {**char, **moved, "upright": 1}


def turned_ruled(tables: list[RawTable], lines: list[Line], turn: Turn) -> list[RawTable]:
    """Ruled tables found on the page, turned: cells regridded, text from the turned lines."""
    return [_regrid(t, lines, turn) for t in tables]


def _regrid(table: RawTable, lines: list[Line], turn: Turn) -> RawTable:
    boxes = [turn.into(c.bbox) for row in table.rows for c in row if c is not None]
    xs = _edges([b[0] for b in boxes])
    tops = _edges([b[1] for b in boxes])
    rows: list[list[TableCell | None]] = [[None] * len(xs) for _ in tops]
    for box in boxes:
        rows[_index(tops, box[1])][_index(xs, box[0])] = TableCell(_text_in(box, lines), box)
    return RawTable(table.page, turn.into(table.bbox), table.method, rows)


def _edges(values: list[float], tolerance: float = 2.0) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > tolerance:
            edges.append(value)
    return edges


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _text_in(box: BBox, lines: list[Line]) -> str:
    texts = []
    for line in lines:
        words = [w.text for w in line.words if inside(w.bbox, box)]
        if words:
            texts.append(" ".join(words))
    return dehyphenate("\n".join(texts))
