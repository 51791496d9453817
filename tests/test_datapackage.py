"""OUT/datapackage.json: a Frictionless Data Package that validates against the CSV tables."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from frictionless import Package

from goaltables.cli import main
from goaltables.export.schema import DOCUMENTS, GOALS

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / "samples" / "pdf"


@pytest.fixture
def reports(tmp_path: Path, seed_000: Path) -> Path:
    """A series of three, a text dump, a duplicate and a broken file."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (
        "2022-plan-ruled-merged-cells.pdf",
        "2022-outcome-landscape-merged-traffic-lights.pdf",
        "2023-plan-goal-cards.pdf",
    ):
        shutil.copy(PDFS / name, folder / name)
    shutil.copy(PDFS / "2023-plan-goal-cards.pdf", folder / "kopio.pdf")
    shutil.copy(seed_000, folder / "2021-toteuma.txt")
    (folder / "rikki.pdf").write_bytes(b"%PDF-1.7\n garbage")
    return folder


def _run(reports: Path, out: Path, *options: str) -> dict[str, object]:
    result = CliRunner().invoke(main, ["run", str(reports), "-o", str(out), *options])
    assert result.exit_code == 1, result.stderr  # rikki.pdf failed
    descriptor: dict[str, object] = json.loads((out / "datapackage.json").read_text("utf-8"))
    return descriptor


def _errors(out: Path) -> list[str]:
    report = Package(str(out / "datapackage.json")).validate()
    return [error.message for task in report.tasks for error in task.errors] + [
        error.message for error in report.errors
    ]


@pytest.mark.parametrize("options", [(), ("--excel",)])
def test_the_package_validates(reports: Path, tmp_path: Path, options: tuple[str, ...]) -> None:
    out = tmp_path / "out"
    descriptor = _run(reports, out, *options)
    assert _errors(out) == []
    resources = {r["name"]: r for r in descriptor["resources"]}  # type: ignore[attr-defined]
    assert list(resources) == ["goals", "documents", "problems", "links", "comparison"]
    goals = resources["goals"]["schema"]
    assert [f["name"] for f in goals["fields"]] == [c.name for c in GOALS]
    assert [f["name"] for f in resources["documents"]["schema"]["fields"]] == [
        c.name for c in DOCUMENTS
    ]
    fields = {f["name"]: f for f in goals["fields"]}
    assert fields["status"]["constraints"] == {"enum": ["green", "yellow", "red", "grey"]}
    assert fields["year"]["type"] == "integer" and fields["goal"]["type"] == "string"
    assert fields["target_number"]["type"] == "number" and fields["target_met"]["type"] == "boolean"
    assert fields["target_comparator"]["constraints"] == {"enum": ["≥", ">", "≤", "<", "≈"]}
    assert fields["target_met"]["description"].startswith("Whether actual_number meets")
    assert fields["goal"]["description"] == "The goal's text, its number removed"
    assert goals["foreignKeys"][0]["reference"] == {"resource": "documents", "fields": ["doc_id"]}
    assert resources["documents"]["schema"]["primaryKey"] == ["source"]
    comparison = {f["name"]: f for f in resources["comparison"]["schema"]["fields"]}
    assert comparison["2022 outcome status"]["constraints"]["enum"][0] == "green"
    assert comparison["new"]["type"] == "boolean"
    assert comparison["2022 outcome rating"]["type"] == "integer"
    delimiter = ";" if options else ","
    assert resources["goals"]["dialect"]["delimiter"] == delimiter


def test_a_table_that_breaks_its_schema_does_not_validate(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(reports, out)
    goals = out / "goals.csv"
    text = goals.read_text("utf-8")
    goals.write_text(text.replace(",green,", ",purple,", 1), encoding="utf-8")
    errors = _errors(out)
    assert len(errors) == 1 and '"purple"' in errors[0] and "enum" in errors[0]
