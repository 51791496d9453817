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
