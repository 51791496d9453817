"""Goal tables from the text dump of a PDF (copy-paste or pdftotext), like seed 000.

A PDF's text layer keeps the words but not the table: cells come out one after another, a
row's cells left to right, each cell's text wrapped at its column's width, with blank lines
between cells. The table this parser rebuilds has the columns

    area | goal | measure | progress | rating

and reads like seed 000 (the same table as seed 001, a year's outcome report). It works in
named steps, each a function below:

1. `read_lines`      lines with their line number and page (a form feed starts a page).
2. `split_blocks`    paragraphs: runs of lines between blank lines.
3. `read_preamble`   the blocks before the first numbered item: title, rating legend and
                     the header row (found by its words, wherever its cells wrapped).
4. `cut_fragments`   blocks cut where a numbered item starts: at a line start, inside a
                     line after a sentence end ("...yhteistyössä.  2. Sopimus..."), or
                     glued to a name at the start of a block ("...palvelut1. Hyvinvoinnin"),
                     which makes that name an *anchored* area name.
5. `measure_widths`  each fragment's column told by the width its lines wrap at: the
                     progress column wraps narrower than the goal and measure columns.
6. `assign_items`    goals, measures and progress from the numbers, area by area.
7. `name_areas`      area names placed; the sector (the area column's header cell) found.
8. `to_drafts`       one row per measure, a goal without measures as one row.

Assumptions, and where they break:
- Goal numbering restarts at 1 in each area, and a goal's first measure is printed with the
  goal's number (they share a table row): a run "k, k" of wide items is a goal and its
  measure; a lone number after a measure is another measure of the same goal; a number that
  follows a goal as goal + 1 is another goal in the same cell ("1. ... 2. ..." then "1.").
  An area whose goals continue the previous area's numbering is only found by its name.
- Measures are numbered; a measure numbered k belongs to the goal numbered k when one is
  open, else to the latest goal. Progress items carry their measure's number.
- The progress column is narrower than goal and measure columns (seed 000: about 35 against
  about 75 characters). Where all columns are of one width, progress must be numbered.
- Area names are short (at most eight words, no closing full stop). They come either glued
  before their first goal (anchored), or floating as their own block somewhere after their
  first row: a merged cell's text is printed at its vertical middle. Floating names are given
  to the areas without an anchored name, in order; an immediate repeat is the same area (a
  merged cell cut by a page break).
- The sector is the area column's header cell, which floats like a name: when there is one
  name more than areas, it is the one most like the title's subject.
- Unnumbered text is another paragraph of the cell before it when it wraps like that cell;
  narrow text right after a floating name is that area's merged progress cell, otherwise it is
  the current area's; it goes to the first row of its area that has no progress yet.
- When two cells share a line, only the rightmost continues on the next lines.
- Ratings do not survive a text dump (symbols and colours are lost): rating fields stay empty
  and the document's problems say so when the header has a rating column.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz

from goaltables.errors import NoGoalTable
from goaltables.extract.metadata import looks_like_title, title_subject
from goaltables.extract.numbering import (
    InlineSplit,
    ItemNumber,
    find_inline_items,
    split_item_number,
)
from goaltables.extract.ratings import Legend, find_legend, is_legend_line
from goaltables.extract.textio import collapse_spaces, join_lines
from goaltables.extract.vocabulary import vocabulary
from goaltables.records import RowDraft, Source

# A name is short: at most this many words and characters.
_NAME_MAX_WORDS = 8
_NAME_MAX_CHARS = 60
# Two column widths are told apart when the wider is at least this many times the narrower.
_WIDTH_GAP_RATIO = 1.3
# A floating name at least this like the title's subject (rapidfuzz ratio, 0-100) can be the
# sector header cell ("Sivistys- ja hyvinvointipalvelut" ~ "Sivistys- ja hyvinvointipalvelualueen").
_SECTOR_SIMILARITY = 70
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")


# --- 1-2: lines and blocks ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    no: int
    page: int | None
    text: str


def read_lines(text: str) -> list[Line]:
    """Lines numbered from 1; pages counted from form feeds when the dump has any."""
    has_pages = "\f" in text
    lines, page = [], 1
    for no, raw in enumerate(text.split("\n"), start=1):
        page += raw.count("\f")
        lines.append(Line(no, page if has_pages else None, raw.replace("\f", "").rstrip()))
    return lines


def split_blocks(lines: list[Line]) -> list[list[Line]]:
    """Paragraphs: runs of non-blank lines."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if collapse_spaces(line.text):
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


# --- 3: preamble ------------------------------------------------------------------------------


@dataclass
class Preamble:
    title: str = ""
    legend: Legend | None = None
    header_roles: set[str] = field(default_factory=set)  # the header's cells run together


def _starts_item(block: list[Line]) -> bool:
    return any(split_item_number(line.text)[0] or find_inline_items(line.text) for line in block)


