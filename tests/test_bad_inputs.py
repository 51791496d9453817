"""A folder of bad inputs among good ones: each bad file gives its problem row, with the file
named and the reason; every good file's rows are still in the output, as they are alone."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.golden_samples import SEEDS, require

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / "samples" / "pdf"
BAD_PDF = ROOT / "tests" / "data" / "bad-pdf"
FIFTY_MB = 50 * 1024 * 1024

# source -> (kind, the problem's message); notes are problems that do not fail the file.
EXPECTED_PROBLEMS = {
    "empty.txt": ("format", "the file is empty"),
    "truncated.pdf": (
        "damaged",
        "damaged or truncated PDF (it stops before its end-of-file marker",
    ),
    "encrypted.pdf": ("encrypted", "encrypted: give its password with --password"),
    "garbage.pdf": ("damaged", "not a PDF as its name says, nor text: damaged, or not a report"),
    "loop.pdf": ("unreadable", "a symbolic link that loops back on itself"),
    "locked.txt": ("unreadable", "permission denied"),
    "huge.txt": ("no-goal-table", "no goal table found"),
    "tavoitteet.txt": ("note", "named .txt but it is a PDF: read as that"),
    "windows-1252.txt": ("note", "not UTF-8: read as Windows-1252 (Latin-1)"),
    "good/2021-toteuma.txt": ("note", "the rating column has no values in the text"),
    # A seed that names no city, year or phase: left empty, and said so.
    "good/luonnos.txt": ("note", "metadata: no organisation or year or phase found: left empty"),
}
GOOD = ["good/2021-toteuma.txt", "good/luonnos.txt", "good/2022-plan.pdf"]


def _as_an_ordinary_user(command: list[str]) -> list[str]:
    """Root reads any file whatever its mode; without these two capabilities it cannot, so a
    file with mode 000 is unreadable for this run as it would be for any user."""
    if os.geteuid() != 0:
        return command
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", *command]


def _huge_text(path: Path) -> None:
    """50 MB of Finnish-looking prose with no goal table: a log or a data dump, not a report."""
    words = [
        "kunta",
        "palvelu",
        "asukas",
        "kehittää",
        "vuosi",
        "määrä",
        "hyvinvointi",
        "talous",
        "koulu",
        "kasvu",
    ]
    pick = random.Random(6).choice
    lines = [" ".join(pick(words) for _ in range(12)) for _ in range(5000)]
    block = ("\n".join(lines) + "\n").encode()
    with path.open("wb") as handle:
        while handle.tell() < FIFTY_MB:
            handle.write(block)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad") / "corpus"
    (folder / "good").mkdir(parents=True)
    shutil.copy(require(SEEDS / "000_c0525851ec6c3b83.txt"), folder / GOOD[0])
    shutil.copy(require(SEEDS / "001_c843abbe7468a18f.txt"), folder / GOOD[1])
    shutil.copy(PDFS / "2022-plan-ruled-merged-cells.pdf", folder / GOOD[2])

    (folder / "empty.txt").write_bytes(b"")
    shutil.copy(PDFS / "2023-plan-goal-cards.pdf", folder / "tavoitteet.txt")  # wrong extension
    shutil.copy(BAD_PDF / "truncated.pdf", folder / "truncated.pdf")
    shutil.copy(BAD_PDF / "encrypted-user-password.pdf", folder / "encrypted.pdf")
    (folder / "garbage.pdf").write_bytes(random.Random(1).randbytes(64 * 1024))
    (folder / "loop.pdf").symlink_to("loop.pdf")
    locked = folder / "locked.txt"
    locked.write_bytes((folder / GOOD[1]).read_bytes() + b"\n")
    locked.chmod(0)
    _huge_text(folder / "huge.txt")
    text = (ROOT / "samples" / "2022-interim-sv-delarsrapport.txt").read_text(encoding="utf-16")
    (folder / "windows-1252.txt").write_bytes(text.encode("cp1252"))
    return folder


def _run(inputs: list[Path], out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "goaltables", "run", *map(str, inputs), "-o", str(out)]
    return subprocess.run(
        _as_an_ordinary_user([*command, "--jobs", "2"]), capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def mixed(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    """One run over the whole corpus (the 50 MB file alone takes half a minute)."""
    out = tmp_path_factory.mktemp("mixed") / "out"
    done = _run([corpus], out)
    return out, done.stderr, done.returncode


def test_every_bad_file_gives_its_problem_row(mixed: tuple[Path, str, int]) -> None:
    out, stderr, returncode = mixed
    assert returncode == 1, stderr  # some files failed
    problems = pd.read_csv(out / "problems.csv", dtype=str, keep_default_na=False)
    found: dict[str, list[tuple[str, str]]] = {}
    for row in problems.itertuples():
        found.setdefault(str(row.source), []).append((str(row.kind), str(row.message)))
    assert set(found) == set(EXPECTED_PROBLEMS)
    for source, (kind, message) in EXPECTED_PROBLEMS.items():
        assert any(k == kind and m.startswith(message) for k, m in found[source]), (
            source,
            found[source],
        )
    assert (
        "12 files: 5 read, 7 failed (2 damaged, 2 unreadable, 1 encrypted, 1 format, "
        "1 no-goal-table); 82 rows of 31 goals"
    ) in stderr
    for source, (kind, message) in EXPECTED_PROBLEMS.items():
        if kind != "note":
            assert f"error: {source}: {message}" in stderr  # one line, naming the file

    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    failed = documents[
        documents["source"].isin([s for s, (k, _) in EXPECTED_PROBLEMS.items() if k != "note"])
    ]
    assert (failed["format"] == "").all() and (failed["problems"] != "").all()


def test_good_files_keep_every_row(
    corpus: Path, mixed: tuple[Path, str, int], tmp_path: Path
) -> None:
    alone = tmp_path / "alone"
    done = _run([corpus / "good"], alone)
    assert done.returncode == 0, done.stderr
    columns = ["doc_id", "page", "area", "goal_no", "goal", "measure", "progress", "status"]
    in_mixed = pd.read_csv(mixed[0] / "goals.csv", dtype=str, keep_default_na=False)
    in_mixed = in_mixed[in_mixed["source"].isin(GOOD)][columns].reset_index(drop=True)
    by_itself = pd.read_csv(alone / "goals.csv", dtype=str, keep_default_na=False)[columns]
    assert len(by_itself) == 12 + 9 + 27
    pd.testing.assert_frame_equal(in_mixed, by_itself)
    # The misnamed PDF and the Windows-1252 export are read too, whatever their names say.
    sources = set(pd.read_csv(mixed[0] / "goals.csv", dtype=str)["source"])
    assert {"tavoitteet.txt", "windows-1252.txt"} <= sources
