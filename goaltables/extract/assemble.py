"""Raw tables become goal-table grids, whatever format they came from: header rows found,
cards unfolded, tables continued over pages, areas taken from headings.

A goal table comes in one of two shapes:
- a *band*: one header row on top (maybe repeated on every page), a row per measure below;
- *cards*: header or label rows between the values, one card per goal: "Tavoite 1 | text",
  "Strateginen tavoite | text", then "Mittari | Lähtötaso | Tavoitetaso" over measure rows
  (the 2023 goal cards), or "Tavoite | Toimenpide/mittari" over a row and "Arviointi | Tila" over
  another (Kauhava). A card unfolds into band rows: its goal-level fields are repeated on each
  of its measure rows, as a merged cell would be.
Both become `Grid`s for the one table-to-rows logic in `grid.py`.

A table with no header on a page after a goal table with as many columns continues it (a
table running over pages without a repeated header). Its first row is the rest of the last
row of the page before when that row broke mid-cell: none of its cells starts a numbered item
and a cell above it ends mid-sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from goaltables.extract.grid import (
    Cell,
    Grid,
    GridRow,
    assign_columns,
    header_role,
    is_goal_header,
    is_value,
)
from goaltables.extract.metadata import nominative
from goaltables.extract.numbering import split_item_number
from goaltables.extract.ratings import verdict_status
from goaltables.extract.tables import NO_BOX, Heading, RawTable, TableCell
from goaltables.extract.textio import clean_cell
from goaltables.extract.vocabulary import vocabulary

# A label cell is mostly its role phrase: "Tavoite 1", "Lähtötaso TP 2022", "Strateginen tavoite".
_LABEL_SHARE = 0.6
_LABEL_NOISE = re.compile(r"(?<!\w)(?:\d+(?:[.,]\d+)*\.?|T[AP]|[/:()–-])(?!\w)")
_LABEL_NUMBER = re.compile(r"\b(\d{1,2}(?:\.\d{1,2})?)\b")
# Words that make a heading name a kind of goals or a report rather than who they belong to:
# "Taloudelliset tavoitteet", "Sivistystoimialan toimintakertomus 2023".
_CATEGORY = re.compile(
    r"tavoit|\bmål|målsättning|talousarvio|tilinpäät|toimintakertomus|osavuosikatsaus|bokslut|"
    r"budget|delårsrapport|verksamhetsberättelse|toteutuminen|toteuma",
    re.I,
)
_SECTION_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")  # "5.3 Sivistystoimiala"
_HEADING_PARTS = re.compile(r"\s*[:–—]\s*|\s+-\s+")
_SENTENCE_END = re.compile(r"[.!?)]\s*$")
# A rating key standing alone in a cell: "2", "0", "–".
_RATING_KEY = re.compile(r"\d|[–-]")
# A heading of at most this many words that is a verdict is a legend's entry.
_VERDICT_HEADING_WORDS = 4
# A label cell has at most this many words ("Bedömning av måluppfyllelse 2025").
_LABEL_MAX_WORDS = 5
# A text this long under an unknown header is sentences (progress), not a name or a figure.
_PROGRESS_MIN_LENGTH = 40


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[TableCell | None, ...]
    page: int

    def texts(self) -> list[str]:
        return [clean_cell(c.text) if c else "" for c in self.cells]

    def filled(self) -> list[tuple[int, str]]:
        return [(i, t) for i, t in enumerate(self.texts()) if t]


def label_role(text: str) -> str | None:
    """The role a label cell names, when the cell is (mostly) just that label."""
    role = header_role(text)
    if role is None:
        return None
    match = vocabulary().roles.earliest(text)
    core = _LABEL_NOISE.sub(" ", text).strip()
    return role if match and len(match.phrase) >= _LABEL_SHARE * max(len(core), 1) else None


def row_kind(row: Row, known_header: bool, styled: bool = False) -> str:
    """'header' (all labels), 'label' (a label then its value), 'value' or 'empty'.
    In a `styled` table, one that sets its labels bold and its values plain, a row of bold
    cells is a header and a row of bold cells each followed by plain ones is labels with
    their values, whatever the labels say, as long as one of them is a known label: label
    words vary more than label style does ("Tilanne ja riskit", "Läget och riskerna")."""
    filled = row.filled()
    if not filled:
        return "value" if any(c and c.colour for c in row.cells) else "empty"
    labels = [label_role(text) for _, text in filled]
    mostly_labels = sum(map(bool, labels)) * 2 > len(labels)
    if known_header or (
        len(filled) >= 2 and (all(labels) or (mostly_labels and is_goal_header(row.texts())))
    ):
        return "header"
    if styled and len(filled) >= 2 and any(labels):
        weights = [bool(row.cells[i] and row.cells[i].bold) for i, _ in filled]  # type: ignore[union-attr]
        short = [_label_sized(text) for _, text in filled]
        if all(weights) and all(short):
            return "header"
        if weights[0] and _alternates(weights) and all(short[::2]):
            return "label"
    if labels[0] and len(filled) >= 2 and not all(labels):
        return "label"
    return "value"


def _label_sized(text: str) -> bool:
    """A label is a few words, not a sentence: "Tilanne ja riskit", not a bold goal."""
    return len(text.split()) <= _LABEL_MAX_WORDS and not _SENTENCE_END.search(text)


def _alternates(weights: list[bool]) -> bool:
    """Bold, plain, bold, plain ...: labels each followed by its value."""
    return all(weight == (i % 2 == 0) for i, weight in enumerate(weights))


def sets_labels_bold(rows: list[list[TableCell | None]]) -> bool:
    """Whether a table tells labels from values by weight: some text bold, some not."""
    weights = {c.bold for row in rows for c in row if c is not None and c.text.strip()}
    return weights == {True, False}


# --- cards --------------------------------------------------------------------------------------


@dataclass
class Card:
    """One goal's card: goal-level fields (goal, strategy, progress, rating) and measure rows."""

    fields: dict[str, TableCell] = field(default_factory=dict)
    measures: list[dict[str, TableCell]] = field(default_factory=list)
    page: int = 0  # where the card starts
    measure_pages: list[int] = field(default_factory=list)  # where each measure row is
    notes: list[str] = field(default_factory=list)  # what was read by guess, for the user

    @property
    def has_goal(self) -> bool:
        return "goal" in self.fields


