"""Goal tables from fixed-width text: a `pdftotext -layout` dump, or any table set in spaces.

The table layer finds the tables: each page (split at form feeds) goes through the aligned
finder as characters at column positions (`layout.layout_lines`), one algorithm for PDFs and
text. A dump keeps no row padding, so the finder's rows are lines; the goal layer regroups a
goal table's lines into rows by what starts a cell, then chooses goal tables as every other
format does (`band_header`, `is_card_table`, bands continued over pages, cards unfolded).

A line starts a new row when, in some column, a cell starts on it:
- an item number opens its text ("2. Toimialan ...", "1.1 ...") and the column's text above
  ended a sentence, a figure, or was empty;
- the column was empty on the line above (values and ratings are set on a row's first line);
- a card label ("Tavoite 1", "Strateginen tavoite", "Mittari") opens the first column.
On such a line, text starting in lower case in a column that does not start a cell is the rest
of the cell above ("kehittäminen." ends the goal of the row before). A line that holds nothing
but rating glyphs (a ball set between a row's lines) joins the line above. Short lines standing
alone above a table are its headings (areas). Colour is lost in a dump: balls give no rating,
digits and verdict words do.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import combinations, pairwise

from goaltables.extract.assemble import (
    LEADING_LABEL,
    BandBuilder,
    Card,
    Row,
    band_header,
    cards_grid,
    continue_card,
    heading_name,
    is_card_table,
    label_role,
    place_under_headings,
    unfold_cards,
)
from goaltables.extract.grid import Grid, assign_columns, header_role
from goaltables.extract.layout import layout_lines
from goaltables.extract.numbering import split_item_number
from goaltables.extract.pdf.aligned import aligned_tables
from goaltables.extract.pdf.chunks import Column, chunk_line
from goaltables.extract.pdf.columns import column_of
from goaltables.extract.pdf.unruled import header_cells, unruled_tables
from goaltables.extract.pdf.words import Line
from goaltables.extract.tables import Heading, RawTable, TableCell
from goaltables.extract.textio import dehyphenate

_LINE_PITCH = 12.0  # as layout.layout_lines sets lines
# The header-led finder's table replaces the aligned finder's on its lines when it reads this
# many times their lines: a line more or less is where the two end a table, not a lost rest.
_READS_MORE = 1.25
_MAX_LABEL_CELLS = 4  # a repeated line of this many label cells at most is a card's labels
_LABEL_WORDS = 4  # ... each of at most this many words
_CHAR_WIDTH = 6.0
_FONT_SIZE = 10.0
_GLYPHS = re.compile(r"^[\s●○◯⬤•■□▲▼◆◇★☆✓✔✗✘]+$")
# A ball with its digit ("●2"), set lower than the row's first line as a larger glyph is.
_BALL_AND_DIGIT = re.compile(r"^\s*[●○◯⬤•■□▲▼◆◇★☆]\s?\d\s*$")
_WIDE_GAP = re.compile(r"\S {2,}\S")
_ITEM_TOKEN = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]$")
_SENTENCE_END = re.compile(r"[^\W\d_]{2,}[.!?]$")  # "osuus." ends a sentence, "31.8." does not
# "48 210", "31,2 %": one figure, its digits grouped or its unit after it
_GROUPED = re.compile(r"^(?:\d{3}(?:[.,]\d+)?|%|€|kpl|km)[.,]?$")
_SENTENCE_DONE = re.compile(r"(?:[.!?:;)%]|\d)$")
_HEADING_MAX_WORDS = 6  # a heading is short: "Sivistystoimen hallinto: tavoitteiden toteutuminen"
_HEADINGS_KEPT = 8  # the headings before a table that may name its area and sector
_NUMBERED_HEADING = re.compile(r"^\d+(?:\.\d+)*\.?\s+\w")
_RUNNING_SHARE = 0.3  # a line opening or closing this share of pages is a running header
# A dump is set in columns when this share of its text lines part cells with runs of spaces.
_LAYOUT_SHARE = 0.1
_LAYOUT_MIN_LINES = 8
_INDENT_CHARS = 8
_INDENTED = re.compile(r" {8,}\S")  # a line indented to a column
# A word this close (in points: one character) left of a column's start belongs to it.
_SLACK = 6.0
_CLUSTER_GAP = 2 * 6.0  # chunk starts this close (two characters) start the same column
_EXTRA_STARTS = 4  # more cell starts than the band has columns: no continuation to fit
_CARRIED = ("area", "strategy", "goal", "goal_no")
_HEADER_WRAP_WORDS = 3  # a header cell's wrapped line: "toimenpiteet", "TP 2021"
_HEADER_LINES = 4  # a header wraps over at most this many lines


def is_layout_dump(text: str) -> bool:
    """Whether the text is set in columns of spaces (`pdftotext -layout`), not tab-separated
    and not a default-mode dump (one cell's text after another, lines flush left): lines
    parting cells with runs of spaces, or indented to a column, make a tenth of its lines, or
    one of them is a goal table's header."""
    lines = [ln for ln in text.replace("\f", "\n").split("\n") if ln.strip()]
    if not lines or sum("\t" in ln for ln in lines) * 10 > len(lines):
        return False
    spaced = sum(1 for ln in lines if _WIDE_GAP.search(ln.strip()) or _INDENTED.match(ln))
    if spaced >= _LAYOUT_MIN_LINES and spaced >= _LAYOUT_SHARE * len(lines):
        return True
    # Few spaced lines, but one is a goal table's header set in columns: a table of goals
    # and comments whose ratings were colour only (empty in text) among much prose.
    return any(
        header_cells(line) is not None
        for line in layout_lines([ln for ln in lines if _WIDE_GAP.search(ln.strip())])
    )


@dataclass(frozen=True)
class _OpenBand:
    """A band's header and columns, for its rest on the next page."""

    header: list[str]
    columns: list[Column]
    page: int


@dataclass
class LayoutReading:
    """The goal-table grids of a dump, and its lines outside tables (title, legend)."""

    grids: list[Grid] = field(default_factory=list)
    other_lines: list[str] = field(default_factory=list)
    pages: int = 0
    band: BandBuilder | None = None
    cards: list[Card] = field(default_factory=list)
    cards_page: int = 0
    band_columns: list[Column] = field(default_factory=list)

    def close_band(self) -> None:
        if self.band is not None and self.band.rows:
            self.add_grid(self.band.grid(), self.band.headings)
        self.band = None

    def add_grid(self, grid: Grid, headings: list[Heading]) -> None:
        has_area = "area" in assign_columns(grid).roles
        grid = place_under_headings(grid, headings, has_area)
        previous = self.grids[-1] if self.grids else None
        if previous is not None and not grid.heading_area and not has_area:
            grid = replace(grid, heading_area=previous.heading_area)
        self.grids.append(grid)

    @property
    def next_table(self) -> int:
        return len(self.grids) + (1 if self.band else 0) + 1


def read_layout(text: str) -> LayoutReading:
    """Goal-table grids of every page of a layout dump, bands continued over pages."""
    reading = LayoutReading()
    headings: list[Heading] = []
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    reading.pages = len(pages)
    running = running_lines(pages)
    labels = _repeated_labels(pages)
    carried: list[str] = []  # a card's label line left alone at the foot of the page before
    since = 0  # where the headings since the last table start: a band goes on under none
    for number, page in enumerate(pages, start=1):
        rows = _without_page_number(_with_glyphs_joined(page.replace("\r", "").split("\n")))
        rows, carried = _after_running_header(rows, carried, running), _foot_label(rows)
        if carried:
            rows = rows[: len(rows) - rows[::-1].index(carried[0]) - 1]
        lines = [
            _as_labels(ln) if ln.text in labels else ln
            for ln in layout_lines(rows)
            if ln.text.strip() not in running
        ]
        tables = aligned_tables(lines, number)
        goal_tables = _goal_tables(tables, lines, reading, number)
        inside = {i for t in tables for i in range(_line_range(t)[0], _line_range(t)[1] + 1)}
        page_headings = _headings(lines, inside, number)
        done = -1
        for position, table in enumerate(goal_tables):
            first, last = _line_range(table)
            headings += [h for h in page_headings if done < _index_of(h) < first]
            done = last
            named = any(heading_name(h.text) for h in headings[since:])
            _take_table(table, position == 0, headings[-_HEADINGS_KEPT:], reading, named)
            since = len(headings)
        headings += [h for h in page_headings if _index_of(h) > done]
        reading.other_lines += [ln.text for ln in lines if _index(ln) not in inside]
    reading.close_band()
    return reading


def _goal_tables(
    tables: list[RawTable], lines: list[Line], reading: LayoutReading, page: int
) -> list[RawTable]:
    """The page's goal tables, regrouped; the first continues a band open on the page before."""
    band = reading.band
    found = []
    for position, table in enumerate(tables):
        open_band = None
        if band is not None and position == 0 and band.last_page == page - 1:
            open_band = _OpenBand(band.header, reading.band_columns, page)
        regrouped = _regrouped(table, lines, open_band)
        if _is_goal(regrouped) or (band and open_band and regrouped.columns == band.columns):
            found.append(regrouped)
    # A card's label rows the finder saw as a table of their own are read again with its
    # measures (`_card_top`): the one inside the other goes.
    found = [t for t in found if not any(u is not t and _within(t, u) for u in found)]
    return _with_header_led(found, lines, page)


def _with_header_led(found: list[RawTable], lines: list[Line], page: int) -> list[RawTable]:
    """The goal tables the PDF's header-led finder reads on the page (one algorithm for PDFs
    and text), in place of the aligned finder's tables on the same lines when they read more
    of them by far: an aligned reading that stops short (at a comment row, a goal alone on
    its line) or runs two cards into one has lost rows. Tables are compared in clusters of
    those sharing lines (two stacked cards against the one table the aligned finder made)."""
    led = [t for t in unruled_tables(lines, page, _FONT_SIZE, []) if _is_goal(t)]
    chosen = [t for t in found if not any(_lines_overlap(t, u) for u in led)]
    chosen += [u for u in led if not any(_lines_overlap(t, u) for t in found)]
    for aligned, header_led in _clusters(found, led):
        # Several tables from the same first line where the aligned finder saw one: it ran
        # them together (a card's two stacked tables, a finance table after a goal table). A
        # table opening above them (card labels, "Tavoite 1") is one the header-led finder
        # cannot read whole.
        same_top = _first_line(header_led) == _first_line(aligned)
        ran_together = len(header_led) > len(aligned) and same_top
        wins = ran_together or _line_count(header_led) > _line_count(aligned) * _READS_MORE
        chosen += header_led if wins else aligned
    return sorted((_goal_rows_marked(t) for t in chosen), key=lambda t: t.bbox[1])


def _clusters(
    left: list[RawTable], right: list[RawTable]
) -> list[tuple[list[RawTable], list[RawTable]]]:
    """Groups of tables of the two lists linked by shared lines, each as (left's, right's);
    tables sharing no line with the other list are in none."""
    clusters: list[tuple[list[RawTable], list[RawTable]]] = []
    for table in left:
        linked = [u for u in right if _lines_overlap(table, u)]
        if not linked:
            continue
        joined = [c for c in clusters if any(_holds(c[1], u) for u in linked)]
        lefts, rights = [table], list(linked)
        for c in joined:
            lefts += c[0]
            rights += [u for u in c[1] if not _holds(rights, u)]
        clusters = [c for c in clusters if not any(c is j for j in joined)]
        clusters.append((lefts, rights))
    return clusters


def _first_line(tables: list[RawTable]) -> int:
    return min(_line_range(t)[0] for t in tables)


def _holds(tables: list[RawTable], table: RawTable) -> bool:
    return any(t is table for t in tables)


def _line_count(tables: list[RawTable]) -> int:
    return sum(_line_range(t)[1] - _line_range(t)[0] + 1 for t in tables)


def _goal_rows_marked(table: RawTable) -> RawTable:
    """The table, its goal rows marked in place. A dump has lost the weight that sets a
    goal's row apart in a table of measures (a group row, bold in the PDF). Its structure still
    shows it: in a table with no goal column, a sentence alone in the first column, not a
    comment, over a row that fills other columns too, names the goal of the rows below. Such
    a cell is marked as the PDF sets it."""
    header = band_header(table)
    if header is None or "goal" in {header_role(text) for text in header}:
        return table
    rows = table.rows
    for above, below in pairwise(rows):
        filled = [i for i, c in enumerate(above) if c is not None and c.text.strip()]
        first = above[0] if above else None
        if filled != [0] or first is None or not _SENTENCE_DONE.search(first.text.strip()):
            continue
        if LEADING_LABEL.match(first.text) or _filled_columns(below) < 2:
            continue
        above[0] = replace(first, bold=True)
    return table


def _filled_columns(row: list[TableCell | None]) -> int:
    return sum(1 for c in row if c is not None and c.text.strip())


def _lines_overlap(a: RawTable, b: RawTable) -> bool:
    (a0, a1), (b0, b1) = _line_range(a), _line_range(b)
    return a0 <= b1 and b0 <= a1


def _within(inner: RawTable, outer: RawTable) -> bool:
    (a, b), (c, d) = _line_range(inner), _line_range(outer)
    return c <= a and b <= d and (a, b) != (c, d)


def _repeated_labels(pages: list[str]) -> set[str]:
    """Lines of label cells a dump repeats over each card or table ("Mål  Läge och risker"):
    the PDF sets them bold, and the header-led finder knows labels by that weight when their
    words are not all in the vocabulary. A dump keeps no weight, but the repetition shows
    the same: two cells or more set apart, each a few words opening in a capital, one naming
    a column (not all: such a header is known without), printed twice or more."""
    counts = Counter(
        line.text
        for page in pages
        for line in layout_lines(page.replace("\r", "").split("\n"))
        if _label_cells(line)
    )
    return {text for text, count in counts.items() if count >= 2}


def _label_cells(line: Line) -> bool:
    cells = [" ".join(w.text for w in chunk.words) for chunk in chunk_line(line).chunks]
    if not 2 <= len(cells) <= _MAX_LABEL_CELLS:
        return False
    short = all(c[:1].isupper() and len(c.split()) <= _LABEL_WORDS for c in cells)
    # A header the vocabulary names whole needs no weight (and a bold one reads differently).
    return short and any(header_role(c) for c in cells) and header_cells(line) is None


def _as_labels(line: Line) -> Line:
    return Line(tuple(replace(w, bold=True) for w in line.words))


def _without_page_number(rows: list[str]) -> list[str]:
    """The page's rows without its number, a line of digits alone at its foot or head."""
    text = [i for i, r in enumerate(rows) if r.strip()]
    for i in text[:1] + text[-1:]:
        if rows[i].strip().isdigit():
            rows = [*rows[:i], "", *rows[i + 1 :]]
    return rows


def _foot_label(rows: list[str]) -> list[str]:
    """A card's label line ("Tavoite 4   Kasvatusyhteistyön ...") set apart last on a page,
    but for its number: the card goes on on the next page, where the line is read with it."""
    text = [i for i, r in enumerate(rows) if r.strip() and not r.strip().isdigit()]
    if not text:
        return []
    last = text[-1]
    lines = layout_lines([rows[last]])
    apart = last == 0 or not rows[last - 1].strip()
    if apart and lines and _label_line(lines[0]) is not None:
        return [rows[last]]
    return []


def _after_running_header(rows: list[str], carried: list[str], running: set[str]) -> list[str]:
    """The page's rows with the carried line put before its first line of text."""
    if not carried:
        return rows
    for index, row in enumerate(rows):
        if row.strip() and row.strip() not in running:
            return [*rows[:index], *carried, *rows[index:]]
    return [*rows, *carried]


def running_lines(pages: list[str]) -> set[str]:
    """Lines that open (or close) many pages: running headers and footers."""
    ends = Counter(
        line
        for page in pages
        if (lines := [ln.strip() for ln in page.split("\n") if ln.strip()])
        for line in {lines[0], lines[-1]}
    )
    needed = max(2, len(pages) * _RUNNING_SHARE)
    return {line for line, count in ends.items() if count >= needed}


def _index_of(heading: Heading) -> int:
    return round(heading.top / _LINE_PITCH)


def _index(line: Line) -> int:
    return round(line.top / _LINE_PITCH)


def _line_range(table: RawTable) -> tuple[int, int]:
    return round(table.bbox[1] / _LINE_PITCH), round(table.bbox[3] / _LINE_PITCH)


def _with_glyphs_joined(rows: list[str]) -> list[str]:
    """A line of rating glyphs alone (a ball centred between a row's lines) is laid over the
    text line above it, where that line has room."""
    out: list[str] = []
    for row in rows:
        if out and row.strip() and (_GLYPHS.match(row) or _BALL_AND_DIGIT.match(row)):
            above = out[-1] if out[-1].strip() else None
            if above is not None:
                out[-1] = _overlay(above, row)
                continue
        out.append(row)
    return out


def _overlay(above: str, glyphs: str) -> str:
    chars = list(above.ljust(len(glyphs)))
    placed = [i for i, ch in enumerate(glyphs) if not ch.isspace()]
    if not all(c == " " for c in chars[max(0, placed[0] - 1) : placed[-1] + 2]):
        return above  # no room: the glyph is dropped, as colour is
    for i in placed:
        chars[i] = glyphs[i]
    return "".join(chars).rstrip()


def _headings(lines: list[Line], inside: set[int], page: int) -> list[Heading]:
    """Short lines of one chunk outside tables, set apart above (a blank line, a table) or
    standing right over a table: headings naming who the goals belong to. One
    with running text under it is a section's (ranked higher: the sector), one right above a
    table or another heading a subsection's (the area)."""
    outside = [ln for ln in lines if _index(ln) not in inside]
    texts = {_index(ln) for ln in lines}
    kinds = [
        _is_heading(ln.text.strip())
        and (_index(ln) - 1 not in texts or _index(ln) + 1 in inside or _index(ln) - 1 in inside)
        for ln in outside
    ]
    found = []
    for position, line in enumerate(outside):
        if not kinds[position]:
            continue
        after = outside[position + 1] if position + 1 < len(outside) else None
        prose = (
            after is not None
            and not kinds[position + 1]
            and not any(_index(line) < i < _index(after) for i in inside)
        )
        rank = (12.0 if prose else 10.0, False, False)
        if heading_name(line.text.strip()):  # a legend's title names no one: no section
            found.append(Heading(line.text.strip(), page, line.top, rank))
    return found


def _is_heading(text: str) -> bool:
    words = text.split()
    if not words or len(words) > _HEADING_MAX_WORDS or _WIDE_GAP.search(text):
        return False
    if _NUMBERED_HEADING.match(text):
        return True
    return text[:1].isalpha() and not text.endswith((".", "-", ",")) and not _GLYPHS.match(text)


# --- rows ------------------------------------------------------------------------------------


def _regrouped(table: RawTable, lines: list[Line], open_band: _OpenBand | None = None) -> RawTable:
    """The table's lines regrouped into rows by where cells start (see the module's doc).
    A table without a header of its own, on the page after an open band, is cut at the
    band's columns: a column empty on this page must not vanish (the finder sees columns
    from this page's text only)."""
    if not table.rows or not table.rows[0]:
        return table
    columns = _columns(table)
    first, last = _line_range(table)
    continued = open_band is not None and band_header(table) is None
    if open_band is not None and continued:
        inside = [ln for ln in lines if first <= _index(ln) <= last]
        columns = _fitted_columns(inside, open_band.columns) or columns
    if not continued and band_header(table) is None:
        first = _card_top(lines, first)
    last = _table_foot(lines, last)
    inside = [ln for ln in lines if first <= _index(ln) <= last]
    # Cards: no band header, or header and label rows among the values (Kauhava's).
    # A band's next page repeating its header is no card table.
    header = band_header(table)
    repeated = open_band is not None and header is not None and _same_header(header, open_band)
    cards = not continued and (header is None or (not repeated and is_card_table(table)))
    if cards:
        columns = _split_at_labels(inside, columns)
    open_to = {
        column_of(c, columns)
        for ln in inside
        if _label_line(ln) is None
        for c in chunk_line(ln).chunks
    }
    body = [_line_cells(ln, columns, open_to) for ln in inside]
    header_end = 0 if continued or cards else _header_end(table, body)
    grid: list[list[list[str]]] = []
    if header_end:
        grid.append([[] for _ in columns])
        for cells in body[:header_end]:
            for i, text in enumerate(cells):
                if text:
                    grid[0][i].append(text)
    carried = _carried_columns(
        grid[0] if header_end else [[h] for h in open_band.header] if open_band else []
    )
    carried += [False] * (len(columns) - len(carried))
    goal_end = max((i for i, c in enumerate(carried) if c), default=-1)
    above: list[str] = [""] * len(columns)
    owner = [0] * len(columns)  # the row each column's text goes to
    value_at: float | None = None  # where the value of a card's label row starts
    named: set[int] = set()  # the columns the last header row of a card names
    row_start: set[int] = set()  # the columns the row's first line fills
    row_number = 0  # the row's first line
    for number, (line, cells) in enumerate(
        zip(inside[header_end:], body[header_end:], strict=True)
    ):
        label = _label_line(line) if cards else None
        if cards and named:  # a word moves only into a column the card's header row names
            cells = _line_cells(line, columns, open_to & named)
        if value_at is not None and _wraps_value(line, value_at):
            grid[-1][1].append(line.text)  # the label's value wrapped
            continue
        value_at = None
        if label is not None:
            grid.append([[] for _ in columns])
            grid[-1][0].append(label[0])
            grid[-1][min(1, len(columns) - 1)].append(label[1])
            value_at, above = label[2], [""] * len(columns)
            owner = [len(grid) - 1] * len(columns)
            continue
        if number == 0 and open_band is not None:
            _split_page_tail(grid, cells, carried, owner)
        opening = [_starts_cell(i, t, above[i], carried[i]) for i, t in enumerate(cells)]
        if cards and _is_label_row(above) and not _wraps_header(above, cells):
            opening = [bool(t) for t in cells]  # the values under a card's header row
        filled = {i for i, t in enumerate(cells) if t}
        late = _opens_late(filled, row_start, number - row_number)
        if late:
            opening = [False] * len(cells)
        if number == 0 or any(opening):
            row_start, row_number = filled, number
            grid.append([[] for _ in columns])
            # A cell opening at or left of the goal column starts the next goal's row: the
            # area, strategy and goal text on the line are the new row's.
            new_goal = any(opening[: goal_end + 1])
            for i, text in enumerate(cells):
                tail = number > 0 and text and not opening[i]
                if carried[i]:
                    tail = tail and not new_goal
                else:  # a value column's text goes on only a sentence left open, not a header
                    tail = tail and _lowercase(text) and not _SENTENCE_DONE.search(above[i])
                    tail = tail and not (header_end and owner[i] == 0)
                    tail = tail and not _is_label_row([" ".join(p) for p in grid[owner[i]]])
                if not tail:
                    owner[i] = len(grid) - 1
        for i, text in enumerate(cells):
            if text:
                grid[owner[i]][i].append(text)
        above = [t or a for t, a in zip(cells, above, strict=True)] if late else cells
        if cards and _is_label_row(cells):
            named = {i for i, t in enumerate(cells) if t}
    rows: list[list[TableCell | None]] = [
        [
            TableCell(dehyphenate("\n".join(parts)), (x0, 0.0, x1, 0.0))
            for parts, (x0, x1) in zip(row, columns, strict=True)
        ]
        for row in grid
    ]
    header_rows = {0} if header_end else set()
    found = RawTable(table.page, table.bbox, "layout", rows, header_rows=header_rows)
    found.bbox = (columns[0][0], first * _LINE_PITCH, columns[-1][1], table.bbox[3])
    return found


def _opens_late(filled: set[int], row_start: set[int], lines_down: int) -> bool:
    """Cells set a line lower than their row's first line, in columns that line left empty
    (a ball larger than the text, and the comment beside it, centred on the row): the row's
    second line fills none of the columns its first line filled, which filled two or more."""
    return lines_down == 1 and len(row_start) >= 2 and bool(filled) and not filled & row_start


def _split_at_labels(lines: list[Line], columns: list[Column]) -> list[Column]:
    """A card's header row of labels starts a column at each label: the finder may join
    two (a value set one space after the text beside it, a label's value above a column)."""
    starts = [x0 for x0, _ in columns]
    for line in lines:
        chunks = chunk_line(line).chunks
        if len(chunks) >= 2 and all(label_role(c.text) for c in chunks):
            for chunk in chunks:
                if all(abs(chunk.x0 - x) > _CLUSTER_GAP for x in starts):
                    starts.append(chunk.x0)
    if len(starts) == len(columns):
        return columns
    starts.sort()
    return [(x, nxt - 1.0) for x, nxt in zip(starts, [*starts[1:], 1e9], strict=True)]


def _past(x: float, previous_end: float, start: float) -> bool:
    """A word at or past a column's start, the word before it ending short of it: the two
    cells are set one space apart. Text already running over the start is one cell's."""
    return x + _SLACK >= start and previous_end <= start + _SLACK


def _label_line(line: Line) -> tuple[str, str, float] | None:
    """A card's label and its value on one line ("Tavoite 1   Toimialan talouden ..."):
    the first chunk names a role, the rest are not all labels (then it is a header row)."""
    chunks = chunk_line(line).chunks
    if len(chunks) < 2 or label_role(chunks[0].text) is None:
        return None
    if all(label_role(c.text) for c in chunks[1:]):
        return None
    return chunks[0].text, " ".join(c.text for c in chunks[1:]), chunks[1].x0


def _wraps_value(line: Line, value_at: float) -> bool:
    """A line of one chunk starting where a label's value starts: the value wrapped."""
    chunks = chunk_line(line).chunks
    return len(chunks) == 1 and abs(chunks[0].x0 - value_at) <= _SLACK


def _is_label_row(cells: list[str]) -> bool:
    filled = [t for t in cells if t]
    return bool(filled) and all(label_role(t) for t in filled)


def _wraps_header(above: list[str], cells: list[str]) -> bool:
    return all(not t or (above[i] and _header_word(t)) for i, t in enumerate(cells))


def _fitted_columns(lines: list[Line], band: list[Column]) -> list[Column] | None:
    """The band's columns found again on its next page. A dump sets each page's columns
    where its own text falls, so the band's places do not carry over; where the cells of
    this page start (runs of chunk starts) are matched, in order, to the band's columns by
    the straight line (x' = a x + b) that fits best, and a column with no text here is placed
    where that line puts it."""
    starts = sorted(c.x0 for ln in lines for c in chunk_line(ln).chunks)
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][-1] <= _CLUSTER_GAP:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    here = [c[0] for c in clusters]
    there = [x0 for x0, _ in band]
    if not here or len(here) > len(band) + _EXTRA_STARTS:
        return None
    best: tuple[float, list[int], float, float] | None = None
    small, large = (here, there) if len(here) <= len(there) else (there, here)
    for chosen in combinations(range(len(large)), len(small)):
        picked = [large[i] for i in chosen]
        xs, ys = (small, picked) if small is here else (picked, small)
        a, b = _line_fit(xs, ys)
        error = sum((a * x + b - y) ** 2 for x, y in zip(xs, ys, strict=True))
        if best is None or error < best[0]:
            best = (error, list(chosen), a, b)
    if best is None:
        return None
    _, matched, a, b = best
    if small is here:  # every start here is a band column; the rest are placed by the line
        placed = [(x - b) / a if a else x for x in there]
        for k, i in enumerate(matched):
            placed[i] = here[k]
    else:  # extra starts here (a cell's indented line) are no columns
        placed = [here[i] for i in matched]
    return [(x, nxt - 1.0) for x, nxt in zip(placed, [*placed[1:], 1e9], strict=True)]


