"""Assessments: the document's legend, and a rating cell decoded against it.

`rating_raw` keeps what was seen. `rating` is the integer on the document's own scale, known
only from a digit (a ● whose colour was lost is not a rating). `status` is the comparable
traffic light; it comes from words (the cell's, or the legend's words for the cell's digit), or
from a colour. Which way a numeric scale runs is never assumed: without a legend a digit has no
status, because some cities use 1 = best and others 2 = best.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from goaltables.extract.textio import collapse_spaces
from goaltables.extract.vocabulary import vocabulary
from goaltables.records import Rating, Status

# "0 = tavoite ei tule toteutumaan", "1= epävarma toteutuminen", "3 – inte uppnått"
_LEGEND_LINE = re.compile(r"^\s*(?P<value>\d)\s*(?:=|:|–|-)\s*(?P<label>\S.*)$")
_DIGIT_CELL = re.compile(r"^\s*(?P<value>\d)\s*(?:[.)]\s*)?(?P<rest>.*)$")
_BALL = re.compile(r"[●⬤○◯◉•]")
_HEX_COLOUR = re.compile(r"#(?P<hex>[0-9A-Fa-f]{6})\b")
# Words that a free-text cell opens with, compared fuzzily so that the misspellings real
# reports have ("Totetui", "Osittain totetunut") still count; 85 keeps "Toteutettiin" out.
_FUZZY_VERDICT_CUTOFF = 85

# Traffic-light colours without a legend's own colours, by hue (HSV): red below 20° or from 330°,
# amber/yellow 20-70° (FFC000 is 45°, FFFF00 60°), green 70-170° (00B050 is 147°, 92D050 is 84°).
# Grey is a colour with saturation under 0.2 and value 0.35-0.9; white, black and blue say nothing.
_HUE_BANDS: tuple[tuple[float, Status], ...] = (
    (20, "red"),
    (70, "yellow"),
    (170, "green"),
    (330, ""),
)
_MIN_SATURATION = 0.2
_GREY_VALUES = (0.35, 0.9)


@dataclass(frozen=True, slots=True)
class LegendEntry:
    value: int
    label: str
    status: Status


@dataclass(frozen=True, slots=True)
class Legend:
    """A rating scale as the document explains it: value -> words (and their status)."""

    entries: tuple[LegendEntry, ...] = field(default_factory=tuple)

    def entry(self, value: int) -> LegendEntry | None:
        return next((e for e in self.entries if e.value == value), None)

    def value_for_status(self, status: Status) -> int | None:
        values = [e.value for e in self.entries if e.status == status]
        return values[0] if len(values) == 1 else None


def find_legend(lines: list[str]) -> Legend | None:
    """The first run of two or more 'N = words' lines with distinct values, read as a legend."""
    run: list[LegendEntry] = []
    for line in [*lines, ""]:
        entry = _legend_entry(line)
        if entry and entry.value not in {e.value for e in run}:
            run.append(entry)
            continue
        if len(run) >= 2:
            return Legend(tuple(run))
        run = [entry] if entry else []
    return None


def is_legend_line(line: str) -> bool:
    return _LEGEND_LINE.match(line) is not None


def _legend_entry(line: str) -> LegendEntry | None:
    match = _LEGEND_LINE.match(line)
    if not match:
        return None
    label = collapse_spaces(match["label"])
    return LegendEntry(int(match["value"]), label, verdict_status(label))


def verdict_status(text: str) -> Status:
    """The status that verdict words in `text` say; the longest listed phrase wins."""
    vocab = vocabulary()
    folded = collapse_spaces(text).casefold().rstrip(".!")
    if folded in vocab.whole_cell_verdicts:
        return _as_status(vocab.whole_cell_verdicts[folded])
    match = vocab.verdicts.longest(text)
    return _as_status(match.key) if match else ""


def opening_verdict(text: str) -> Status:
    """The verdict a free-text cell opens with: 'Ei toteutunut, tappio ...' -> red."""
    return opening_verdict_words(text)[1]


def opening_verdict_words(text: str) -> tuple[str, Status]:
    """The verdict words a free-text cell opens with, as printed, and their status:
    'Totetui, omavaraisuusaste 31,2 %.' -> ('Totetui', 'green')."""
    words = list(re.finditer(r"[^\W\d_]+", text))[:3]
    for length in (3, 2, 1):
        if len(words) < length:
            continue
        status = _fuzzy_verdict(" ".join(w.group() for w in words[:length]).casefold())
        if status:
            return text[: words[length - 1].end()], status
    return "", ""


def _fuzzy_verdict(candidate: str) -> Status:
    if not candidate:
        return ""
    best: tuple[float, int, Status] = (0.0, 0, "")
    for key, phrase, _ in vocabulary().verdicts.patterns:
        score = fuzz.ratio(candidate, phrase)
        if score >= _FUZZY_VERDICT_CUTOFF and (score, len(phrase)) > best[:2]:
            best = (score, len(phrase), _as_status(key))
    return best[2]


def decode_rating(raw: str, legend: Legend | None) -> Rating:
    """Decode a rating cell's text (and colour, written '● #00B050') against the legend."""
    raw = collapse_spaces(raw)
    if not raw:
        return Rating()
    digit = _DIGIT_CELL.match(raw)
    if digit:
        return _digit_rating(raw, int(digit["value"]), digit["rest"], legend)
    colour = _HEX_COLOUR.search(raw)
    if colour:
        return _colour_rating(raw, colour["hex"], legend)
    if _BALL.fullmatch(raw):
        return Rating(raw=raw)  # a ball whose colour was lost is not a rating
    return _word_rating(raw)


def _digit_rating(raw: str, value: int, rest: str, legend: Legend | None) -> Rating:
    entry = legend.entry(value) if legend else None
    if entry:
        return Rating(raw=raw, value=value, label=entry.label, status=entry.status)
    return Rating(raw=raw, value=value, status=verdict_status(rest) if rest else "")


def _colour_rating(raw: str, hex_colour: str, legend: Legend | None) -> Rating:
    status = nearest_status(hex_colour)
    value = legend.value_for_status(status) if legend and status else None
    entry = legend.entry(value) if legend and value is not None else None
    return Rating(raw=raw, value=value, label=entry.label if entry else "", status=status)


def _word_rating(raw: str) -> Rating:
    """Words give a status, not a number: the scale's number is the document's to print."""
    return Rating(raw=raw, status=verdict_status(raw) or opening_verdict(raw))


def nearest_status(hex_colour: str) -> Status:
    """The traffic light a colour shows ('00B050' -> green), or '' when it shows none."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, saturation, value = colorsys.rgb_to_hsv(red, green, blue)
    if saturation < _MIN_SATURATION:
        return "grey" if _GREY_VALUES[0] <= value <= _GREY_VALUES[1] else ""
    degrees = hue * 360
    return next((status for limit, status in _HUE_BANDS if degrees < limit), "red")


_STATUSES: dict[str, Status] = {s: s for s in ("green", "yellow", "red", "grey")}


def _as_status(key: str) -> Status:
    return _STATUSES.get(key, "")
