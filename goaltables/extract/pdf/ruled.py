"""Ruled tables: cells from the lines and rectangles drawn on the page (pdfplumber's finder)."""

from __future__ import annotations

from pdfplumber.page import Page

from goaltables.extract.tables import RawTable, TableCell
from goaltables.extract.textio import dehyphenate  # PDFs are typeset: "tun-" / "tia" is "tuntia"


def ruled_tables(page: Page, page_number: int, x_tolerance: float = 3.0) -> list[RawTable]:
    """Every table drawn with lines on the page, its merged places as None; characters
    further apart than `x_tolerance` points are in different words."""
    tables = []
    for found in page.find_tables():
        texts = found.extract(x_tolerance=x_tolerance)
        rows: list[list[TableCell | None]] = [
            [
                TableCell(dehyphenate(text or ""), bbox) if bbox is not None else None
                for bbox, text in zip(row.cells, row_texts, strict=True)
            ]
            for row, row_texts in zip(found.rows, texts, strict=True)
        ]
        tables.append(RawTable(page_number, tuple(found.bbox), "ruled", rows))  # type: ignore[arg-type]
    return tables
