"""Unruled tables: no lines drawn, so the table is read from how its text is aligned.

Generic text-alignment finders (pdfplumber's "text" strategy, camelot's stream) take column
edges from every word on the page, so prose around a table cuts its columns apart. Goal tables
announce themselves instead: a header row names the columns ("Tavoite  Mittari  Arvio"). So:

1. A header line is a line whose words fall into two or more cells (separated by gaps wider
   than a space) that name column roles; the next line joins it when its words sit under the
   header's cells ("Tavoitetaso" over "2023").
2. Columns start where the header's cells start. Cells are left-aligned (as report tables are):
   a word belongs to the column whose start is at or left of the word's start.
3. The lines below are the table's rows. A row ends at a vertical gap wider than half a line
   (row padding); the table ends at a gap of two lines, at a heading, or at a line of prose
   (a line running across columns without starting at any column's edge).
4. A second header line inside the table starts a new segment with its own columns: goal
   cards stack "Tavoite | Toimenpide" over "Arviointi | Tila". All segments share one row list;
   their cells are placed in the union of the segments' column starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from goaltables.extract.assemble import LEADING_LABEL
from goaltables.extract.grid import header_role, is_value
from goaltables.extract.pdf.aligned import split_gap
from goaltables.extract.pdf.chunks import goes_on_wrapped
from goaltables.extract.pdf.geometry import inside, union
from goaltables.extract.pdf.words import CELL_GAP_EMS, Line, Word, cells_of
from goaltables.extract.tables import BBox, RawTable, TableCell
from goaltables.extract.textio import dehyphenate

# Words further apart than this many font sizes are in different cells.
# A gap wider than a space (this many font sizes) before a word at a column's start parts cells.
_SPACE_EMS = 0.35
# A word may start this far (points) left of its column's header and still belong to it.
_ALIGN_SLACK = 3.0
# A header's wrapped cell that dates it: "TP 2021", "2023", "31.8.", "(1-4)".
_HEADER_DATE = re.compile(r"^(?:\(|(?:[A-ZÅÄÖ]{1,3}\s?)?(?:19|20)\d\d\b|\d{1,2}\.\d{1,2}\.)")
_LEGEND_ENTRY = re.compile(r"(?:^|\s)[\d–-]\s*=\s*\w")
# Vertical gaps, in line heights: wider than ROW ends a row, wider than TABLE ends the table.
_ROW_GAP = 0.5
_MAX_STYLED_CELLS = 3  # a bold line of at most this many cells, one a role, may be a header
_TABLE_GAP = 2.0
_SET_APART_SLACK = 1.5  # a line this much further off than the table's lines are apart ends it
_MIN_SPACED_ROWS = 3  # ... once the table has this many rows


@dataclass(frozen=True, slots=True)
class HeaderCell:
    text: str
    x0: float
    role: str | None


def header_cells(line: Line) -> list[HeaderCell] | None:
    """The line's cells if it is a goal-table header line, else None."""
    if _LEGEND_ENTRY.search(line.text):
        return None  # "Arvio: ● 2 = tavoite toteutuu ● 1 = ..." names roles but is a legend
    cells = [
        HeaderCell(
            " ".join(w.text for w in group),
            group[0].x0,
            header_role(" ".join(w.text for w in group)),
        )
        for group in (part for cell in cells_of(line) for part in _named_apart(cell))
    ]
    roles = [c.role for c in cells if c.role]
    named = {r for r in roles if r != "ignore"}
    if len(cells) < 2 or not named:
        return None
    if len(roles) >= 2 and len(roles) * 2 > len(cells):
        return cells
    # Set as labels are (bold, each cell capitalised: not a header's wrapped second line), a
    # header may name one column in words the vocabulary lacks ("Verksamhetsmål | Läge och
    # risker"): its structure says what the words do not.
    labels = line.bold and all(c.text[:1].isupper() for c in cells)
    return cells if labels and len(cells) <= _MAX_STYLED_CELLS else None


def _named_apart(words: list[Word]) -> list[list[Word]]:
    """A header cell whose words, parted at gaps wider than a space, name two different
    columns: narrow columns set close ("Lähtötaso  Tilannekuvaus")."""
    if len(words) < 2:
        return [words]
    parts = [[words[0]]]
    for previous, word in pairwise(words):
        if word.x0 - previous.x1 > _SPACE_EMS * word.size:
            parts.append([word])
        else:
            parts[-1].append(word)
    roles = {header_role(" ".join(w.text for w in p)) for p in parts} - {None}
    return parts if len(roles) >= 2 else [words]


