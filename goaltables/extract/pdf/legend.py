"""A PDF's rating legend with its colours: the ball or swatch printed left of each entry.

Legends come as "● 2 = tavoite toteutui" lines (2022 outcome sample), colour keys with words
only ("● Målet kommer att uppnås", the Swedish sample), shaded swatches beside words (the long
report), or words alone ("asteikolla 1 = toteutunut, 2 = osittain, 3 = ei toteutunut").
"""

from __future__ import annotations

from goaltables.extract.pdf.cells import PageShapes
from goaltables.extract.pdf.words import Line
from goaltables.extract.ratings import (
    Legend,
    LegendEntry,
    coloured_entry,
    legend_entries,
    merge_legend,
)
from goaltables.extract.tables import BBox
from goaltables.extract.textio import collapse_spaces

# A swatch is a small filled box; words start within this distance (points) right of a key.
_MAX_SWATCH = (60.0, 25.0)
_KEY_TO_TEXT = 40.0


def page_legend(lines: list[Line], shapes: PageShapes) -> Legend | None:
    """The legend printed on the page, with colours where keys show them."""
    keys = shapes.balls + [(box, colour) for box, colour in shapes.fills if _is_swatch(box)]
    entries: list[LegendEntry] = []
    for line in lines:
        coloured = _coloured_entries(line, keys)
        entries += coloured or legend_entries(line.text)
    return merge_legend(None, entries)  # the first entry of each key; two keys or none


def _is_swatch(box: BBox) -> bool:
    return box[2] - box[0] <= _MAX_SWATCH[0] and box[3] - box[1] <= _MAX_SWATCH[1]


def _coloured_entries(line: Line, keys: list[tuple[BBox, str]]) -> list[LegendEntry]:
    """Each key on the line with the words after it, up to the next key. A key labels words
    that start right after it; a ball at the end of a table row labels nothing."""
    on_line = sorted(
        (box, colour)
        for box, colour in keys
        if line.top - 4 <= (box[1] + box[3]) / 2 <= line.bottom + 4
    )
    entries = []
    for index, (box, colour) in enumerate(on_line):
        end = on_line[index + 1][0][0] if index + 1 < len(on_line) else float("inf")
        words = [w for w in line.words if box[2] - 1 <= w.x0 < end]
        if words and words[0].x0 - box[2] <= _KEY_TO_TEXT:
            entries += _entries_for(collapse_spaces(" ".join(w.text for w in words)), colour)
    return entries


def _entries_for(text: str, colour: str) -> list[LegendEntry]:
    entry = coloured_entry(text, colour)
    return [entry] if entry else []
