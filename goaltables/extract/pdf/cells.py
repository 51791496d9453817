"""The colours on a PDF page that can carry a rating, and the cell each lands in.

Both table finders (ruled: from drawn lines; unruled: from text alignment) produce `RawTable`s;
`assemble` reads goal tables out of them. A cell's `colour` says what colour shows in it, in the
form `rating_raw` keeps: "● #00B050" (a coloured ball, glyph or drawn), "image #00B050" (a raster
icon), "fill #00B050" (shading).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pdfplumber.page import Page

from goaltables.extract.pdf.geometry import inside, overlap_share
from goaltables.extract.ratings import BALLS as BALL_GLYPHS
from goaltables.extract.ratings import nearest_status
from goaltables.extract.tables import BBox, TableCell

BALLS = frozenset(BALL_GLYPHS)
# A drawn shape is a ball when it is roughly round and small (points).
_MAX_BALL_SIZE = 20.0
# A fill is shading when it covers this much of the cell.
_MIN_SHADED_SHARE = 0.6


def to_hex(colour: object) -> str:
    """pdfplumber's colour (gray, RGB or CMYK floats) as '#RRGGBB'; '' when it is none."""
    if not isinstance(colour, tuple | list) or not colour:
        return ""
    values = [float(v) for v in colour]
    if len(values) == 1:
        values = values * 3
    elif len(values) == 4:
        c, m, y, k = values
        values = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    elif len(values) != 3:
        return ""
    return "#" + "".join(f"{round(max(0.0, min(1.0, v)) * 255):02X}" for v in values)


@dataclass(frozen=True)
class PageShapes:
    """The coloured things on a page that can carry a rating."""

    balls: list[tuple[BBox, str]]  # ● glyphs and small round drawn shapes, with their colour
    fills: list[tuple[BBox, str]]  # filled rectangles with a colour
    icons: list[tuple[BBox, str]] = field(default_factory=list)  # raster icons, their colour

    @property
    def shading(self) -> list[BBox]:
        """Where the page is shaded: filled rectangles of a colour other than white."""
        return [box for box, colour in self.fills if colour != "#FFFFFF"]

    @classmethod
    def of(cls, page: Page, icons: list[tuple[BBox, str]] | None = None) -> PageShapes:
        balls = [
            (box_of(c), to_hex(c.get("non_stroking_color")))
            for c in page.chars
            if c["text"] in BALLS
        ]
        balls += [
            (box_of(c), to_hex(c.get("non_stroking_color"))) for c in page.curves if _is_ball(c)
        ]
        fills = [
            (box_of(r), to_hex(r.get("non_stroking_color"))) for r in page.rects if r.get("fill")
        ]
        return cls([b for b in balls if b[1]], [f for f in fills if f[1]], icons or [])


def box_of(obj: dict[str, Any]) -> BBox:
    return (float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"]))


def _is_ball(curve: dict[str, Any]) -> bool:
    width, height = curve["x1"] - curve["x0"], curve["bottom"] - curve["top"]
    return (
        bool(curve.get("fill"))
        and 0 < width <= _MAX_BALL_SIZE
        and 0.7 < width / max(height, 0.1) < 1.4
    )


def read_colour(cell: TableCell, shapes: PageShapes) -> None:
    """Set the cell's colour from a ball in it, or else from its shading; drop ball glyphs
    from its text."""
    ball = next((colour for box, colour in shapes.balls if inside(box, cell.bbox)), "")
    if ball:
        cell.colour = f"● {ball}"
        cell.text = "".join(ch for ch in cell.text if ch not in BALLS).strip()
        return
    icon = next((colour for box, colour in shapes.icons if inside(box, cell.bbox)), "")
    if icon:
        cell.colour = f"image {icon}"
        return
    for box, colour in shapes.fills:
        if overlap_share(box, cell.bbox) >= _MIN_SHADED_SHARE and nearest_status(colour[1:]):
            cell.colour = f"fill {colour}"
            return
