"""The table layer (`goaltables tables`): every table of every format, goal table or not.

Public cases of ../shared/tablebench (kept beside the repository, read in place; the tests
fail when it is missing, as for ../shared/seeds) pin whole
tables the aligned, ruled, hybrid and turned-page readers give exactly as the peers' ground
truth has them; the samples pin the Word, workbook, web page and text-dump listers.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from goaltables.cli import main
from goaltables.extract.pdf.chunks import AlignedSettings
from goaltables.extract.pdf.running_text import is_list
from goaltables.extract.tables import TableCell
from tests.golden_samples import ROOT, SAMPLES

TABLEBENCH = ROOT.parent / "shared" / "tablebench"
LAYOUT_DUMP = (
    ROOT / "tests" / "data" / "layout" / "2023-interim-html-borderless-pdftotext-layout.txt"
)


def tables_of(path: Path, *options: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(main, ["tables", str(path), "--json", *options])
    assert result.exit_code == 0, result.output
    found: list[dict[str, object]] = json.loads(result.stdout)["tables"]
    return found


def normalised(rows: object) -> list[list[str]]:
    """Cells as tablebench's score.py compares them: NFKC, white space collapsed."""
    assert isinstance(rows, list)
    return [
        [re.sub(r"\s+", " ", unicodedata.normalize("NFKC", c or "")).strip() for c in row]
        for row in rows
    ]


@pytest.mark.parametrize(
    ("case", "method"),
    [
        (
            "icdar2013/icdar_eu-006",
            "aligned",
        ),  # four borderless tables over three pages
        ("icdar2013/icdar_us-006", "ruled"),
        ("peer_cases/case_11", "aligned"),  # camelot: inner and outer columns
        ("peer_cases/case_13", "ruled"),  # a ruled table set sideways (text runs down)
        ("peer_cases/case_14", "ruled"),  # the same turned the other way (text runs up)
        ("peer_cases/case_23", "ruled"),  # camelot network: two tables on a page
        ("docx/docx_07", "docx"),
    ],
)
def test_tablebench_tables_come_out_exactly(case: str, method: str) -> None:
    expected = json.loads((TABLEBENCH / f"{case}.expected.json").read_text(encoding="utf-8"))
    document = TABLEBENCH / case.split("/")[0] / (expected.get("pdf") or expected["docx"])
    found = tables_of(document)
    rows = [normalised(t["rows"]) for t in found]
    for table in expected["tables"]:
        assert normalised(table["rows"]) in rows
    assert method in {t["method"] for t in found}


def test_a_ruled_frame_round_unruled_rows_is_read_by_alignment() -> None:
    """ICDAR 2013's eu-016: rules round the table and under its header only, so the drawn
    grid holds whole rows in one cell; the text inside is read by alignment."""
    found = tables_of(TABLEBENCH / "icdar2013" / "icdar_eu-016.pdf", "--pages", "3")
    (table,) = [t for t in found if t["method"] == "ruled+aligned"]
    rows = normalised(table["rows"])
    assert rows[0] == [
        "Country",
        "domestic (%)",
        "Imported (%)",
        "Unknown (%)",
        "Total (n)",
    ]
    assert rows[1] == ["Austria", "86.2", "13.8", "0", "3,375"]
    assert [
        "hungary",
        "99.8",
        "0.2",
        "0",
        "6,575",
    ] in rows  # a lower-case row starts a row


def test_the_borderless_goal_table_wraps_its_cells() -> None:
    """Long sentences wrap in neighbouring columns; each row is one goal measure."""
    (table,) = tables_of(SAMPLES / "pdf" / "2023-interim-html-borderless-svg-circles.pdf")
    rows = normalised(table["rows"])
    assert len(rows) == 10
    assert rows[1] == [
        "Elinkeinopalvelut",
        "1. Yritysten määrä kasvaa ja yritysilmasto paranee.",
        "Uudet yritykset, kpl/vuosi.",
        "vähintään 40",
        "29",
        "Uusia yrityksiä perustettiin elokuun loppuun mennessä 29. Kehitys vastaa edellisvuotta.",
        "2",
    ]
    assert rows[2][:3] == [
        "",
        "",
        "Yritysilmapiirikyselyn kokonaisarvosana.",
    ]  # rowspans


