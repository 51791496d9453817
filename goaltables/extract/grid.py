"""The one place where a grid of cells becomes goal rows, whatever format the grid came from.

Format modules hand over a `Grid`: a header and body rows of `Cell`s (text as printed, plus a
colour where the format keeps one). Here columns get their roles from the header vocabulary,
unlabelled columns get theirs from what they hold, and cells that a merged cell left empty are
filled from the row above. Assumptions, each seen in seed 001:
- an empty area (or strategy) cell continues the one above;
- an empty goal cell in a row that has a measure or progress continues the goal above
  (the goal cell was merged over its measures);
- the header cell over the area column, when it is no role word, names the sector
  ("Kasvatus- ja sivistyspalvelut");
- a leading item number on a progress cell that repeats the row's number is numbering, not text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from goaltables.extract.numbering import number_label, split_item_number
from goaltables.extract.ratings import only_balls, opening_verdict_words
from goaltables.extract.textio import clean_cell
from goaltables.extract.vocabulary import vocabulary
from goaltables.records import RowDraft, Source

TEXT_ROLES = ("area", "strategy", "goal", "measure", "baseline", "target", "actual", "progress")
# A cell holding only a dash says there is nothing: "Mittari: –" is a goal without measures.
_NO_VALUE = re.compile(r"^\s*[–—-]\s*$")
# A rating cell longer than this many words is free text, not a verdict.
_VERDICT_MAX_WORDS = 3
_BARE_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})?[.)]?$")
# A value as tables print it: "9,8", "4 100", "85 %", "-3 %", "alle 10", "vähintään 40 kpl".
_VALUE = re.compile(
    r"^(?:(?:alle|yli|vähintään|enintään|noin|n\.|under|över|minst|högst|cirka|ca\.?) )?"
    r"[-+–]?\d[\d  .,]*\s*(?:%|€|kpl|km|h|t€)?$",
    re.I,
)
# A value column whose cells average more characters than this holds text: progress.
_PROGRESS_MIN_LENGTH = 40
# A label inside a measure cell that gives a value: "... småbarnspedagogiken. Målnivå: minst 80 %".
_INNER_LABEL = re.compile(r"(?<![\w-])([^\W\d_][\w-]*(?: [^\W\d_][\w-]*)?)\s*:\s+")
_VALUE_ROLES = ("baseline", "target", "actual")
# A short unnumbered column (mean length below this) reads as names: areas.
_NAME_COLUMN_MAX_LENGTH = 80


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    colour: str = ""  # "#RRGGBB" of a glyph or cell fill, where the format keeps colour


@dataclass(frozen=True, slots=True)
class GridRow:
    cells: tuple[Cell, ...]
    page: int | None
    row: int  # the row's line (text formats) or row number, for provenance


@dataclass(frozen=True, slots=True)
class Grid:
    header: tuple[str, ...]
    rows: tuple[GridRow, ...]
    table: int = 1
    heading_area: str = ""  # an area named in a heading above the table (PDF, DOCX)
    heading_sector: str = ""  # a sector named in a heading above that
    roles: tuple[str | None, ...] | None = None  # set when the format already knows them (cards)
    notes: tuple[str, ...] = ()  # what was read by guess, told to the user as problems


# A goal or outcome header with a year or date over it holds values: "Tavoite 2023" is the
# target, "Toteuma 31.8." the actual value (the 2023 goal cards, the Chromium sample).
_DATED = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b\d{1,2}\.\d{1,2}\.|\bT[AP]\b")
_DATED_ROLES = {"goal": "target", "progress": "actual"}


def header_role(text: str) -> str | None:
    """The role a header cell names, or None: the earliest role phrase in it."""
    cleaned = clean_cell(text)
    match = vocabulary().roles.earliest(cleaned)
    if match is None:
        return None
    if (
        match.key in _DATED_ROLES
        and match.phrase in ("tavoite", "mål", "toteuma")
        and _DATED.search(cleaned)
    ):
        return _DATED_ROLES[match.key]
    return match.key


def is_goal_header(cells: Sequence[str]) -> bool:
    """A goal table's header names two or more roles, one of them a goal or a measure, or a
    strategic goal beside its assessment."""
    roles = {header_role(c) for c in cells} - {None, "ignore"}
    if "strategy" in roles and _assessed(roles):
        return True
    return len(roles) >= 2 and bool(roles & {"goal", "measure"})


def _assessed(roles: Iterable[str | None]) -> bool:
    """Whether the columns include a measure or an assessment of the row."""
    return bool(set(roles) & _ASSESSED_BY)


_ASSESSED_BY = frozenset({"measure", "rating", "progress"})


@dataclass(frozen=True, slots=True)
class Columns:
    """Which column holds which role, and the sector named over the area column."""

    roles: tuple[str | None, ...]
    sector: str = ""

    def index(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None


def assign_columns(grid: Grid) -> Columns:
    """Roles from the header; unlabelled columns inferred from their content."""
    if grid.roles is not None:
        return Columns(grid.roles, grid.heading_sector)
    roles: list[str | None] = [header_role(text) for text in grid.header]
    roles = [_first_use(roles, i) for i in range(len(roles))]
    sector = grid.heading_sector
    if "goal" not in roles and "strategy" in roles and _assessed(roles):
        # A band needs a goal: with none named, the strategic goal column is the rows' goal
        # ("Strateginen tavoite | Toimenpide | Toteuma-arvo | Tila", "Strateginen tavoite |
        # Tila": strategic goals assessed one per row).
        roles[len(roles) - 1 - roles[::-1].index("strategy")] = "goal"
    if "goal" not in roles:
        _label_numbered_column(roles, grid, "goal")
    _label_goal_number_column(roles, grid)
    _texts_are_progress(roles, grid)
    _colours_are_rating(roles, grid)
    if "area" not in roles:
        area_column = _label_name_column(roles, grid)
        if area_column is not None and header_role(grid.header[area_column]) is None:
            sector = clean_cell(grid.header[area_column]) or sector
    return Columns(tuple(roles), sector)


def _first_use(roles: list[str | None], i: int) -> str | None:
    """A role goes to the first column that names it; a second such column stays unlabelled."""
    role = roles[i]
    return None if role in roles[:i] else role


def _body_texts(grid: Grid, column: int) -> list[str]:
    texts = [clean_cell(r.cells[column].text) for r in grid.rows if column < len(r.cells)]
    return [t for t in texts if t]


def _numbered_share(texts: list[str]) -> float:
    return sum(split_item_number(t)[0] is not None for t in texts) / len(texts) if texts else 0.0


def is_value(text: str) -> bool:
    """A figure as tables print it ("9,8", "85 %", "alle 10"), not words."""
    return bool(_VALUE.match(text))


def _label_numbered_column(roles: list[str | None], grid: Grid, role: str) -> None:
    measure = roles.index("measure") if "measure" in roles else len(roles)
    candidates = [i for i in range(measure) if roles[i] is None]
    shares = {i: _numbered_share(_body_texts(grid, i)) for i in candidates}
    best = max(shares, key=lambda i: shares[i], default=None)
    if best is not None and shares[best] >= 0.5:
        roles[best] = role


def _is_number_column(texts: list[str]) -> bool:
    return bool(texts) and all(_BARE_NUMBER.match(t) for t in texts)


def _label_goal_number_column(roles: list[str | None], grid: Grid) -> None:
    """An unlabelled column of bare numbers ('Nro': 1, 2, 3) left of the goal holds its number."""
    if "goal" not in roles:
        return
    for i in range(roles.index("goal")):
        if roles[i] is None and _is_number_column(_body_texts(grid, i)):
            roles[i] = "goal_no"


def _texts_are_progress(roles: list[str | None], grid: Grid) -> None:
    """A value column ('Utfall 30.6.2022') that holds sentences is the progress text; a
    progress column ('Toteuma') that holds only short values (9,8; 4 100) is the actual value."""
    if "progress" not in roles and "actual" in roles:
        i = roles.index("actual")
        texts = _body_texts(grid, i)
        if texts and sum(map(len, texts)) / len(texts) > _PROGRESS_MIN_LENGTH:
            roles[i] = "progress"
    elif "actual" not in roles and "progress" in roles:
        i = roles.index("progress")
        texts = _body_texts(grid, i)
        if texts and all(_VALUE.match(t) for t in texts):
            roles[i] = "actual"


def _colours_are_rating(roles: list[str | None], grid: Grid) -> None:
    """With no rating column, a column of colours and no words (a ball under "Måluppfyllelse",
    which names progress) is the rating: what a column holds outweighs what it is called. A
    ball whose colour a text dump lost still shows the column's kind."""
    if "rating" in roles:
        return
    for i, role in enumerate(roles):
        cells = [r.cells[i] for r in grid.rows if i < len(r.cells)]
        coloured = [c for c in cells if c.colour or only_balls(c.text)]
        shown = [c for c in cells if c.colour or c.text.strip()]
        wordless = bool(coloured) and all(
            not clean_cell(c.text) or only_balls(c.text) for c in coloured
        )
        if role != "area" and wordless and len(coloured) * 2 >= len(shown):
            roles[i] = "rating"
            return


