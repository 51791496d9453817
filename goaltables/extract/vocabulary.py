"""Load the word lists in vocabulary.toml and match them as whole words or phrases."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """A listed phrase found in a text: which list (`key`), where, and how long."""

    key: str
    phrase: str
    start: int

    @property
    def length(self) -> int:
        return len(self.phrase)


@dataclass(frozen=True)
class PhraseTable:
    """Phrases grouped by key (role, phase, verdict) with one compiled pattern per phrase."""

    patterns: tuple[tuple[str, str, re.Pattern[str]], ...]

    @classmethod
    def from_lists(cls, lists: dict[str, list[str]], word_start: bool = False) -> PhraseTable:
        tail = r"\w*" if word_start else r"(?!\w)"
        compiled = [
            (key, phrase, re.compile(r"(?<!\w)" + re.escape(phrase.casefold()) + tail))
            for key, phrases in lists.items()
            for phrase in phrases
        ]
        return cls(tuple(compiled))

    def find_all(self, text: str) -> list[PhraseMatch]:
        folded = text.casefold()
        return [
            PhraseMatch(key, phrase, m.start())
            for key, phrase, pattern in self.patterns
            for m in pattern.finditer(folded)
        ]

    def earliest(self, text: str) -> PhraseMatch | None:
        """The match that starts first; among those, the longest phrase."""
        matches = self.find_all(text)
        return min(matches, key=lambda m: (m.start, -m.length), default=None)

    def longest(self, text: str) -> PhraseMatch | None:
        """The longest phrase found anywhere in the text; ties go to the earliest."""
        matches = self.find_all(text)
        return min(matches, key=lambda m: (-m.length, m.start), default=None)

    def keys_found(self, text: str) -> set[str]:
        return {m.key for m in self.find_all(text)}


@dataclass(frozen=True)
class Vocabulary:
    roles: PhraseTable
    phases: PhraseTable
    verdicts: PhraseTable
    whole_cell_verdicts: dict[str, str]
    prose_labels: PhraseTable  # "measures" and "assessment" labels of goals in body text
    legend_titles: PhraseTable  # a legend's title names no area


@cache
def vocabulary() -> Vocabulary:
    """The packaged vocabulary, read once."""
    text = resources.files("goaltables.extract").joinpath("vocabulary.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return Vocabulary(
        roles=PhraseTable.from_lists(data["roles"]),
        phases=PhraseTable.from_lists(data["phases"], word_start=True),
        verdicts=PhraseTable.from_lists(data["verdicts"]),
        whole_cell_verdicts={
            word: status for status, words in data["whole_cell_verdicts"].items() for word in words
        },
        prose_labels=PhraseTable.from_lists(data["prose_labels"]),
        legend_titles=PhraseTable.from_lists(data["legend_titles"], word_start=True),
    )
