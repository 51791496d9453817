"""The real report: Kauhava's 2024 annual report, 158 pages, read in place from ../shared/real.

Its company goal cards (PDF pages 58-72) are `Tavoite | Toimenpide/mittari` over
`Arviointi | Tila`; the verdict is free text at the start of Arviointi; Tila says "Valmis" on
every card and is no rating. Its committee goals (PDF pages 76-108) are numbered goals in the
body text, with measures under "Mittarit ja tavoitetaso" or as bullets, and a "Toteutuminen:"
assessment. Every row asserted here was checked by hand against the PDF; the gold of 13 pages
is tests/gold/kauhava-tilinpaatos-2024.gold.json, scored by ../shared/eval/score_real.py.
"""

from __future__ import annotations

from collections import Counter

import pytest

import goaltables.extract.pdf as pdf_reader
from goaltables.extract import extract
from goaltables.records import Extraction, Record
from tests.golden_samples import ROOT, require

KAUHAVA = ROOT.parent / "shared" / "real" / "kauhava-tilinpaatos-2024.pdf"
GOLD = ROOT / "tests" / "gold" / "kauhava-tilinpaatos-2024.gold.json"
SCORER = ROOT.parent / "shared" / "eval" / "score_real.py"
CARD_PAGES = range(58, 73)


@pytest.fixture(scope="module")
def kauhava() -> Extraction:
    return extract(require(KAUHAVA), KAUHAVA.name)


def _cards(extraction: Extraction) -> list[Record]:
    return [r for r in extraction.records if r.source.page in CARD_PAGES]


def _prose(extraction: Extraction) -> list[Record]:
    return [r for r in extraction.records if (r.source.page or 0) > CARD_PAGES[-1]]


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
    pages = Counter(r.source.page for r in _cards(kauhava))
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
    statuses = Counter(r.rating.status for r in _cards(kauhava))
    assert statuses == {"green": 39, "": 9, "red": 5, "yellow": 4}


def test_hyphenation_is_undone_but_compounds_kept(kauhava: Extraction) -> None:
    goals = {r.goal for r in kauhava.records}
    assert "Päätöksen saaminen asuntohakemukseen" in goals  # printed "asuntohake-" / "mukseen"
    assert "Vuotovesien määrää pyritään vähentämään" in goals  # "vä-" / "hentämään"


def test_nothing_from_the_first_fifty_pages(kauhava: Extraction) -> None:
    assert min(r.source.page or 0 for r in kauhava.records) == 58


def test_one_row_per_committee_measure(kauhava: Extraction) -> None:
    """43 measures (or goals without measures) under seven committees' numbered goals."""
    prose = _prose(kauhava)
    assert Counter(r.source.page for r in prose) == {
        76: 6,
        79: 8,
        80: 5,
        87: 3,
        93: 3,
        102: 8,
        108: 10,
    }
    assert {r.area for r in prose} == {
        "Tarkastuslautakunta",
        "Kaupunginhallitus",
        "Kasvatus- ja opetuslautakunta",
        "Elämänlaatulautakunta",
        "Tekninen lautakunta",
        "Ympäristölautakunta",
    }


def _measure(extraction: Extraction, measure: str) -> Record:
    (record,) = [r for r in _prose(extraction) if r.measure == measure]
    return record


def test_measures_under_a_label_share_one_assessment(kauhava: Extraction) -> None:
    """Page 79, goal 4: two unbulleted lines under "Mittarit ja tavoitetaso:", each
    "measure: target level", assessed together by one "Toteutuminen:"."""
    income, balance = _measure(kauhava, "Tuloslaskelma"), _measure(kauhava, "Tase")
    assert (income.goal_no, income.goal, income.area) == (
        "4",
        "Kaupungin talous on tasapainossa suunnitelmakaudella",
        "Kaupunginhallitus",
    )
    assert (income.target, balance.target) == (
        "tilikauden tulos ylijäämäinen suunnitelmakaudella",
        "tase säilyy ylijäämäisenä",
    )
    assert income.progress == balance.progress
    assert income.progress.startswith("Toteutui. • Tilikauden 2024 tulos on selvästi")
    assert (income.rating.raw, income.rating.status) == ("Toteutui", "green")


