"""The report page's words, per language, from `report_strings.toml`; and the page's settings.

No pandas here: the command line offers `--lang` from these languages without loading pandas."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from goaltables.errors import UsageError

# The traffic lights, each with the shape that carries its meaning without colour (in print,
# for colour-blind readers): one list, the page's legend, cells and filters come from it.
LIGHTS = {"green": "●", "yellow": "▲", "red": "■", "grey": "◆", "none": "–"}


@cache
def _all_strings() -> dict[str, dict[str, Any]]:
    text = resources.files("goaltables.export").joinpath("report_strings.toml").read_text("utf-8")
    return tomllib.loads(text)


def languages() -> tuple[str, ...]:
    """The languages the page can be written in: fi, sv, en."""
    return tuple(_all_strings())


def strings(lang: str) -> dict[str, Any]:
    """The page's words in `lang`: plain keys, and the tables `status` and `phase`."""
    return _all_strings()[lang]


def counted(words: dict[str, Any], noun: str, n: int) -> str:
    """`n` of `noun` ("goals", "documents") in the words' language, the noun in the number's
    form: "1 tavoite", "2 tavoitetta". One is the only singular number in fi, sv and en."""
    return str(words["counts"][noun][number_form(n)]).format(n=n)


def number_form(n: int) -> str:
    """The `counts` form a number takes: 'one' or 'other'."""
    return "one" if n == 1 else "other"


@dataclass(frozen=True, slots=True)
class ReportSettings:
    """How the page is written."""

    lang: str | None = None  # fi, sv or en; None: the documents' language
    phone_width: int = 640  # CSS px: below it each goal is a card, not a table row

    def __post_init__(self) -> None:
        if self.lang is not None and self.lang not in languages():
            raise UsageError(f"--lang {self.lang}: the page is written in {', '.join(languages())}")
        if self.phone_width < 0:
            raise UsageError(f"phone_width {self.phone_width}: a width is 0 px or more")
