from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from goaltables.export.dataset import WRITERS, write_dataset
from goaltables.export.files import atomic_path
from goaltables.extract import extract
from goaltables.normalize import assign_goal_ids


def test_goal_ids_are_shared_by_a_goals_rows(seed_000: Path) -> None:
    records = assign_goal_ids(extract(seed_000).records)
    ids = [r.goal_id for r in records]
    assert ids[:3] == ["247f295a7dd2-g001"] * 3
    assert len(set(ids)) == 10
    assert assign_goal_ids(extract(seed_000).records) == records  # the same on every run


def test_a_crash_while_writing_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "goals.csv"
    target.write_text("previous, whole\n", encoding="utf-8")

    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("half a fi", encoding="utf-8")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "previous, whole\n"
    assert [p.name for p in tmp_path.iterdir()] == ["goals.csv"]  # no temporary left behind


def test_every_table_in_every_format(tmp_path: Path, seed_001: Path) -> None:
    extraction = extract(seed_001)
    written = write_dataset(
        tmp_path, [extraction.document], assign_goal_ids(extraction.records), []
    )
    tables = ("goals", "documents", "problems", "links", "comparison")
    expected = {f"{t}.{f}" for t in tables for f in WRITERS} | {
        "review.csv",
        "goals.xlsx",
        "datapackage.json",
        "report.html",
    }
    assert {p.name for p in written} == expected


def test_excel_csv_makes_formulas_inert_and_plain_outputs_keep_text(tmp_path: Path) -> None:
    import pandas as pd

    from goaltables.export.dataset import ExportSettings, inert_for_spreadsheets

    cells = ['=HYPERLINK("http://x")', "+1", "-3 %", "@SUM(A1)", "Tavoite"]
    frame = pd.DataFrame({"goal": cells}).astype("string")
    assert inert_for_spreadsheets(frame)["goal"].tolist() == [
        '\'=HYPERLINK("http://x")',
        "'+1",
        "'-3 %",
        "'@SUM(A1)",
        "Tavoite",
    ]
    sample = Path(__file__).parent.parent / "samples" / "2022-interim-sv-delarsrapport.txt"
    extraction = extract(sample)
    records = assign_goal_ids(extraction.records)
    records[0] = replace(records[0], goal="=1+1")  # as if a report printed a formula
    plain, excel = tmp_path / "plain", tmp_path / "excel"
    write_dataset(plain, [extraction.document], records, [])
    write_dataset(excel, [extraction.document], records, [], ExportSettings(excel=True))
    assert pd.read_csv(plain / "goals.csv")["goal"][0] == "=1+1"  # the plain CSV keeps text
    assert pd.read_parquet(plain / "goals.parquet")["goal"][0] == "=1+1"
    assert pd.read_csv(excel / "goals.csv", sep=";", encoding="utf-8-sig")["goal"][0] == "'=1+1"


def test_the_values_are_typed_numbers_in_every_format(tmp_path: Path) -> None:
    """Baseline, target and actual stay as printed; their numbers follow at the end, as
    numbers in Parquet and the workbook, with decimal commas in the --excel CSV."""
    import json

    import openpyxl
    import pandas as pd
    import pyarrow.parquet as pq

    from goaltables.export.dataset import ExportSettings
    from goaltables.export.schema import RECORD_COLUMNS, VALUES

    sample = Path(__file__).parent.parent / "samples" / "2022-interim-sv-delarsrapport.txt"
    extraction = extract(sample)
    records = assign_goal_ids(extraction.records)
    plain, excel = tmp_path / "plain", tmp_path / "excel"
    write_dataset(plain, [extraction.document], records, [])
    write_dataset(excel, [extraction.document], records, [], ExportSettings(excel=True))
    names = [c.name for c in (*RECORD_COLUMNS, *VALUES)]
    text = pd.read_csv(plain / "goals.csv", dtype=str, keep_default_na=False)
    assert list(text.columns) == names
    first = text.iloc[3]  # "5,2" -> "5,5" -> "5,6"
    assert (first["baseline"], first["target_number"], first["target_met"]) == (
        "5,2",
        "5.5",
        "True",
    )
    parquet = pq.read_table(plain / "goals.parquet")
    assert str(parquet.schema.field("target_number").type) == "double"
    assert str(parquet.schema.field("target_met").type) == "bool"
    assert parquet.schema.metadata[b"goaltables_schema_version"] == b"2"
    frame = pd.read_parquet(plain / "goals.parquet")
    assert frame["actual_number"].tolist()[:4] == [84.0, 9.0, 68.0, 5.6]
    assert frame["target_comparator"].tolist()[1] == "<"  # "under 10"
    excel_text = pd.read_csv(excel / "goals.csv", sep=";", encoding="utf-8-sig", dtype=str)
    assert excel_text["baseline_number"][3] == "5,2"
    package = json.loads((excel / "datapackage.json").read_text("utf-8"))
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert fields["baseline_number"] | {"description": ""} == {
        "name": "baseline_number",
        "type": "number",
        "decimalChar": ",",
        "description": "",
    }
    assert fields["target_met"]["type"] == "boolean"
    sheet = openpyxl.load_workbook(plain / "goals.xlsx")["goals"]
    header = [c.value for c in sheet[1]]
    assert sheet.cell(5, header.index("target_number") + 1).value == 5.5
