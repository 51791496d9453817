"""Goals written in the body text: numbered goals with labelled measures and a labelled
assessment, read by their structure and the vocabulary's `prose_labels`, not by one report's
words. Kauhava (tests/test_kauhava.py) is the Finnish case; here Swedish and Finnish committees'
goals laid out differently (other labels, indents, a flat layout, a goal without measures, an
assessment going on over a page break, and a numbered list that is not goals), in the PDFs of
samples/prose (made by python-docx and LibreOffice; see samples/make_prose_samples.py). Every
value below was read off the PDFs. Only the PDFs are asserted: the Word reader reads tables, not
goals in the body text, so the Word sources are not kept."""

from __future__ import annotations

import pytest

from goaltables.extract import extract
from goaltables.extract.pdf.prose import _label
from goaltables.records import Extraction
from tests.golden_samples import SAMPLES

PROSE = SAMPLES / "prose"
SWEDISH = "2025-outcome-sv-prose-goals-over-page-break.pdf"
FLAT = "2024-outcome-prose-flat-goals.pdf"
LABELLED = "2025-outcome-sv-prose-goal-labels.pdf"
VALUES = "2024-outcome-prose-value-labels.pdf"
SPLIT = "2025-outcome-sv-prose-goal-at-page-foot.pdf"


def _extract(name: str) -> Extraction:
    path = PROSE / name
    return extract(path, path.name)


@pytest.fixture(scope="module")
def swedish() -> Extraction:
    return _extract(SWEDISH)


def test_a_flat_layout() -> None:
    """Goals, labels and text all at one left edge: a label or a line with no paragraph gap
    stays in the list, a heading after a gap ends it."""
    flat = _extract(FLAT)
    rows = [
        (r.area, r.goal_no, r.goal, r.measure, r.rating.raw, r.rating.status, r.progress)
        for r in flat.records
    ]
    assert rows == [
        (
            "Sosiaalilautakunta",
            "1",
            "Asiakastyytyväisyys paranee",
            "Asiakaskyselyn keskiarvo vähintään 4,0",
            "Toteutui",
            "green",
            "Toteutui. Keskiarvo oli 4,2.",
        ),
        (
            "Sosiaalilautakunta",
            "2",
            "Jonot lyhenevät",
            "Odotusaika alle 14 vuorokautta",
            "Ei toteutunut",
            "red",
            "Ei toteutunut. Odotusaika oli 21 vuorokautta, koska henkilöstöä puuttui koko syksyn.",
        ),
    ]


def test_swedish_goals_in_prose(swedish: Extraction) -> None:
    rows = [
        (
            r.source.page,
            r.area,
            r.goal_no,
            r.goal,
            r.measure,
            r.target,
            r.rating.raw,
            r.rating.status,
        )
        for r in swedish.records
    ]
    area = "Kultur- och fritidsnämnden"
    goal1 = "Fler barn och unga ska delta i kulturskolans verksamhet"
    goal2 = "Biblioteken ska vara tillgängliga för fler"
    partly = ("Målet uppnås delvis", "yellow")
    assert rows == [
        (1, area, "1", goal1, "Antal elever i kulturskolan", "minst 400", *partly),
        (1, area, "1", goal1, "Andel nöjda elever", "90 %", *partly),
        (1, area, "2", goal2, "Öppettimmar per vecka", "60", "Uppnått", "green"),
        (1, area, "3", "Föreningslivet ska stärkas", "", "", "Målet uppnås inte", "red"),
    ]


def test_the_assessment_is_the_progress_text(swedish: Extraction) -> None:
    first, _, _, last = swedish.records
    assert first.progress == (
        "Målet uppnås delvis. Antalet elever ökade till 380 och andelen nöjda elever var 92 %."
    )
    # the assessment goes on at the top of the next page, indented under its label
    assert last.progress == (
        "Målet uppnås inte. Inga nya föreningsbidrag beslutades. Arbetet fortsätter under nästa år."
    )


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Mittarit ja tavotetaso:", ("measures", "", True)),  # misspelt after the label word
        ("Mittarit ja tavoitetaso", ("measures", "", False)),
        ("Toteutuminen: Toteutui osittain", ("assessment", "Toteutui osittain", True)),
        ("• Indikator: Antal besök", ("measures", "Antal besök", True)),
        ("Måluppfyllelse: Uppnått", ("assessment", "Uppnått", True)),
        ("Toteutuminen on ollut hyvää koko vuoden ajan", None),  # prose, not a label
        ("Toteutuma 31.12.2025 tilanteessa oli 30 oppilasta", None),
        ("Tavoite 2: Jonot lyhenevät", ("goal", "2. Jonot lyhenevät", True)),
        ("Tavoite", None),  # a goal label needs its colon and its text
        ("Tavoite toteutui tapahtumien osalta", None),
        ("Tavoitetaso: 95 %", ("target", "95 %", True)),
    ],
)
def test_labels(line: str, label: tuple[str, str, bool] | None) -> None:
    assert _label(line) == label


def test_goals_opened_by_a_label() -> None:
    labelled = _extract(LABELLED)
    rows = [
        (r.area, r.goal_no, r.goal, r.measure, r.target, r.rating.raw, r.rating.status)
        for r in labelled.records
    ]
    assert rows == [
        (
            "Barn- och utbildningsnämnden",
            "1",
            "Alla elever ska nå kunskapskraven",
            "Andel elever med godkända betyg",
            "95 %",
            "Delvis uppnått",
            "yellow",
        ),
        (
            "Barn- och utbildningsnämnden",
            "2",
            "Tryggheten i skolan ska öka",
            "Andel trygga elever",
            "90 %",
            "Målet uppnås",
            "green",
        ),
    ]


def test_values_under_their_own_labels() -> None:
    (record,) = _extract(VALUES).records
    assert (
        record.area,
        record.goal,
        record.measure,
        record.baseline,
        record.target,
        record.actual,
        record.progress,
        record.rating.status,
    ) == (
        "Perusturvalautakunta",
        "Asiakkaat saavat palvelun ajallaan",
        "Hoitotakuun toteutuminen",
        "85 %",
        "95 %",
        "92 %",
        "Toteutui osittain. Jonoja purettiin syksyllä.",
        "yellow",
    )


def test_a_goal_assessed_on_the_next_page() -> None:
    (record,) = _extract(SPLIT).records
    assert (
        record.source.page,
        record.area,
        record.goal,
        record.measure,
        record.target,
        record.rating.status,
    ) == (
        2,
        "Tekniska nämnden",
        "Gatorna ska vara i gott skick",
        "Andel gator i gott skick",
        "80 %",
        "green",
    )
