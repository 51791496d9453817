"""Printed values read as numbers: "vähintään 95 % lapsista" is at least (≥) 95, unit %.

The goals table keeps baseline, target and actual as printed and adds what they say as data:
the number (Finnish and Swedish decimal comma; thousands apart by a space, a non-breaking or a
thin space: "1 150"), the unit and the comparator, both from the words in `values.toml`. A text
gives a number only when it holds exactly one: "2–4 tiedotetta", "11 ryhmää ja 12 tapahtumaa"
give none rather than a guess. A year in running text ("vuoteen 2025 mennessä"), a date
("31.12.2024") and an ordinal ("3. sektori") are not values.

Whether a target was met follows the target's comparator; with none, the direction from the
baseline to the target (a target above the baseline is to be reached or passed); with neither,
or units that differ, it is left unknown.
"""

from __future__ import annotations

import operator
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Value:
    """What a printed value says: its number, unit and comparator ("" when none)."""

    number: float | None = None
    unit: str = ""
    comparator: str = ""


@dataclass(frozen=True, slots=True)
class ValueSettings:
    """How values are read: the years a lone four-digit number in running text is taken
    for (not a value), and whether the baseline gives a target without a comparator its
    direction."""

    first_year: int = 1900
    last_year: int = 2099
    direction_from_baseline: bool = True

    def __post_init__(self) -> None:
        if self.first_year > self.last_year:
            raise ValueError("ValueSettings: first_year must not be after last_year")


@dataclass(frozen=True)
class ValueWords:
    """The compiled word lists of `values.toml`, each phrase mapped to its canonical form."""

    before: re.Pattern[str]  # a comparator ending where the number starts
    after: re.Pattern[str]  # a comparator opening the rest, after the unit
    unit: re.Pattern[str]  # a unit opening the text after the number
    canonical: dict[tuple[str, str], str]  # (list, phrase folded) -> canonical form
    comparators: tuple[str, ...]  # the canonical comparators: ≥ > ≤ < ≈


# Spaces that separate thousands or a number from its unit, as plain spaces; the minus sign.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "−": "-"})
# A number: not glued to a word, a decimal point or another number ("2-4", "31.12.2024",
# "6/2024"); not an ordinal ("3. sektorin").
_NUMBER = re.compile(
    r"(?<![\w.,/])(?P<sign>[-+]?)(?P<whole>\d{1,3}(?: \d{3})+|\d+)(?:[,.](?P<fraction>\d+))?"
    r"(?!\w|[.,/]\d|\.\s*[a-zåäö])"
)
_TESTS: dict[str, Callable[[float, float], bool]] = {
    "≥": operator.ge,
    ">": operator.gt,
    "≤": operator.le,
    "<": operator.lt,
}
DEFAULT_SETTINGS = ValueSettings()


def parse_value(text: str, settings: ValueSettings = DEFAULT_SETTINGS) -> Value:
    """The number, unit and comparator a printed value holds; an empty Value when it holds
    no number or several."""
    plain = text.translate(_SPACES)
    found = [_read(plain, match, settings) for match in _NUMBER.finditer(plain)]
    values = [value for value in found if value is not None]
    return values[0] if len(values) == 1 else Value()


def target_met(
    baseline: Value, target: Value, actual: Value, settings: ValueSettings = DEFAULT_SETTINGS
) -> bool | None:
    """Whether the actual value meets the target; None when the numbers cannot say (a number
    missing, units that differ, an actual with a comparator, no direction)."""
    if target.number is None or actual.number is None or actual.comparator:
        return None
    if not _comparable(target, actual):
        return None
    comparator = target.comparator or _direction(baseline, target, settings)
    test = _TESTS.get(comparator)
    return None if test is None else test(actual.number, target.number)


def _read(plain: str, match: re.Match[str], settings: ValueSettings) -> Value | None:
    """The value around one number; None for a year in running text."""
    words = value_words()
    rest = plain[match.end() :]
    unit_match = words.unit.match(rest)
    unit = _phrase(words, "units", unit_match)
    rest = rest[unit_match.end() :] if unit_match else rest
    comparator = _phrase(words, "comparators", words.before.search(plain[: match.start()]))
    comparator = comparator or _phrase(words, "comparators_after", words.after.match(rest))
    if not (unit or comparator) and _is_year(plain, match, settings):
        return None
    return Value(_number(match), unit, comparator)


def _number(match: re.Match[str]) -> float:
    whole = match["whole"].replace(" ", "")
    fraction = match["fraction"] or "0"
    return float(f"{match['sign']}{whole}.{fraction}")


def _is_year(plain: str, match: re.Match[str], settings: ValueSettings) -> bool:
    """A bare four-digit number of the years' range, with more text around it ("vuoteen 2025
    mennessä", "7,8 % (2021)"); a year alone is the value."""
    if match["sign"] or match["fraction"] or not match["whole"].isdigit():
        return False
    alone = plain.strip() == match.group()
    return not alone and settings.first_year <= int(match["whole"]) <= settings.last_year


def _phrase(words: ValueWords, kind: str, match: re.Match[str] | None) -> str:
    if match is None:
        return ""
    return words.canonical[(kind, match["phrase"].casefold())]


def _comparable(one: Value, other: Value) -> bool:
    return one.unit == other.unit or not one.unit or not other.unit


def _direction(baseline: Value, target: Value, settings: ValueSettings) -> str:
    """The comparator a target without one implies: "≥" above the baseline, "≤" below it."""
    if not settings.direction_from_baseline or baseline.comparator:
        return ""
    if baseline.number is None or target.number is None or not _comparable(baseline, target):
        return ""
    if target.number == baseline.number:
        return ""
    return "≥" if target.number > baseline.number else "≤"


@cache
def value_words() -> ValueWords:
    """The packaged word lists, read once."""
    text = resources.files("goaltables.normalize").joinpath("values.toml").read_text("utf-8")
    data: dict[str, dict[str, list[str]]] = tomllib.loads(text)
    canonical = {
        (kind, phrase.casefold()): name
        for kind, lists in data.items()
        for name, phrases in lists.items()
        for phrase in phrases
    }
    return ValueWords(
        before=re.compile(rf"(?<!\w)(?P<phrase>{_alternatives(data['comparators'])})\s*$", re.I),
        after=re.compile(rf"\s*(?P<phrase>{_alternatives(data['comparators_after'])})(?!\w)", re.I),
        unit=re.compile(rf" ?(?P<phrase>{_alternatives(data['units'])})(?!\w)", re.I),
        canonical=canonical,
        comparators=tuple(data["comparators"]),
    )


def _alternatives(lists: dict[str, list[str]]) -> str:
    """The phrases as one regex alternation, longest first (so "%-yks." wins over "%")."""
    phrases = sorted({p for ps in lists.values() for p in ps}, key=len, reverse=True)
    return "|".join(re.escape(p) for p in phrases)
