"""No litter and no races in the output folder (issue 17, point 7): one run at a time on an
OUT, every temporary file in OUT/.tmp and gone at the end, what a killed run left cleaned by
the next, an unreadable subfolder a problem row."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from goaltables.cli import main
from goaltables.export.claim import LOCK_FILE, SCRATCH, claim_folder
from goaltables.workers import GROUP_FILE
from tests.test_bad_inputs import _as_an_ordinary_user

OUTPUTS = {
    f"{table}.{suffix}"
    for table in ("goals", "documents", "problems", "links", "comparison")
    for suffix in ("csv", "parquet")
} | {
    "review.csv",
    "goals.xlsx",
    "datapackage.json",
    "report.html",
    ".goaltables-run.json",
    ".cache",
}


def _invoke(*arguments: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in arguments])
    return result.exit_code, result.stderr


def test_a_second_run_on_the_same_out_stops_in_one_line(tmp_path: Path, seed_001: Path) -> None:
    out = tmp_path / "out"
    claim = claim_folder(out)  # as a run in another terminal holds it
    try:
        code, said = _invoke("run", seed_001, "-o", out)
    finally:
        claim.release()
    assert code == 2
    assert said == (
        f"error: {out}: another goaltables run (process {os.getpid()}) is writing to this "
        "folder: wait for it to end, or give another -o\n"
    )
    assert not (out / "goals.csv").exists()
    code, said = _invoke("run", seed_001, "-o", out)  # once it has ended
    assert code == 0, said


def test_a_stale_lock_and_a_killed_runs_litter_are_cleaned(tmp_path: Path, seed_001: Path) -> None:
    out = tmp_path / "out"
    (out / SCRATCH).mkdir(parents=True)
    (out / LOCK_FILE).write_text("999999999\n")  # a run killed long ago
    (out / SCRATCH / "goaltables-x1y2").mkdir()  # a LibreOffice folder it left
    (out / ".goals.csv.k3j4.tmp").write_text("half")  # an output it was writing
    before = tempfile.tempdir
    code, said = _invoke("run", seed_001, "-o", out)
    assert code == 0, said
    assert {p.name for p in out.iterdir()} == OUTPUTS  # no lock, no .tmp, no stray
    assert tempfile.tempdir == before


def test_temporary_files_go_into_out(tmp_path: Path, seed_001: Path) -> None:
    """While a run reads, tempfile's folder is OUT/.tmp (workers and LibreOffice inherit it)."""
    out = tmp_path / "out"
    claim = claim_folder(out)
    try:
        assert tempfile.gettempdir() == str(out / SCRATCH)
        with tempfile.NamedTemporaryFile() as handle:
            assert Path(handle.name).parent == out / SCRATCH
    finally:
        claim.release()
    assert not (out / SCRATCH).exists() and not (out / LOCK_FILE).exists()


def test_an_unreadable_subfolder_is_a_problem_row(tmp_path: Path, seed_001: Path) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(seed_001, folder / "luonnos.txt")
    shutil.copy(seed_001, folder / "locked" / "toinen.txt")
    (folder / "locked").chmod(0)
    out = tmp_path / "out"
    try:
        command = [sys.executable, "-m", "goaltables", "run", str(folder), "-o", str(out)]
        done = subprocess.run(_as_an_ordinary_user(command), capture_output=True, text=True)
    finally:
        (folder / "locked").chmod(0o755)
    assert done.returncode == 1, done.stderr
    assert "error: locked: permission denied" in done.stderr
    problems = pd.read_csv(out / "problems.csv", dtype=str)
    failed = problems[problems["kind"] == "unreadable"]
    assert failed[["source", "message"]].values.tolist() == [["locked", "permission denied"]]
    assert pd.read_csv(out / "goals.csv", dtype=str)["source"].unique().tolist() == ["luonnos.txt"]


def test_an_output_folder_that_cannot_be_made_is_one_line(tmp_path: Path, seed_001: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, said = _invoke("run", seed_001, "-o", blocker / "out")
    assert code == 1
    assert said == f"error: {blocker}/out: cannot be used as the output folder (Not a directory)\n"


def test_a_libreoffice_left_by_a_killed_worker_is_killed_at_the_end(tmp_path: Path) -> None:
    """A worker killed outright (SIGKILL) runs no handler: its LibreOffice, a process group
    working in OUT/.tmp, is killed when the run lets OUT go."""
    out = tmp_path / "out"
    claim = claim_folder(out)
    folder = out / SCRATCH / "goaltables-left"
    folder.mkdir()
    left = subprocess.Popen(["sleep", "600"], cwd=folder, start_new_session=True)
    innocent = subprocess.Popen(["sleep", "600"], cwd=tmp_path, start_new_session=True)
    (folder / GROUP_FILE).write_text(f"{left.pid}\n")
    (out / SCRATCH / "goaltables-reused").mkdir()  # a group whose id another program now has
    (out / SCRATCH / "goaltables-reused" / GROUP_FILE).write_text(f"{innocent.pid}\n")
    try:
        claim.release()
        assert left.wait(timeout=60) == -9
        assert innocent.poll() is None
    finally:
        innocent.kill()
        left.kill()
        innocent.wait()
