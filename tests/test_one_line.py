"""Bad input on every command is one line naming the file, never a traceback; `-v` adds the
traceback (issue 17, point 6). File names are printed with their control characters escaped."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from goaltables.cli import main

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "samples" / "pdf" / "2023-plan-goal-cards.pdf"


def _invoke(*arguments: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in arguments])
    return result.exit_code, result.stderr


@pytest.fixture
def junk(tmp_path: Path) -> Path:
    path = tmp_path / "junk\x1b[31m.pdf"  # a name that would colour a terminal red
    path.write_bytes(random.Random(3).randbytes(3000))
    return path


def _escaped(path: Path) -> str:
    return str(path).replace("\x1b", "\\x1b")


@pytest.mark.parametrize("command", ["extract", "tables", "inspect"])
def test_a_bad_file_is_one_line_and_v_adds_the_traceback(
    command: str, junk: Path, tmp_path: Path
) -> None:
    out = ["-o", str(tmp_path / "pics")] if command == "inspect" else []
    code, said = _invoke(command, junk, *out)
    assert code in (1, 2)
    assert len(said.splitlines()) == 1 and said.startswith(f"error: {_escaped(junk)}: ")
    assert "\x1b" not in said and "Traceback" not in said
    code, said = _invoke(command, junk, *out, "-v")
    assert "Traceback (most recent call last)" in said
    assert said.splitlines()[-1].startswith(f"error: {_escaped(junk)}: ")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["tables", PDF, "--pages", "1-2000000000"], "no document read has pages past 5,000"),
        (["tables", PDF, "--pages", "2e9"], "give pages as 3-5 or 1,4,7-9"),
        (["inspect", PDF, "-o", "pics", "--resolution", "20000"], "not in the range 10<=x<=1200"),
        (["inspect", PDF, "-o", "pics", "--resolution", "-1"], "not in the range 10<=x<=1200"),
        (["run", PDF, "-o", "out", "--memory", "-5"], "not in the range x>=0"),
    ],
)
def test_an_option_out_of_range_is_a_usage_error(
    arguments: list[str | Path], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, said = _invoke(*arguments)
    assert code == 2
    assert message in said and "Traceback" not in said


def test_report_on_a_missing_folder_makes_no_folder(tmp_path: Path) -> None:
    code, said = _invoke("report", tmp_path / "missing", "-o", tmp_path / "new" / "r.html")
    assert (code, said) == (2, f"error: {tmp_path}/missing: no such folder\n")
    assert not (tmp_path / "new").exists()
