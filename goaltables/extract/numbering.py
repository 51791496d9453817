"""Item numbers as reports print them: "1.", "2.Oppivan", "3.1", "1)", "palvelut1.".

A number is an item number when it is one or two digits (optionally one sub-level, "3.1"),
ends in "." or ")" (a sub-numbered item may also end in a space), and a letter follows.
That rules out dates ("1.8.21"), years ("2021"), percentages ("50%") and ranges ("2020 - 2021").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"(?P<no>\d{1,2}(?:\.\d{1,2})?)(?P<end>[.)]|(?<=\.\d)(?=\s)|(?<=\.\d\d)(?=\s))"
_LEADING = re.compile(r"^\s*" + _NUMBER + r"\s*(?=[^\W\d_])")
# Inside a line, an item starts after a sentence end ("tuottaminen. 1. Rakentaa"), or right after
# a word with no sentence end ("palvelut1. Hyvinvoinnin", "Vapaa-aikapalvelut 1. Vapaa-aika..."),
# and is followed by a capital letter (a lower-case word after "2." is ordinary prose).
_INLINE = re.compile(r"(?:(?<=[.!?:;])\s+|(?<=[^\W\d_])\s*)" + _NUMBER + r"\s*(?=[A-ZÅÄÖÜ])")


@dataclass(frozen=True, slots=True)
class ItemNumber:
    """A printed item number: `label` as the contract keeps it ("1", "3.1", "1)")."""

    label: str
    value: int
    closing_paren: bool


def parse_number(no: str, end: str) -> ItemNumber:
    label = no + ")" if end == ")" else no
    return ItemNumber(label=label, value=int(no.split(".")[0]), closing_paren=end == ")")


def split_item_number(text: str) -> tuple[ItemNumber | None, str]:
    """Split a leading item number off a text: '2.Oppivan yhteisön' -> (2, 'Oppivan yhteisön')."""
    match = _LEADING.match(text)
    if not match:
        return None, text.strip()
    return parse_number(match["no"], match["end"]), text[match.end() :].strip()


def number_label(text: str) -> tuple[str, str]:
    """The contract's (number, text) pair for a cell: ('1', 'Toimialan ...') or ('', text)."""
    number, rest = split_item_number(text)
    return (number.label, rest) if number else ("", rest)


@dataclass(frozen=True, slots=True)
class InlineSplit:
    """A place inside a line where another item begins."""

    start: int  # where the text before it ends (white space included in neither part)
    number_start: int


def find_inline_items(line: str) -> list[InlineSplit]:
    """Places after the start of a line where a new numbered item begins."""
    splits = []
    for match in _INLINE.finditer(line):
        if match.start("no") == 0:
            continue
        splits.append(InlineSplit(start=match.start(), number_start=match.start("no")))
    return splits
