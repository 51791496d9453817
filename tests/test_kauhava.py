"""The real report: Kauhava's 2024 annual report, 158 pages, read in place from ../shared/real.

Its company goal cards (PDF pages 58-72) are `Tavoite | Toimenpide/mittari` over
`Arviointi | Tila`; the verdict is free text at the start of Arviointi; Tila says "Valmis" on
every card and is no rating. Every row asserted here was checked by hand against the PDF.
"""

from __future__ import annotations

from collections import Counter

import pytest

from goaltables.extract import extract
from goaltables.records import Extraction
from tests.golden_samples import ROOT, require

KAUHAVA = ROOT.parent / "shared" / "real" / "kauhava-tilinpaatos-2024.pdf"


@pytest.fixture(scope="module")
def kauhava() -> Extraction:
    return extract(require(KAUHAVA), KAUHAVA.name)


def _row(extraction: Extraction, goal_start: str, page: int) -> tuple[str, ...]:
    (record,) = [
        r for r in extraction.records if r.goal.startswith(goal_start) and r.source.page == page
    ]
    return (
        record.area,
        record.goal,
        record.measure,
        record.rating.raw,
        record.rating.status,
        record.progress,
    )


def test_the_document(kauhava: Extraction) -> None:
    doc = kauhava.document
    assert (doc.year, doc.phase, doc.organisation, doc.pages) == (
        2024,
        "outcome",
        "Kauhavan kaupunki",
        158,
    )


def test_one_row_per_goal_card(kauhava: Extraction) -> None:
    # 57 "Tavoite | Toimenpide/mittari" headers on pages 58-72; a card cut by a page break
    # counts on the page where its values are.
    pages = Counter(r.source.page for r in kauhava.records)
    assert sum(pages.values()) == 57
    assert set(pages) == set(range(58, 73)) - {70}  # page 70 is prose about the next company


def test_hand_checked_cards(kauhava: Extraction) -> None:
    assert _row(kauhava, "Taloudellinen tulos", 58) == (
        "Kauhavan Jäähalli Oy",
        "Taloudellinen tulos",
        "Vähintään nollatulos",
        "Ei toteutunut",
        "red",
        "Ei toteutunut, tappio 8.941 €",
    )
    assert _row(kauhava, "Käyttötunnit", 59) == (
        "Kauhavan Jäähalli Oy",
        "Käyttötunnit: vähintään 1100 tuntia.",
        "",
        "Toteutui",
        "green",
        "Toteutui, nyt 1140 tuntia",
    )
    assert _row(kauhava, "Yhtiöiden maksuvalmius", 63) == (
        "Kauhavan Vuokra-asunnot Oy",
        "Yhtiöiden maksuvalmius on hyvä",
        "Quick ratio – tunnusluvun tavoitearvo vähintään 0,5.",
        "Ei toteutunut",
        "red",
        "Ei toteutunut, quick ratio alle 0,1",
    )
    assert _row(kauhava, "Päätöksen saaminen", 63) == (
        "Kauhavan Vuokra-asunnot Oy",
        "Päätöksen saaminen asuntohakemukseen",
        "Enintään 7 päivää hakemuksen jättämisestä.",
        "Toteutui",
        "green",
        "",
    )


def test_a_misspelt_verdict_still_counts(kauhava: Extraction) -> None:
    area, _, _, raw, status, progress = _row(kauhava, "Taloudellinen tulos", 64)
    assert (area, raw, status) == ("Kauhavan Yrityskiinteistöt Oy", "Ei toteunut", "red")
    assert progress == "Ei toteunut, tappio 12.083 €."


def test_a_card_cut_after_its_header_keeps_its_values(kauhava: Extraction) -> None:
    """Page 60 ends on a card's header; its values open page 61 with no lines drawn."""
    area, goal, measure, raw, status, _ = _row(kauhava, "Investoinnit", 61)
    assert (area, goal, raw, status) == ("Kauhavan Vesi Oy", "Investoinnit", "Toteutuu", "green")
    assert measure.startswith("Tavanomaiset, vuotuiset investoinnit rahoitetaan tulorahoituksella.")


def test_the_company_heading_on_the_page_before(kauhava: Extraction) -> None:
    """Kauhavan Kaukolämpö Oy is named on page 70, its cards are on 71-72."""
    assert {r.area for r in kauhava.records if r.source.page in (71, 72)} == {
        "Kauhavan Kaukolämpö Oy"
    }


def test_tila_valmis_is_no_rating(kauhava: Extraction) -> None:
    assert not [r for r in kauhava.records if "Valmis" in r.rating.raw]
    statuses = Counter(r.rating.status for r in kauhava.records)
    assert statuses == {"green": 39, "": 9, "red": 5, "yellow": 4}


def test_hyphenation_is_undone_but_compounds_kept(kauhava: Extraction) -> None:
    goals = {r.goal for r in kauhava.records}
    assert "Päätöksen saaminen asuntohakemukseen" in goals  # printed "asuntohake-" / "mukseen"
    assert "Vuotovesien määrää pyritään vähentämään" in goals  # "vä-" / "hentämään"


def test_nothing_from_the_first_fifty_pages(kauhava: Extraction) -> None:
    assert min(r.source.page or 0 for r in kauhava.records) == 58