def unruled_tables(
    lines: list[Line], page: int, body_size: float, ruled: list[BBox]
) -> list[RawTable]:
    """Every unruled goal table on the page, found from its header lines."""
    free = [
        line for line in lines if not any(inside(w.bbox, box) for w in line.words for box in ruled)
    ]
    tables, index = [], 0
    while index < len(free):
        if header_cells(free[index]) is None:
            index += 1
            continue
        table, index = _read_table(free, index, page, body_size)
        tables.append(table)
    return tables


@dataclass
class _Segment:
    header: list[HeaderCell]
    header_line: int  # index in the row list of the segment's header row


def _read_table(lines: list[Line], start: int, page: int, body_size: float) -> tuple[RawTable, int]:
    rows: list[list[Line]] = []
    segments: list[_Segment] = []
    index, previous = start, None
    inner = ""  # the kind of row across the columns this row is: "comment", "group" or ""
    widest = 0.0  # the widest gap between the table's lines so far
    while index < len(lines):
        line = lines[index]
        tight = previous is not None and _gap(previous, line) <= _ROW_GAP * _height(line)
        # A comment's next line, however it crosses the columns; a bold goal's bold next line.
        runs_on = tight and (
            (inner == "comment" and _comment_goes_on(line, segments))
            or (inner == "group" and line.bold)
        )
        if (
            previous is not None
            and not runs_on
            and (
                _ends_table(line, previous, body_size, segments)
                or _set_apart(line, previous, widest, len(rows))
            )
        ):
            break
        if previous is not None:
            widest = max(widest, _gap(previous, line))
        starts_inner = "" if runs_on else _inner_row(line)
        after_inner = bool(inner) and not runs_on  # the row after a comment or a goal row
        inner = starts_inner or (inner if runs_on else "")
        header = header_cells(line)
        if header is not None:
            header, last = _with_continuation(header, lines, index)
            segments.append(_Segment(header, len(rows)))
            rows.append(lines[index : last + 1])
            index = last
        elif (
            _is_header_row(rows, segments)
            or _gap(lines[index - 1], line) > _ROW_GAP * _height(line)
            or starts_inner
            or after_inner
        ):
            rows.append([line])
        else:
            rows[-1].append(line)
        previous = lines[index]
        index += 1
    return _to_raw_table(_rows_parted(rows, segments), segments, page), index


def _rows_parted(rows: list[list[Line]], segments: list[_Segment]) -> list[list[Line]]:
    """Rows set with no more space between them than between a cell's lines (a Word table
    with no cell padding) read as one: part them where a line starts a new row, as the aligned
    finder does: a line starts a row when it fills two columns or more, unless it fills none
    the line above leaves empty and starts in lower case (a wrapped sentence)."""
    if split_gap([g for g in _body_gaps(rows, segments) if g > 0]) >= 0:
        return rows  # the gaps are of two kinds: rows were parted at the wide ones
    parted: list[list[Line]] = []
    for index, row in enumerate(rows):
        if _is_header_at(index, segments) or len(row) < 2 or _inner_row(row[0]):
            parted.append(row)
            continue
        starts = _segment_at(index, segments).header
        parted.append([row[0]])
        for above, line in pairwise(row):
            if _goes_on(above, line, [c.x0 for c in starts]):
                parted[-1].append(line)
            else:
                parted.append([line])
    return parted


def _body_gaps(rows: list[list[Line]], segments: list[_Segment]) -> list[float]:
    """The gaps between the lines of the rows under each header (not across a header)."""
    gaps: list[float] = []
    run: list[Line] = []
    for index, row in enumerate([*rows, []]):
        if _is_header_at(index, segments) or not row:
            gaps += [_gap(a, b) for a, b in pairwise(run)]
            run = []
        else:
            run += row
    return gaps


