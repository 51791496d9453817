"""The PDF commands: tables, inspect, --pages and --password."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from goaltables.cli import main, parse_pages
from tests.golden_samples import ROOT, SAMPLES

BORDERLESS = SAMPLES / "pdf" / "2023-interim-html-borderless-svg-circles.pdf"
ENCRYPTED = ROOT / "tests" / "data" / "bad-pdf" / "encrypted-user-password.pdf"


def test_page_lists() -> None:
    assert parse_pages("3-5,8") == [3, 4, 5, 8]
    assert parse_pages(None) is None


def test_a_bad_page_list_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["tables", str(BORDERLESS), "--pages", "x-2"])
    assert result.exit_code == 2
    assert "give pages as 3-5 or 1,4,7-9" in result.output


def test_a_page_outside_the_document_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["tables", str(BORDERLESS), "--pages", "5"])
    assert result.exit_code == 2
    assert "page 5 is outside the document (pages 1-1)" in result.stderr


def test_tables_as_json_gives_the_borderless_grid() -> None:
    result = CliRunner().invoke(main, ["tables", str(BORDERLESS), "--json"])
    assert result.exit_code == 0, result.output
    (table,) = json.loads(result.stdout)["tables"]
    assert (table["page"], table["method"], len(table["rows"])) == (1, "aligned", 10)
    assert table["rows"][0] == [
        "Tulosalue",
        "Tavoite",
        "Mittari",
        "Tavoitetaso 2023",
        "Toteuma 31.8.",
        "Tilanne ja toimenpiteet",
        "Arvio",
    ]
    assert table["rows"][1][:2] == [
        "Elinkeinopalvelut",
        "1. Yritysten määrä kasvaa ja yritysilmasto paranee.",
    ]


def test_tables_lists_non_goal_tables_too() -> None:
    """The long report's operating-budget table (no goal table) is found, whole."""
    long_report = SAMPLES / "pdf" / "2023-outcome-long-report-shaded-cards.pdf"
    result = CliRunner().invoke(main, ["tables", str(long_report), "--pages", "5", "--json"])
    assert result.exit_code == 0
    (table,) = json.loads(result.stdout)["tables"]
    assert (table["page"], table["method"], len(table["rows"])) == (5, "ruled", 4)
    assert table["rows"][0][:3] == ["Käyttötalous (1 000 €)", "TA 2023", "TA-muutokset"]


def test_tables_reads_a_tab_separated_text_file(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Tavoite\tMittari\tArvio\nA\tB\t2\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["tables", str(text), "--json"])
    assert result.exit_code == 0, result.output
    (table,) = json.loads(result.stdout)["tables"]
    assert (table["page"], table["method"]) == (1, "tab-separated")
    assert table["rows"] == [["Tavoite", "Mittari", "Arvio"], ["A", "B", "2"]]


def test_inspect_draws_the_goal_table_pages(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["inspect", str(BORDERLESS), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    (picture,) = tmp_path.glob("*.png")
    assert picture.name == "2023-interim-html-borderless-svg-circles-p001.png"
    with Image.open(picture) as image:
        assert image.size == (827, 1170)  # A4 at 100 dpi
        # The unruled table's orange outline is drawn at its left edge (x = 54.3 pt = 75 px).
        rgb = image.convert("RGB")
        edge = {rgb.getpixel((x, y)) for x in range(72, 79) for y in range(200, 600)}
        assert (255, 127, 14) in edge


@pytest.mark.parametrize("command", ["extract", "tables"])
def test_password(command: str) -> None:
    without = CliRunner().invoke(main, [command, str(ENCRYPTED)])
    assert without.exit_code == 1
    assert "encrypted: give its password with --password" in without.stderr
    wrong = CliRunner().invoke(main, [command, str(ENCRYPTED), "--password", "väärä"])
    assert "the password given does not open it" in wrong.stderr


def test_every_command_has_help_with_an_example() -> None:
    for command in ("tables", "inspect"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output


def test_bad_pdfs_fail_alone_in_a_batch(tmp_path: Path) -> None:
    """Every bad PDF gives its one line and problem row; the good report's rows are all there."""
    bad = sorted((ROOT / "tests" / "data" / "bad-pdf").glob("*.pdf"))
    good = SAMPLES / "pdf" / "2022-interim-sv-delarsrapport.pdf"
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", *map(str, bad), str(good), "-o", str(out)])
    assert result.exit_code == 1
    with (out / "goals.csv").open(encoding="utf-8", newline="") as handle:
        rows_from = Counter(Path(row["source"]).name for row in csv.DictReader(handle))
    assert rows_from.pop(good.name) == 8  # the Swedish sample's eight rows
    # Odd but readable PDFs (owner-only encryption, a huge page beside a normal one, a large
    # UserUnit) give their one small goal table's row; no broken one gives any.
    assert set(rows_from) <= {
        "encrypted-owner-only.pdf",
        "huge-and-normal.pdf",
        "huge-user-unit.pdf",
    }
    problems = (out / "problems.csv").read_text(encoding="utf-8")
    for name in (
        "encrypted-user-password",
        "truncated",
        "corrupt",
        "zero-pages",
        "scan",
        "huge-page",
    ):
        assert f"{name}.pdf" in problems
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert all(line.count("\n") == 0 and ".pdf: " in line for line in errors)