def unfold_cards(table: RawTable, roles: list[str | None] | None = None) -> list[Card]:
    """The cards in a table, in order. `roles` are those of a header row left open at the end
    of the page before (a card cut right after its header)."""
    cards: list[Card] = []
    card = Card(page=table.page)
    roles = roles or []
    unknown: dict[int, str] = {}  # header cells naming no role, by column
    kind = ""
    styled = sets_labels_bold(table.rows)
    strategy_is_goal = not _names_a_goal(table)
    for index, cells in enumerate(table.rows):
        row = Row(tuple(cells), table.page)
        # The row under a header row holds its values, whatever words they open with.
        known = index in table.header_rows
        kind = "value" if kind == "header" else row_kind(row, known, styled)
        if kind == "header":
            roles = [_as_goal(r, strategy_is_goal) for r in roles_by_column(row)]
            unknown = {i: t for i, t in row.filled() if roles[i] is None}
            if "goal" in roles and (card.has_goal or card.measures):
                cards.append(card)
                card = Card(page=table.page)
        elif kind == "label":
            card = _take_label(row, card, cards)
        elif kind == "value":
            _take_values(row, roles, card, unknown)
    cards.append(card)
    return [c for c in cards if c.fields or c.measures]  # a goal-less half joins the card before


def card_rows(cards: list[Card]) -> list[tuple[dict[str, TableCell], int]]:
    """Band rows of cards, each with its page: one per measure, the goal-level fields on each."""
    return [row for card in cards for row in _card_rows(card)]


def continue_card(card: Card, rest: Card) -> None:
    """A card cut by a page break: the rest (no goal of its own) is joined to it."""
    card.measures += rest.measures
    card.measure_pages += rest.measure_pages
    card.notes += rest.notes
    card.fields = {**rest.fields, **card.fields}


def roles_by_column(row: Row) -> list[str | None]:
    """Each header cell's role; a role goes to the first cell that names it (Kauhava's
    "Arviointi | Tila": Arviointi is the rating, Tila's "Valmis" on every card is not)."""
    roles: list[str | None] = []
    for text in row.texts():
        role = header_role(text) if text else None
        roles.append(None if role in roles and role != "ignore" else role)
    return roles