def _line_fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """y = a x + b by least squares; a shift alone for one point."""
    if len(xs) < 2:
        return 1.0, (ys[0] - xs[0]) if xs else 0.0
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    a = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 1.0
    return a, my - a * mx


def _table_foot(lines: list[Line], last: int) -> int:
    """The last line of a table: lines of one chunk right below it, indented to a column,
    are the rest of its last row's cells ("nuorisovaltuuston" / "toiminnan kautta.")."""
    by_index = {_index(ln): ln for ln in lines}
    while (line := by_index.get(last + 1)) is not None:
        if len(chunk_line(line).chunks) != 1 or line.x0 < _INDENT_CHARS * _CHAR_WIDTH:
            break
        last += 1
    return last


def _same_header(header: list[str], band: _OpenBand) -> bool:
    """The band's header repeated (the finder may read a wrapped line more or less of it)."""
    if len(header) != len(band.header):
        return False
    pairs = zip(header, band.header, strict=True)
    return all(a.startswith(b) or b.startswith(a) for a, b in pairs)


def _card_top(lines: list[Line], first: int) -> int:
    """The first line of a card the finder read from its measures only: label lines right
    above ("Tavoite 1", "Strateginen tavoite", "Toteutuminen" with their values, which run
    across the columns below) and their values' wrapped lines belong to it."""
    by_index = {_index(ln): ln for ln in lines}
    top, index = first, first - 1
    while index in by_index:
        line = by_index[index]
        if _label_line(line) is not None:
            top = index
        elif line.x0 < _INDENT_CHARS * _CHAR_WIDTH:
            break  # neither a label nor a value's wrapped line, indented to its column
        index -= 1
    return top


