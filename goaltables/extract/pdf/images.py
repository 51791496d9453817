"""Ratings drawn as raster images: a ball, a check mark or an arrow placed as a picture in an
assessment cell (both Simrishamn reports). An icon's meaning is its colour, so each icon-sized
image is rendered by pdfium, which decodes every image filter and applies its soft mask, and
its dominant saturated colour is taken. Colourless icons (grey, black) give nothing: a colour
is all a rating image can say.
"""

from __future__ import annotations

import colorsys
from collections import Counter
from dataclasses import dataclass
from typing import Any

from goaltables.extract.tables import BBox


@dataclass(frozen=True)
class IconSettings:
    min_side: float = 4.0  # points: thinner images are rules and slivers, not icons
    max_side: float = 30.0  # points: larger images are pictures, logos and charts
    max_aspect: float = 2.0  # wider images are bars (progress), not icons
    scale: float = 2.0  # render pixels per point
    min_saturation: float = 0.25  # pixels this saturated carry the icon's colour
    min_value: float = 0.2  # ... and this bright (not black outlines)
    min_share: float = 0.05  # of the image's pixels, or the image has no colour


ICONS = IconSettings()


def icon_boxes(images: list[dict[str, Any]], settings: IconSettings = ICONS) -> list[BBox]:
    """The boxes of the images that are icon-sized, once each."""
    boxes: list[BBox] = []
    for image in images:
        box = (float(image["x0"]), float(image["top"]), float(image["x1"]), float(image["bottom"]))
        width, height = box[2] - box[0], box[3] - box[1]
        small = settings.min_side <= min(width, height) and max(width, height) <= settings.max_side
        round_enough = small and max(width, height) / min(width, height) <= settings.max_aspect
        if round_enough and all(_distance(box, seen) > 1.0 for seen in boxes):
            boxes.append(box)
    return boxes


def icon_colours(
    document: Any, page_number: int, boxes: list[BBox], settings: IconSettings = ICONS
) -> list[tuple[BBox, str]]:
    """Each icon's box with its colour ('#98CC00'); icons with no colour are left out."""
    if not boxes or document is None:
        return []
    page = document[page_number - 1]
    try:
        bitmap = page.render(scale=settings.scale, rev_byteorder=True)
        pixels = bitmap.to_numpy()
    finally:
        page.close()
    found = []
    for box in boxes:
        x0, top, x1, bottom = (round(v * settings.scale) for v in box)
        colour = dominant_colour(pixels[top:bottom, x0:x1], settings)
        if colour:
            found.append((box, colour))
    return found


def dominant_colour(pixels: Any, settings: IconSettings = ICONS) -> str:
    """The most common saturated colour of an RGB pixel array, as '#RRGGBB', or ''."""
    rows = [tuple(int(v) for v in p[:3]) for line in pixels for p in line]
    if not rows:
        return ""
    coloured = [p for p in rows if _saturated(p, settings)]
    if len(coloured) < settings.min_share * len(rows):
        return ""
    buckets = Counter((r >> 4, g >> 4, b >> 4) for r, g, b in coloured)
    top = buckets.most_common(1)[0][0]
    members = [p for p in coloured if (p[0] >> 4, p[1] >> 4, p[2] >> 4) == top]
    mean = [round(sum(p[i] for p in members) / len(members)) for i in range(3)]
    return "#" + "".join(f"{v:02X}" for v in mean)


def _saturated(pixel: tuple[int, ...], settings: IconSettings) -> bool:
    _, saturation, value = colorsys.rgb_to_hsv(*(v / 255 for v in pixel[:3]))
    return saturation >= settings.min_saturation and value >= settings.min_value


def _distance(a: BBox, b: BBox) -> float:
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


def icons_on_page(document: Any, page_number: int, settings: IconSettings = ICONS) -> int:
    """How many icon-sized images a page shows, from pdfium's page objects (cheap: no
    rendering, no pdfplumber): page triage asks it of pages that may continue a table."""
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    page = document[page_number - 1]
    try:
        height = page.get_height()
        images = [
            {"x0": left, "top": height - top, "x1": right, "bottom": height - bottom}
            for left, bottom, right, top in (
                image.get_bounds()
                for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2)
            )
        ]
    finally:
        page.close()
    return len(icon_boxes(images, settings))
