"""Ruled tables: cells from the lines and rectangles drawn on the page (pdfplumber's finder).

Only what a reader sees as a border makes one. A Word export may shade a cell by drawing a
filled rectangle per text line inside the cell's own rectangle of the same colour (both
Simrishamn reports): their edges are invisible, so such rectangles are left out before
pdfplumber looks for cells, or every line of a cell becomes a row of its own.
"""

from __future__ import annotations

from typing import Any

from pdfplumber.page import Page

from goaltables.extract.pdf.words import bold_fonts
from goaltables.extract.tables import BBox, RawTable, TableCell
from goaltables.extract.textio import dehyphenate  # PDFs are typeset: "tun-" / "tia" is "tuntia"

# A fill lies inside another when it is within this many points of it on every side.
_COVER_TOLERANCE = 0.5


def ruled_tables(page: Page, page_number: int) -> list[RawTable]:
    """Every table drawn with lines on the page, its merged places as None."""
    hidden = {id(r) for r in hidden_fills(page.rects)}
    visible = page.filter(lambda obj: id(obj) not in hidden) if hidden else page
    bold = bold_fonts(page.chars)
    tables = []
    for found in visible.find_tables():
        texts = found.extract()
        rows: list[list[TableCell | None]] = [
            [
                _cell(text, bbox, page.chars, bold) if bbox is not None else None
                for bbox, text in zip(row.cells, row_texts, strict=True)
            ]
            for row, row_texts in zip(found.rows, texts, strict=True)
        ]
        tables.append(RawTable(page_number, tuple(found.bbox), "ruled", rows))  # type: ignore[arg-type]
    return tables


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


def _covers(outer: dict[str, Any], inner: dict[str, Any]) -> bool:
    t = _COVER_TOLERANCE
    return bool(
        outer["x0"] - t <= inner["x0"]
        and outer["top"] - t <= inner["top"]
        and inner["x1"] <= outer["x1"] + t
        and inner["bottom"] <= outer["bottom"] + t
    )


def _cell(
    text: str | None, bbox: BBox, chars: list[dict[str, Any]], bold_fonts: frozenset[str]
) -> TableCell:
    inside = [
        c
        for c in chars
        if c["text"].strip()
        and bbox[0] <= (c["x0"] + c["x1"]) / 2 <= bbox[2]
        and bbox[1] <= (c["top"] + c["bottom"]) / 2 <= bbox[3]
    ]
    bold = bool(inside) and all(str(c.get("fontname", "")) in bold_fonts for c in inside)
    return TableCell(dehyphenate(text or ""), bbox, bold=bold)
