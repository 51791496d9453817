"""Tables as the formats hand them over, before any meaning is given: rows of cells with their
text, their place on the page (PDF) and the colour that shows in them; and the headings above.

A cell's `colour` says what colour shows in it, in the form `rating_raw` keeps: "● #00B050" (a
coloured ball), "fill #00B050" (shading). `page` is 0 where the format has no pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]
NO_BOX: BBox = (0.0, 0.0, 0.0, 0.0)


@dataclass
class TableCell:
    text: str
    bbox: BBox = NO_BOX
    colour: str = ""
    bold: bool = False  # all of its text is set bold (a group row's goal, a label)


@dataclass
class RawTable:
    page: int
    bbox: BBox
    method: str  # "ruled", "unruled" (PDF: from lines, from text alignment), "docx" ...
    rows: list[list[TableCell | None]]  # None where a merged cell covers the place
    header_rows: set[int] = field(default_factory=set)  # known header rows (unruled finder)
    card_values: bool = False  # values read under a card header left open on the page before

    @property
    def columns(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    page: int
    top: float
    rank: tuple[float, bool, bool]  # larger means a higher level: (size, coloured, bold)