_HEADER_LIMIT = 2000  # characters of a block searched for header words


def read_preamble(blocks: list[list[Line]]) -> tuple[Preamble, list[list[Line]]]:
    """Title, legend and header from the blocks before the first item; the rest is the table."""
    first_item = next((i for i, b in enumerate(blocks) if _starts_item(b)), len(blocks))
    preamble = Preamble()
    for block in blocks[:first_item]:
        text = join_lines([line.text for line in block if not is_legend_line(line.text)])
        # A header row is a few dozen words: a longer block is prose (or a huge file's one
        # block), and matching every phrase over it would cost seconds per megabyte.
        roles = vocabulary().roles.keys_found(text[:_HEADER_LIMIT]) - {"ignore"}
        if len(roles) >= 2 and len(roles) > len(preamble.header_roles):
            preamble.header_roles = roles
        elif not preamble.title and looks_like_title(block[0].text):
            preamble.title = collapse_spaces(block[0].text)
    preamble.legend = find_legend([line.text for block in blocks[:first_item] for line in block])
    return preamble, blocks[first_item:]


# --- 4: fragments -----------------------------------------------------------------------------

FragmentKind = Literal["item", "text", "name"]


@dataclass
class Fragment:
    """A piece of one cell: a numbered item, unnumbered text, or an anchored area name."""

    kind: FragmentKind
    lines: list[str]
    line: Line
    number: ItemNumber | None = None
    whole_block: bool = False
    width: int | None = None
    narrow: bool = False

    @property
    def text(self) -> str:
        return join_lines(self.lines)


def cut_fragments(blocks: list[list[Line]]) -> list[Fragment]:
    fragments: list[Fragment] = []
    for block in blocks:
        in_block = _cut_block(block)
        if len(in_block) == 1:
            in_block[0].whole_block = True
        fragments.extend(in_block)
    return fragments


def _cut_block(block: list[Line]) -> list[Fragment]:
    fragments: list[Fragment] = []
    for line_index, line in enumerate(block):
        for seg_index, segment in enumerate(_segments(line.text, first_line=line_index == 0)):
            number, rest = split_item_number(segment)
            if number is not None:
                fragments.append(Fragment("item", [rest], line, number))
            elif fragments:
                fragments[-1].lines.append(segment)
            else:
                kind: FragmentKind = "name" if seg_index == 0 and _has_more(line) else "text"
                fragments.append(Fragment(kind, [segment], line))
    return fragments


def _has_more(line: Line) -> bool:
    return len(_segments(line.text, first_line=True)) > 1


def _segments(text: str, first_line: bool) -> list[str]:
    """A line cut where items start inside it. A cut with no sentence end before it is taken
    only for a name glued to the first item of a block ("Vapaa-aikapalvelut 1. ...")."""
    cuts: list[InlineSplit] = []
    for split in find_inline_items(text):
        before = text[: split.start]
        if _SENTENCE_END.search(before) or (
            first_line and not cuts and _is_name(before) and split_item_number(before)[0] is None
        ):
            cuts.append(split)
    pieces, start = [], 0
    for split in cuts:
        pieces.append(text[start : split.start])
        start = split.number_start
    pieces.append(text[start:])
    return [p for p in pieces if collapse_spaces(p)]


def _is_name(text: str) -> bool:
    text = collapse_spaces(text)
    return (
        0 < len(text) <= _NAME_MAX_CHARS
        and len(text.split()) <= _NAME_MAX_WORDS
        and text[0].isupper()
        and not _SENTENCE_END.search(text)
    )


# --- 5: widths --------------------------------------------------------------------------------


def measure_widths(fragments: list[Fragment]) -> None:
    """Mark the fragments that wrap at the narrow (progress) column's width."""
    for fragment in fragments:
        wrapped = fragment.lines[:-1]
        fragment.width = max((len(line.rstrip()) for line in wrapped), default=None)
    threshold = _width_threshold([f.width for f in fragments if f.width and f.kind != "name"])
    for fragment in fragments:
        longest = fragment.width or max(len(line.rstrip()) for line in fragment.lines)
        # A one-line fragment is only known to be narrow if a wrapped narrow one is as long.
        fragment.narrow = (
            threshold is not None and fragment.width is not None and longest < threshold
        )


def _width_threshold(widths: list[int]) -> float | None:
    """The width between the narrow and the wide columns: the widest gap in the sorted widths."""
    ordered = sorted(widths)
    gaps = [(b / a, (a + b) / 2) for a, b in itertools.pairwise(ordered) if a]
    ratio, middle = max(gaps, default=(0.0, 0.0))
    return middle if ratio >= _WIDTH_GAP_RATIO else None


# --- 6: items into goals and measures ---------------------------------------------------------