def test_a_pdftotext_layout_dump_reads_like_its_pdf() -> None:
    (table,) = tables_of(LAYOUT_DUMP)
    assert (table["page"], table["method"]) == (1, "aligned")
    rows = normalised(table["rows"])
    assert rows[0] == [
        "Tulosalue",
        "Tavoite",
        "Mittari",
        "Tavoitetaso",
        "Toteuma",
        "Tilanne ja",
        "Arvio",
    ]
    assert rows[2] == [
        "Elinkeinopalvelut",
        "1. Yritysten määrä kasvaa ja yritysilmasto paranee.",
        "Uudet yritykset, kpl/vuosi.",
        "vähintään 40",
        "29",
        "Uusia yrityksiä perustettiin elokuun loppuun mennessä 29. Kehitys vastaa edellisvuotta.",
        "2",
    ]
    assert rows[5][:3] == [
        "Kaavoitus ja maankäyttö",
        "3. Tonttitarjonta vastaa kysyntää.",
        "Vapaat omakotitontit, kpl.",
    ]


HEADER_2022 = [
    "Tulosalue",
    "Tavoite",
    "Mittari, seuranta ja toimenpiteet",
    "Tavoitetaso 2022",
    "Toteuma 2022",
    "Tavoitteen edistyminen",
    "Arvio toteumasta",
]


@pytest.mark.parametrize(
    ("name", "page", "method"),
    [
        ("2022-outcome-merged-traffic-lights.xlsx", 1, "xlsx"),  # the sheet is the page
        ("2022-outcome-merged-traffic-lights.html", None, "html"),
    ],
)
def test_workbook_and_web_page_tables(name: str, page: int | None, method: str) -> None:
    """The title and legend rows above the sheet's table are not its rows; merged cells'
    text sits in their top-left place, the places they cover are empty."""
    (table,) = tables_of(SAMPLES / "formats" / name)
    assert (table["page"], table["method"], table["bbox"]) == (page, method, None)
    rows = normalised(table["rows"])
    assert (rows[0], len(rows)) == (HEADER_2022, 28)
    assert rows[1][:2] == [
        "Sivistystoimen hallinto",
        "1. Toimialan talouden, sopimushallinnan ja hankintojen suunnitelmallisuuden kehittäminen.",
    ]
    assert rows[2][:4] == [
        "",
        "",
        "2. Toimialan hankinnat kirjataan hankintajärjestelmään.",
        "100 %",
    ]


def test_word_tables_nested_ones_too() -> None:
    found = tables_of(SAMPLES / "docx" / "2023-outcome-nested-controls-symbols.docx")
    assert {t["method"] for t in found} == {"docx"}
    assert all(t["page"] is None for t in found)
    assert len(found) >= 2


def test_an_odt_is_read_through_word(tmp_path: Path) -> None:
    (table,) = tables_of(SAMPLES / "formats" / "2022-outcome-merged-traffic-lights.odt")
    assert (table["method"], normalised(table["rows"])[0]) == ("docx", HEADER_2022)


def test_pages_of_a_format_without_pages_are_a_usage_error() -> None:
    docx = SAMPLES / "pdf" / "2022-plan-ruled-merged-cells.docx"
    result = CliRunner().invoke(main, ["tables", str(docx), "--pages", "2"])
    assert result.exit_code == 2
    assert "docx has no pages; leave out --pages" in result.stderr


def test_aligned_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="gutter_tolerance"):
        AlignedSettings(gutter_tolerance=0.6)
    with pytest.raises(ValueError, match="at least two columns"):
        AlignedSettings(min_columns=1)


def test_goal_cards_keep_their_columns_under_a_wider_second_row() -> None:
    """A card's "Arviointi" text runs over the edge of "Toimenpide/mittari" above it; the
    edge stays, as the lines above part there twice as often as the text crosses it."""
    found = tables_of(SAMPLES / "pdf" / "2023-outcome-company-cards-unruled-verdict-words.pdf")
    rows = normalised(found[0]["rows"])
    assert rows[:4] == [
        ["Tavoite", "Toimenpide/mittari", ""],
        ["Taloudellinen tulos", "Vähintään nollatulos.", ""],
        ["Arviointi", "", "Tila"],
        ["Toteutui, tilikauden voitto 48 210 €.", "", "Valmis"],
    ]


def test_lists_and_numbered_headings_are_no_tables() -> None:
    def grid(*rows: tuple[str, ...]) -> list[list[TableCell | None]]:
        return [[TableCell(text) for text in row] for row in rows]

    assert is_list(grid(("•", "Nytt bibliotekssystem"), ("•", "Ett trygghetsskapande arbete")))
    assert is_list(grid(("2", "Quantifying", ""), ("2.1", "", "Savings"), ("2.1.1", "", "Drive")))
    assert not is_list(grid(("S. No.", "Name"), ("1", "Mukand Infotel")))
    assert not is_list(grid(("1", "40", "29"), ("2", "+5 %", "-2 %")))
