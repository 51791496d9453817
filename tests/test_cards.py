"""Goal cards whose label rows alternate with value rows (samples/cards, made by python-docx
and LibreOffice; see samples/make_card_samples.py). Every value below was read off the PDFs.

What they test, each in a Word file and its PDF:
- label/value pairs side by side ("Strategia | … | Strateginen tavoite | …");
- a ball and a digit under a header cell that spans them ("Toteuma" over "92,3 % | ● | 1");
- an outcome column of figures on a measure row is the actual value, not progress;
- the rating scale printed pages before the cards (1 = best, 0 = not yet known);
- label rows known by their bold alone, with a note naming the header no word names.
"""

from __future__ import annotations

import pytest

from goaltables.extract import extract
from goaltables.records import Extraction
from tests.golden_samples import SAMPLES

CARDS = SAMPLES / "cards"
FINNISH = "2025-outcome-strategy-cards-scale-legend"
SWEDISH = "2025-outcome-sv-cards-unknown-labels"


def _read(name: str) -> Extraction:
    path = CARDS / name
    return extract(path, path.name)


def _rows(extraction: Extraction) -> list[tuple[str, ...]]:
    return [
        (
            r.area,
            r.strategy,
            r.goal,
            r.measure,
            r.baseline,
            r.target,
            r.actual,
            r.progress[:30],
            str(r.rating.value),
            r.rating.status,
        )
        for r in extraction.records
    ]


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_finnish_cards(suffix: str) -> None:
    rows = _rows(_read(FINNISH + suffix))
    assert rows == [
        (
            "Ikääntyneiden palvelut",
            "Ikääntyneet asuvat kotona turvallisesti",
            "Kotona asuvien osuus kasvaa",
            "Kotona asuvien 75 vuotta täyttäneiden osuus",
            "91,5 %",
            "92 %",
            "92,3 %",
            "Kotihoidon henkilöstö oli vaja",
            "1",
            "green",
        ),
        (
            "Ikääntyneiden palvelut",
            "Ikääntyneet asuvat kotona turvallisesti",
            "Kotona asuvien osuus kasvaa",
            "Kotihoidon asiakastyytyväisyys (1–5)",
            "4,1",
            "4,3",
            "4,2",
            "Kotihoidon henkilöstö oli vaja",
            "2",
            "yellow",
        ),
        (
            "Ikääntyneiden palvelut",
            "Omaishoitoa tuetaan",
            "Omaishoitajien vapaat toteutuvat",
            "Toteutuneet vapaapäivät omaishoitajaa kohden",
            "24",
            "36",
            "22",
            "Lakisääteiset vapaat toteutuiv",
            "3",
            "red",
        ),
        (
            "Ikääntyneiden palvelut",
            "Omaishoitoa tuetaan",
            "Omaishoitajien vapaat toteutuvat",
            "Omaishoidon valmennukseen osallistuneet",
            "12",
            "20",
            "–",
            "Lakisääteiset vapaat toteutuiv",
            "0",
            "grey",
        ),
        (
            "Terveyspalvelut",
            "Hoitoon pääsee nopeasti",
            "Kiireetön hoito alkaa hoitotakuun ajassa",
            "Hoitoon pääsy yli 14 vrk, osuus käynneistä",
            "18 %",
            "alle 10 %",
            "9 %",
            "Sähköinen ajanvaraus otettiin ",
            "1",
            "green",
        ),
    ]


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_swedish_cards_with_a_label_no_word_names(suffix: str) -> None:
    extraction = _read(SWEDISH + suffix)
    rows = _rows(extraction)
    assert [r[2:4] + r[6:] for r in rows] == [
        (
            "Biblioteket når fler barn och unga",
            "Antal lån per invånare",
            "5,6",
            "Sommarlovsläsningen lockade fl",
            "1",
            "green",
        ),
        (
            "Biblioteket når fler barn och unga",
            "Deltagare i sommarlovsläsning",
            "355",
            "Sommarlovsläsningen lockade fl",
            "2",
            "yellow",
        ),
        (
            "Fler unga är föreningsaktiva",
            "Andel unga 13–19 år i föreningslivet",
            "40 %",
            "Bidragsreglerna ändrades sent ",
            "3",
            "red",
        ),
        (
            "Fler unga är föreningsaktiva",
            "Nya föreningar med ungdomsverksamhet",
            "–",
            "Bidragsreglerna ändrades sent ",
            "0",
            "grey",
        ),
    ]
    (note,) = extraction.document.problems
    assert "the column 'Läget och riskerna' is named by no word in vocabulary.toml" in note


def test_the_scale_is_read_from_a_page_far_before_the_cards() -> None:
    extraction = _read(FINNISH + ".pdf")
    labels = {r.rating.value: r.rating.label for r in extraction.records}
    assert labels == {
        1: "tavoite toteutui",
        2: "tavoite toteutui osittain",
        3: "tavoite ei toteutunut",
        0: "ei vielä tiedossa",
    }
    assert {r.source.page for r in extraction.records} == {4}