def _names_a_goal(table: RawTable) -> bool:
    """Whether any cell of a card table is a goal label ("Tavoite", "Nämndmål")."""
    return any(c is not None and label_role(c.text) == "goal" for row in table.rows for c in row)


def _as_goal(role: str | None, strategy_is_goal: bool) -> str | None:
    """A card headed by a strategic goal over its text, naming no goal anywhere
    ("Strateginen tavoite | Toteutuminen"): the strategic goal is the card's goal, as in a
    band. (As a label beside its value, "Strateginen tavoite | …", it stays the strategy.)"""
    return "goal" if strategy_is_goal and role == "strategy" else role


def _take_label(row: Row, card: Card, cards: list[Card]) -> Card:
    """A label row: one label and its value ("Tavoite 1 | text"), or several side by side
    ("Strategia | text | Strateginen tavoite | text")."""
    for label, columns in _label_pairs(row):
        role = label_role(label)
        if role is None or role == "ignore" or not columns:
            continue
        if role == "goal" and (card.has_goal or card.measures):
            cards.append(card)
            card = Card(page=row.page)
        value = _joined_cell(row, columns)
        number = _LABEL_NUMBER.search(label)
        if role == "goal" and number and not split_item_number(value.text)[0]:
            value.text = f"{number.group(1)}. {value.text}"  # "Tavoite 1": the label's number
        card.fields[role] = value
    return card


def _label_pairs(row: Row) -> list[tuple[str, list[int]]]:
    """Each label of a label row with the columns of its value: after a value, a known label
    or a bold cell where the value was plain starts the next pair; otherwise the one label
    takes the rest of the row."""
    pairs: list[tuple[str, list[int]]] = []
    for i, text in row.filled():
        cell = row.cells[i]
        if pairs and pairs[-1][1] and cell is not None:
            value = row.cells[pairs[-1][1][-1]]
            after_plain = cell.bold and value is not None and not value.bold
            if label_role(text) or after_plain:
                pairs.append((text, []))
                continue
        if pairs:
            pairs[-1][1].append(i)
        else:
            pairs.append((text, []))
    return pairs


def _joined_cell(row: Row, columns: list[int]) -> TableCell:
    cells = [cell for i in columns if (cell := row.cells[i]) is not None]
    return TableCell("\n".join(c.text for c in cells), cells[0].bbox, cells[-1].colour)


def _take_values(
    row: Row, roles: list[str | None], card: Card, unknown: dict[int, str] | None = None
) -> None:
    measure_row = "measure" in roles
    values = {
        _value_role(role, cell, measure_row): cell
        for role, cell in zip(roles, row.cells, strict=False)
        if role and role != "ignore" and cell is not None and (cell.text.strip() or cell.colour)
    }
    rating = _unlabelled_rating(roles, row)
    if rating is not None and "rating" not in values:
        values["rating"] = rating
    if not measure_row and "progress" not in values:
        _take_unknown_text(row, unknown or {}, values, card)
    for role in ("area", "strategy", "goal"):
        if role in values:
            card.fields[role] = values.pop(role)
    if measure_row:
        card.measures.append(values)
        card.measure_pages.append(row.page)
    else:
        card.fields.update(values)


def _take_unknown_text(
    row: Row, unknown: dict[int, str], values: dict[str, TableCell], card: Card
) -> None:
    """Sentences under a header no word of ours names ("Läget och riskerna"), beside a
    goal, are its progress text; the note names the header, so a user can add the word."""
    for column, header in unknown.items():
        cell = row.cells[column] if column < len(row.cells) else None
        if cell is not None and len(clean_cell(cell.text)) >= _PROGRESS_MIN_LENGTH:
            values["progress"] = cell
            where = f"page {row.page}: " if row.page else ""
            card.notes.append(
                f"{where}the column '{header}' is named by no word in vocabulary.toml; "
                "its text was read as progress"
            )
            return


def _value_role(role: str, cell: TableCell, measure_row: bool) -> str:
    """An outcome column ("Toteuma") holding a figure on a measure row is the actual value;
    the goal's progress text stays in the goal's own row. A colour and no words is a rating,
    whatever the column is called ("Måluppfyllelse", which names progress)."""
    text = clean_cell(cell.text)
    if cell.colour and not text and role not in ("area", "strategy", "goal", "measure"):
        return "rating"
    if measure_row and role == "progress" and (is_value(text) or _RATING_KEY.fullmatch(text)):
        return "actual"
    return role


