from __future__ import annotations

import pytest

from goaltables.extract.metadata import read_title_facts, title_subject


@pytest.mark.parametrize(
    ("texts", "year", "phase"),
    [
        (("Sivistys- ja hyvinvointipalvelualueen tavoitteet 2021/toteutuma",), 2021, "outcome"),
        (("Talousarvio 2023 ja taloussuunnitelma 2023-2025",), 2023, "plan"),
        (("Osavuosikatsaus 1.1.-30.6.2022",), 2022, "interim"),
        (("Talousarvion toteutuminen, puolivuotiskatsaus 2022",), 2022, "interim"),
        (("Kauhavan kaupunki, tilinpäätös 2024",), 2024, "outcome"),
        (("Toimintakertomus vuodelta 2019",), 2019, "outcome"),
        (("Budget 2022 för Strandby kommun",), 2022, "plan"),
        (("Delårsrapport januari–augusti 2022",), 2022, "interim"),
        (("Bokslut och verksamhetsberättelse 2021",), 2021, "outcome"),
        (("", "arkisto/tilinpaatos_2020/tilinpäätös-2020.txt"), 2020, "outcome"),
        (("", "001_c843abbe7468a18f.txt"), None, ""),
    ],
)
def test_year_and_phase(texts: tuple[str, ...], year: int | None, phase: str) -> None:
    facts = read_title_facts(*texts)
    assert (facts.year, facts.phase) == (year, phase)


def test_title_subject() -> None:
    assert title_subject("Sivistys- ja hyvinvointipalvelualueen tavoitteet 2021/toteutuma") == (
        "Sivistys- ja hyvinvointipalvelualueen"
    )
