"""Generate samples/cards/: goal cards whose label rows alternate with value rows, the layout
issue 11 describes from a held-back Finnish annual report (never seen here):

    Strategia | … | Strateginen tavoite | …          (shaded labels, values beside them)
    Tavoite | Tilanne ja riskit                      (shaded labels)
    <goal text> | <progress text>                    (values)
    Mittari | Lähtötaso | Tavoitetaso | Toteuma      (shaded labels; Toteuma spans three columns)
    <measure> | <value> | <value> | <value> | ● | 2  (a coloured ball and a digit)

The rating scale (1 = best, 0 = not yet known) is printed once, pages before the cards. Two
documents: the Finnish one with the label words above, and a Swedish one whose label rows are
known only by their shading and bold ("Läget och riskerna" is no column word), so the reader
must take label rows by style as well as by words.

Made by python-docx and converted by LibreOffice (`make samples-cards`). The expected rows are
written down in tests/test_cards.py, checked by hand against the PDFs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_pdf_samples as base

OUT = Path(__file__).resolve().parent / "cards"
LABEL_FILL = "D9E2F3"
BALLS = {"1": "00B050", "2": "FFC000", "3": "FF0000", "0": "A6A6A6"}

FINNISH = {
    "title": "Ruovesjärven kunta – Tilinpäätös 2025",
    "labels": ("Strategia", "Strateginen tavoite", "Tavoite", "Tilanne ja riskit"),
    "measure_labels": ("Mittari", "Lähtötaso", "Tavoitetaso", "Toteuma"),
    "legend_title": "Tavoitteiden arviointiasteikko",
    "legend": {
        "1": "tavoite toteutui",
        "2": "tavoite toteutui osittain",
        "3": "tavoite ei toteutunut",
        "0": "ei vielä tiedossa",
    },
    "sector": "Perusturvalautakunta",
    "areas": {
        "Ikääntyneiden palvelut": [
            (
                "Hyvinvoiva ja osallinen kuntalainen",
                "Ikääntyneet asuvat kotona turvallisesti",
                "Kotona asuvien osuus kasvaa",
                "Kotihoidon henkilöstö oli vajaa koko vuoden. Riskinä on sijaisten saatavuus.",
                [
                    (
                        "Kotona asuvien 75 vuotta täyttäneiden osuus",
                        "91,5 %",
                        "92 %",
                        "92,3 %",
                        "1",
                    ),
                    ("Kotihoidon asiakastyytyväisyys (1–5)", "4,1", "4,3", "4,2", "2"),
                ],
            ),
            (
                "Hyvinvoiva ja osallinen kuntalainen",
                "Omaishoitoa tuetaan",
                "Omaishoitajien vapaat toteutuvat",
                "Lakisääteiset vapaat toteutuivat. Intervallipaikkoja oli liian vähän.",
                [
                    ("Toteutuneet vapaapäivät omaishoitajaa kohden", "24", "36", "22", "3"),
                    ("Omaishoidon valmennukseen osallistuneet", "12", "20", "–", "0"),
                ],
            ),
        ],
        "Terveyspalvelut": [
            (
                "Sujuvat ja saavutettavat palvelut",
                "Hoitoon pääsee nopeasti",
                "Kiireetön hoito alkaa hoitotakuun ajassa",
                "Sähköinen ajanvaraus otettiin käyttöön keväällä.",
                [
                    ("Hoitoon pääsy yli 14 vrk, osuus käynneistä", "18 %", "alle 10 %", "9 %", "1"),
                ],
            ),
        ],
    },
}

SWEDISH = {
    "title": "Strandviks kommun – Årsredovisning 2025",
    "labels": ("Strategi", "Strategiskt mål", "Nämndmål", "Läget och riskerna"),
    "measure_labels": ("Indikator", "Utgångsläge", "Målvärde", "Utfall"),
    "legend_title": "Bedömningsskala för målen",
    "legend": {
        "1": "målet är uppnått",
        "2": "målet är delvis uppnått",
        "3": "målet är inte uppnått",
        "0": "kan inte bedömas ännu",
    },
    "sector": "Kultur- och fritidsnämnden",
    "areas": {
        "Bibliotek": [
            (
                "Livskvalitet för alla",
                "Fler läser",
                "Biblioteket når fler barn och unga",
                "Sommarlovsläsningen lockade fler deltagare än året innan.",
                [
                    ("Antal lån per invånare", "5,1", "5,5", "5,6", "1"),
                    ("Deltagare i sommarlovsläsning", "310", "400", "355", "2"),
                ],
            ),
        ],
        "Fritid": [
            (
                "Livskvalitet för alla",
                "Fritid för alla",
                "Fler unga är föreningsaktiva",
                "Bidragsreglerna ändrades sent på året; effekten syns först 2026.",
                [
                    ("Andel unga 13–19 år i föreningslivet", "41 %", "45 %", "40 %", "3"),
                    ("Nya föreningar med ungdomsverksamhet", "2", "4", "–", "0"),
                ],
            ),
        ],
    },
}


def label(cell, text: str) -> None:
    base.set_cell(cell, text, bold=True, fill=LABEL_FILL)


def card(doc, spec: dict, goal: tuple) -> None:
    strategy, strategic_goal, goal_text, situation, measures = goal
    strategy_label, strategic_label, goal_label, situation_label = spec["labels"]
    table = base.new_table(doc, 4 + len(measures), [5.0, 2.2, 2.2, 2.4, 1.1, 1.1])
    label(table.cell(0, 0), strategy_label)
    base.set_cell(table.cell(0, 1).merge(table.cell(0, 2)), strategy)
    label(table.cell(0, 3), strategic_label)
    base.set_cell(table.cell(0, 4).merge(table.cell(0, 5)), strategic_goal)
    label(table.cell(1, 0), goal_label)
    label(table.cell(1, 1).merge(table.cell(1, 5)), situation_label)
    base.set_cell(table.cell(2, 0), goal_text)
    base.set_cell(table.cell(2, 1).merge(table.cell(2, 5)), situation)
    measure, baseline, target, actual = spec["measure_labels"]
    label(table.cell(3, 0), measure)
    label(table.cell(3, 1), baseline)
    label(table.cell(3, 2), target)
    label(table.cell(3, 3).merge(table.cell(3, 5)), actual)
    for row, (text, *values, rating) in enumerate(measures, start=4):
        for column, value in enumerate([text, *values]):
            base.set_cell(table.cell(row, column), value)
        base.set_cell(table.cell(row, 4), "●", size=12, colour=BALLS[rating])
        base.set_cell(table.cell(row, 5), rating)
    base.para(doc, "", space_after=6)


def legend(doc, spec: dict) -> None:
    base.para(doc, spec["legend_title"], bold=True)
    for key in ("1", "2", "3", "0"):
        paragraph = doc.add_paragraph()
        ball = paragraph.add_run("● ")
        ball.font.color.rgb = base.RGBColor.from_string(BALLS[key])
        paragraph.add_run(f"{key} = {spec['legend'][key]}")


def prose_pages(doc, count: int) -> None:
    """Pages of text between the legend and the cards: the scale is printed far away."""
    sentence = (
        "Talous ja toiminta kehittyivät vuonna 2025 pääosin suunnitellusti, ja "
        "tilikauden tulos oli talousarviota parempi. "
    )
    for _ in range(count):
        for _ in range(6):
            base.para(doc, sentence * 6)
        base.page_break(doc)


def build(spec: dict, name: str) -> Path:
    doc = base.new_document(size=10)
    base.add_header_footer(doc, spec["title"])
    base.para(doc, spec["title"], style="Title")
    base.para(doc, "Toimintakertomus", style="Heading 1")
    legend(doc, spec)
    prose_pages(doc, 3)
    base.para(doc, spec["sector"], style="Heading 1")
    for area, goals in spec["areas"].items():
        base.para(doc, area, style="Heading 2")
        for goal in goals:
            card(doc, spec, goal)
    doc.styles["Normal"].font.size = Pt(10)
    path = OUT / f"{name}.docx"
    doc.save(path)
    base.normalise_zip(path)
    return path


def main() -> None:
    soffice, _ = base.require_tools()
    OUT.mkdir(exist_ok=True)
    paths = [
        build(FINNISH, "2025-outcome-strategy-cards-scale-legend"),
        build(SWEDISH, "2025-outcome-sv-cards-unknown-labels"),
    ]
    base.OUT = OUT  # docx_to_pdf writes next to the sources
    base.docx_to_pdf(soffice, paths)


if __name__ == "__main__":
    main()
