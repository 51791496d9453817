"""Batch runs: worker processes, time limits, the cache, Ctrl-C, globs and folder walks."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from goaltables.batch import BatchSettings, Finished, Interrupted
from goaltables.cache import ExtractionCache
from goaltables.cli import main
from goaltables.errors import UsageError
from goaltables.export.comparison import comparison_frame
from goaltables.extract import READERS
from goaltables.inputs import collect_inputs, read_manifest
from goaltables.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
PDFS = ROOT / "samples" / "pdf"
OUTPUTS = ("goals", "documents", "links", "comparison", "problems")


@pytest.fixture
def archive(tmp_path: Path, seed_000: Path, seed_001: Path) -> Path:
    """Seven reports in four formats, in folders."""
    folder = tmp_path / "archive"
    (folder / "2022").mkdir(parents=True)
    (folder / "2023").mkdir()
    shutil.copy(seed_000, folder / "2021-toteuma.txt")
    shutil.copy(seed_001, folder / "2021-luonnos.txt")
    for name in (
        "2022-plan-ruled-merged-cells.pdf",
        "2022-outcome-landscape-merged-traffic-lights.docx",
        "2022-interim-sv-delarsrapport.pdf",
    ):
        shutil.copy(PDFS / name, folder / "2022" / name)
    shutil.copy(PDFS / "2023-plan-goal-cards.pdf", folder / "2023")
    shutil.copy(PDFS / "2023-interim-html-borderless-svg-circles.html", folder / "2023")
    return folder


def _invoke(*arguments: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in arguments])
    return result.exit_code, result.stderr


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in OUTPUTS}


def test_one_worker_and_two_give_the_same_dataset(archive: Path, tmp_path: Path) -> None:
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    code, said = _invoke("run", archive, "-o", serial, "--jobs", "1", "--timeout", "0")
    assert code == 0, said
    code, said = _invoke("run", archive, "-o", parallel, "--jobs", "2")
    assert code == 0, said
    assert "7 files: 7 read, 0 failed; 121 rows of 38 goals" in said
    assert _outputs(serial) == _outputs(parallel)
    sources = pd.read_csv(parallel / "documents.csv", dtype=str)["source"].tolist()
    assert sources == sorted(sources)  # input order, not the order workers finished in


def test_a_rerun_reads_only_new_and_changed_files(archive: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    settings = BatchSettings(jobs=2, timeout=60, cache_dir=cache)
    heard: list[Finished] = []
    first = run([archive], batch=settings, progress=lambda f, done, total: heard.append(f))
    assert [f.cached for f in heard] == [False] * 7
    assert len(ExtractionCache.open(cache)) == 7

    changed = archive / "2021-luonnos.txt"
    changed.write_bytes(changed.read_bytes() + b"\n")  # new bytes, the same table
    shutil.copy(PDFS / "2024-interim-landscape-scale-1-best.pdf", archive / "2024.pdf")
    heard.clear()
    second = run([archive], batch=settings, progress=lambda f, done, total: heard.append(f))
    read_again = sorted(f.item.source for f in heard if not f.cached)
    assert read_again == ["2021-luonnos.txt", "2024.pdf"]
    assert len(second.documents) == 8
    # What came from the cache is what reading gave the first time.
    kept = [r for r in second.records if r.source.path.startswith("2022/")]
    assert kept == [r for r in first.records if r.source.path.startswith("2022/")]

    heard.clear()
    run(
        [archive],
        batch=BatchSettings(jobs=1, cache_dir=cache, force=True),
        progress=lambda f, d, t: heard.append(f),
    )
    assert not any(f.cached for f in heard)  # --force reads every file again


def test_a_cached_file_takes_its_new_name(archive: Path, tmp_path: Path) -> None:
    settings = BatchSettings(cache_dir=tmp_path / "cache")
    run([archive], batch=settings)
    moved = tmp_path / "moved"
    (archive / "2022").rename(moved)
    heard: list[Finished] = []
    result = run([moved], batch=settings, progress=lambda f, d, t: heard.append(f))
    assert all(f.cached for f in heard)
    assert {d.source for d in result.documents} == {
        "2022-plan-ruled-merged-cells.pdf",
        "2022-outcome-landscape-merged-traffic-lights.docx",
        "2022-interim-sv-delarsrapport.pdf",
    }
    assert {r.source.path for r in result.records} == {d.source for d in result.documents}


def test_the_cli_rerun_with_nothing_changed_does_nothing(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, said = _invoke("run", archive, "-o", out)
    assert code == 0, said
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}
    code, said = _invoke("run", archive, "-o", out)
    assert code == 0
    assert said.strip().endswith("nothing changed since the last run")
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()} == before

    (archive / "2023" / "2023-plan-goal-cards.pdf").unlink()
    code, said = _invoke("run", archive, "-o", out)
    assert code == 0
    assert "6 files: 6 read, 0 failed" in said
    assert said.count("(from the cache)") == 6

    (out / "goals.csv").write_text("edited by hand", encoding="utf-8")
    code, said = _invoke("run", archive, "-o", out)
    assert "nothing changed" not in said  # an output was touched: written again
    assert (out / "goals.csv").read_text(encoding="utf-8").startswith("doc_id,")


def _slow_reader(data: bytes, doc: object, options: object) -> object:
    time.sleep(60)
    raise AssertionError("the time limit should have stopped this")


def _crashing_reader(data: bytes, doc: object, options: object) -> object:
    os._exit(9)  # as a crash in a C library would end the process


def _buggy_reader(data: bytes, doc: object, options: object) -> object:
    raise ValueError("a reader's own bug")


@pytest.mark.parametrize(
    ("reader", "kind", "message"),
    [
        ("_slow_reader", "timeout", "took longer than 10 s and was stopped (see --timeout)"),
        ("_crashing_reader", "crash", "the worker reading it died"),
        (
            "_buggy_reader",
            "internal-error",
            "goaltables failed on it (ValueError: a reader's own bug)",
        ),
    ],
)
def test_a_file_that_hangs_or_crashes_fails_alone(
    archive: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reader: str,
    kind: str,
    message: str,
) -> None:
    # Web pages get the bad reader; the forked workers inherit the patched registry. The time
    # limit leaves a good PDF room on a loaded machine (1-3 s each there).
    monkeypatch.setitem(READERS, "html", f"tests.test_batch:{reader}")
    out = tmp_path / "out"
    started = time.monotonic()
    code, said = _invoke("run", archive, "-o", out, "--jobs", "2", "--timeout", "10")
    assert time.monotonic() - started < 40
    assert code == 1
    assert "7 files: 6 read, 1 failed" in said
    problems = pd.read_csv(out / "problems.csv", dtype=str)
    failed = problems[problems["kind"] == kind]
    assert failed["source"].tolist() == ["2023/2023-interim-html-borderless-svg-circles.html"]
    assert failed["message"].iloc[0].startswith(message)
    goals = pd.read_csv(out / "goals.csv", dtype=str)
    assert goals["source"].nunique() == 6
    # A failure that may pass is tried again: neither cached nor vouched for.
    code, said = _invoke("run", archive, "-o", out, "--jobs", "2", "--timeout", "10")
    assert "nothing changed" not in said
    assert said.count("(from the cache)") == 6


def test_ctrl_c_keeps_the_finished_files(archive: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"

    def interrupt_after_three(finished: Finished, done: int, total: int) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(Interrupted) as stopped:
        run([archive], batch=BatchSettings(cache_dir=cache), progress=interrupt_after_three)
    assert (stopped.value.done, stopped.value.total) == (3, 7)
    assert len(ExtractionCache.open(cache)) == 3
    heard: list[Finished] = []
    run([archive], batch=BatchSettings(cache_dir=cache), progress=lambda f, d, t: heard.append(f))
    assert [f.cached for f in heard] == [True] * 3 + [False] * 4


def test_strict_stops_at_the_first_failure_in_order(archive: Path, tmp_path: Path) -> None:
    (archive / "2021-a-rikki.txt").write_bytes(bytes(range(256)) * 4)
    result = run([archive], strict=True)
    assert [d.source for d in result.documents] == ["2021-a-rikki.txt"]
    assert result.failed_sources == ["2021-a-rikki.txt"]


def test_folders_are_walked_by_content_and_globs_expand(archive: Path, tmp_path: Path) -> None:
    shutil.copy(PDFS / "2023-plan-goal-cards.pdf", archive / "scan0001")  # no extension
    shutil.copy(PDFS / "2022-plan-ruled-merged-cells.docx", archive / "copy.bak")
    (archive / "notes.md").write_text("# not a report\n", encoding="utf-8")
    (archive / "data.bin").write_bytes(bytes(range(256)))
    (archive / ".cache").mkdir()
    shutil.copy(PDFS / "2023-plan-goal-cards.pdf", archive / ".cache" / "hidden.pdf")
    (archive / "loop.pdf").symlink_to("loop.pdf")
    (archive / "2023" / "up").symlink_to("..")  # a folder link back up the tree
    sources = [f.source for f in collect_inputs([archive])]
    assert sources == [
        "2021-luonnos.txt",
        "2021-toteuma.txt",
        "2022/2022-interim-sv-delarsrapport.pdf",
        "2022/2022-outcome-landscape-merged-traffic-lights.docx",
        "2022/2022-plan-ruled-merged-cells.pdf",
        "2023/2023-interim-html-borderless-svg-circles.html",
        "2023/2023-plan-goal-cards.pdf",
        "copy.bak",
        "loop.pdf",
        "scan0001",
    ]
    pattern = f"{archive}/**/*.pdf"
    assert [f.path.name for f in collect_inputs([pattern])] == [
        "2022-interim-sv-delarsrapport.pdf",
        "2022-plan-ruled-merged-cells.pdf",
        "2023-plan-goal-cards.pdf",
        "loop.pdf",
    ]
    with pytest.raises(UsageError, match=r"\*\.xlsx: no file or folder matches this pattern$"):
        collect_inputs([f"{archive}/*.xlsx"])


def test_a_manifest_series_keeps_documents_apart(tmp_path: Path) -> None:
    series = [
        PDFS / "2022-plan-ruled-merged-cells.pdf",
        PDFS / "2022-outcome-landscape-merged-traffic-lights.pdf",
    ]
    linked = run(series)
    assert len(linked.linking.links) > 0
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "path,organisation,year,phase,series\n"
        "2022-plan-ruled-merged-cells.pdf,,,,talous\n"
        "2022-outcome-landscape-merged-traffic-lights.pdf,,,,sivistys\n",
        encoding="utf-8",
    )
    apart = run(series, manifest=read_manifest(manifest))
    assert apart.linking.links == []
    assert [d.series for d in apart.documents] == ["talous", "sivistys"]
    # Each series has one document: none of its goals is new or ended within its series.
    flags = comparison_frame(apart.documents, apart.records, apart.linking)
    assert not flags["new"].any() and not flags["ended"].any()