def _split_page_tail(
    grid: list[list[list[str]]], cells: list[str], carried: list[bool], owner: list[int]
) -> None:
    """The first line of a band's next page: a goal's text going on in lower case beside a
    new item ("turvaaminen." beside "2. Vaihtuvuus ...") is the rest of the page before's
    last goal, a row of its own that the band joins to the row it was cut from."""
    tails = [i for i, t in enumerate(cells) if carried[i] and t and _lowercase(t)]
    items = [i for i, t in enumerate(cells) if t and i not in tails and split_item_number(t)[0]]
    if not tails or not items:
        return
    grid.append([[] for _ in cells])
    for i in tails:
        grid[-1][i].append(cells[i])
        owner[i] = len(grid) - 1
        cells[i] = ""


def _carried_columns(header: list[list[str]]) -> list[bool]:
    """Columns a merged cell spans over many rows: area, strategy and goal. Their text on a
    line where another column starts a row is the rest of the cell above."""
    roles = [header_role(" ".join(parts)) for parts in header]
    return [role in _CARRIED for role in roles]


def _columns(table: RawTable) -> list[Column]:
    """Each column's text range, as the finder placed its cells (in points)."""
    width = max(len(r) for r in table.rows)
    columns: list[Column] = []
    for i in range(width):
        cell = next((c for r in table.rows if i < len(r) and (c := r[i]) is not None), None)
        columns.append((cell.bbox[0], cell.bbox[2]) if cell else columns[-1])
    return columns


