"""Ruled tables: cells from the lines and rectangles drawn on the page (pdfplumber's finder).

Only what a reader sees as a border makes one. A Word export may shade a cell by drawing a
filled rectangle per text line inside the cell's own rectangle of the same colour (both
Simrishamn reports): their edges are invisible, so such rectangles are left out before
pdfplumber looks for cells, or every line of a cell becomes a row of its own. Highlighting drawn
behind each line of text (Word's character shading) is left out too: it hugs its text.
"""

from __future__ import annotations

import itertools
from typing import Any

from pdfplumber.page import Page

from goaltables.extract.pdf.cells import box_of
from goaltables.extract.pdf.geometry import overlaps
from goaltables.extract.pdf.words import bold_fonts
from goaltables.extract.tables import BBox, RawTable, TableCell
from goaltables.extract.textio import dehyphenate  # PDFs are typeset: "tun-" / "tia" is "tuntia"

# A fill lies inside another when it is within this many points of it on every side.
_COVER_TOLERANCE = 0.5
# Highlighting is at most this many font sizes tall, and within this many points of its text.
_LINE_HEIGHT = 1.6
_HUG = 3.0
_BAND = 20.0  # points: chars are looked up by horizontal bands of the page
_SAME_LINE = 2.5  # points: characters whose tops differ less sit on one line
_SPACE_SHARE = 0.25  # a gap wider than this share of the font size between characters is a space
_HAIRLINE = 1.5  # points: a filled rectangle this thin is a drawn line


def ruled_tables(page: Page, page_number: int, x_tolerance: float = 3.0) -> list[RawTable]:
    """Every table drawn with lines on the page, its merged places as None; characters
    further apart than `x_tolerance` points are in different words. A 'table' of one column is
    no table (a column of shaded rating cells, highlighted text): its text is left to the
    unruled finders."""
    hidden = {id(r) for r in hidden_fills(page.rects) + highlights(page.rects, page.chars)}
    visible = page.filter(lambda obj: id(obj) not in hidden) if hidden else page
    bold = bold_fonts(page.chars)
    tables = []
    for found in visible.find_tables():
        texts = found.extract(x_tolerance=x_tolerance)
        rows: list[list[TableCell | None]] = [
            [
                _cell(text, bbox, page.chars, bold) if bbox is not None else None
                for bbox, text in zip(row.cells, row_texts, strict=True)
            ]
            for row, row_texts in zip(found.rows, texts, strict=True)
        ]
        table = RawTable(page_number, tuple(found.bbox), "ruled", rows)  # type: ignore[arg-type]
        if table.columns >= 2:
            tables.append(_with_undrawn_cells(table, page.chars, bold))
    return tables


def rule_boxes(page: Page) -> list[BBox]:
    """Where lines are drawn on the page: lines, stroked rectangles and hairline fills."""
    thin = [
        r
        for r in page.rects
        if r.get("stroke") or min(r["x1"] - r["x0"], r["bottom"] - r["top"]) <= _HAIRLINE
    ]
    return [box_of(obj) for obj in [*page.lines, *thin]]


def is_stripe(table: RawTable, rules: list[BBox]) -> bool:
    """A run of shaded rows with no line drawn in or round it and no bold header: stripes of
    a table whose header and white rows stand apart (a striped table under a shaded header,
    the rowspan column left white), not a table of its own."""
    ruled = any(overlaps(rule, table.bbox, touching=True) for rule in rules)
    first = [c for c in table.rows[0] if c is not None and c.text.strip()]
    return not ruled and not (first and all(c.bold for c in first))


def _with_undrawn_cells(
    table: RawTable, chars: list[dict[str, Any]], bold: frozenset[str]
) -> RawTable:
    """Places pdfplumber left empty (None) because nothing was drawn round them, though text
    stands there: a white row of a striped table whose only drawn cell is its shaded rating.
    A place truly merged into the cell beside or above it holds no text of its own."""
    drawn = [c.bbox for row in table.rows for c in row if c is not None]
    loose = [
        c
        for c in chars
        if c["text"].strip()
        and _centre_inside(c, table.bbox)
        and not any(_centre_inside(c, box) for box in drawn)
    ]
    if not loose or not any(all(c is not None for c in row) for row in table.rows):
        return table  # with no row drawn whole, the columns' edges are not known
    spans = column_spans(table)
    for row in table.rows:
        boxes = [c.bbox for c in row if c is not None]
        if not boxes:
            continue
        top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
        for index, cell in enumerate(row):
            if cell is None and index < len(spans):
                box = (spans[index][0], top, spans[index][1], bottom)
                if any(_centre_inside(c, box) for c in loose):
                    row[index] = _cell(None, box, chars, bold, read_text=True)
    return table


