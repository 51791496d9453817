"""A goal table that runs onto the next page without repeating its header, rated in words (no
traffic-light balls to show the page is a continuation): every row is still read.
Found by the batch benchmark's generated corpus; the PDF is made here by python-docx and
LibreOffice, as a municipality's office suite would."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from goaltables.extract import extract
from goaltables.extract.assemble import BandBuilder, Row
from goaltables.extract.tables import TableCell

VERDICTS = ["Toteutui", "Toteutui osittain", "Ei toteutunut"]
GOALS = 40


def _report(tmp_path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Vimpelin kunta – Tilinpäätös 2023", level=1)
    document.add_heading("Varhaiskasvatus: tavoitteiden toteutuminen", level=2)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Tavoite", "Mittari", "Arvio"), strict=True):
        cell.text = text
    for number in range(1, GOALS + 1):
        cells = table.add_row().cells
        cells[0].text = f"{number}. Tavoite numero {number}: palvelut paranevat vuonna 2023."
        cells[1].text = f"Asiakastyytyväisyys vähintään {70 + number % 20} %"
        cells[2].text = VERDICTS[number % 3]
    source = tmp_path / "vimpeli-2023.docx"
    document.save(str(source))
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: `make test` installs it"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return tmp_path / "vimpeli-2023.pdf"


@pytest.fixture(scope="module")
def continued(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _report(tmp_path_factory.mktemp("continued"))


def test_every_row_of_a_table_continued_without_its_header(continued: Path) -> None:
    records = extract(continued).records
    assert [r.goal_no for r in records] == [str(n) for n in range(1, GOALS + 1)]
    assert max(r.source.page or 0 for r in records) >= 2  # the table did run onto a new page
    statuses = {"Toteutui": "green", "Toteutui osittain": "yellow", "Ei toteutunut": "red"}
    assert [r.rating.status for r in records] == [
        statuses[VERDICTS[n % 3]] for n in range(1, GOALS + 1)
    ]
    assert {r.area for r in records} == {"Varhaiskasvatus"}


def test_a_goal_cell_cut_by_a_page_break_stays_one_goal() -> None:
    """A goal merged over two measure rows, the page breaking between them: the next page's
    row opens with the goal's rest in lower case. It joins the goal above and the row stays
    the goal's second measure (found by the generated link corpus, bench/link_corpus.py)."""
    band = BandBuilder(["Toiminnallinen tavoite", "Mittari", "Arvio"])
    ball = TableCell("●", colour="00B050")  # a rated row: not the tail of the row above
    first = (TableCell("Asukkaiden osallisuus säilyy"), TableCell("Kävijämäärä"), ball)
    rest = (TableCell("hyvällä tasolla kaikissa yksiköissä."), TableCell("Toteutuneet"), ball)
    band.add([Row(first, 1)], continued=False)
    band.add([Row(rest, 2)], continued=True)
    assert [[" ".join(c.text.split()) for c in row.cells] for row in band.grid().rows] == [
        ["Asukkaiden osallisuus säilyy hyvällä tasolla kaikissa yksiköissä.", "Kävijämäärä", "●"],
        ["", "Toteutuneet", "●"],
    ]
    # A goal that ends its sentence on the first page is whole: the next page's row is its own.
    whole = BandBuilder(["Toiminnallinen tavoite", "Mittari", "Arvio"])
    whole.add([Row((TableCell("Lainaus kasvaa."), TableCell("Lainat"), ball), 1)], False)
    whole.add([Row((TableCell("digitaalinen asiointi"), TableCell("Käynnit"), ball), 2)], True)
    assert [row.cells[0].text for row in whole.grid().rows] == [
        "Lainaus kasvaa.",
        "digitaalinen asiointi",
    ]


def test_a_goal_wrapped_beside_its_next_measures_stays_one_goal() -> None:
    """An undrawn table parted at its measures: the goal's last lines fall beside the second
    and third measure (lc028 of the layout corpus). They join the goal, and those rows are
    its measures; a goal that starts in capitals is the next goal."""
    band = BandBuilder(["Sitova tavoite", "Toimenpide", "Arviointi"])
    ball = TableCell("●", colour="00B050")
    rows = [
        ("Ennaltaehkäisevä työ paranee", "Sairauspoissaolot"),
        ("yhteistyössä muiden toimialojen", "Toteutuneet kehittämishankkeet"),
        ("kanssa.", "Jonotusaika palveluun"),
        ("", "Kävijämäärä"),
        ("Yhteistyö järjestöjen kanssa paranee", "Määräajassa käsitellyt hakemukset"),
    ]
    band.add([Row((TableCell(g), TableCell(m), ball), 1) for g, m in rows], continued=False)
    goals = [" ".join(row.cells[0].text.split()) for row in band.grid().rows]
    assert goals == [
        "Ennaltaehkäisevä työ paranee yhteistyössä muiden toimialojen kanssa.",
        "",
        "",
        "",
        "Yhteistyö järjestöjen kanssa paranee",
    ]
