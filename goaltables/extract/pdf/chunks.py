"""The words of a line cut into chunks (one cell's text on one line) and the aligned finder's
settings: what the column, row and table steps of `aligned` work on."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from goaltables.extract.pdf.words import Line, Word


@dataclass(frozen=True)
class AlignedSettings:
    """The knobs of the aligned finder; lengths in font sizes (ems) or line heights."""

    # Points between characters that part words: below pdfplumber's 3, as figures of two
    # columns set 2 points apart ("648765" "AAA") and words set without spaces are two words.
    word_gap: float = 1.5
    cell_gap_ems: float = 0.6  # words further apart than this are in different cells
    justified_gap_ems: float = 1.0  # ... unless all gaps of a line are alike and below this
    table_gap_lines: float = 1.6  # a vertical gap wider than this ends a table
    group_gap_lines: float = 4.0  # ... unless the rows below it have the same columns
    prose_share: float = 0.55  # a single chunk wider than this share of the block is prose
    gutter_tolerance: float = 0.12  # share of tabular lines that may cross a gutter
    min_gutter: float = 1.5  # points: a narrower gap between chunks is no gutter
    parted_share: float = 0.25  # ... or a gutter this share of lines part, twice as many as cross
    min_tabular_lines: int = 2
    min_columns: int = 2
    max_singles: int = 6  # single-chunk lines in a row inside a table (wrapped cells)
    row_gap_ratio: float = 1.6  # wide gaps this much wider than small ones separate rows
    # Running text in columns: at most this many columns, this share of whose lines hold
    # four words or more and fill this share of the column's width.
    max_prose_columns: int = 3
    prose_lines_share: float = 0.6
    prose_fill: float = 0.8
    prose_words: int = 6  # a column beside a table is running text when its lines have this many
    header_gap_slack: float = 1.25  # a header line may stand this much further off than rows
    max_header_rows: int = 3  # a column with text in these first rows only is a header's
    # Ruled tables: read by alignment when this share of cells holds several cells' text;
    # a row is split when each of its cells holds this many lines or more, equally many.
    crowded_share: float = 0.1
    min_stacked_lines: int = 3

    def __post_init__(self) -> None:
        if not 0 <= self.gutter_tolerance < 0.5:
            raise ValueError("gutter_tolerance is a share of lines below one half")
        if self.cell_gap_ems <= 0 or self.table_gap_lines <= 0 or self.row_gap_ratio <= 1:
            raise ValueError("gaps must be positive, and row_gap_ratio above 1")
        if self.min_columns < 2 or self.min_tabular_lines < 1:
            raise ValueError("a table has at least two columns and one tabular line")


DEFAULT = AlignedSettings()


@dataclass(frozen=True, slots=True)
class Chunk:
    """Words of one line closer together than a cell gap: the text of one cell on one line."""

    words: tuple[Word, ...]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True, slots=True)
class ChunkedLine:
    line: Line
    chunks: tuple[Chunk, ...]

    @property
    def tabular(self) -> bool:
        return len(self.chunks) >= 2

    @property
    def width(self) -> float:
        return self.line.x1 - self.line.x0


Column = tuple[float, float]  # x0, x1 of the column's text


def chunk_line(line: Line, settings: AlignedSettings = DEFAULT) -> ChunkedLine:
    """A line cut into chunks at gaps wider than a cell gap."""
    groups: list[list[Word]] = [[line.words[0]]]
    for previous, word in zip(line.words, line.words[1:], strict=False):
        if word.x0 - previous.x1 > settings.cell_gap_ems * max(word.size, 1.0):
            groups.append([word])
        else:
            groups[-1].append(word)
    if _justified(groups, settings):
        groups = [list(line.words)]
    return ChunkedLine(line, tuple(Chunk(tuple(g)) for g in groups))


def _justified(groups: list[list[Word]], settings: AlignedSettings) -> bool:
    """A line of text set justified, its spaces stretched alike ("Table 10:  Indicators  of
    performance-based  funding"), not cells: at least three gaps, all under an em and
    nearly equal. Columns of figures are set further apart."""
    gaps = [b[0].x0 - a[-1].x1 for a, b in pairwise(groups)]
    if len(gaps) < 3:
        return False
    size = max(groups[0][0].size, 1.0)
    return max(gaps) < settings.justified_gap_ems * size and max(gaps) <= 1.3 * min(gaps)


def goes_on_wrapped(used: set[int | None], above: set[int | None], texts: list[str]) -> bool:
    """Whether a line is the rest of wrapped sentences: it fills no column (`used`) the line
    above leaves empty (`above`), and at least half of its cells (`texts`) go on a phrase
    (`_goes_on`). A capital or a figure starts a cell, though one figure can end a wrapped
    phrase."""
    if not used <= above:
        return False
    lower = sum(1 for text in texts if _goes_on(text))
    return lower > 0 and lower * 2 >= len(texts)


def _goes_on(text: str) -> bool:
    """Text that goes on a phrase: in lower case, or a parenthesis of lower-case words (a
    measure's "(vuositasolla)", "(medelvärde)"; "(1)" or "(A)" numbers a new item)."""
    return text[:1].islower() or (text[:1] == "(" and text[1:2].islower())


def line_gap(above: Line, below: Line) -> float:
    """The space between two lines' text, a larger ball glyph beside it left out: a row
    holding a ● is no further from its neighbours than its text is."""
    return below.text_top - above.text_bottom


def line_height(line: Line) -> float:
    return max(line.text_bottom - line.text_top, 1.0)
