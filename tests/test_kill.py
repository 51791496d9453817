"""A run killed or interrupted part-way leaves the previous outputs whole and the cache
consistent, and the next run goes on from what was finished."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from goaltables.cache import ExtractionCache, Rejected
from goaltables.export import dataset
from goaltables.pipeline import run
from tests.golden_samples import SEEDS, require

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real"
GOALTABLES = [sys.executable, "-m", "goaltables"]
OUTPUT_FILES = [
    f"{t}.{s}"
    for t in ("goals", "documents", "links", "comparison", "problems")
    for s in ("csv", "parquet")
]


def _long_batch() -> list[Path]:
    """A 158-page report read first (largest first), then 15 short ones: seconds of work."""
    samples = sorted((ROOT / "samples" / "pdf").glob("*.pdf")) + sorted(
        (ROOT / "samples" / "pdf").glob("*.docx")
    )
    return [require(REAL / "kauhava-tilinpaatos-2024.pdf"), *samples]


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES}


def _cache_entries(out: Path) -> list[Path]:
    return sorted((out / ".cache").glob("*/*/*.json"))


def _previous_run(out: Path) -> dict[str, bytes]:
    seeds = sorted(SEEDS.glob("*.txt"))
    done = subprocess.run(
        [*GOALTABLES, "run", *map(str, seeds), "-o", str(out)], capture_output=True
    )
    assert done.returncode == 0, done.stderr
    return _snapshot(out)


def _start_and_stop(out: Path, how: signal.Signals) -> subprocess.CompletedProcess[str]:
    """Start a long run; once its first new file is cached, send `how` to it and its workers."""
    before = len(_cache_entries(out))
    inputs = [*map(str, sorted(SEEDS.glob("*.txt"))), *map(str, _long_batch())]
    process = subprocess.Popen(
        [*GOALTABLES, "run", *inputs, "-o", str(out), "--jobs", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches it
    )
    deadline = time.monotonic() + 120
    while len(_cache_entries(out)) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be stopped"
    os.killpg(process.pid, how)
    stdout, stderr = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def _assert_cache_consistent(out: Path) -> int:
    entries = _cache_entries(out)
    for entry in entries:
        stored = ExtractionCache(entry.parent.parent).get(entry.stem)
        assert stored is not None and not isinstance(stored, Rejected)  # never half an entry
    assert not list((out / ".cache").rglob("*.tmp"))
    return len(entries)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_a_stopped_run_loses_nothing(tmp_path: Path, how: signal.Signals) -> None:
    out = tmp_path / "out"
    previous = _previous_run(out)
    stopped = _start_and_stop(out, how)
    if how == signal.SIGINT:
        assert stopped.returncode == 130
        assert "the outputs were not rewritten. Run the same command again" in stopped.stderr
    else:
        assert stopped.returncode == -signal.SIGKILL
    assert _snapshot(out) == previous  # every output exactly as the previous run left it
    cached = _assert_cache_consistent(out)
    assert 3 <= cached < 2 + len(_long_batch())  # the seeds, Kauhava, perhaps a few more

    finished = subprocess.run(
        [
            *GOALTABLES,
            "run",
            *map(str, sorted(SEEDS.glob("*.txt"))),
            *map(str, _long_batch()),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stderr.count("(from the cache)") == cached
    assert _assert_cache_consistent(out) == 2 + len(_long_batch())
    goals = pd.read_csv(out / "goals.csv", dtype=str)
    assert goals["doc_id"].nunique() == 2 + len(_long_batch())


def test_a_crash_while_writing_keeps_the_previous_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    previous = _previous_run(out)
    calls = []

    def fails_on_the_fifth_file(df: pd.DataFrame, path: Path, settings: object) -> None:
        calls.append(path)
        if len(calls) == 5:
            raise OSError(28, "No space left on device")
        dataset.write_csv(df, path, settings)  # type: ignore[arg-type]

    monkeypatch.setitem(dataset.WRITERS, "csv", fails_on_the_fifth_file)
    result = run([require(SEEDS / "001_c843abbe7468a18f.txt")])
    with pytest.raises(OSError, match="No space left"):
        dataset.write_dataset(out, result.documents, result.records, result.problems)
    assert len(calls) == 5
    assert _snapshot(out) == previous  # none of the four written files replaced its old one
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp")) == []
