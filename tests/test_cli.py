from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from goaltables.cli import main


@pytest.fixture
def reports(tmp_path: Path, seed_000: Path, seed_001: Path) -> Path:
    folder = tmp_path / "reports"
    (folder / "2021").mkdir(parents=True)
    shutil.copy(seed_000, folder / "2021" / "toteuma.txt")
    shutil.copy(seed_001, folder / "luonnos.txt")
    (folder / "README.md").write_text("not a report", encoding="utf-8")
    return folder


def test_every_command_has_help_with_an_example() -> None:
    runner = CliRunner()
    for command in ([], ["run"], ["extract"]):
        result = runner.invoke(main, [*command, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output


def test_run_writes_the_dataset(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(reports), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        ".cache",
        ".goaltables-run.json",
        "comparison.csv",
        "comparison.parquet",
        "datapackage.json",
        "documents.csv",
        "documents.parquet",
        "goals.csv",
        "goals.parquet",
        "goals.xlsx",
        "links.csv",
        "links.parquet",
        "problems.csv",
        "problems.parquet",
        "report.html",
        "review.csv",
    ]
    goals = pd.read_csv(out / "goals.csv", dtype=str, keep_default_na=False)
    assert goals.groupby("source").size().to_dict() == {"2021/toteuma.txt": 12, "luonnos.txt": 9}
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    assert documents["goals_found"].tolist() == ["10", "7"]
    # The seeds are one table in two versions: their 7 shared goals link, so 10 goals in all.
    assert "2 files: 2 read, 0 failed; 21 rows of 10 goals" in result.stderr


def test_parquet_is_typed_and_versioned(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    CliRunner().invoke(main, ["run", str(reports), "-o", str(out)])
    table = pq.read_table(out / "goals.parquet")
    assert table.schema.metadata[b"goaltables_schema_version"] == b"2"
    types = {f.name: str(f.type) for f in table.schema}
    assert types["year"] == types["rating"] == types["page"] == "int64"
    assert types["goal"] == "string"
    assert types["target_number"] == "double" and types["target_met"] == "bool"
    assert table.column("year").to_pylist()[:1] == [2021]
    assert table.column("page").null_count == table.num_rows


def test_excel_csv_opens_in_finnish_excel(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    CliRunner().invoke(main, ["run", str(reports), "-o", str(out), "--excel"])
    raw = (out / "goals.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines()[0].startswith("doc_id;source;page;year;phase;")


def test_a_bad_file_fails_alone(reports: Path, tmp_path: Path) -> None:
    (reports / "rikki.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(reports), "-o", str(out)])
    assert result.exit_code == 1
    assert "error: rikki.txt: not text in UTF-8, UTF-16, Windows-1252 or Latin-1" in result.stderr
    goals = pd.read_csv(out / "goals.csv", dtype=str)
    assert len(goals) == 21  # the good files' rows are all there
    problems = pd.read_csv(out / "problems.csv", dtype=str)
    assert problems[problems.kind == "encoding"].source.tolist() == ["rikki.txt"]
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    assert documents.set_index("source").loc["rikki.txt", "problems"].startswith("not text")


def test_a_missing_input_is_a_usage_error_and_replaces_nothing(
    reports: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["run", str(reports), "-o", str(out)]).exit_code == 0
    before = (out / "goals.csv").read_bytes()
    for typo in (tmp_path / "raprots", f"{reports}/*.pfd"):
        result = CliRunner().invoke(main, ["run", str(typo), "-o", str(out)])
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [
            f"error: {typo}: no such file or folder"
            if "*" not in str(typo)
            else f"error: {typo}: no file or folder matches this pattern"
        ]
        assert (out / "goals.csv").read_bytes() == before


def test_usage_error_exits_2() -> None:
    assert CliRunner().invoke(main, ["run"]).exit_code == 2
    assert CliRunner().invoke(main, ["run", "x.txt"]).exit_code == 2  # no -o


def test_extract_prints_a_table(seed_001: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("goaltables.cli.stdout_is_terminal", lambda: True)
    result = CliRunner().invoke(main, ["extract", str(seed_001)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "page",
        "area",
        "goal_no",
        "goal",
        "measure_no",
        "measure",
        "rating_raw",
        "status",
    ]
    assert len(lines) == 1 + 9
    assert "Kasin talous ja hallintopalvelut" in lines[1]


def test_extract_json_lines_carry_provenance(seed_000: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(seed_000), "--json"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 12
    assert (rows[0]["goal_no"], rows[0]["table"], rows[0]["row"]) == ("1", 1, 15)
    assert rows[-1]["area"] == "Vapaa-aikapalvelut"
    assert "note:" in result.stderr  # the lost rating column is said, on stderr


def test_extract_of_a_bad_file_says_why(tmp_path: Path) -> None:
    empty = tmp_path / "tyhja.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", str(empty)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {empty}: the file is empty"


def test_strict_stops_at_the_first_failure(tmp_path: Path, seed_001: Path) -> None:
    broken = tmp_path / "a-rikki.txt"
    broken.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["run", str(broken), str(seed_001), "-o", str(out), "--strict"]
    )
    assert result.exit_code == 1
    assert "1 files: 0 read, 1 failed" in result.stderr  # seed 001 was not reached