def _header_end(table: RawTable, body: list[list[str]]) -> int:
    """How many lines the band header spans (0 when the table opens with no goal header):
    lines go on wrapping the header's cells while they hold short words under header cells,
    no ended sentence, no item."""
    if band_header(table) is None or not body:
        return 0
    spanned = _HEADER_LINES
    end = 1
    while end < min(spanned, len(body)):
        above, cells = body[end - 1], body[end]
        wraps = all(not text or (above[i] and _header_word(text)) for i, text in enumerate(cells))
        if not wraps:
            break
        end += 1
    return end


def _header_word(text: str) -> bool:
    first = text.split()[0] if text.split() else ""
    return (
        (first[:1].islower() or first[:1].isdigit() or first.isupper())
        and len(text.split()) <= _HEADER_WRAP_WORDS
        and not _SENTENCE_END.search(text)
        and split_item_number(text)[0] is None
    )


def _line_cells(line: Line, columns: list[Column], open_to: set[int] | None = None) -> list[str]:
    """The line's text by column: a chunk goes where the finder puts it (`column_of`); a word
    of it standing at the next column's start (one space apart) goes on to that column, when
    that column is one where cells start (`open_to`), not only a card label's value."""
    parts: list[list[str]] = [[] for _ in columns]
    for chunk in chunk_line(line).chunks:
        column = column_of(chunk, columns)
        placed: list[tuple[int, str]] = []
        previous_end, previous = -1e9, ""
        for word in chunk.words:
            grouped = previous[-1:].isdigit() and _GROUPED.match(word.text) is not None
            while (
                not grouped
                and column + 1 < len(columns)
                and (open_to is None or column + 1 in open_to)
                and _past(word.x0, previous_end, columns[column + 1][0])
            ):
                column += 1
            placed.append((column, word.text))
            previous_end, previous = word.x1, word.text
        for k in range(len(placed) - 1, 0, -1):  # "ja 1. Lukioon": the number goes with its item
            (left, text), (right, _) = placed[k - 1], placed[k]
            if right > left and _ITEM_TOKEN.match(text):
                placed[k - 1] = (right, text)
        for column, text in placed:
            parts[column].append(text)
    return [" ".join(p) for p in parts]


