"""Boxes on a page: (x0, top, x1, bottom) in points, as pdfplumber gives them."""

from __future__ import annotations

from goaltables.extract.tables import BBox


def inside(inner: BBox, outer: BBox, tolerance: float = 1.0) -> bool:
    """Whether `inner`'s centre lies within `outer` (grown by `tolerance`)."""
    cx, cy = (inner[0] + inner[2]) / 2, (inner[1] + inner[3]) / 2
    return (
        outer[0] - tolerance <= cx <= outer[2] + tolerance
        and outer[1] - tolerance <= cy <= outer[3] + tolerance
    )


def overlap_share(a: BBox, b: BBox) -> float:
    """How much of `b`'s area `a` covers, 0 to 1."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    area = (b[2] - b[0]) * (b[3] - b[1])
    return width * height / area if width > 0 and height > 0 and area > 0 else 0.0


def overlaps(a: BBox, b: BBox, touching: bool = False) -> bool:
    """Whether the boxes share area; with `touching`, whether they meet at all (a rule lying
    on a table's edge)."""
    if touching:
        return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def union(boxes: list[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
