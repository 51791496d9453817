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

# A legend entry: "0 = tavoite ei tule toteutumaan", "1= epävarma", "– = ei vielä arvioitavissa";
# several may share a line ("● 2 = toteutuu ● 1 = epävarma", "1 = toteutunut, 2 = osittain").
_LEGEND_ENTRY = re.compile(
    r"(?:^|(?<=[\s,;:●•]))(?P<key>\d|[–-])\s*[=:]\s*(?P<label>[^\W\d_].*?)\s*"
    r"(?=(?:[,;]\s*)?(?:[●•]\s*)?(?:\d|[–-])\s*[=:]|[●•]|\.\s|\.?$)"
)
_COLOURED = re.compile(r"^(?:●|fill|image)\s+#(?P<hex>[0-9A-Fa-f]{6})\b\s*")
_KEYED = re.compile(r"^(?P<key>\d|[–-])(?:\s*[.)])?(?:\s+(?P<words>.+))?$")
BALLS = "●⬤○◯◉•"  # the glyphs a report draws its traffic lights with
_BALL = re.compile(f"[{BALLS}]")
_LEADING_BALL = re.compile(f"^[{BALLS}]\\s*(?=\\d)")
# Words that a free-text cell opens with, compared fuzzily so that the misspellings real
# reports have ("Totetui", "Osittain totetunut") still count; 85 keeps "Toteutettiin" out.
_FUZZY_VERDICT_CUTOFF = 85
_VERDICT_WORDS = 4  # the longest verdict phrase, in words
_SUBJECTS = frozenset({"tavoite", "tavoitteet", "målet", "mål", "målen"})

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


# A colour is a legend's colour when it is this near to it (Euclidean RGB distance, 0-441):
# wide enough for the small shifts of PDF export, narrow enough to keep amber from red.
_LEGEND_COLOUR_DISTANCE = 80.0


@dataclass(frozen=True, slots=True)
class LegendEntry:
    key: str  # what the document prints for it: "2", "–"; "" for a colour-only entry
    label: str
    status: Status
    colour: str = ""  # "#RRGGBB" when the legend shows a colour

    @property
    def value(self) -> int | None:
        return int(self.key) if self.key.isdigit() else None


@dataclass(frozen=True, slots=True)
class Legend:
    """A rating scale as the document explains it: keys and colours -> words (and status)."""

    entries: tuple[LegendEntry, ...] = field(default_factory=tuple)

    def by_key(self, key: str) -> LegendEntry | None:
        key = "–" if key == "-" else key
        return next((e for e in self.entries if e.key == key), None)

    def by_colour(self, hex_colour: str) -> LegendEntry | None:
        coloured = [(colour_distance(e.colour, hex_colour), e) for e in self.entries if e.colour]
        distance, entry = min(coloured, key=lambda pair: pair[0], default=(0.0, None))
        return entry if entry is not None and distance <= _LEGEND_COLOUR_DISTANCE else None

    def by_status(self, status: Status) -> LegendEntry | None:
        """The one entry whose words say `status`, if exactly one does."""
        matching = [e for e in self.entries if status and e.status == status]
        return matching[0] if len(matching) == 1 else None


def legend_entries(line: str) -> list[LegendEntry]:
    """The legend entries printed on one line."""
    return [
        LegendEntry(_normal_key(m["key"]), label, verdict_status(label))
        for m in _LEGEND_ENTRY.finditer(line)
        if (label := collapse_spaces(m["label"]).rstrip("."))
    ]


def _normal_key(key: str) -> str:
    return "–" if key == "-" else key


def coloured_entry(text: str, colour: str) -> LegendEntry | None:
    """A legend entry printed after a colour key: '2 = tavoite toteutui' (keyed) or
    'Målet kommer att uppnås' (words only); None when the words say no verdict."""
    keyed = legend_entries(text)
    if keyed:
        return LegendEntry(keyed[0].key, keyed[0].label, keyed[0].status, colour)
    label = collapse_spaces(text).rstrip(".")
    status = verdict_status(label)
    return LegendEntry("", label, status, colour) if status else None