def test_a_wrapped_measure_line_is_one_measure(kauhava: Extraction) -> None:
    """Page 79, goal 5: its first measure wraps onto a second line; three measures in all."""
    goal5 = [r for r in _prose(kauhava) if r.source.page == 79 and r.goal_no == "5"]
    assert [r.measure for r in goal5] == [
        "Vuosittainen investointitaso",
        "Lainakanta",
        "Investointihankkeiden toteutuneista kustannuksista laaditaan selvitys, joka annetaan "
        "tiedoksi lautakunnalle ja kaupunginhallitukselle.",
    ]
    assert goal5[0].goal == (
        "Investointien määrä pidetään hallitulla. "
        "Investoinnit toteutetaan valtuuston hyväksymän hankinta-arvon mukaisesti."
    )
    # the assessment goes on at the top of page 80; it opens with no verdict
    assert goal5[0].progress.endswith("lopullista kustannusselvitystä.")
    assert goal5[0].rating.status == ""


def test_each_measure_its_own_assessment(kauhava: Extraction) -> None:
    """Page 108: a "Toteutuminen:" under every bullet assesses that bullet alone."""
    record = _measure(kauhava, "Rakennuskannan dokumentointi ja rakennustietojen ajantasaistaminen")
    assert (record.target, record.rating.status, record.progress) == (
        "vuoteen 2025 mennessä",
        "red",
        "",
    )
    short = _measure(kauhava, "Riittävä henkilöstömäärä")
    assert (short.rating.raw, short.rating.status) == (
        "Tavoitteet jäivät osin toteutumatta",
        "yellow",
    )
    statuses = Counter(r.rating.status for r in _prose(kauhava) if r.source.page == 108)
    assert statuses == {"green": 7, "red": 2, "yellow": 1}


def test_a_goal_without_measures(kauhava: Extraction) -> None:
    """Page 87: numbered goals with only a "Toteutuminen:" paragraph, no verdict in it; the
    paragraph after it is still the assessment's."""
    (record,) = [r for r in _prose(kauhava) if r.goal.startswith("Perusopetuksen oppilaiden")]
    assert (record.area, record.measure, record.rating.status) == (
        "Kasvatus- ja opetuslautakunta",
        "",
        "",
    )
    assert record.progress.startswith("Kauhavan perusopetuksessa erityisopetuksen sekä")
    assert record.progress.endswith("yhdessä päiväkodin henkilöstön kanssa.")


def test_bullets_under_the_assessment_are_its_text(kauhava: Extraction) -> None:
    """Page 76: the "−" list under "Toteutuminen:" is the assessment, the "·" list above it
    the measures."""
    rows = [r for r in _prose(kauhava) if r.source.page == 76 and r.goal_no == "2"]
    assert [r.measure for r in rows] == [
        "Lakisääteisen tilintarkastuksen toteutuksen varmistaminen",
        "Vähintään 40 % tarkastuksesta on vastuunalaiseksi nimetyn tilintarkastajan suorittamaa",
    ]
    assert rows[0].progress.startswith("Ei toteutunut kaikilta osin. − Lakisääteinen")
    assert rows[0].rating.status == "yellow"


def test_pages_that_gave_no_rows_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the prose reader, the committee pages pass triage (their assessment labels)
    but give no rows: the document says so, so a half-read report never looks whole."""
    monkeypatch.setattr(pdf_reader, "prose_grids", lambda opened, grids: [])
    extraction = extract(require(KAUHAVA), KAUHAVA.name)
    assert extraction.document.problems[-1] == (
        "7 page(s) look like goal tables or assessments but gave no rows, check them: "
        "76, 79-80, 87, 93, 102, 108"
    )


def test_a_whole_read_names_no_unread_pages(kauhava: Extraction) -> None:
    assert not [p for p in kauhava.document.problems if "gave no rows" in p]


def test_the_targets_read_as_numbers(kauhava: Extraction) -> None:
    """The committees' targets as data: one number with its unit and comparator, and none
    where the text holds a range, two numbers or a year (checked against pages 80-108)."""
    from goaltables.export.schema import goal_rows

    read = {
        row["target"]: (row["target_number"], row["target_unit"], row["target_comparator"])
        for row in goal_rows(kauhava.records)
        if row["target"]
    }
    assert read["alle 3 kuukautta vireilletulosta."] == (3.0, "kuukautta", "<")
    assert read["alle 30 vrk"] == (30.0, "vrk", "<")
    assert read["Säännöllinen koulutus >5 päivää/ vuosi / henkilö"] == (5.0, "päivää", ">")
    assert read["asemakaavojen laadinnassa oman työn osuus vähintään 70 %."] == (70.0, "%", "≥")
    assert read["perusparannusta 0,5 km/ vuosi"] == (0.5, "km", "")
    for text in ("2-4 tiedotetta / vuosi", "vuoteen 2025 mennessä", "2024 laaditaan digitiekartta"):
        assert read[text] == (None, "", ""), text
    assert sum(number is not None for number, _, _ in read.values()) == 9