def _unlabelled_rating(roles: list[str | None], row: Row) -> TableCell | None:
    """A ball and a digit under no header of their own (a header cell spanning the value
    and the rating: "Toteuma" over "92,3 % | ● | 1") are the row's rating."""
    loose = [
        cell
        for role, cell in zip([*roles, *[None] * len(row.cells)], row.cells, strict=False)
        if role is None and cell is not None
    ]
    colour = next((c.colour for c in loose if c.colour), "")
    keys = [t for c in loose if (t := clean_cell(c.text)) and _RATING_KEY.fullmatch(t)]
    if not colour and not keys:
        return None
    return TableCell(" ".join(keys[:1]), NO_BOX, colour)


def _card_rows(card: Card) -> list[tuple[dict[str, TableCell], int]]:
    rows = [
        ({**card.fields, **measure}, page)
        for measure, page in zip(card.measures, card.measure_pages, strict=True)
    ]
    return rows or [(dict(card.fields), card.page)]


# --- grids --------------------------------------------------------------------------------------

_ROLE_ORDER = (
    "area",
    "strategy",
    "goal",
    "measure",
    "baseline",
    "target",
    "actual",
    "progress",
    "rating",
)


def cards_grid(cards: list[Card], table_no: int) -> Grid:
    rows = card_rows(cards)
    roles = tuple(r for r in _ROLE_ORDER if any(r in row for row, _ in rows))
    grid_rows = tuple(
        GridRow(tuple(_cell(row.get(role)) for role in roles), page=page, row=i + 1)
        for i, (row, page) in enumerate(rows)
    )
    notes = tuple(dict.fromkeys(note for card in cards for note in card.notes))
    return Grid(header=roles, rows=grid_rows, table=table_no, roles=roles, notes=notes)


def _cell(cell: TableCell | None) -> Cell:
    return Cell(cell.text, cell.colour) if cell else Cell("")


@dataclass
class BandBuilder:
    """A band table being built, perhaps over several pages."""

    header: list[str]
    rows: list[Row] = field(default_factory=list)
    last_page: int = 0
    table_no: int = 1
    headings: list[Heading] = field(default_factory=list)  # above the table where it starts
    first_page: int = 0

    @property
    def columns(self) -> int:
        return len(self.header)

    def add(self, rows: list[Row], continued: bool) -> None:
        header = [h.casefold() for h in self.header]
        body = [r for r in rows if [t.casefold() for t in r.texts()] != header]
        if continued and body and self.rows and _is_split_tail(body[0], self.rows[-1]):
            self.rows[-1] = _merged(self.rows[-1], body[0])
            body = body[1:]
        self.rows.extend(body)

    def grid(self) -> Grid:
        grid_rows = tuple(
            GridRow(tuple(_cell(c) for c in row.cells), page=row.page, row=i + 1)
            for i, row in enumerate(_first_cells_joined(self.rows))
        )
        grid = Grid(header=tuple(self.header), rows=grid_rows, table=self.table_no)
        kinds = [inner_row_kind(row) for row in self.rows]
        return _fold_inner_rows(grid, kinds) if any(kinds) else grid


# A cell that opens with a label and a colon: "Kommentar: Nämnden har ...".
LEADING_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_][\w -]{0,40}?)\s*:\s*", re.S)


def inner_row_kind(row: Row) -> str:
    """What a row holding text in its first cell only is, inside a band:
    - 'comment': it opens with a progress label ("Kommentar:", "Kommentti:"), the progress
      text of the row above (Simrishamn's full-width comment rows);
    - 'group': it is set bold, naming the goal (or area) the rows below it serve;
    - '' for any other row."""
    filled = row.filled()
    first = row.cells[0] if row.cells else None
    if len(filled) != 1 or filled[0][0] != 0 or first is None:
        return ""
    label = LEADING_LABEL.match(filled[0][1])
    if label and label_role(label["label"]) == "progress":
        return "comment"  # a bullet in the comment may have been taken for a ball: no matter
    coloured = any(c is not None and c.colour for c in row.cells)
    return "group" if first.bold and not coloured else ""