def merge_legend(legend: Legend | None, entries: list[LegendEntry]) -> Legend | None:
    """A legend grown by entries read further on; the first entry of each key or colour wins."""
    seen: dict[str, LegendEntry] = {}
    for entry in [*(legend.entries if legend else ()), *entries]:
        seen.setdefault(entry.key or entry.colour, entry)
    return Legend(tuple(seen.values())) if len(seen) >= 2 else legend


def find_legend(lines: list[str]) -> Legend | None:
    """The first legend in the text: a run of lines with entries, two or more distinct keys."""
    run: list[LegendEntry] = []
    for line in [*lines, ""]:
        entries = legend_entries(line)
        if entries:
            run += [e for e in entries if e.key not in {r.key for r in run}]
            continue
        if len(run) >= 2:
            return Legend(tuple(run))
        run = []
    return None


def is_legend_line(line: str) -> bool:
    return bool(_LEGEND_ENTRY.search(line))


def colour_distance(a: str, b: str) -> float:
    first, second = _rgb(a), _rgb(b)
    return float(sum((x - y) ** 2 for x, y in zip(first, second, strict=True)) ** 0.5)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


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
    words = list(re.finditer(r"[^\W\d_]+", text))[: _VERDICT_WORDS + 1]
    # The verdict may follow its subject: "Tavoite ei kaikilta osin toteudu", "Målet uppnås".
    starts = (0, 1) if words and words[0].group().casefold() in _SUBJECTS else (0,)
    for start in starts:
        for length in range(_VERDICT_WORDS, 0, -1):
            window = words[start : start + length]
            if len(window) < length:
                continue
            status = _fuzzy_verdict(" ".join(w.group() for w in window).casefold())
            if status:
                return text[: window[-1].end()], status
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


def only_balls(text: str) -> bool:
    """Ball glyphs and nothing else: a light whose colour a text dump lost."""
    return bool(text.strip()) and all(ch in BALLS or ch.isspace() for ch in text)


def decode_rating(raw: str, legend: Legend | None) -> Rating:
    """Decode what a rating cell shows: a colour ('● #00B050', 'fill #FFC000'), a key ('2',
    '–') and words, against the document's legend."""
    raw = collapse_spaces(raw)
    coloured = _COLOURED.match(raw)
    colour = coloured["hex"].upper() if coloured else ""
    rest = raw[coloured.end() :] if coloured else raw
    if not raw or (not colour and _BALL.fullmatch(rest)):
        return Rating(raw=raw)  # a ball whose colour was lost is not a rating
    if not colour:
        rest = _LEADING_BALL.sub("", rest)  # but its digit is ("●2" in a text dump)
    keyed = _KEYED.match(rest)
    key, words = (_normal_key(keyed["key"]), keyed["words"] or "") if keyed else ("", rest)
    entry = _legend_entry_for(legend, key, colour)
    value = int(key) if key.isdigit() else (entry.value if entry else None)
    status = entry.status if entry else _status_without_legend(colour, key, words)
    return Rating(raw=raw, value=value, label=entry.label if entry else "", status=status)


def _legend_entry_for(legend: Legend | None, key: str, colour: str) -> LegendEntry | None:
    """By the printed key; else by the legend's colours; else, for a legend of words only,
    the one entry whose words say what the colour shows."""
    if legend is None:
        return None
    if key:
        return legend.by_key(key)
    if not colour:
        return None
    return legend.by_colour("#" + colour) or legend.by_status(nearest_status(colour))


def _status_without_legend(colour: str, key: str, words: str) -> Status:
    """A colour shows its traffic light; words say theirs; a bare digit says nothing."""
    if colour:
        return nearest_status(colour)
    if words:
        return verdict_status(words) or opening_verdict(words)
    return ""


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