@dataclass
class Measure:
    number: ItemNumber | None
    fragments: list[Fragment]
    progress: list[Fragment] = field(default_factory=list)


@dataclass
class Goal:
    number: ItemNumber
    fragments: list[Fragment]
    measures: list[Measure] = field(default_factory=list)
    progress: list[Fragment] = field(default_factory=list)


@dataclass
class Area:
    name: str = ""
    anchored: bool = False
    goals: list[Goal] = field(default_factory=list)
    open_goals: list[Goal] = field(default_factory=list)


@dataclass
class FloatingText:
    fragment: Fragment
    after_name: str  # the floating name just before it, if any
    area: Area


@dataclass
class Layout:
    areas: list[Area] = field(default_factory=list)
    floating_names: list[str] = field(default_factory=list)
    floating_texts: list[FloatingText] = field(default_factory=list)


def assign_items(fragments: list[Fragment]) -> Layout:
    """Walk the fragments once, building areas of goals with measures and progress."""
    walk = _Walk()
    for index, fragment in enumerate(fragments):
        walk.take(fragment, fragments[index + 1 :])
        walk.previous = fragment
    walk.layout.areas = [a for a in walk.layout.areas if a.goals or a.name]
    return walk.layout


@dataclass
class _Walk:
    """The state of `assign_items`: where the walk is, and what came just before."""

    layout: Layout = field(default_factory=lambda: Layout(areas=[Area()]))
    last_wide: Goal | Measure | None = None
    previous: Fragment | None = None
    previous_role: str = ""

    def take(self, fragment: Fragment, rest: list[Fragment]) -> None:
        if fragment.kind == "name":  # one line: the item glued to it is its own fragment
            self.layout.areas.append(Area(name=fragment.text, anchored=True))
        elif fragment.kind == "item" and not fragment.narrow:
            self._take_goal_or_measure(fragment, rest)
        elif fragment.kind == "item":
            _add_progress(self.layout.areas[-1], fragment)
        elif _is_floating_name(fragment):
            self.layout.floating_names.append(collapse_spaces(fragment.text))
        else:
            self._take_text(fragment)

    def _take_goal_or_measure(self, fragment: Fragment, rest: list[Fragment]) -> None:
        area = self.layout.areas[-1]
        role = _wide_role(fragment, rest, area, self.previous_role)
        if role == "goal" and _starts_new_area(fragment, area):
            area = Area()
            self.layout.areas.append(area)
        if role == "goal":
            self.last_wide = _add_goal(area, fragment, self.previous_role)
        else:
            self.last_wide = _add_measure(area, fragment)
        self.previous_role = role

    def _take_text(self, fragment: Fragment) -> None:
        """Unnumbered text: another paragraph of the cell before it, or a floating cell."""
        area, previous = self.layout.areas[-1], self.previous
        if not fragment.narrow and self.last_wide is not None:
            self.last_wide.fragments.append(fragment)
        elif previous is not None and previous.narrow and _is_progress(previous):
            _attach_to_last_row(area, fragment)
        else:
            after_name = ""
            if previous is not None and _is_floating_name(previous):
                after_name = self.layout.floating_names[-1]
            self.layout.floating_texts.append(FloatingText(fragment, after_name, area))


def _is_progress(fragment: Fragment) -> bool:
    return fragment.kind == "item" or (fragment.kind == "text" and not _is_floating_name(fragment))


def _is_floating_name(fragment: Fragment) -> bool:
    return fragment.kind == "text" and fragment.whole_block and _is_name(fragment.text)


def _next_wide(rest: list[Fragment]) -> Fragment | None:
    for fragment in rest:
        if fragment.kind == "name":
            return None  # the area ends here
        if fragment.kind == "item" and not fragment.narrow:
            return fragment
    return None


def _wide_role(fragment: Fragment, rest: list[Fragment], area: Area, previous_role: str) -> str:
    assert fragment.number is not None
    if not area.goals:
        return "goal"
    following = _next_wide(rest)
    number = fragment.number.value
    pair_start = (
        following is not None and following.number is not None and following.number.value == number
    )
    if pair_start and previous_role != "goal":
        return "goal"
    if previous_role == "goal" and number == area.goals[-1].number.value + 1 and not pair_start:
        return "goal"
    return "measure"


def _starts_new_area(fragment: Fragment, area: Area) -> bool:
    """Goal numbering restarts per area: a second goal 1 begins the next area."""
    assert fragment.number is not None
    return fragment.number.value == 1 and any(g.number.value == 1 for g in area.goals)


def _add_goal(area: Area, fragment: Fragment, previous_role: str) -> Goal:
    assert fragment.number is not None
    goal = Goal(fragment.number, [fragment])
    area.goals.append(goal)
    area.open_goals = [*area.open_goals, goal] if previous_role == "goal" else [goal]
    return goal