def _goes_on(above: Line, line: Line, starts: list[float]) -> bool:
    if line.text_top < above.text_bottom:
        return True  # set beside the line above, not under it (a digit beside a drawn ball)
    cells = cells_of(line)
    used = {_column_of(c[0].x0, starts) for c in cells}
    if len(used) < 2:
        return True  # a row starts with cells in two columns or more; one is a wrapped cell
    above_used = {_column_of(c[0].x0, starts) for c in cells_of(above)}
    return goes_on_wrapped(used, above_used, [c[0].text for c in cells])


def _is_header_at(index: int, segments: list[_Segment]) -> bool:
    return any(s.header_line == index for s in segments)


def _segment_at(index: int, segments: list[_Segment]) -> _Segment:
    return max((s for s in segments if s.header_line <= index), key=lambda s: s.header_line)


def _is_header_row(rows: list[list[Line]], segments: list[_Segment]) -> bool:
    return bool(segments) and segments[-1].header_line == len(rows) - 1


def _with_continuation(
    header: list[HeaderCell], lines: list[Line], index: int
) -> tuple[list[HeaderCell], int]:
    """A header wrapped onto more lines ('Tavoitetaso' / '2023', 'Arvio' / 'toteutumi' /
    'sesta') is joined to its cells, line by line while the lines sit under its cells."""
    starts = [c.x0 for c in header]
    texts = [c.text for c in header]
    last = index
    while last + 1 < len(lines):
        below = lines[last + 1]
        if _gap(lines[last], below) > _ROW_GAP * _height(below) or header_cells(below):
            break
        placed = [_column_of(w.x0, starts) for w in below.words]
        if any(i is None for i in placed) or not _styled_alike(lines[index], below):
            break
        if not lines[index].bold and not _wraps_header_words(below):
            break  # no style to go by: a first row's cells open in capitals or figures
        if below.text.rstrip().endswith(".") or _is_prose(below, header):
            break  # a bold sentence under the header is a row (a goal), not more header
        for word, column in zip(below.words, placed, strict=True):
            assert column is not None
            texts[column] += " " + word.text
        last += 1
    joined = [
        HeaderCell(t, c.x0, header_role(t) or c.role) for t, c in zip(texts, header, strict=True)
    ]
    return joined, last


def _wraps_header_words(below: Line) -> bool:
    """A header's wrapped line goes on its words ('tavoite', 'toteutumi' / 'sesta') or dates
    them ('TP 2021', '2023', '(1-4)'), in each of its cells; a row's cells open a sentence, a
    name or a figure. What a header set in plain text (a text dump) shows, where no bold
    parts it from its rows."""
    texts = [" ".join(w.text for w in cell) for cell in cells_of(below)]
    return all(t[:1].islower() or _HEADER_DATE.match(t) for t in texts)


def _styled_alike(header: Line, below: Line) -> bool:
    """A header's second line is set like the header (bold over bold), unlike the values."""
    first = header.words[0]
    return all(w.bold == first.bold and abs(w.size - first.size) < 0.5 for w in below.words)


def _column_of(x0: float, starts: list[float]) -> int | None:
    candidates = [i for i, start in enumerate(starts) if x0 >= start - _ALIGN_SLACK]
    return candidates[-1] if candidates else None


def _gap(above: Line, below: Line) -> float:
    return below.top - above.bottom


def _height(line: Line) -> float:
    return max(line.bottom - line.top, 1.0)


def _ends_table(line: Line, previous: Line, body_size: float, segments: list[_Segment]) -> bool:
    if _gap(previous, line) > _TABLE_GAP * _height(line):
        return True
    if header_cells(line) is not None:
        return False
    if line.main_size > body_size + 0.4 or line.coloured:
        return True  # a heading
    if _inner_row(line):
        return False
    return bool(segments) and _is_prose(line, segments[-1].header)


def _set_apart(line: Line, previous: Line, widest: float, rows: int) -> bool:
    """A line further below the table than any of its lines are apart, once the table has
    rows enough to show its spacing, starts what follows the table (a finance table set
    right under a goal table)."""
    if rows < _MIN_SPACED_ROWS or widest <= 0:
        return False
    return _gap(previous, line) > widest * _SET_APART_SLACK + 1.0


def _comment_goes_on(line: Line, segments: list[_Segment]) -> bool:
    """A comment's next line is plain running text: it crosses the columns without starting
    at them, or opens in lower case; a row of cells (words at the columns' starts), a bold
    goal or another label starts a new row."""
    if line.bold or _inner_row(line) or not segments:
        return False
    return _is_prose(line, segments[-1].header) or line.text[:1].islower()


