"""Printed values read as numbers, units and comparators; whether a target was met.

The values are real: targets of the Kauhava annual report (tests/gold, checked against the
pages of ../shared/real/kauhava-tilinpaatos-2024.pdf) and the values of the golden samples."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from goaltables.export.schema import VALUES, goal_rows
from goaltables.normalize.values import Value, ValueSettings, parse_value, target_met
from goaltables.records import Rating, Record, Source
from tests.golden_samples import GOLDEN, ROOT

KAUHAVA_GOLD = ROOT / "tests" / "gold" / "kauhava-tilinpaatos-2024.gold.json"

# Targets as the Kauhava report prints them -> (number, unit, comparator).
KAUHAVA = {
    "alle 3 kuukautta vireilletulosta.": (3.0, "kuukautta", "<"),
    "alle 30 vrk": (30.0, "vrk", "<"),
    "lähiruuan osuus 85 %": (85.0, "%", ""),
    "asemakaavojen laadinnassa oman työn osuus vähintään 70 %.": (70.0, "%", "≥"),
    "Säännöllinen koulutus >5 päivää/ vuosi / henkilö": (5.0, "päivää", ">"),
    "avustettavia hankkeita 10 km/ vuosi": (10.0, "km", ""),
    "perusparannusta 0,5 km/ vuosi": (0.5, "km", ""),
    # a range, two numbers, a year in running text, an ordinal, no number: nothing guessed
    "2-4 tiedotetta / vuosi": (None, "", ""),
    "1-2 kokousta/vuosi": (None, "", ""),
    "11 ryhmää viikossa ja liikuntatapahtumia 12 vuodessa,keskimäärin tapahtuma kuukaudessa.": (
        None,
        "",
        "",
    ),
    "vuoteen 2025 mennessä": (None, "", ""),
    "2024 laaditaan digitiekartta": (None, "", ""),
    "Lainakanta laskee vuodesta 2026 alkaen.": (None, "", ""),
    "haetaan valtionavustuksia omiin hankkeisiin ja tuetaan 3. sektorin hankkeita "
    "suunnitteluvaiheessa": (None, "", ""),
    "ei budjetin ylityksiä": (None, "", ""),
}

# Values of the golden samples (tests/golden/*.csv) -> (number, unit, comparator).
GOLDEN_VALUES = {
    "82 %": (82.0, "%", ""),
    "under 10": (10.0, "", "<"),
    "5,2": (5.2, "", ""),
    "1 150": (1150.0, "", ""),
    "11 200": (11200.0, "", ""),
    "9,8": (9.8, "", ""),
    "-3 %": (-3.0, "%", ""),
    "vähintään 3 km": (3.0, "km", "≥"),
}

# The examples and the spaces and signs reports print.
PRINTED = {
    "vähintään 95 % lapsista": (95.0, "%", "≥"),
    "1\u00a0150": (1150.0, "", ""),  # non-breaking space
    "1\u202f150,5": (1150.5, "", ""),  # narrow no-break space, decimal comma
    "1\u2009150": (1150.0, "", ""),  # thin space
    "−5 %": (-5.0, "%", ""),  # the minus sign
    "enintään 10 kpl": (10.0, "kpl", "≤"),
    "yli 200 henkilöä": (200.0, "henkilöä", ">"),
    "≥ 90 %": (90.0, "%", "≥"),
    "<5%": (5.0, "%", "<"),
    "högst 5 dagar": (5.0, "dagar", "≤"),
    "minst 90 procent": (90.0, "%", "≥"),
    "över 1 000 besökare": (1000.0, "besökare", ">"),
    "120 000 kr": (120000.0, "kr", ""),
    "10 st eller fler": (10.0, "st", "≥"),
    "noin 50 €": (50.0, "€", "≈"),
    "2 %-yksikköä": (2.0, "%-yks.", ""),
    "31.12.2024": (None, "", ""),
    "2024": (2024.0, "", ""),  # a year alone is the value
    # from the sample reports (samples/pdf, samples/cards)
    "7,8 % (2021)": (7.8, "%", ""),
    "hyväksytty 6/2024": (None, "", ""),
    "-3 % vuodesta 2023": (-3.0, "%", ""),
    "alle 4 h": (4.0, "tuntia", "<"),
    "luokilla 3–9": (None, "", ""),
    "–": (None, "", ""),
}


def _read(text: str) -> tuple[float | None, str, str]:
    value = parse_value(text)
    return value.number, value.unit, value.comparator


def test_the_kauhava_values_are_the_reports() -> None:
    records = json.loads(KAUHAVA_GOLD.read_text("utf-8"))["records"]
    printed = {r[column] for r in records for column in ("baseline", "target", "actual")}
    assert set(KAUHAVA) <= printed


def test_the_golden_values_are_the_samples() -> None:
    printed = {
        value
        for path in GOLDEN.glob("*.csv")
        for column in ("baseline", "target", "actual")
        for value in pd.read_csv(path, dtype=str, keep_default_na=False)[column]
    }
    assert set(GOLDEN_VALUES) <= printed


@pytest.mark.parametrize("text", [*KAUHAVA, *GOLDEN_VALUES, *PRINTED])
def test_a_printed_value_reads_as_its_number_unit_and_comparator(text: str) -> None:
    assert _read(text) == {**KAUHAVA, **GOLDEN_VALUES, **PRINTED}[text]


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from([" ", "\u00a0", "\u202f"]))
def test_finnish_thousands_read_back(number: int, space: str) -> None:
    printed = f"{number:,}".replace(",", space)
    assert parse_value(f"{printed} €") == Value(float(number), "€", "")


# (baseline, target, actual) -> met; the first five are the Swedish interim sample's rows.
MET = [
    (("82 %", "85 %", "84 %"), False),  # up from the baseline, not reached
    (("14", "under 10", "9"), True),
    (("70 %", "75 %", "68 %"), False),
    (("5,2", "5,5", "5,6"), True),
    (("1 150", "1 300", ""), None),  # no actual yet
    (("", "vähintään 95 %", "95 %"), True),
    (("", "alle 30 vrk", "34 vrk"), False),
    (("", "högst 5 dagar", "5 dagar"), True),
    (("", "yli 100", "100"), False),
    (("30 vrk", "25 vrk", "22 vrk"), True),  # down from the baseline, reached
    (("", "85 %", "90 %"), None),  # no comparator, no baseline: no direction
    (("80 %", "80 %", "90 %"), None),  # target equal to the baseline: no direction
    (("", "noin 50", "49"), None),  # about: no direction
    (("", "vähintään 10 kpl", "12 %"), None),  # units differ
    (("", "vähintään 90 %", "yli 90 %"), None),  # an actual with a comparator of its own
    (("", "2-4 tiedotetta", "3 tiedotetta"), None),  # a range gives no number
]


@pytest.mark.parametrize(("printed", "met"), MET)
def test_whether_the_target_was_met(printed: tuple[str, str, str], met: bool | None) -> None:
    assert target_met(*(parse_value(text) for text in printed)) is met


def test_the_baseline_direction_is_a_setting() -> None:
    values = [parse_value(text) for text in ("82 %", "85 %", "86 %")]
    assert target_met(*values) is True
    assert target_met(*values, settings=ValueSettings(direction_from_baseline=False)) is None
    with pytest.raises(ValueError, match="first_year"):
        ValueSettings(first_year=2100, last_year=1900)


def test_the_goals_rows_end_with_the_values() -> None:
    record = Record(
        doc_id="d",
        source=Source("a.txt", None, 1, 1),
        year=2022,
        phase="outcome",
        organisation="",
        sector="",
        area="",
        strategy="",
        goal_no="1",
        goal="Tavoite",
        measure_no="",
        measure="",
        baseline="82 %",
        target="vähintään 85 %",
        actual="86 %",
        progress="",
        rating=Rating(),
    )
    row = goal_rows([record])[0]
    assert list(row)[-len(VALUES) :] == [c.name for c in VALUES]
    assert (row["baseline"], row["target"], row["actual"]) == ("82 %", "vähintään 85 %", "86 %")
    assert [row[c.name] for c in VALUES] == [82.0, "%", "", 85.0, "%", "≥", 86.0, "%", "", True]