def _label_name_column(roles: list[str | None], grid: Grid) -> int | None:
    for i, role in enumerate(roles):
        texts = _body_texts(grid, i)
        if role is not None or not texts or _is_number_column(texts):
            continue
        mean_length = sum(map(len, texts)) / len(texts)
        if _numbered_share(texts) < 0.5 and mean_length <= _NAME_COLUMN_MAX_LENGTH:
            roles[i] = "area"
            return i
        return None
    return None


def grid_to_drafts(grid: Grid, columns: Columns, path: str) -> list[RowDraft]:
    """Rows of a goal table as drafts, merged cells filled from above."""
    drafts: list[RowDraft] = []
    carried = {"area": grid.heading_area, "strategy": "", "goal_no": "", "goal": ""}
    header = tuple(clean_cell(h) for h in grid.header)
    for row in grid.rows:
        texts = {
            role: _cell_text(row, columns, role) for role in (*TEXT_ROLES, "goal_no", "rating")
        }
        if tuple(clean_cell(c.text) for c in row.cells) == header or not any(texts.values()):
            continue  # a header repeated after a page break, or an empty row
        if _continues_previous(texts) and drafts:
            drafts[-1] = _append_progress(drafts[-1], texts["progress"])
            continue
        drafts.append(_draft(row, texts, carried, columns, grid, path))
    return drafts