def _fold_inner_rows(grid: Grid, kinds: list[str]) -> Grid:
    """Comment rows become the progress of the row above, group rows a column of their own
    (the goal, or the area where the table has a goal column); neither is a row any more."""
    columns = assign_columns(grid)
    roles = list(columns.roles)
    group_role = next((r for r in ("goal", "area", "strategy") if r not in roles), None)
    progress = columns.index("progress")
    extra = [
        r
        for r, wanted in ((group_role, "group" in kinds), ("progress", progress is None))
        if r and wanted
    ]
    rows: list[GridRow] = []
    group = ""
    for row, kind in zip(grid.rows, kinds, strict=True):
        text = row.cells[0].text
        if kind == "group":
            group = clean_cell(text)
        elif kind == "comment" and rows:
            rows[-1] = _with_comment(rows[-1], LEADING_LABEL.sub("", text, count=1), progress)
        elif kind != "comment":
            values = {"group": group, "progress": ""}
            added = [Cell(values["group" if r == group_role else "progress"]) for r in extra]
            rows.append(replace(row, cells=(*row.cells, *added)))
    all_roles = (*roles, *extra)
    return replace(grid, header=(*grid.header, *map(str, extra)), rows=tuple(rows), roles=all_roles)


def _with_comment(row: GridRow, comment: str, progress: int | None) -> GridRow:
    at = progress if progress is not None else len(row.cells) - 1
    cells = list(row.cells)
    cells[at] = replace(cells[at], text=f"{cells[at].text}\n{comment}".strip())
    return replace(row, cells=tuple(cells))


def _is_split_tail(row: Row, above: Row) -> bool:
    """A row cut by a page break: no cell starts an item, and a cell above ends mid-sentence
    and the row's text goes on in lower case in one such column."""
    filled = row.filled()
    if not filled or any(split_item_number(text)[0] for _, text in filled):
        return False
    if any(c is not None and c.colour for c in row.cells):
        return False
    above_texts = above.texts()
    cut = [
        text
        for i, text in filled
        if i < len(above_texts) and above_texts[i] and not _SENTENCE_END.search(above_texts[i])
    ]
    # A text cut mid-sentence goes on in lower case somewhere; capitals and figures alone open
    # the next item (measure names end with no full stop: "Andel förnybar energi" /
    # "Väntetid till första kontakt"), though a name may go on a cut goal ("Suomen mallin").
    return any(text.lstrip()[:1].islower() or text.lstrip()[:1] in "(-–" for text in cut)


def _first_cells_joined(rows: list[Row]) -> list[Row]:
    """A first cell that starts in lower case under a first cell ending mid-sentence (the
    nearest above that holds text) is the rest of that cell: a goal merged down over its
    measures, whose last lines fall beside the next measure (cut by a page break, or parted
    with an undrawn table's rows). Its text joins the cell above, and its own place is left
    merged (None). Only the first column: the one a goal or an area is merged down in."""
    joined = list(rows)
    last: int | None = None  # the nearest row above whose first cell holds text
    for index, row in enumerate(joined):
        cell = row.cells[0] if row.cells else None
        if cell is None or not cell.text.strip():
            continue
        top = joined[last].cells[0] if last is not None else None
        if (
            last is not None
            and top is not None
            and cell.text[:1].islower()
            and not cell.bold
            and not _SENTENCE_END.search(top.text)
        ):
            above = joined[last]
            merged = replace(top, text=f"{top.text}\n{cell.text}")
            joined[last] = Row((merged, *above.cells[1:]), above.page)
            joined[index] = Row((None, *row.cells[1:]), row.page)
            continue
        last = index
    return joined


def _merged(above: Row, tail: Row) -> Row:
    cells: list[TableCell | None] = []
    for i, cell in enumerate(above.cells):
        more = tail.cells[i] if i < len(tail.cells) else None
        if cell is not None and more is not None and more.text.strip():
            cell = TableCell(f"{cell.text}\n{more.text}", cell.bbox, cell.colour)
        cells.append(cell)
    return Row(tuple(cells), above.page)


