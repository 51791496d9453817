"""One file's fault stays that file's: control characters in a cell, text no UTF-8 file holds,
file names of any bytes and stray quotes in a text export each cost a note, never the batch;
an output that cannot be written is named in one line."""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from goaltables.cli import main
from goaltables.errors import OutputError
from goaltables.escapes import name_as_text, printable
from goaltables.export import dataset, workbook
from goaltables.export.escaping import UNENCODABLE_NOTE
from goaltables.extract import extract
from goaltables.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "samples" / "formats" / "2022-outcome-merged-traffic-lights.html"
DOCX = ROOT / "samples" / "pdf" / "2023-plan-goal-cards.docx"
TABLES = ("goals", "documents", "problems", "links", "comparison")
OUTPUTS = [
    *(f"{table}.{suffix}" for table in TABLES for suffix in ("csv", "parquet")),
    "review.csv",
    "goals.xlsx",
    "datapackage.json",
    "report.html",
]
HEADER = "Tulosalue\tTavoite\tMittari\tTavoitetaso\tToteutuminen\tArvio"


def _invoke(*arguments: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in arguments])
    return result.exit_code, result.stderr


@pytest.fixture
def folder(tmp_path: Path, seed_001: Path) -> Path:
    """Two good reports and a web page with ESC, SOH and BEL in its cells."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_001, folder / "2021-luonnos.txt")
    shutil.copy(DOCX, folder)
    page = HTML.read_text(encoding="utf-8")
    page = page.replace("Talousarvion toteutumista", "Talousarvion &#27;[31m toteutumista &#1;", 1)
    page = page.replace("<b>Sivistystoimen hallinto</b>", "<b>Sivistystoimen &#7;hallinto</b>", 1)
    (folder / "control.html").write_text(page, encoding="utf-8")
    return folder


def _rows_per_source(out: Path) -> dict[str, int]:
    goals = pd.read_csv(out / "goals.csv", dtype=str)
    return goals["source"].value_counts().to_dict()  # type: ignore[no-any-return]


def test_control_characters_in_a_cell_cost_the_batch_nothing(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    code, said = _invoke("run", folder, "-o", tmp_path / "out", "--cache", cache)
    assert code == 0, said
    out = tmp_path / "out"
    assert all((out / name).is_file() for name in OUTPUTS)
    assert _rows_per_source(out) == {
        "control.html": 27,
        "2023-plan-goal-cards.docx": 29,
        "2021-luonnos.txt": 9,
    }
    problems = pd.read_csv(out / "problems.csv", dtype=str)
    notes = problems[problems["message"].str.contains("goals.xlsx, which cannot hold them")]
    assert notes["source"].tolist() == ["control.html"]
    assert notes["message"].iloc[0].startswith(r"characters \x01\x07\x1b in area, measure:")
    sheet = openpyxl.load_workbook(out / "goals.xlsx")["goals"]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert "Talousarvion \\x1b[31m toteutumista \\x01 seurataan tulosalueittain" in " ".join(texts)
    goals = pd.read_csv(out / "goals.csv", dtype=str)
    assert goals["measure"].str.contains("\x1b[31m", regex=False).any()  # CSV keeps them as read
    # The entry cached for the page gives the same, run after run.
    code, said = _invoke("run", folder, "-o", tmp_path / "again", "--cache", cache)
    assert code == 0, said
    assert said.count("(from the cache)") == 3
    assert (tmp_path / "again" / "goals.csv").read_bytes() == (out / "goals.csv").read_bytes()


def test_a_failure_while_writing_names_the_file_and_the_row(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    code, said = _invoke("run", folder / "2021-luonnos.txt", "-o", out)
    assert code == 0, said
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    # As if the workbook did not escape: openpyxl refuses the page's ESC.
    monkeypatch.setattr(workbook, "escape", lambda text, unsafe: text)
    code, said = _invoke("run", folder, "-o", out)
    assert code == 1
    last = said.strip().splitlines()[-1]
    assert last.startswith(f"error: {out}/goals.xlsx: could not be written (sheet goals, row ")
    assert "(from control.html): IllegalCharacterError" in last
    assert "Traceback" not in said and "\x1b" not in said
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before  # none replaced


def test_text_no_utf8_file_holds_is_escaped_everywhere(tmp_path: Path, seed_001: Path) -> None:
    result = run([seed_001])
    broken = replace(result.records[0], goal="Oppiminen \ud800 paranee")  # a broken font map's
    records = [broken, *result.records[1:]]
    written = dataset.write_dataset(tmp_path, result.documents, records, result.problems)
    assert sorted(p.name for p in written) == sorted(OUTPUTS)
    goals = pd.read_csv(tmp_path / "goals.csv", dtype=str)
    assert goals["goal"].iloc[0] == "Oppiminen \\ud800 paranee"
    problems = pd.read_csv(tmp_path / "problems.csv", dtype=str)
    assert UNENCODABLE_NOTE in problems["message"].tolist()


def test_an_unwritable_output_folder_is_one_error(tmp_path: Path, seed_001: Path) -> None:
    result = run([seed_001])
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError, match=r"a-file/goals.csv: could not be written \("):
        dataset.write_dataset(tmp_path / "a-file", result.documents, result.records, [])


NAMES = [b"bad-\xff\xfe.txt", b"esc-\x1b[31mred.txt", b"bel-\x07.txt", b"line\nbreak.txt"]
ESCAPED = ["bad-\\xff\\xfe.txt", "esc-\\x1b[31mred.txt", "bel-\\x07.txt", "line\\x0abreak.txt"]


def test_file_names_of_any_bytes_are_read_stored_and_printed_safely(
    tmp_path: Path, seed_001: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number, name in enumerate(NAMES):  # other bytes each: no duplicates
        (folder / os.fsdecode(name)).write_bytes(seed_001.read_bytes() + b"\n" * number)
    code, said = _invoke("run", folder, "-o", tmp_path / "out")
    assert code == 0, said
    assert not any(c in said for c in "\x1b\x07\udcff")
    assert "] bad-\\xff\\xfe.txt: 9 rows" in said
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str)
    assert sorted(documents["source"]) == sorted(ESCAPED)
    assert set(_rows_per_source(tmp_path / "out")) == set(ESCAPED)
    code, said = _invoke("extract", folder / os.fsdecode(NAMES[1]))
    assert code == 0 and "\x1b" not in said


def test_names_and_lines_are_escaped_for_the_terminal() -> None:
    assert name_as_text(os.fsdecode(b"a\xff\x1b[2J\x07.txt")) == "a\\xff\\x1b[2J\\x07.txt"
    assert printable("one\nline\r\x9b31m\udcc3 ä €") == "one\\x0aline\\x0d\\x9b31m\\xc3 ä €"


def _text_export(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kirjasto-2023.txt"
    path.write_text("Kirjaston tavoitteet 2023\n" + HEADER + "\n" + text, encoding="utf-8")
    return path


def test_a_quote_never_closed_costs_a_note_not_the_rows(tmp_path: Path) -> None:
    rows = "".join(
        f"Kirjasto\t{n}. Lainaus kasvaa {n}.\t{n}. Lainat\t{n}\tKasvoi.\t2\n" for n in range(1, 6)
    )
    path = _text_export(tmp_path, rows.replace("3\tKasvoi.", '3\t"Kasvoi.', 1))
    extraction = extract(path)
    assert [r.goal_no for r in extraction.records] == ["1", "2", "3", "4", "5"]
    assert [r.progress for r in extraction.records][1:4] == ["Kasvoi.", '"Kasvoi.', "Kasvoi."]
    assert "its quoted cells could not be read (a quote is never closed)" in " ".join(
        extraction.document.problems
    )


@pytest.fixture
def default_field_limit() -> Iterator[None]:
    """The csv module's own limit (importing frictionless, as other tests do, raises it)."""
    previous = csv.field_size_limit(131_072)
    yield
    csv.field_size_limit(previous)


@pytest.mark.usefixtures("default_field_limit")
def test_a_cell_past_the_csv_field_limit_costs_a_note_not_the_file(tmp_path: Path) -> None:
    long = "pitkä " * 40_000  # 240,000 characters: past the csv module's 131,072
    path = _text_export(
        tmp_path,
        f'Kirjasto\t1. Lainaus kasvaa.\t1. Lainat\t1\t"{long}"\t2\n'
        "B\t2. Kävijät lisääntyvät.\t1. Käynnit\t1\tKasvoi.\t1\n",
    )
    extraction = extract(path)
    assert [r.goal for r in extraction.records] == ["Lainaus kasvaa.", "Kävijät lisääntyvät."]
    assert "field larger than field limit" in " ".join(extraction.document.problems)
