"""Goals written in the body text, not in tables: a numbered goal, its measures, and an
assessment under a label, read from the lines of the page.

    1. Palveleva liikenneverkko                                  (a numbered goal, 1-3 lines)
       Mittarit ja tavoitetaso                                   (a measures label, optional)
       • Kaavateiden kunnon parantaminen: perusparannusta 0,5 km/ vuosi    (measure: target)
       Toteutuminen: Kaavateiden kunnon parantaminen on toteutunut ...     (the assessment)

(Kauhava's committee goals, PDF pages 76-126.) The labels are the vocabulary's `prose_labels`,
Finnish and Swedish; a goal label ("Nämndmål 2: ...") may open a goal instead of a number.
Measures are bullets, numbered sub-items, or lines under a measures label, one item per line
unless the line before wrapped (its next word would not have fitted) or hangs indented under it;
an item "measure: target" gives its target after the colon, and value labels ("Lähtötaso:",
"Tavoitetaso:", "Toteuma:") give the measure above its baseline, target and actual value.
An assessment belongs to the measures since the last assessment: one "Toteutuminen:" after all of
a goal's measures assesses them all; one after each measure (Kauhava, page 108) assesses that
measure; one with no measures assesses the goal alone. Indentation decides the rest: a bullet
left of the assessment label starts a new measure, one under it is the assessment's own list; a
line at or left of the goal numbers ends the list, unless it is a label or goes on from the line
above without a paragraph gap or a heading's emphasis (a flat layout, no indents at all). A list
whose goals carry no assessment label is not goals (a numbered list of criteria): it gives no
rows. The assessment's opening verdict becomes the rating the way a card's free-text Arviointi
does (`grid.split_verdict`).

Pages are picked by their own cue, an assessment label with a colon opening a line in pdfium's
text, with the page before each (a goal at a page's foot may be assessed on the next); a list
still open at a page's end continues on the next page. Pages that gave table rows are
left to the table readers. The goals belong to the highest heading above them on the nearest of
the last three pages that names someone (the committee, "Tekninen lautakunta"), not to a lead-in
line in bold ("Kaupunginhallituksen tehtäväalueina ovat").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from goaltables.extract.assemble import heading_name
from goaltables.extract.grid import Cell, Grid, GridRow
from goaltables.extract.numbering import split_item_number
from goaltables.extract.pdf.opening import PDFIUM_HYPHEN, OpenedPdf
from goaltables.extract.pdf.words import Line, body_size, find_headings, group_lines, page_words
from goaltables.extract.tables import Heading
from goaltables.extract.textio import collapse_spaces, dehyphenate, join_lines
from goaltables.extract.vocabulary import vocabulary

_VALUES = ("baseline", "target", "actual")  # label kinds that give the measure above a value
_ROLES = ("goal", "measure", *_VALUES, "rating")
_HEADER = ("Tavoite", "Mittari", "Lähtötaso", "Tavoitetaso", "Toteuma", "Toteutuminen")
_MARGIN = 0.06  # the top and bottom of a page hold its running header and page number
_INDENT = 3.0  # points: lines starting within this of each other are at one indent
_LINE_GAP = 0.6  # a gap between lines over this share of the font size starts a paragraph
_LARGER = 0.4  # points: a line set this much larger than the one above is a heading
_SPACE = 3.0  # points: a space between two words, for the wrap test
_LABEL_EXTRA_WORDS = 3  # "Mittarit ja tavotetaso:": the label phrase and up to 3 more words
_BARE_LABEL_WORDS = 4  # a label without a colon is a short line of its own
_TARGET_MAX_WORDS = 12  # "Rakennuslupien käsittelyaika: alle 30 vrk": measure: target
_LOOKBACK = 2  # pages before a list searched for the heading that owns it
_BULLET = re.compile(r"^[•·▪◦●○∙‣⁃−–—*\-]\s+")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZÅÄÖÜ]")  # "3. sektorin" is no sentence end
_ITEM_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})?\.?")
_LABEL_LEAD = re.compile(r"^[\s\d.)•·▪◦●○∙‣⁃−–—*\-]*")


@dataclass
class _Measure:
    lines: list[Line]
    page: int
    assessment: list[str] | None = None
    values: dict[str, list[str]] = field(default_factory=dict)  # labelled: "Tavoitetaso: 95 %"


@dataclass
class _Goal:
    texts: list[str]  # its lines: "1. Palveleva liikenneverkko", or a goal label's text
    page: int
    measures: list[_Measure] = field(default_factory=list)
    assessment: list[str] | None = None  # the goal's own, when it has no measures
    assessed: bool = False


@dataclass
class _List:
    """A list of goals being read: its left edge is where its numbers (or goal labels) stand."""

    left: float
    page: int
    top: float
    goals: list[_Goal] = field(default_factory=list)
    state: str = "goal"  # "goal", "measures", "assessment", or a value kind ("target")
    label_x: float = 0.0  # where the last assessment label starts
    last: Line | None = None  # the last line taken, for the wrap test
    right: float = 0.0  # the page's text column's right edge


def prose_grids(opened: OpenedPdf, grids: list[Grid]) -> list[Grid]:
    """Grids of the goals written in the body text of pages that gave no table rows, numbered
    after the tables."""
    tabled = {row.page or 0 for grid in grids for row in grid.rows}
    reader = _Reader(opened)
    found = [(rows, lst) for lst in _read_lists(reader, tabled) if (rows := _rows(lst))]
    owners = [_owner(reader, lst.page, lst.top) for _, lst in found]
    return [
        Grid(_HEADER, tuple(rows), table, owner, owner, _ROLES)
        for table, ((rows, _), owner) in enumerate(zip(found, owners, strict=True), len(grids) + 1)
    ]


def _read_lists(reader: _Reader, tabled: set[int]) -> list[_List]:
    """The lists of the cue pages and of the page before each (a goal at the foot of a page
    may be assessed on the next), each read on over the pages it runs on."""
    opened = reader.opened

    def readable(number: int) -> bool:
        return 1 <= number <= len(opened.pages) and number not in tabled | opened.skipped

    queue = sorted({n for cue in _cue_pages(opened) for n in (cue - 1, cue) if readable(n)})
    lists: list[_List] = []
    open_list: _List | None = None
    previous = 0
    for number in _growing(queue):
        if open_list is not None and previous != number - 1:
            lists.append(open_list)
            open_list = None
        open_list, finished = reader.read_page(number, open_list)
        lists += finished
        previous = number
        if open_list is not None and number + 1 not in queue and readable(number + 1):
            queue.insert(queue.index(number) + 1, number + 1)
    if open_list is not None:
        lists.append(open_list)
    return lists


def _growing(queue: list[int]) -> Iterator[int]:
    """The queue's pages in order, also those inserted after the current one meanwhile."""
    index = 0
    while index < len(queue):
        yield queue[index]
        index += 1