def is_card_table(table: RawTable) -> bool:
    if table.card_values:
        return True
    styled = sets_labels_bold(table.rows)
    kinds = [
        row_kind(Row(tuple(r), table.page), i in table.header_rows, styled)
        for i, r in enumerate(table.rows)
    ]
    rows = [Row(tuple(r), table.page) for r in table.rows]
    with_text = [k for k, row in zip(kinds, rows, strict=True) if k == "value" and row.filled()]
    if kinds and kinds[0] == "header" and len(with_text) <= 1:
        return True  # one goal's row under its header: a card (its other half may follow)
    headers = [
        tuple(Row(tuple(r), table.page).texts())
        for r, k in zip(table.rows, kinds, strict=True)
        if k == "header"
    ]
    return "label" in kinds or len(set(headers)) > 1


def band_header(table: RawTable) -> list[str] | None:
    """The header row's texts when the table's first row is a goal-table header."""
    if not table.rows:
        return None
    texts = Row(tuple(table.rows[0]), table.page).texts()
    return texts if is_goal_header(texts) else None


# --- headings -----------------------------------------------------------------------------------


def heading_name(text: str, organisation: str = "") -> str:
    """Who a heading says the goals belong to, or '' when it names none:
    'Sivistystoimen hallinto: tavoitteiden toteutuminen' -> 'Sivistystoimen hallinto',
    'Sivistystoimialan tavoitteet 2022 / toteuma' -> 'Sivistystoimiala',
    'Taloudelliset tavoitteet' -> '', 'Arvio toteumasta' (a legend's title) -> ''."""
    text = _SECTION_NUMBER.sub("", text)
    if label_role(text) or vocabulary().legend_titles.earliest(text) or _is_verdict(text):
        return ""
    parts = [
        p for p in _HEADING_PARTS.split(text) if p and not (organisation and organisation in p)
    ]
    plain = [p for p in parts if not _CATEGORY.search(p) and p[:1].isupper()]
    if plain:
        return plain[0].strip()
    for part in parts:
        category = _CATEGORY.search(part)
        subject = part[: category.start()].strip() if category else ""
        if subject and nominative(subject) != subject:
            return nominative(subject)  # only a regular genitive ("...toimialan") names someone
    return ""


def _is_verdict(text: str) -> bool:
    """A legend's entry set like a heading ("Ei arvioitavissa") names no one."""
    return len(text.split()) <= _VERDICT_HEADING_WORDS and bool(verdict_status(text))


def place_under_headings(grid: Grid, headings: list[Heading], has_area_column: bool) -> Grid:
    """Area (when the table has no area column) and sector from the headings above the table:
    the nearest heading that names someone, and the heading it stands under (the nearest of a
    higher level before it), when that one names someone else."""
    named = [(i, h, name) for i, h in enumerate(headings) if (name := heading_name(h.text))]
    if not named:
        return grid
    index, nearest, name = named[-1]
    if has_area_column:
        return replace(grid, heading_sector=name)
    parent = next((h for h in reversed(headings[:index]) if h.rank > nearest.rank), None)
    sector = heading_name(parent.text) if parent else ""
    if sector == name:  # "5.1 Sivistystoimen hallinto" over "Sivistystoimen hallinto: ..."
        grandparent = next(
            (h for h in reversed(headings[:index]) if parent and h.rank > parent.rank), None
        )
        sector = heading_name(grandparent.text) if grandparent else ""
    return replace(grid, heading_area=name, heading_sector=sector or grid.heading_sector)


@dataclass
class FlowAssembler:
    """Goal tables of a document without pages (Word, HTML): tables and headings come in
    reading order, a band ends where the next table starts."""

    grids: list[Grid] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    band: BandBuilder | None = None

    def take_table(self, table: RawTable) -> None:
        header = band_header(table)
        if is_card_table(table):
            self.close_band()
            cards = unfold_cards(table)
            if cards:
                self._add_grid(cards_grid(cards, len(self.grids) + 1), self.headings)
        elif header is not None:
            self.close_band()
            self.band = BandBuilder(
                header, table_no=len(self.grids) + 1, headings=list(self.headings)
            )
            self.band.add([Row(tuple(r), 0) for r in table.rows[1:]], continued=False)

    def close_band(self) -> None:
        if self.band is not None and self.band.rows:
            self._add_grid(self.band.grid(), self.band.headings)
        self.band = None

    def _add_grid(self, grid: Grid, headings: list[Heading]) -> None:
        has_area = "area" in assign_columns(grid).roles
        grid = place_under_headings(grid, headings, has_area)
        self.grids.append(replace(grid, rows=tuple(replace(r, page=None) for r in grid.rows)))