def _starts_cell(column: int, text: str, above: str, carried: bool) -> bool:
    """Whether a cell starts with this text: the column was empty above, an item opens it
    after an ended sentence, a card label opens the first column, or (in a goal's own
    columns) a capital follows an ended sentence."""
    if not text:
        return False
    if not above:
        return True
    number, _ = split_item_number(text)
    if number is not None and _SENTENCE_DONE.search(above):
        return True
    if carried and text[:1].isupper() and _SENTENCE_END.search(above):
        return True
    return column == 0 and label_role(text) is not None


def _lowercase(text: str) -> bool:
    return text[:1].islower() or text[:1] in ",;)–-"


# --- goal tables -----------------------------------------------------------------------------


def _is_goal(table: RawTable) -> bool:
    return band_header(table) is not None or is_card_table(table)


def _take_table(
    table: RawTable,
    first_on_page: bool,
    headings: list[Heading],
    reading: LayoutReading,
    named_above: bool = False,
) -> None:
    """A band's next page, a card table, a new band. A heading naming someone between the
    band and this table (the next unit's name at the foot of the page before) starts anew."""
    rows = [Row(tuple(r), table.page) for r in table.rows]
    header = band_header(table)
    band = reading.band
    continues = (
        band is not None
        and not named_above
        and first_on_page
        and table.page == band.last_page + 1
        and table.columns == band.columns
        and (header is None or header == band.header)
    )
    if band is not None and continues:
        band.add(rows, continued=True)
        band.last_page = table.page
    elif is_card_table(table):
        reading.close_band()
        cards = unfold_cards(table)
        if cards and not cards[0].has_goal and reading.cards:
            continue_card(reading.cards[-1], cards.pop(0))
            last = reading.grids[-1]
            rebuilt = cards_grid(reading.cards, last.table)
            reading.grids[-1] = replace(
                rebuilt, heading_area=last.heading_area, heading_sector=last.heading_sector
            )
        if cards:
            reading.add_grid(cards_grid(cards, reading.next_table), headings)
            reading.cards, reading.cards_page = cards, table.page
    elif header is not None:
        reading.close_band()
        reading.band = BandBuilder(
            header,
            table_no=reading.next_table,
            last_page=table.page,
            headings=list(headings),
            first_page=table.page,
        )
        reading.band.add(rows[1:], continued=False)
        reading.band_columns = _columns(table)
