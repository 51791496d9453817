"""Write the Word feature samples in samples/docx/ (`make samples-docx`). Invented content.

python-docx writes the documents; the Word features it has no API for are added as the XML Word
itself writes for them:

- 2023-plan-numbering-tracked-changes.docx: goals and measures numbered by Word's automatic
  multi-level list (1., 1.1, 1.2, 2., 2.1; the numbers are not in the text), tracked changes
  (an insertion to keep, a deletion to drop) and a comment; a 1 = best digit scale with its legend.
- 2023-outcome-nested-controls-symbols.docx: the goal table inside a content control and nested
  in a layout table's cell, ratings as coloured Wingdings symbols (the letter "l" in Wingdings
  prints ●) and as `w:sym` characters, the year and phase only in the file's properties
  (title and subject), a heading above the table for the area.

Needs python-docx.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph

OUT = Path(__file__).parent / "docx"
W = nsdecls("w")

NUMBERING = (
    f'<w:abstractNum {W} w:abstractNumId="90">'
    '<w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1.%2"/></w:lvl>'
    "</w:abstractNum>"
)
NUM_ID = "90"

PLAN_ROWS = [  # (area, goal, [(measure, target, rating)], ...)
    (
        "Tilapalvelut",
        "Kiinteistöjen energiankulutus vähenee.",
        [
            ("Lämmön ominaiskulutus laskee vuodesta 2022.", "-3 %", "1"),
            ("Sähkön kulutus laskee kouluissa.", "-5 %", "2"),
        ],
    ),
    (
        "Tilapalvelut",
        "Sisäilmaongelmat korjataan suunnitelmallisesti.",
        [
            ("Korjausohjelman kohteet valmistuvat aikataulussa.", "100 %", "3"),
        ],
    ),
    (
        "Kuntatekniikka",
        "Katuverkon kunto paranee.",
        [
            ("Päällystettävät katuosuudet, km/vuosi.", "vähintään 3 km", "1"),
        ],
    ),
]


def _list_paragraph(paragraph: Paragraph, level: int) -> None:
    """Make the paragraph an item of the multi-level list (the number is Word's, not text)."""
    properties = paragraph._p.get_or_add_pPr()
    properties.append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{NUM_ID}"/></w:numPr>')
    )


def _add_numbering(document: DocxDocument) -> None:
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    numbering.append(
        parse_xml(f'<w:num {W} w:numId="{NUM_ID}"><w:abstractNumId w:val="90"/></w:num>')
    )


def _tracked(paragraph: Paragraph, kept: str, inserted: str, deleted: str) -> None:
    """Text with a tracked insertion (to keep) and a tracked deletion (to drop)."""
    paragraph.add_run(kept)
    stamp = 'w:author="Talousjohtaja" w:date="2023-01-15T10:00:00Z"'
    run = f'<w:r><w:t xml:space="preserve">{inserted}</w:t></w:r>'
    removed = f'<w:r><w:delText xml:space="preserve">{deleted}</w:delText></w:r>'
    paragraph._p.append(parse_xml(f'<w:ins {W} w:id="1" {stamp}>{run}</w:ins>'))
    paragraph._p.append(parse_xml(f'<w:del {W} w:id="2" {stamp}>{removed}</w:del>'))


def _cell_text(cell: _Cell, text: str) -> Paragraph:
    paragraph = cell.paragraphs[0]
    paragraph.add_run(text)
    return paragraph


def write_numbering_sample() -> Path:
    document = docx.Document()
    _add_numbering(document)
    document.sections[0].header.paragraphs[0].text = "Järvelän kaupunki – Talousarvio 2023"
    document.add_heading("Tekninen toimiala", level=1)
    document.add_paragraph("Arvio: 1 = toteutunut, 2 = osittain, 3 = ei toteutunut.")
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, title in zip(
        table.rows[0].cells,
        ["Tulosalue", "Tavoite", "Mittari", "Tavoitetaso 2023", "Arvio"],
        strict=True,
    ):
        _cell_text(cell, title)
    first_change = True
    for area, goal, measures in PLAN_ROWS:
        for index, (measure, target, rating) in enumerate(measures):
            cells = table.add_row().cells
            if index == 0:
                _cell_text(cells[0], area)
                _list_paragraph(_cell_text(cells[1], goal), 0)
            paragraph = cells[2].paragraphs[0]
            if first_change:  # "laskee vuodesta 2022." was "laskee vuodesta 2020 alkaen." once
                _tracked(
                    paragraph,
                    "Lämmön ominaiskulutus laskee ",
                    "vuodesta 2022.",
                    "vuodesta 2020 alkaen.",
                )
                first_change = False
            else:
                paragraph.add_run(measure)
            _list_paragraph(paragraph, 1)
            _cell_text(cells[3], target)
            _cell_text(cells[4], rating)
    _comment(document, table.rows[1].cells[3].paragraphs[0])
    path = OUT / "2023-plan-numbering-tracked-changes.docx"
    document.save(str(path))
    return path


