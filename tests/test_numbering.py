from __future__ import annotations

import pytest

from goaltables.extract.numbering import find_inline_items, number_label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Toimialan talouden", ("1", "Toimialan talouden")),
        ("2.Oppivan yhteisön", ("2", "Oppivan yhteisön")),
        ("2.   Avoimen, yhteisöllisen", ("2", "Avoimen, yhteisöllisen")),
        ("1) Strategisten tavoitteiden", ("1)", "Strategisten tavoitteiden")),
        ("3.1 Andel elever", ("3.1", "Andel elever")),
        ("12. Kaksitoista", ("12", "Kaksitoista")),
        ("1.8.21 alkaen", ("", "1.8.21 alkaen")),
        ("2021 aikana", ("", "2021 aikana")),
        ("50% henkilöresurssi", ("", "50% henkilöresurssi")),
        ("Opisto on kerännyt", ("", "Opisto on kerännyt")),
    ],
)
def test_leading_numbers(text: str, expected: tuple[str, str]) -> None:
    assert number_label(text) == expected


@pytest.mark.parametrize(
    ("line", "before", "after"),
    [
        (
            "2. Sopimusvalvonnan kehittäminen koko kunnan tasolla yhteistyössä."
            "  2. Sopimusvalvonnan",
            "yhteistyössä.",
            "2. Sopimusvalvonnan",
        ),
        ("Hyvinvoinnin edistämisen palvelut1. Hyvinvoinnin- ja", "palvelut", "1. Hyvinvoinnin-"),
        ("Vapaa-aikapalvelut 1. Vapaa-aikapalvelut toimii", "Vapaa-aikapalvelut", "1. Vapaa-aika"),
    ],
)
def test_items_inside_a_line(line: str, before: str, after: str) -> None:
    (split,) = find_inline_items(line)
    assert line[: split.start].endswith(before)
    assert line[split.number_start :].startswith(after)


@pytest.mark.parametrize(
    "line",
    [
        "toimenpiteitä lv. 2021-2022 aikana",
        "määritetään uudelleen 1.8.21 alkaen.",
        "tuotteistetaan vuosina 2020 - 2021.",
        "henkilöresurssi on tällä hetkellä 50%,",
    ],
)
def test_no_items_in_dates_years_and_percentages(line: str) -> None:
    assert find_inline_items(line) == []
