"""The README's shell examples run as written, so a README that drifts from the command line
fails here. Each ```sh block's lines run one after another, as bash would run them, in a
fresh folder that holds the files the examples name: bundled samples standing in for a
reader's own reports. The two `make` commands at the top are not run here (they set up the
machine, and `make test` runs this)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from goaltables.cli import main
from goaltables.export.schema import GOALS
from tests.golden_samples import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SAMPLES = ROOT / "samples"

# The names the usage block gives a reader's files, and the bundled file standing in for each:
# small ones, so the block runs in seconds.
STAND_INS = {
    "reports/2022-delarsrapport.txt": SAMPLES / "2022-interim-sv-delarsrapport.txt",
    "archive/2022/talousarvio.pdf": SAMPLES / "pdf" / "2022-plan-ruled-merged-cells.pdf",
    "tilinpaatos-2024.pdf": SAMPLES / "pdf" / "2022-plan-ruled-merged-cells.pdf",
    "2021-toteuma.txt": SAMPLES / "2022-interim-sv-delarsrapport.txt",
    "tavoitteet.csv": SAMPLES / "formats" / "2022-outcome-merged-traffic-lights.csv",
    "talousarvio.docx": SAMPLES / "pdf" / "2022-plan-ruled-merged-cells.docx",
    "salattu.pdf": ROOT / "tests" / "data" / "bad-pdf" / "encrypted-user-password.pdf",
}

# Lines left out, and why: each needs what no bundled file has.
NOT_RUN = {
    "--pages 58": "pages 58-60 of the real 2024 annual report, which is not bundled",
}

# Lines that end as a run reading nothing does (exit 1), and what they say. None today: the
# encrypted stand-in's one small goal table (a plain header over one row) is read once the
# password opens it, so its line makes a dataset like any other.
EXPECTED_FAILURES: dict[str, str] = {}


@dataclass(frozen=True)
class Example:
    command: str  # as bash runs it, continuation lines joined
    comment: str  # what the README says it does or prints


def sh_blocks() -> list[list[Example]]:
    """Each ```sh block's commands, with their comments; the `make` lines left out."""
    blocks = [block.split("\n```", 1)[0] for block in README.split("```sh\n")[1:]]
    return [[e for e in _examples(b) if not e.command.startswith("make ")] for b in blocks]


def _examples(block: str) -> list[Example]:
    examples = []
    for line in block.replace("\\\n", " ").splitlines():
        # A comment starts at "  # " (a glob's '**' or a '#' in a name is not one).
        command, _, comment = line.partition("  # ")
        if command.strip():
            examples.append(Example(" ".join(command.split()), comment.strip()))
    return examples


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


def _run(example: Example, folder: Path) -> Done:
    """One README line in `folder`: a plain goaltables command (with `<` and `>`) in this
    process, which saves starting Python and its libraries for each; anything else in bash."""
    words = shlex.split(example.command)
    if words[0] != "goaltables" or set(example.command) & set("&|;"):
        return _run_in_bash(example, folder)
    stdin, stdout_file = _redirect(words, "<"), _redirect(words, ">")
    with contextlib.chdir(folder):
        input_bytes = Path(stdin).read_bytes() if stdin else None
        result = CliRunner().invoke(main, words[1:], input=input_bytes)
        if stdout_file:
            Path(stdout_file).write_bytes(result.stdout_bytes)
    return Done(result.exit_code, result.stdout, result.stderr)


def _redirect(words: list[str], sign: str) -> str | None:
    """The file after `sign` ('<' or '>'), taken out of `words`; None without one."""
    if sign not in words:
        return None
    at = words.index(sign)
    name = words[at + 1]
    del words[at : at + 2]
    return name


def _run_in_bash(example: Example, folder: Path) -> Done:
    prelude = f'goaltables() {{ "{sys.executable}" -m goaltables "$@"; }}\n'
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        ["bash", "-c", prelude + example.command],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return Done(done.returncode, done.stdout, done.stderr)


def _skipped(example: Example) -> bool:
    return any(marker in example.command for marker in NOT_RUN)


def _stage(folder: Path) -> None:
    for name, sample in STAND_INS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(sample, folder / name)


def _check(example: Example, done: Done, folder: Path) -> None:
    """What the line says it makes is there: the dataset, the page, the rows, the JSON."""
    words = example.command.split()
    failure = [said for name, said in EXPECTED_FAILURES.items() if name in example.command]
    if failure:
        assert done.returncode == 1 and failure[0] in done.stderr, done.stderr
        return
    assert done.returncode == 0, (example.command, done.stderr)
    if re.search(r"\d+ files: ", example.comment):  # the README shows the summary printed
        assert example.comment in done.stderr, (example.comment, done.stderr)
    if words[1] == "run" and "-o -" not in example.command:
        goals = (folder / words[words.index("-o") + 1] / "goals.csv").read_bytes()
        excel = "--excel" in words  # Finnish Excel's CSV: a BOM, and ';'
        assert goals.startswith(b"\xef\xbb\xbf") == excel
        assert _goal_rows(goals.decode("utf-8-sig"), ";" if excel else ","), example.command
        _check_page(example, folder)
    if "-o -" in example.command:
        assert done.stderr == "" and _goal_rows((folder / words[-1]).read_text("utf-8"))
    if words[1] == "extract" and "--csv" in words:
        assert _goal_rows(done.stdout)
    if words[1] in ("extract", "tables") and "--json" in words:
        assert [json.loads(line) for line in done.stdout.splitlines()]
    if words[1] == "extract" and "--json" not in words:
        assert len(done.stdout.splitlines()) > 1, example.command
    if words[1] == "report":
        _check_page(example, folder)


def _goal_rows(text: str, delimiter: str = ",") -> int:
    """How many goal rows a goals table's CSV holds, its header being the goals table's."""
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    assert rows[0] == [c.name for c in GOALS]
    return len(rows) - 1


def _check_page(example: Example, folder: Path) -> None:
    words = example.command.split()
    if words[1] == "run":  # the page among the outputs
        target = f"{words[words.index('-o') + 1]}/report.html"
    else:
        target = words[words.index("-o") + 1] if "-o" in words else f"{words[2]}/report.html"
    page = (folder / target).read_text("utf-8")
    lang = words[words.index("--lang") + 1] if "--lang" in words else None
    assert "<table" in page and (lang is None or f'<html lang="{lang}"' in page)


def test_the_readme_has_its_examples() -> None:
    usage, worked = sh_blocks()[1:]
    assert len(usage) >= 10 and len(worked) == 2
    assert all(any(m in e.command for e in usage) for m in NOT_RUN | EXPECTED_FAILURES)


def test_the_usage_examples_run(tmp_path: Path) -> None:
    """The block of commands under the introduction, on small stand-ins for a reader's files."""
    _stage(tmp_path)
    for example in sh_blocks()[1]:
        if not _skipped(example):
            _check(example, _run(example, tmp_path), tmp_path)


def test_the_worked_example_runs(tmp_path: Path) -> None:
    """The worked example copies the sample series itself and says what the run prints; the
    run writes the page its fourth point shows."""
    (tmp_path / "samples").symlink_to(SAMPLES)
    for example in sh_blocks()[2]:
        _check(example, _run(example, tmp_path), tmp_path)
    assert (tmp_path / "out" / "report.html").exists()


@pytest.mark.parametrize(
    ("block", "commands"),
    [
        ("goaltables run a/ -o out/  # x -> out/\n", ["goaltables run a/ -o out/"]),
        ("mkdir r && cp x \\\n  y r/\n", ["mkdir r && cp x y r/"]),
        ("goaltables run 'a/**/*.pdf' -o o/\n", ["goaltables run 'a/**/*.pdf' -o o/"]),
    ],
)
def test_readme_lines_are_read_as_bash_would(block: str, commands: list[str]) -> None:
    assert [e.command for e in _examples(block)] == commands