def _comment(document: DocxDocument, paragraph: Paragraph) -> None:
    """A reviewer's comment on a cell: a reader must not take its words for the cell's."""
    document.add_comment(paragraph.runs, text="Tarkistetaanko tavoitetaso?", author="Lautakunta")


OUTCOME_ROWS = [  # (goal, measure, actual, how the rating is written, its colour)
    ("1. Kirjaston käyttö kasvaa.", "1.1 Lainaukset asukasta kohti", "9,8", "wingdings", "00B050"),
    ("1. Kirjaston käyttö kasvaa.", "1.2 Tapahtumiin osallistuneet", "4 100", "sym", "FFC000"),
    ("2. Museon kävijämäärä kasvaa.", "2.1 Kävijät vuodessa", "11 200", "wingdings", "FF0000"),
]


def _symbol_ball(paragraph: Paragraph, how: str, colour: str) -> None:
    if how == "wingdings":  # the letter "l" in Wingdings prints a ●
        paragraph._p.append(
            parse_xml(
                f'<w:r {W}><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>'
                f'<w:color w:val="{colour}"/></w:rPr><w:t>l</w:t></w:r>'
            )
        )
    else:  # a symbol character, as Word's Insert > Symbol writes it
        paragraph._p.append(
            parse_xml(
                f'<w:r {W}><w:rPr><w:color w:val="{colour}"/></w:rPr>'
                '<w:sym w:font="Wingdings" w:char="F06C"/></w:r>'
            )
        )


def write_nested_sample() -> Path:
    document = docx.Document()
    document.core_properties.title = "Kulttuuripalvelut, tilinpäätös 2023"
    document.core_properties.subject = "Toimintakertomus"
    document.add_heading("Kulttuuripalvelut", level=2)
    layout = document.add_table(rows=1, cols=1)  # a layout table, the goal table inside it
    outer_cell = layout.rows[0].cells[0]
    _cell_text(outer_cell, "Tavoitteiden toteutuminen")
    inner = outer_cell.add_table(rows=1, cols=4)
    inner.style = "Table Grid"
    for cell, title in zip(
        inner.rows[0].cells, ["Tavoite", "Mittari", "Toteuma", "Arvio"], strict=True
    ):
        _cell_text(cell, title)
    previous_goal = ""
    for goal, measure, actual, how, colour in OUTCOME_ROWS:
        cells = inner.add_row().cells
        if goal != previous_goal:
            _cell_text(cells[0], goal)
            previous_goal = goal
        _cell_text(cells[1], measure)
        _cell_text(cells[2], actual)
        _symbol_ball(cells[3].paragraphs[0], how, colour)
    _wrap_in_content_control(layout._tbl)
    path = OUT / "2023-outcome-nested-controls-symbols.docx"
    document.save(str(path))
    return path


def _wrap_in_content_control(table: object) -> None:
    """Put a table inside a block content control (w:sdt), as templates for reports do."""
    element = table  # an lxml element
    parent = element.getparent()  # type: ignore[attr-defined]
    control = parse_xml(
        f'<w:sdt {W}><w:sdtPr><w:alias w:val="Tavoitetaulukko"/><w:id w:val="501"/></w:sdtPr>'
        "<w:sdtContent/></w:sdt>"
    )
    parent.replace(element, control)
    control.find(qn("w:sdtContent")).append(element)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for path in (write_numbering_sample(), write_nested_sample()):
        print(path.relative_to(OUT.parent.parent))


if __name__ == "__main__":
    main()