def _cue_pages(opened: OpenedPdf) -> list[int]:
    """Pages where a line opens with an assessment label and a colon ("Toteutuminen: ...")."""
    return [
        page.number
        for page in opened.pages
        if page.number not in opened.skipped
        and any(
            (found := _label(line)) and found[0] == "assessment" and found[2]
            for line in page.text.replace(PDFIUM_HYPHEN, "").split("\n")
            if ":" in line
        )
    ]


def _label(text: str) -> tuple[str, str, bool] | None:
    """('goal' | 'measures' | 'assessment', the text after the label, whether a colon ended
    it) when the line opens with a label, else None. A number between a goal's or a measure's
    label and its colon is the item's number: "Tavoite 2: Jonot lyhenevät" -> "2. Jonot
    lyhenevät". A goal label needs its colon and its text."""
    body = _LABEL_LEAD.sub("", text, count=1).strip()
    folded = body.casefold()
    if len(folded) != len(body):
        return None
    matches = [m for m in vocabulary().prose_labels.find_all(folded) if m.start == 0]
    if not matches:
        return None
    match = max(matches, key=lambda m: m.length)
    rest = body[match.length :]
    colon = rest.find(":")
    if colon >= 0 and len(rest[:colon].split()) <= _LABEL_EXTRA_WORDS:
        after, extra = rest[colon + 1 :].strip(), rest[:colon].strip()
        if match.key in ("goal", "measures") and after and _ITEM_NUMBER.fullmatch(extra):
            after = f"{extra.rstrip('.')}. {after}"
        return (match.key, after, True) if after or match.key != "goal" else None
    if colon < 0 and match.key != "goal" and len(body.split()) <= _BARE_LABEL_WORDS:
        return match.key, "", False
    return None


