"""Generate samples/prose/: goals written in the body text, not in tables, the layout of
Kauhava's committee goals (tests/test_kauhava.py) in other words and other shapes:

    1. Fler barn och unga ska delta i kulturskolans verksamhet     (a numbered goal in bold)
       Indikatorer:                                                (a measures label)
       • Antal elever i kulturskolan: minst 400                    (bullets: measure: target)
       Måluppfyllelse: Målet uppnås delvis. Antalet elever ...     (the assessment)

Five documents, each exercising what the prose reader must tell apart:
- Swedish, goals and labels indented under the heading: bullets under a measures label, a goal
  assessed without measures, an assessment going on over a page break (a page break inside its
  paragraph), and a numbered list after a heading that is not goals (no assessment label);
- Finnish, flat: goals, labels and text all at one left edge, an assessment wrapped onto a second
  line at that edge, then a heading and a paragraph that are not part of the list;
- Swedish goals opened by a label ("Nämndmål 1: ...") instead of a number;
- Finnish, each value under its own label (Lähtötaso, Tavoitetaso, Toteuma);
- Swedish, a goal at the foot of a page and its measure and assessment on the next.

The text column is narrower than the cards' (a wide right margin) so that the long assessments
wrap to a second line, as the tests expect. Made by python-docx and converted by LibreOffice
(`make samples-prose`). The expected rows are written down in tests/test_prose.py, checked by
hand against the PDFs.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_pdf_samples as base

OUT = Path(__file__).resolve().parent / "prose"
# In a line's text: a page break at that place in its paragraph; at its start, the paragraph
# begins a new page (Word's "page break before").
PAGE_BREAK = "\f"
GOAL_GAP = 10  # points before each goal: goals are paragraphs apart, their lines are not

# Each document: its running header, where goals and their label lines stand (cm from the
# margin), and its lines in order. Kinds: h1 and h2 are headings; text is body text at the
# margin; goal is a goal's line in bold at the goal indent; list is a plain line there (a
# numbered list that is not goals); label is a bold label line and item a plain line at the
# label indent; foot is a goal pushed to the foot of its page.
SWEDISH = {
    "name": "2025-outcome-sv-prose-goals-over-page-break",
    "title": "Strandviks kommun – Verksamhetsberättelse 2025",
    "indents": (0.2, 0.9),
    "lines": [
        ("h1", "Kultur- och fritidsnämnden"),
        ("h2", "Nämndens mål och måluppfyllelse"),
        ("text", "Nämnden har tre mål för året. Så här har de uppfyllts:"),
        ("goal", "1. Fler barn och unga ska delta i kulturskolans verksamhet"),
        ("label", "Indikatorer:"),
        ("item", "• Antal elever i kulturskolan: minst 400"),
        ("item", "• Andel nöjda elever: 90 %"),
        (
            "item",
            "Måluppfyllelse: Målet uppnås delvis. Antalet elever ökade till 380 och "
            "andelen nöjda elever var 92 %.",
        ),
        ("goal", "2. Biblioteken ska vara tillgängliga för fler"),
        ("item", "Indikator: Öppettimmar per vecka: 60"),
        ("item", "Bedömning: Uppnått. Öppettiderna utökades i mars."),
        ("goal", "3. Föreningslivet ska stärkas"),
        (
            "item",
            "Bedömning: Målet uppnås inte. Inga nya föreningsbidrag beslutades."
            f"{PAGE_BREAK}Arbetet fortsätter under nästa år.",
        ),
        ("h2", "Ekonomi"),
        ("text", "Årets resultat förklaras av två saker:"),
        ("list", "1. Intäkterna ökade"),
        ("list", "2. Kostnaderna minskade"),
    ],
}

FLAT = {
    "name": "2024-outcome-prose-flat-goals",
    "title": "Ruovesjärven kunta – Tilinpäätös 2024",
    "indents": (0.0, 0.0),
    "lines": [
        ("h1", "Sosiaalilautakunta"),
        ("h2", "Tavoitteet ja niiden toteutuminen"),
        ("goal", "1. Asiakastyytyväisyys paranee"),
        ("item", "Mittari: Asiakaskyselyn keskiarvo vähintään 4,0"),
        ("item", "Arvio: Toteutui. Keskiarvo oli 4,2."),
        ("goal", "2. Jonot lyhenevät"),
        ("item", "Mittari: Odotusaika alle 14 vuorokautta"),
        (
            "item",
            "Arvio: Ei toteutunut. Odotusaika oli 21 vuorokautta, koska henkilöstöä "
            "puuttui koko syksyn.",
        ),
        ("h2", "Henkilöstö"),
        ("text", "Lautakunnan palveluksessa oli 120 henkilöä vuoden lopussa."),
    ],
}

LABELLED = {
    "name": "2025-outcome-sv-prose-goal-labels",
    "title": "Strandviks kommun – Verksamhetsberättelse 2025",
    "indents": (0.0, 0.6),
    "lines": [
        ("h1", "Barn- och utbildningsnämnden"),
        ("goal", "Nämndmål 1: Alla elever ska nå kunskapskraven"),
        ("item", "Indikator: Andel elever med godkända betyg: 95 %"),
        ("item", "Måluppfyllelse: Delvis uppnått. Andelen var 91 %."),
        ("goal", "Nämndmål 2: Tryggheten i skolan ska öka"),
        ("item", "Indikatorer:"),
        ("item", "• Andel trygga elever: 90 %"),
        ("item", "Bedömning: Målet uppnås. 93 % av eleverna känner sig trygga."),
    ],
}

VALUES = {
    "name": "2024-outcome-prose-value-labels",
    "title": "Ruovesjärven kunta – Tilinpäätös 2024",
    "indents": (0.0, 0.6),
    "lines": [
        ("h1", "Perusturvalautakunta"),
        ("goal", "1. Asiakkaat saavat palvelun ajallaan"),
        ("item", "Mittari: Hoitotakuun toteutuminen"),
        ("item", "Lähtötaso: 85 %"),
        ("item", "Tavoitetaso: 95 %"),
        ("item", "Toteuma: 92 %"),
        ("item", "Arvio: Toteutui osittain. Jonoja purettiin syksyllä."),
    ],
}

SPLIT = {
    "name": "2025-outcome-sv-prose-goal-at-page-foot",
    "title": "Strandviks kommun – Verksamhetsberättelse 2025",
    "indents": (0.2, 0.9),
    "lines": [
        ("h1", "Tekniska nämnden"),
        ("text", "Nämnden arbetade under året med gator och parker."),
        ("foot", "1. Gatorna ska vara i gott skick"),
        ("item", f"{PAGE_BREAK}Mätare: Andel gator i gott skick: 80 %"),
        ("item", "Bedömning: Uppnått. 82 % av gatorna var i gott skick."),
    ],
}

# Points before the goal at a page's foot: it is the last line the page holds (the next would
# end below the bottom margin); its measure also starts the next page by a page break before it.
FOOT_GAP = 645
AT_GOALS = ("goal", "list", "foot")  # kinds at the goal indent; label and item at the label's
BOLD = ("goal", "label", "foot")


def line(doc, kind: str, text: str, indents: tuple[float, float]) -> None:
    """One line of the document as its own paragraph, page breaks inside it where marked."""
    if kind in ("h1", "h2"):
        # bold on the run too: LibreOffice sets these template headings in the regular face
        base.para(doc, text, bold=True, style="Heading 1" if kind == "h1" else "Heading 2")
        return
    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(0)
    goal_indent, label_indent = indents
    fmt.left_indent = Cm(0 if kind == "text" else goal_indent if kind in AT_GOALS else label_indent)
    fmt.space_before = Pt(
        FOOT_GAP if kind == "foot" else GOAL_GAP if kind in ("goal", "text") else 0
    )
    if text.startswith(PAGE_BREAK):
        fmt.page_break_before = True
        text = text[1:]
    parts = text.split(PAGE_BREAK)
    for number, part in enumerate(parts, start=1):
        run = paragraph.add_run(part)
        run.bold = kind in BOLD
        if number < len(parts):
            run.add_break(WD_BREAK.PAGE)  # the paragraph goes on at the next page's top


def build(spec: dict, folder: Path) -> Path:
    doc = base.new_document(size=10)
    # a narrow text column (14 cm): the long assessments wrap onto a second line
    doc.sections[0].right_margin = Cm(5.0)
    base.add_header_footer(doc, spec["title"])
    for kind, text in spec["lines"]:
        line(doc, kind, text, spec["indents"])
    path = folder / f"{spec['name']}.docx"
    doc.save(path)
    base.normalise_zip(path)
    return path


def main() -> None:
    soffice, _ = base.require_tools()
    OUT.mkdir(exist_ok=True)
    # Only the PDFs are kept: the Word reader reads tables, not goals in the body text, so the
    # Word sources would only fail `make run` (it reads all of samples/).
    with tempfile.TemporaryDirectory(prefix="prose-samples-") as work:
        paths = [build(spec, Path(work)) for spec in (SWEDISH, FLAT, LABELLED, VALUES, SPLIT)]
        base.OUT = OUT  # docx_to_pdf writes the PDFs here
        base.docx_to_pdf(soffice, paths)


if __name__ == "__main__":
    main()