def _cell_text(row: GridRow, columns: Columns, role: str) -> str:
    i = columns.index(role)
    if i is None or i >= len(row.cells):
        return ""
    cell = row.cells[i]
    text = clean_cell(cell.text)
    if role == "rating" and cell.colour:
        return f"{cell.colour} {text}".strip()  # "● #00B050 2": the ball, then what it says
    return text


def _continues_previous(texts: dict[str, str]) -> bool:
    """A row holding nothing but progress text is the rest of the row above (a page split)."""
    return bool(texts["progress"]) and not any(
        texts[r] for r in (*TEXT_ROLES, "rating") if r != "progress"
    )


def _append_progress(draft: RowDraft, more: str) -> RowDraft:
    return replace(draft, progress=f"{draft.progress} {more}".strip())


def _draft(
    row: GridRow,
    texts: dict[str, str],
    carried: dict[str, str],
    columns: Columns,
    grid: Grid,
    path: str,
) -> RowDraft:
    for role in ("area", "strategy"):
        carried[role] = texts[role] or carried[role]
    if texts["goal"]:
        number, carried["goal"] = number_label(texts["goal"])
        carried["goal_no"] = texts["goal_no"].rstrip(".") or number
    measure_no, measure = number_label(_NO_VALUE.sub("", texts["measure"]))
    measure, inner = split_inner_values(measure)
    for role, value in inner.items():
        texts[role] = texts[role] or value
    rating, progress = split_verdict(texts["rating"], texts["progress"])
    return RowDraft(
        source=Source(path=path, page=row.page, table=grid.table, row=row.row),
        sector=columns.sector,
        area=carried["area"],
        strategy=carried["strategy"],
        goal_no=carried["goal_no"],
        goal=carried["goal"],
        measure_no=measure_no,
        measure=measure,
        baseline=texts["baseline"],
        target=texts["target"],
        actual=texts["actual"],
        progress=strip_echoed_number(progress, measure_no or carried["goal_no"]),
        rating_raw=rating,
    )


def split_inner_values(measure: str) -> tuple[str, dict[str, str]]:
    """Values a measure cell labels inside itself: 'Andel ... Målnivå: minst 80 %' ->
    ('Andel ...', {'target': 'minst 80 %'}). Other labels ('Mittari: ...') stay in the text."""
    found = [
        (m, role)
        for m in _INNER_LABEL.finditer(measure)
        if (role := header_role(m.group(1))) in _VALUE_ROLES
    ]
    if not found:
        return measure, {}
    values = {}
    for (match, role), following in zip(found, [*found[1:], None], strict=True):
        end = following[0].start() if following else len(measure)
        values[role] = measure[match.end() : end].strip()
    return measure[: found[0][0].start()].strip(), values


def split_verdict(rating: str, progress: str) -> tuple[str, str]:
    """An assessment cell of free text that opens with a verdict ("Ei toteutunut, tappio
    8.941 €", Kauhava's cards) gives the verdict as the rating and its whole text as progress;
    free text with no verdict at its start is progress only (no rating can be known)."""
    verdict, status = opening_verdict_words(rating)
    if status and verdict.strip() == rating.strip(" .!"):
        return rating, progress  # the cell is the verdict
    if status:
        return verdict, progress or rating
    if len(rating.split()) > _VERDICT_MAX_WORDS:
        return "", progress or rating
    return rating, progress


def strip_echoed_number(progress: str, row_number: str) -> str:
    """'1. Varhaiskasvatuksen ...' on row 1 -> 'Varhaiskasvatuksen ...'; other numbers stay."""
    number, rest = split_item_number(progress)
    if number is not None and number.label.rstrip(")") == row_number.rstrip(")"):
        return rest
    return progress