class _Reader:
    """Pages read with pdfplumber once each, with the lines that lists took."""

    def __init__(self, opened: OpenedPdf) -> None:
        self.opened = opened
        self.lines: dict[int, list[Line]] = {}
        self.taken: set[tuple[int, float]] = set()  # (page, top) of lines lists took

    def page_lines(self, number: int) -> list[Line]:
        if number not in self.lines:
            page = self.opened.plumber.pages[number - 1]
            height = float(page.height)
            self.lines[number] = [
                ln
                for ln in group_lines(page_words(page))
                if ln.top >= height * _MARGIN and ln.bottom <= height * (1 - _MARGIN)
            ]
        return self.lines[number]

    def headings(self, number: int) -> list[Heading]:
        lines = self.page_lines(number)
        height = float(self.opened.plumber.pages[number - 1].height)
        found = find_headings(lines, number, height, body_size(lines), [])
        return [h for h in found if (number, h.top) not in self.taken]

    def read_page(self, number: int, open_list: _List | None) -> tuple[_List | None, list[_List]]:
        """Read a page's lines into lists: the list still open at its end, and those closed."""
        lines = self.page_lines(number)
        right = max((ln.x1 for ln in lines), default=0.0)
        closed: list[_List] = []
        current = open_list
        if current is not None:
            current.right, current.last = right, None
        for line in lines:
            head = _goal_head(line)
            at_left = current is not None and line.x0 <= current.left + _INDENT
            if head and (current is None or at_left):
                if current is not None and line.x0 < current.left - _INDENT:
                    closed.append(current)
                    current = None
                if current is None:
                    current = _List(line.x0, number, line.top, right=right)
                current.goals.append(_Goal([head], number))
                current.state, current.last = "goal", line
                self.taken.add((number, line.top))
            elif current is not None and at_left and not _stays(current, line):
                closed.append(current)
                current = None
            elif current is not None:
                _take(current, line, number)
                self.taken.add((number, line.top))
        return current, closed


def _goal_head(line: Line) -> str:
    """The text a goal opens with: a numbered line ("1. Palveleva liikenneverkko"), or the
    text after a goal label ("Nämndmål 2: Tryggheten ska öka" -> "2. Tryggheten ska öka")."""
    if split_item_number(line.text)[0] is not None:
        return line.text
    label = _label(line.text)
    return label[1] if label is not None and label[0] == "goal" else ""


def _stays(lst: _List, line: Line) -> bool:
    """A line at the list's left edge still belongs to it in a flat layout (no indents): a
    label ("Arvio: Toteutui."), or a line right under the last one (no paragraph gap) that is
    not set off as a heading."""
    if _label(line.text) is not None:
        return True
    last = lst.last
    if last is None or line.top - last.bottom > _LINE_GAP * line.size:
        return False
    return not (line.bold and not last.bold) and line.size <= last.size + _LARGER


def _take(lst: _List, line: Line, page: int) -> None:
    """One line of a list that is not a goal's number line."""
    goal = lst.goals[-1]
    label = _label(line.text)
    if label is not None and label[0] == "goal":
        label = None  # a goal label indented inside a goal is its text
    bullet = bool(_BULLET.match(line.text)) or split_item_number(line.text)[0] is not None
    previous, lst.last = lst.last, line
    if label is not None and label[0] == "assessment":
        lst.state, lst.label_x = "assessment", line.x0
        _assess(goal, label[1])
    elif label is not None and label[0] in _VALUES:
        lst.state = label[0]
        _value_of(goal, page, label[0]).extend([label[1]] if label[1] else [])
    elif label is not None:
        lst.state = "measures"
        if label[1]:
            goal.measures.append(_Measure([_without_label(line, label[1])], page))
    elif lst.state in _VALUES and not bullet:
        _value_of(goal, page, lst.state).append(line.text)
    elif lst.state == "assessment":
        if bullet and line.x0 < lst.label_x - _INDENT:
            lst.state = "measures"
            goal.measures.append(_Measure([line], page))
        else:
            _assessment_of(goal).append(line.text)
    elif lst.state == "goal" and not bullet:
        goal.texts.append(line.text)
    elif bullet or not goal.measures or not _continues(goal.measures[-1], previous, line, lst):
        lst.state = "measures"
        goal.measures.append(_Measure([line], page))
    else:
        goal.measures[-1].lines.append(line)


