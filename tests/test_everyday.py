"""Everyday use (issue 14): a machine without LibreOffice, a folder that holds its own outputs,
a typo, CSV in, same-named files in two folders, and the csvkit / sqlite-utils conventions."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pandas as pd
import pytest
from click.testing import CliRunner
from frictionless import Package

from goaltables.cli import main
from goaltables.export.schema import GOALS
from goaltables.extract import READERS, extract
from goaltables.inputs import collect_inputs
from tests.golden_samples import ROOT, SAMPLES
from tests.truth import compare

ODT = SAMPLES / "formats" / "2022-outcome-merged-traffic-lights.odt"
# No worker processes: monkeypatches reach the reading (a local function cannot be sent).
IN_PROCESS = ("--jobs", "1", "--timeout", "0", "--memory", "0")
NO_LIMITS = ("--timeout", "0", "--memory", "0")


def _invoke(*arguments: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in arguments])
    return result.exit_code, result.stdout, result.stderr


# --- 1. Fresh machines --------------------------------------------------------------------------


def test_without_libreoffice_the_run_ends_well_and_tries_again_later(
    tmp_path: Path, seed_001: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(ODT, folder / "outcome.odt")
    shutil.copy(seed_001, folder / "luonnos.txt")
    out = tmp_path / "out"
    with monkeypatch.context() as machine:
        machine.setattr("shutil.which", lambda name: None)
        code, _, said = _invoke("run", folder, "-o", out, *IN_PROCESS)
    assert code == 0, said
    assert "skipped: outcome.odt: reading .odt needs LibreOffice" in said
    assert "2 files: 1 read, 0 failed; 1 skipped for want of a tool" in said
    problems = pd.read_csv(out / "problems.csv", dtype=str)
    assert problems.set_index("source").loc["outcome.odt", "kind"] == "missing-tool"
    assert _page(out).get("lang") == "fi"  # the run wrote the page with the rest
    # LibreOffice is there now: the file is read, neither "nothing changed" nor a cached failure.
    code, _, said = _invoke("run", folder, "-o", out, *IN_PROCESS)
    assert code == 0, said
    assert "nothing changed" not in said
    assert "2 files: 2 read, 0 failed; 36 rows" in said


def test_a_relative_out_reads_through_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make run` gives `-o out`: the temporary folder LibreOffice's profile lives in is named
    whole, or the file URI of the profile cannot be made (an internal-error per file, exit 1)."""
    shutil.copy(ODT, tmp_path / "outcome.odt")
    monkeypatch.chdir(tmp_path)
    code, _, said = _invoke("run", "outcome.odt", "-o", "out", "--jobs", "1")
    assert code == 0, said
    assert "1 files: 1 read, 0 failed; 27 rows" in said