def _add_measure(area: Area, fragment: Fragment) -> Measure:
    assert fragment.number is not None
    same_number = [g for g in area.open_goals if g.number.value == fragment.number.value]
    goal = same_number[0] if same_number else area.goals[-1]
    measure = Measure(fragment.number, [fragment])
    goal.measures.append(measure)
    return measure


def _add_progress(area: Area, fragment: Fragment) -> None:
    """A numbered progress item goes to the latest measure with its number."""
    assert fragment.number is not None
    for goal in reversed(area.goals):
        for measure in reversed(goal.measures):
            if measure.number is not None and measure.number.value == fragment.number.value:
                measure.progress.append(fragment)
                return
    _attach_to_last_row(area, fragment)


def _attach_to_last_row(area: Area, fragment: Fragment) -> None:
    if not area.goals:
        return
    goal = area.goals[-1]
    (goal.measures[-1].progress if goal.measures else goal.progress).append(fragment)


# --- 7: area names and the sector -------------------------------------------------------------


def name_areas(layout: Layout, title: str) -> tuple[str, list[str]]:
    """Give floating names to the areas without an anchored one; return the sector and notes."""
    unnamed = [a for a in layout.areas if not a.anchored]
    names = _dedupe_runs(layout.floating_names)
    sector = ""
    if len(names) > len(unnamed):
        sector = _most_like_title(names, title)
        if sector:
            names = _dedupe_runs([n for n in layout.floating_names if n != sector])
    notes = []
    if len(names) != len(unnamed):
        notes.append(
            f"{len(names)} floating area names for {len(unnamed)} areas: "
            "names given in order, check them"
        )
    for area, name in zip(unnamed, names, strict=False):
        area.name = name
    return sector, notes


def _dedupe_runs(names: list[str]) -> list[str]:
    return [n for i, n in enumerate(names) if i == 0 or names[i - 1] != n]


def _most_like_title(names: list[str], title: str) -> str:
    subject = title_subject(title).casefold()
    if not subject:
        return ""
    scored = [(fuzz.ratio(n.casefold(), subject), n) for n in names]
    score, best = max(scored)
    return best if score >= _SECTOR_SIMILARITY else ""


def place_floating_texts(layout: Layout) -> None:
    """Floating progress goes to the first row of its area that has no progress yet."""
    by_name = {a.name: a for a in layout.areas if a.name}
    for floating in layout.floating_texts:
        area = by_name.get(floating.after_name, floating.area)
        rows = [m.progress for g in area.goals for m in g.measures] or [
            g.progress for g in area.goals
        ]
        empty = next((r for r in rows if not r), rows[-1] if rows else None)
        if empty is not None:
            empty.append(floating.fragment)


# --- 8: drafts --------------------------------------------------------------------------------


def to_drafts(layout: Layout, sector: str, path: str) -> list[RowDraft]:
    return [
        _draft(path, sector, area, goal, measure)
        for area in layout.areas
        for goal in area.goals
        for measure in ([*goal.measures] if goal.measures else [None])
    ]


def _draft(path: str, sector: str, area: Area, goal: Goal, measure: Measure | None) -> RowDraft:
    anchor = (measure.fragments if measure else goal.fragments)[0].line
    progress = measure.progress if measure else goal.progress
    return RowDraft(
        source=Source(path=path, page=anchor.page, table=1, row=anchor.no),
        sector=sector,
        area=area.name,
        goal_no=goal.number.label,
        goal=_text(goal.fragments),
        measure_no=measure.number.label if measure and measure.number else "",
        measure=_text(measure.fragments) if measure else "",
        progress=_text(progress),
    )


def _text(fragments: list[Fragment]) -> str:
    return " ".join(f.text for f in fragments if f.text)


# --- the whole ---------------------------------------------------------------------------------


@dataclass
class DumpTable:
    preamble: Preamble
    drafts: list[RowDraft]
    sector: str
    notes: list[str]
    pages: int | None


def parse_text_dump(text: str, path: str) -> DumpTable:
    """Rebuild the goal table of a PDF text dump; raise NoGoalTable when there is none."""
    lines = read_lines(text)
    preamble, table_blocks = read_preamble(split_blocks(lines))
    fragments = cut_fragments(table_blocks)
    if sum(f.kind == "item" for f in fragments) < 2 or not (
        preamble.header_roles or preamble.title
    ):
        raise NoGoalTable(f"{path}: no goal table found (no header row and numbered goals)")
    measure_widths(fragments)
    layout = assign_items(fragments)
    sector, notes = name_areas(layout, preamble.title)
    place_floating_texts(layout)
    if "rating" in preamble.header_roles:
        notes.append(
            "the rating column has no values in the text: a text dump loses symbols and colours"
        )
    pages = lines[-1].page if lines else None
    return DumpTable(preamble, to_drafts(layout, sector, path), sector, notes, pages)