def _value_of(goal: _Goal, page: int, kind: str) -> list[str]:
    """Where a labelled value goes: the last measure's (a goal without measures gets an
    unnamed one)."""
    if not goal.measures:
        goal.measures.append(_Measure([], page))
    return goal.measures[-1].values.setdefault(kind, [])


def _without_label(line: Line, rest: str) -> Line:
    """The words of a line after its label ("Mittari: Asiakastyytyväisyys" -> the measure)."""
    words = line.words
    while words and not collapse_spaces(" ".join(w.text for w in words)).startswith(rest[:20]):
        words = words[1:]
    return Line(words or line.words)


def _continues(measure: _Measure, previous: Line | None, line: Line, lst: _List) -> bool:
    """A line goes on with the measure above when it hangs indented under the measure's first
    line, when the line above ends in a hyphen, or when the line above wrapped: this line's
    first word would not have fitted at its end."""
    if not measure.lines:
        return False
    first = measure.lines[0]
    if line.x0 > first.x0 + _INDENT:
        return True
    if previous is None:
        return False
    if previous.text.endswith("-"):
        return True
    word = line.words[0]
    return previous.x1 + _SPACE + (word.x1 - word.x0) > lst.right


def _assess(goal: _Goal, opening: str) -> None:
    """A new assessment: of the measures not yet assessed, else more of the last one's."""
    goal.assessed = True
    fresh = [m for m in goal.measures if m.assessment is None]
    if fresh:
        text = [opening] if opening else []
        for measure in fresh:
            measure.assessment = text
    else:
        target = _assessment_of(goal)
        if opening:
            target.append(opening)


def _assessment_of(goal: _Goal) -> list[str]:
    """Where assessment lines go now: the last measure's assessment, or the goal's own."""
    if goal.measures and goal.measures[-1].assessment is not None:
        return goal.measures[-1].assessment
    if goal.assessment is None:
        goal.assessment = []
    return goal.assessment


def _rows(lst: _List) -> list[GridRow]:
    """One row per measure of each assessed goal; one for a goal without measures."""
    rows: list[GridRow] = []
    for goal in (g for g in lst.goals if g.assessed):
        goal_text = _joined(goal.texts)
        if not goal.measures:
            cells: tuple[str, ...] = (goal_text, "", "", "", "", _joined(goal.assessment or []))
            rows.append(GridRow(tuple(Cell(c) for c in cells), goal.page, len(rows) + 1))
        for measure in goal.measures:
            text = _joined([_BULLET.sub("", ln.text) for ln in measure.lines])
            values = {kind: _joined(lines) for kind, lines in measure.values.items()}
            if not values:
                text, values["target"] = _measure_and_target(text)
            cells = (
                goal_text,
                text,
                *(values.get(kind, "") for kind in _VALUES),
                _joined(measure.assessment or []),
            )
            rows.append(GridRow(tuple(Cell(c) for c in cells), measure.page, len(rows) + 1))
    return rows


def _joined(lines: list[str]) -> str:
    """Lines as printed, hyphenation undone, joined with spaces; each list item (•, −) starts
    anew, so that "toteutunut-" before a bullet keeps its space."""
    items: list[list[str]] = []
    for line in lines:
        if not items or _BULLET.match(line):
            items.append([])
        items[-1].append(line)
    return " ".join(join_lines(dehyphenate("\n".join(item)).split("\n")) for item in items)


def _measure_and_target(text: str) -> tuple[str, str]:
    """'Rakennuslupien käsittelyaika: alle 30 vrk' -> ('Rakennuslupien käsittelyaika',
    'alle 30 vrk'): a measure item names its measure, then its target level after a colon."""
    name, colon, target = text.partition(": ")
    if (
        not colon
        or not target.strip()
        or _SENTENCE_END.search(name)
        or len(name.split()) > _TARGET_MAX_WORDS
    ):
        return text, ""
    return name.strip(), target.strip()


def _owner(reader: _Reader, page: int, top: float) -> str:
    """The heading the goals belong to: the highest in rank of the named headings above the
    list on its page, else on the page before, and so on up to two pages back (the nearest of
    equals). Pages are searched back only until one has a named heading: each costs a parse."""
    for number in range(page, max(0, page - _LOOKBACK - 1), -1):
        if number in reader.opened.skipped:
            continue
        named = [
            (h.rank, h.top, name)
            for h in reader.headings(number)
            if (number < page or h.top < top) and (name := heading_name(h.text))
        ]
        if named:
            return max(named)[2]
    return ""