def _shim(path: Path, script: str) -> None:
    path.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    path.chmod(0o755)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_run_goes_on_where_libreoffice_cannot_be_installed(tmp_path: Path) -> None:
    """`make run` on a machine without LibreOffice, as a user who is not root: the install is
    tried and fails, and the run goes on. PATH holds only shims (no soffice, an apt-get that
    fails as for a non-root user and records its call); BIN's goaltables records its call, and
    the stamp says the .venv is made."""
    calls, shims, bin_folder = tmp_path / "calls", tmp_path / "path", tmp_path / "bin"
    shims.mkdir()
    bin_folder.mkdir()
    for tool in ("make", "dirname", "readlink"):
        (shims / tool).symlink_to(str(shutil.which(tool)))
    _shim(shims / "apt-get", f'echo "apt-get $*" >> {calls}; exit 100')
    _shim(bin_folder / "goaltables", f'echo "goaltables $*" >> {calls}')
    (tmp_path / "stamp").touch()
    out = tmp_path / "out"
    variables = [f"BIN={bin_folder}", f"STAMP={tmp_path / 'stamp'}", f"OUT={out}"]
    done = subprocess.run(
        ["make", "--no-print-directory", "run", *variables],
        cwd=ROOT,
        env={"PATH": str(shims), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "could not install LibreOffice" in done.stdout
    assert "going on without LibreOffice" in done.stdout
    said = calls.read_text("utf-8").splitlines()
    assert said[0] == "apt-get update -q"  # it was tried
    assert said[-1].startswith("goaltables run samples ") and said[-1].endswith(f"-o {out}")


# --- 2. Safe folders ----------------------------------------------------------------------------


def _kept(out: Path) -> dict[str, bytes]:
    """The outputs a run that reads nothing must leave as they were."""
    return {name: (out / name).read_bytes() for name in ("goals.csv", "report.html")}


@pytest.fixture
def reports(tmp_path: Path, seed_000: Path, seed_001: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(seed_000, folder / "2021-toteuma.txt")
    shutil.copy(seed_001, folder / "2021-luonnos.txt")
    return folder


def test_a_run_never_reads_its_own_outputs(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(reports)
    for _ in range(2):  # `cd reports && goaltables run . -o out`, twice
        code, _, said = _invoke("run", ".", "-o", "out", "--force")
        assert code == 0, said
        assert "2 files: 2 read, 0 failed; 21 rows" in said
    # Outputs copied elsewhere in the folder, and the report page beside the reports.
    shutil.copytree(reports / "out", reports / "old", ignore=shutil.ignore_patterns(".*"))
    assert _invoke("report", "out", "-o", "report.html")[0] == 0
    code, _, said = _invoke("run", ".", "-o", tmp_path / "elsewhere")
    assert code == 0, said
    sources = pd.read_csv(tmp_path / "elsewhere" / "documents.csv", dtype=str)["source"]
    assert sources.tolist() == ["2021-luonnos.txt", "2021-toteuma.txt"]


def test_inputs_without_reports_replace_nothing(reports: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _invoke("run", reports, "-o", out)[0] == 0
    before = _kept(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "manifest.csv").write_text("path,organisation,year,phase,series\n", "utf-8")
    code, _, said = _invoke("run", empty, "-o", out)
    assert code == 2
    assert said.splitlines() == [
        f"error: {empty}: no report file in it: nothing was read, no output replaced"
    ]
    assert _kept(out) == before


def test_a_run_that_reads_no_file_replaces_nothing(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert _invoke("run", reports, "-o", out)[0] == 0
    before = _kept(out)
    unread = tmp_path / "unread"
    unread.mkdir()
    (unread / "rikki.txt").write_bytes(bytes(range(256)) * 4)
    shutil.copy(ODT, unread / "outcome.odt")
    monkeypatch.setattr("shutil.which", lambda name: None)  # and no LibreOffice
    code, _, said = _invoke("run", unread, "-o", out, *IN_PROCESS)
    assert code == 1
    assert said.splitlines()[-1] == (
        "error: 2 files: 0 read, 1 failed (1 encoding); 1 skipped for want of a tool (see "
        "above); nothing was read, so no output was replaced"
    )
    assert _kept(out) == before


def test_manifest_rows_that_match_no_input_are_reported(reports: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,organisation,year,phase,series\n"
        "2021-toteuma.txt,Kasin kunta,2021,outcome,\n"
        "2021-toteutuma.txt,Kasin kunta,2021,outcome,\n",  # a typo
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, _, said = _invoke("run", reports, "-o", out, "--manifest", manifest)
    assert code == 0, said
    assert "note: 2021-toteutuma.txt: named in the manifest, but no input is this file" in said
    assert "2021-toteuma.txt: named" not in said
    problems = pd.read_csv(out / "problems.csv", dtype=str)
    assert "2021-toteutuma.txt" in problems["source"].tolist()


# --- 3. CSV in ----------------------------------------------------------------------------------

CSV_SAMPLE = SAMPLES / "formats" / "2022-outcome-merged-traffic-lights.csv"
TRUTH = SAMPLES / "pdf" / "truth" / "2022-outcome-landscape-merged-traffic-lights.csv"
# What a CSV cannot carry: the balls' colours (so the ratings), and the sector the workbook's
# title cell gives.
LOST_IN_CSV = {"rating_raw", "rating", "rating_label", "status", "sector"}


def test_excel_csv_reads_like_the_workbook() -> None:
    result = compare(CSV_SAMPLE, TRUTH, ("page",))
    assert (result.read_rows, result.matched_rows) == (27, 27)
    assert set(result.wrong) == LOST_IN_CSV


def test_a_comma_csv_in_windows_1252_reads_the_same(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO(CSV_SAMPLE.read_text("utf-8-sig")), delimiter=";"))
    comma = tmp_path / "tavoitteet.csv"
    with comma.open("w", encoding="cp1252", errors="replace", newline="") as handle:
        csv.writer(handle).writerows(rows)  # ● becomes ?, as Excel's ANSI CSV does
    semicolon, read = extract(CSV_SAMPLE), extract(comma)
    assert read.document.format == "text/csv"
    assert [(r.goal_no, r.goal, r.measure, r.target, r.actual) for r in read.records] == [
        (r.goal_no, r.goal, r.measure, r.target, r.actual) for r in semicolon.records
    ]


def test_a_folder_walk_takes_goal_table_csv_only(reports: Path, tmp_path: Path) -> None:
    shutil.copy(CSV_SAMPLE, reports / "tilinpaatos.csv")
    (reports / "manifest.csv").write_text("path,organisation,year,phase\n", encoding="utf-8")
    shutil.copy(TRUTH, reports / "truth.csv")  # goaltables' own columns: an output
    sources = [f.source for f in collect_inputs([reports])]
    assert sources == ["2021-luonnos.txt", "2021-toteuma.txt", "tilinpaatos.csv"]


# --- 4. Unique provenance -----------------------------------------------------------------------


def test_same_named_files_in_two_folders_keep_apart(
    tmp_path: Path, seed_000: Path, seed_001: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for year, seed in (("2022", seed_001), ("2023", seed_000)):
        (tmp_path / "amb" / year).mkdir(parents=True)
        shutil.copy(seed, tmp_path / "amb" / year / "tilinpaatos.txt")
    monkeypatch.chdir(tmp_path)
    code, _, said = _invoke("run", "amb/2022", "amb/2023", "-o", "out")
    assert code == 0, said
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", dtype=str)
    assert documents["source"].tolist() == ["amb/2022/tilinpaatos.txt", "amb/2023/tilinpaatos.txt"]
    report = Package(str(tmp_path / "out" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "message"])


# --- 5. Conventions -----------------------------------------------------------------------------


def test_dash_o_writes_the_goals_table_to_stdout(reports: Path, tmp_path: Path) -> None:
    code, out, said = _invoke("run", reports, "-o", "-")
    assert code == 0, said
    goals = pd.read_csv(io.StringIO(out), dtype=str)
    assert list(goals.columns) == [c.name for c in GOALS]
    assert len(goals) == 21
    assert not Path("-").exists()


def test_dash_o_at_a_file_is_a_usage_error(reports: Path, tmp_path: Path) -> None:
    taken = tmp_path / "result.csv"
    taken.write_text("mine\n", encoding="utf-8")
    code, _, said = _invoke("run", reports, "-o", taken)
    assert code == 2
    assert said.splitlines() == [
        f"error: {taken}: is a file, not a folder: give -o a folder "
        "(or - for the goals table as CSV on stdout)"
    ]
    assert taken.read_text(encoding="utf-8") == "mine\n"
    code, _, said = _invoke("run", reports, "-o", tmp_path / "tulos.csv")
    assert code == 2
    assert said.splitlines() == [
        f"error: {tmp_path / 'tulos.csv'}: named like a file, but -o takes a folder "
        "(or - for the goals table as CSV on stdout)"
    ]
    assert not (tmp_path / "tulos.csv").exists()


def test_extract_writes_csv_json_and_whole_rows_and_reads_stdin(seed_001: Path) -> None:
    result = CliRunner().invoke(main, ["extract", "-", "--csv"], input=seed_001.read_bytes())
    assert result.exit_code == 0, result.stderr
    goals = pd.read_csv(io.StringIO(result.stdout), dtype=str, keep_default_na=False)
    assert list(goals.columns) == [c.name for c in GOALS]
    assert len(goals) == 9 and set(goals["source"]) == {"stdin"}
    longest = max(goals["progress"], key=len)
    assert len(longest) > 100
    piped = CliRunner().invoke(main, ["extract", str(seed_001)]).stdout  # no terminal: whole
    assert len(piped.splitlines()) == 1 + 9
    assert longest in piped
    _, lines, _ = _invoke("extract", seed_001, "--json")
    assert len(lines.splitlines()) == 9
    code, _, said = _invoke("extract", seed_001, "--json", "--csv")
    assert (code, said) == (2, "error: give --json or --csv, not both\n")


def test_verbose_shows_tracebacks_and_quiet_only_errors(
    reports: Path, tmp_path: Path, seed_001: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, said = _invoke("run", reports, "-o", tmp_path / "out", "-q")
    assert (code, said) == (0, "")
    (reports / "rikki.txt").write_bytes(bytes(range(256)) * 4)
    code, _, said = _invoke("run", reports, "-o", tmp_path / "out", "-q")
    assert code == 1
    assert said.splitlines() == [
        "error: rikki.txt: not text in UTF-8, UTF-16, Windows-1252 or Latin-1"
    ]

    def broken(*arguments: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("goaltables.cli.extract_file", broken)
    code, _, said = _invoke("extract", seed_001, *NO_LIMITS)
    assert code == 1
    assert said.splitlines() == [
        "error: goaltables failed (RuntimeError: a bug); run again with -v for the traceback, "
        "and please report it"
    ]
    code, _, said = _invoke("extract", seed_001, "-v", *NO_LIMITS)
    assert code == 1
    assert said.startswith("Traceback (most recent call last)") and "RuntimeError: a bug" in said


def test_shell_completion_as_the_readme_says() -> None:
    readme = (SAMPLES.parent / "README.md").read_text(encoding="utf-8")
    assert 'eval "$(_GOALTABLES_COMPLETE=bash_source goaltables)"' in readme
    result = CliRunner().invoke(
        main, [], prog_name="goaltables", env={"_GOALTABLES_COMPLETE": "bash_source"}
    )
    assert result.exit_code == 0
    assert "_goaltables_completion" in result.stdout
    words = CliRunner().invoke(
        main,
        [],
        prog_name="goaltables",
        env={
            "_GOALTABLES_COMPLETE": "bash_complete",
            "COMP_WORDS": "goaltables ex",
            "COMP_CWORD": "1",
        },
    )
    assert "extract" in words.stdout


def test_verbose_shows_the_traceback_of_a_readers_bug(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(READERS, "text", "tests.test_everyday:_broken_reader")
    for flag, traced in (("-q", False), ("-v", True)):
        code, _, said = _invoke("run", reports, "-o", tmp_path / "out", *IN_PROCESS, flag)
        assert code == 1
        assert ("Traceback (most recent call last)" in said) is traced
        assert "internal-error" in said or "goaltables failed on it" in said


def _broken_reader(*arguments: object) -> None:
    raise RuntimeError("a reader's bug")


# --- 7. A report a council can use: `run` writes the page, in the language asked for ----------

# CSV_SAMPLE, the 2022 outcome as Finnish Excel saves it: 27 rows of 15 goals, read in a second.
SWEDISH_TEXT = SAMPLES / "2022-interim-sv-delarsrapport.txt"


def _page(out: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((out / "report.html").read_text("utf-8"))


def _summary(page: lxml.html.HtmlElement) -> str:
    return str(page.xpath('string(//p[@class="summary"])'))


def test_run_writes_the_page_in_the_language_asked_for(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, said = _invoke("run", CSV_SAMPLE, "-o", out, "--lang", "sv")
    assert code == 0, said
    page = _page(out)
    assert page.get("lang") == "sv"
    assert page.findtext(".//title") == page.findtext(".//h1") == "Målens utfall år för år"
    assert _summary(page).startswith("15 mål i 1 dokument. Klicka på ett mål")  # sv counts
    header = [th.text_content() for th in page.xpath("(//table)[1]/thead/tr/th")]
    assert header == ["Mål", "2022 bokslut"]
    legend = page.xpath("string(//ul[@class='legend'])")
    assert "delvis uppnått" in legend and "inte uppnått" in legend
    # The page run writes is the one `goaltables report` writes from the files.
    code, _, said = _invoke("report", out, "--lang", "sv", "-o", out / "again.html")
    assert code == 0, said
    assert (out / "again.html").read_bytes() == (out / "report.html").read_bytes()


@pytest.mark.parametrize(
    ("sample", "lang", "summary", "column"),
    [
        (CSV_SAMPLE, "fi", "15 tavoitetta 1 asiakirjassa. ", "2022 tilinpäätös"),
        (SWEDISH_TEXT, "sv", "4 mål i 1 dokument. ", "2022 delårsrapport"),
    ],
)
def test_run_writes_the_page_in_the_documents_language(
    tmp_path: Path, sample: Path, lang: str, summary: str, column: str
) -> None:
    out = tmp_path / "out"
    code, _, said = _invoke("run", sample, "-o", out)
    assert code == 0, said
    page = _page(out)
    assert page.get("lang") == lang
    assert _summary(page).startswith(summary)
    assert [th.text_content() for th in page.xpath("(//table)[1]/thead/tr/th")][1] == column


def test_another_lang_rewrites_the_page_and_the_same_options_skip(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _invoke("run", CSV_SAMPLE, "-o", out)[0] == 0
    finnish, goals = (out / "report.html").read_bytes(), (out / "goals.csv").read_bytes()
    code, _, said = _invoke("run", CSV_SAMPLE, "-o", out)
    assert code == 0 and said.endswith("nothing changed since the last run\n"), said
    code, _, said = _invoke("run", CSV_SAMPLE, "-o", out, "--lang", "en")
    assert code == 0 and "nothing changed" not in said, said
    assert _page(out).get("lang") == "en"
    assert _summary(_page(out)).startswith("15 goals in 1 document. ")
    assert (out / "goals.csv").read_bytes() == goals  # only the page's words changed
    english = (out / "report.html").read_bytes()
    code, _, said = _invoke("run", CSV_SAMPLE, "-o", out, "--lang", "en")
    assert code == 0 and said.endswith("nothing changed since the last run\n"), said
    assert (out / "report.html").read_bytes() == english
    # Back to the documents' language; and a page removed by hand is written again.
    assert _invoke("run", CSV_SAMPLE, "-o", out)[0] == 0
    assert (out / "report.html").read_bytes() == finnish
    (out / "report.html").unlink()
    code, _, said = _invoke("run", CSV_SAMPLE, "-o", out)
    assert code == 0 and "nothing changed" not in said, said
    assert (out / "report.html").read_bytes() == finnish


def test_a_page_that_cannot_be_made_replaces_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert _invoke("run", CSV_SAMPLE, "-o", out)[0] == 0
    names = ("report.html", "goals.csv", "goals.xlsx", "datapackage.json")
    before = {name: (out / name).read_bytes() for name in names}

    def broken(*arguments: object) -> str:
        raise RuntimeError("no room for the page")

    with monkeypatch.context() as patched:
        patched.setattr("goaltables.export.dataset.report_page", broken)
        code, _, said = _invoke("run", CSV_SAMPLE, "-o", out, "--lang", "sv")
    assert code == 1
    assert said.splitlines()[-1] == (
        f"error: {out}/report.html: could not be written (RuntimeError: no room for the page)"
    )
    assert {name: (out / name).read_bytes() for name in names} == before
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp")) == []
    # Nothing vouches for the old set under the new options: the next run writes the page.
    code, _, said = _invoke("run", CSV_SAMPLE, "-o", out, "--lang", "sv")
    assert code == 0 and "nothing changed" not in said, said
    assert _page(out).get("lang") == "sv"