def _inner_row(line: Line) -> str:
    """A row running across the table's columns that is still the table's: a comment led by
    a progress label ("Kommentar: ..."), or a bold sentence naming the goal of the rows below
    (a heading would be short and end in no full stop); '' for any other line."""
    label = LEADING_LABEL.match(line.text)
    if label and header_role(label["label"]) == "progress":
        return "comment"
    return "group" if line.bold and line.text.rstrip().endswith(".") else ""


def _is_prose(line: Line, header: list[HeaderCell]) -> bool:
    """Prose is a run of normally spaced words that crosses two or more column edges without
    starting at them; a table's cells wrap inside their columns."""
    for group in cells_of(line):
        crossed = [
            start
            for start in (c.x0 for c in header)
            if group[0].x0 + _ALIGN_SLACK < start < group[-1].x1
            and not any(abs(w.x0 - start) <= _ALIGN_SLACK for w in group)
        ]
        if len(crossed) >= 2:
            return True
    return False


def _figure_after_sentence(
    previous: Word | None, word: Word, column: int | None, starts: list[float]
) -> bool:
    """A figure a space after a finished sentence, standing in a later column (a text dump
    sets a right-aligned value one space after a long cell's text): the value of that column,
    not the end of the sentence."""
    if previous is None or not is_value(word.text) or not previous.text.endswith((".", ")")):
        return False
    placed = _column_of(word.x0, starts)
    return placed is not None and column is not None and placed > column


def _to_raw_table(rows: list[list[Line]], segments: list[_Segment], page: int) -> RawTable:
    all_starts = sorted({round(c.x0, 1) for s in segments for c in s.header})
    right = max(line.x1 for row in rows for line in row) + _ALIGN_SLACK
    header_rows = {s.header_line for s in segments}
    raw_rows: list[list[TableCell | None]] = []
    for index, row in enumerate(rows):
        segment = max((s for s in segments if s.header_line <= index), key=lambda s: s.header_line)
        raw_rows.append(_place_row(row, segment.header, all_starts, right))
    box = union([(line.x0, line.top, line.x1, line.bottom) for row in rows for line in row])
    return RawTable(page, box, "unruled", raw_rows, header_rows)


def _place_row(
    row: list[Line], header: list[HeaderCell], all_starts: list[float], right: float
) -> list[TableCell | None]:
    """A row's words into its segment's columns, then those columns onto the table's."""
    starts = [c.x0 for c in header]
    texts: list[list[str]] = [[] for _ in header]
    weights: list[list[bool]] = [[] for _ in header]
    # A comment runs across the columns: a word of it may fall at a column's start by chance.
    comment = _inner_row(row[0]) == "comment"
    for line in row:
        per_column: dict[int, list[str]] = {}
        column: int | None = 0
        for previous, word in zip((None, *line.words), line.words, strict=False):
            # Words set close together run on in one cell, across a column's start too (a
            # full-width comment row), unless a word starts right at a column's start.
            gap = word.x0 - previous.x1 if previous is not None else 0.0
            at_start = (
                not comment
                and gap > _SPACE_EMS * word.size
                and any(abs(word.x0 - start) <= _ALIGN_SLACK for start in starts)
            ) or (not comment and _figure_after_sentence(previous, word, column, starts))
            if previous is None or at_start or gap > CELL_GAP_EMS * max(word.size, 1.0):
                column = _column_of(word.x0, starts)
            per_column.setdefault(column if column is not None else 0, []).append(word.text)
            weights[column if column is not None else 0].append(word.bold)
        for column, words in per_column.items():
            texts[column].append(" ".join(words))
    top = min(line.top for line in row) - 2
    bottom = max(line.bottom for line in row) + 2
    cells: list[TableCell | None] = [None] * len(all_starts)
    for column, start in enumerate(starts):
        end = starts[column + 1] - _ALIGN_SLACK if column + 1 < len(starts) else right
        place = min(range(len(all_starts)), key=lambda i: abs(all_starts[i] - start))
        box = (start - _ALIGN_SLACK, top, end, bottom)
        bold = bool(weights[column]) and all(weights[column])
        cells[place] = TableCell(dehyphenate("\n".join(texts[column])), box, bold=bold)
    return cells
