"""OUT/goals.xlsx opens cleanly: read back by openpyxl and by LibreOffice Calc (headless)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from goaltables.cli import main
from goaltables.export.schema import GOALS
from goaltables.export.workbook import PrintSettings, readable_order

ROOT = Path(__file__).resolve().parent.parent
SHEETS = ["goals", "comparison", "documents", "links", "problems"]
# A tab export whose cells start like formulas: an attack, or just a bullet or a minus sign.
INJECTION = (
    "Kirjaston tavoitteet 2023, toteutuma\n\n"
    "Tulosalue\tTavoite\tMittari\tArvio\n"
    "Kirjasto\t=1+1 kävijää lisää\t-5 % kuluista\tToteutui\n"
    'Kirjasto\t@lainaus kasvaa\t=HYPERLINK("http://example.com","klik")\tEi toteutunut\n'
    "Nuoriso\tNuoret osallistuvat\t+10 % kävijöitä\tOsittain\n"
)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("workbook")
    (folder / "in").mkdir()
    (folder / "in" / "kirjasto-2023.txt").write_text(INJECTION, encoding="utf-8")
    shutil.copy(
        ROOT / "samples" / "pdf" / "2022-outcome-landscape-merged-traffic-lights.pdf", folder / "in"
    )
    result = CliRunner().invoke(main, ["run", str(folder / "in"), "-o", str(folder / "out")])
    assert result.exit_code == 0, result.stderr
    return folder / "out"


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_openpyxl_reads_every_sheet_frozen_filtered_and_wrapped(out: Path) -> None:
    book = openpyxl.load_workbook(out / "goals.xlsx")
    assert book.sheetnames == SHEETS
    for name in SHEETS:
        sheet = book[name]
        table = _csv(out / f"{name}.csv")
        assert sheet.freeze_panes == "A2"
        last = openpyxl.utils.get_column_letter(len(table.columns))
        assert sheet.auto_filter.ref == f"A1:{last}{len(table) + 1}"
        assert [c.value for c in sheet[1]] == list(readable_order(name, table).columns)
        assert sheet.max_row == len(table) + 1
        widths = [
            sheet.column_dimensions[openpyxl.utils.get_column_letter(i)].width
            for i in range(1, len(table.columns) + 1)
        ]
        assert all(8 <= w <= 62 for w in widths), (name, widths)
    goals = book["goals"]
    assert sorted(c.value for c in goals[1]) == sorted(c.name for c in GOALS)
    goal_column = [c.value for c in goals[1]].index("goal") + 1
    width = goals.column_dimensions[openpyxl.utils.get_column_letter(goal_column)].width
    long = [
        r[goal_column - 1]
        for r in goals.iter_rows(min_row=2)
        if len(r[goal_column - 1].value) > width
    ]
    assert long and all(c.alignment.wrap_text for c in long)  # text longer than its column wraps
    year = goals.cell(2, [c.value for c in goals[1]].index("year") + 1)
    assert year.value == 2022 and year.data_type == "n"  # numbers stay numbers


def test_status_cells_are_traffic_lights(out: Path) -> None:
    book = openpyxl.load_workbook(out / "goals.xlsx")
    goals = book["goals"]
    status = [c.value for c in goals[1]].index("status") + 1
    fills = {}
    for row in goals.iter_rows(min_row=2):
        cell = row[status - 1]
        fills.setdefault(cell.value, cell.fill.fgColor.rgb)
    assert fills["green"].endswith("C6EFCE")
    assert fills["yellow"].endswith("FFEB9C")
    assert fills["red"].endswith("FFC7CE")
    comparison = book["comparison"]
    header = [c.value for c in comparison[1]]
    column = next(i for i, name in enumerate(header) if name.endswith(" status"))
    coloured = [r[column] for r in comparison.iter_rows(min_row=2) if r[column].value == "red"]
    assert coloured and all(c.fill.fgColor.rgb.endswith("FFC7CE") for c in coloured)


def test_formula_like_text_is_inert_and_exact(out: Path) -> None:
    goals = openpyxl.load_workbook(out / "goals.xlsx")["goals"]
    header = [c.value for c in goals[1]]
    cells = {
        cell.value: cell
        for row in goals.iter_rows(min_row=2)
        for cell in (row[header.index("goal")], row[header.index("measure")])
    }
    for text in (
        "=1+1 kävijää lisää",
        "@lainaus kasvaa",
        '=HYPERLINK("http://example.com","klik")',
        "-5 % kuluista",
        "+10 % kävijöitä",
    ):
        assert cells[text].data_type == "s", text  # text, not a formula
        assert cells[text].quotePrefix, text
    assert cells["Nuoret osallistuvat"].quotePrefix is False


def test_libreoffice_calc_opens_it_as_written(out: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            # CSV, UTF-8 (76), quoted text, every sheet to its own file (-1)
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(tmp_path),
            str(out / "goals.xlsx"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    for name in ("goals", "documents", "problems"):
        table = _csv(out / f"{name}.csv")
        sheet = _csv(tmp_path / f"goals-{name}.csv")[list(table.columns)]
        if name == "goals":  # Calc shows a boolean as TRUE, the CSV as True
            sheet["target_met"] = sheet["target_met"].str.capitalize()
        pd.testing.assert_frame_equal(sheet, table)
    calc = _csv(tmp_path / "goals-goals.csv")
    assert "=1+1 kävijää lisää" in set(calc["goal"])  # shown as written, never computed
    assert '=HYPERLINK("http://example.com","klik")' in set(calc["measure"])


def test_a_sheet_opens_with_what_a_reader_looks_for_and_ends_with_the_ids(out: Path) -> None:
    book = openpyxl.load_workbook(out / "goals.xlsx")
    goals = [c.value for c in book["goals"][1]]
    assert goals[:5] == ["area", "goal_no", "goal", "measure_no", "measure"]
    assert goals[-2:] == ["doc_id", "goal_id"]  # kept, not first
    assert [c.value for c in book["comparison"][1]][:3] == ["area", "goal_no", "goal"]
    assert [c.value for c in book["documents"][1]][:2] == ["source", "title"]
    assert book["goals"]["C2"].value and len(book["goals"]["C2"].value) > 12  # a goal's text


def test_every_sheet_prints_landscape_one_page_wide_with_its_header(out: Path) -> None:
    book = openpyxl.load_workbook(out / "goals.xlsx")
    for name in SHEETS:
        sheet = book[name]
        assert sheet.page_setup.orientation == "landscape", name
        assert sheet.page_setup.paperSize == 9, name  # A4
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0), name
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
        assert sheet.print_title_rows == "$1:$1", name


def test_rows_are_as_tall_as_their_wrapped_text(out: Path) -> None:
    goals = openpyxl.load_workbook(out / "goals.xlsx")["goals"]
    letters = [openpyxl.utils.get_column_letter(i) for i in range(1, goals.max_column + 1)]
    widths = [goals.column_dimensions[letter].width for letter in letters]
    line, letters = PrintSettings().line_height, PrintSettings().letters_per_width
    tall = 0
    for number, row in enumerate(goals.iter_rows(min_row=2), start=2):
        lines = max(
            sum(-(-len(part) // int((w - 2) * letters)) or 1 for part in str(c.value).split("\n"))
            if isinstance(c.value, str)
            else 1
            for c, w in zip(row, widths, strict=True)
        )
        height = goals.row_dimensions[number].height
        if lines > 1:
            expected = min(PrintSettings().tallest_row, lines * line)  # Excel's limit
            assert height is not None and height >= expected - 0.01, (number, lines)
            filled = [c for c in row if c.value is not None]
            assert all(c.alignment.vertical == "top" for c in filled), number  # lined up
            tall += 1
        else:
            assert height is None, number  # a one-line row keeps the default height
    assert tall > 5  # the sample's progress texts wrap


def test_print_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="line_height"):
        PrintSettings(line_height=0)
    with pytest.raises(ValueError, match="letters_per_width"):
        PrintSettings(letters_per_width=0)