def column_spans(table: RawTable) -> list[tuple[float, float]]:
    """Each column's left and right edge, from the row with most places drawn (a place not
    drawn there has no width)."""
    fullest = max(table.rows, key=lambda r: sum(c is not None for c in r))
    spans: list[tuple[float, float]] = []
    for cell in fullest:
        left = spans[-1][1] if spans else table.bbox[0]
        spans.append((cell.bbox[0], cell.bbox[2]) if cell is not None else (left, left))
    return spans


def _centre_inside(char: dict[str, Any], box: BBox) -> bool:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    return bool(box[0] <= x <= box[2] and box[1] <= y <= box[3])


def hidden_fills(rects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Filled, unstroked rectangles lying inside a larger one of the same colour: their edges
    cannot be seen."""
    fills = [r for r in rects if r.get("fill") and not r.get("stroke")]
    fills.sort(key=lambda r: (r["x1"] - r["x0"]) * (r["bottom"] - r["top"]), reverse=True)
    hidden = []
    for index, rect in enumerate(fills):
        colour = rect.get("non_stroking_color")
        if any(
            other.get("non_stroking_color") == colour and _covers(other, rect)
            for other in fills[:index]
        ):
            hidden.append(rect)
    return hidden


def highlights(rects: list[dict[str, Any]], chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Filled rectangles that hug one line of text: highlighting (Word's character shading)
    drawn behind each line, not a cell. A cell's fill is wider than its text, or taller."""
    by_band: dict[int, list[dict[str, Any]]] = {}
    for char in chars:
        if char["text"].strip():
            by_band.setdefault(int(char["top"] // _BAND), []).append(char)
    found = []
    for rect in rects:
        if not rect.get("fill") or rect.get("stroke"):
            continue
        bands = range(int(rect["top"] // _BAND) - 1, int(rect["bottom"] // _BAND) + 1)
        inside = [c for b in bands for c in by_band.get(b, []) if _centre_inside(c, box_of(rect))]
        if inside and _hugs(rect, inside):
            found.append(rect)
    return found


def _hugs(rect: dict[str, Any], chars: list[dict[str, Any]]) -> bool:
    size = max(float(c["size"]) for c in chars)
    one_line = rect["bottom"] - rect["top"] <= _LINE_HEIGHT * size
    left, right = min(c["x0"] for c in chars), max(c["x1"] for c in chars)
    tight = abs(rect["x0"] - left) <= _HUG and abs(rect["x1"] - right) <= _HUG
    return bool(one_line and tight)


def _covers(outer: dict[str, Any], inner: dict[str, Any]) -> bool:
    t = _COVER_TOLERANCE
    return bool(
        outer["x0"] - t <= inner["x0"]
        and outer["top"] - t <= inner["top"]
        and inner["x1"] <= outer["x1"] + t
        and inner["bottom"] <= outer["bottom"] + t
    )


def _cell(
    text: str | None,
    bbox: BBox,
    chars: list[dict[str, Any]],
    bold_fonts: frozenset[str],
    read_text: bool = False,
) -> TableCell:
    inside = [c for c in chars if c["text"].strip() and _centre_inside(c, bbox)]
    bold = bool(inside) and all(str(c.get("fontname", "")) in bold_fonts for c in inside)
    if read_text:
        text = _text_of(inside)
    return TableCell(dehyphenate(text or ""), bbox, bold=bold)


def _text_of(chars: list[dict[str, Any]]) -> str:
    """Characters as lines of words: a gap wider than a quarter of the size is a space."""
    lines: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if lines and abs(lines[-1][0]["top"] - char["top"]) <= _SAME_LINE:
            lines[-1].append(char)
        else:
            lines.append([char])
    texts = []
    for line in lines:
        line.sort(key=lambda c: c["x0"])
        text = line[0]["text"]
        for before, char in itertools.pairwise(line):
            gap = char["x0"] - before["x1"] > _SPACE_SHARE * float(char.get("size") or 10.0)
            text += (" " if gap else "") + char["text"]
        texts.append(text)
    return "\n".join(texts)
