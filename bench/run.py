"""Benchmark: seconds per page and peak memory of goaltables against its references, measured
in one run on one machine, written to BENCHMARKS.md as ratios (`make bench`).

References: `pdftotext` (poppler), the floor for reading a PDF's text, and pdfplumber's plain
`extract_tables()` on every page, the generic table extractor goaltables is built on. Each tool
runs as its own process, timed from start to exit (start-up included, as a user meets it), its
peak resident memory taken from the operating system (`os.wait4`). Each is run `REPEATS` times
and the fastest run counts: the others measure the machine's other work.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = {
    "long sample (21 pages)": ROOT
    / "samples"
    / "pdf"
    / "2023-outcome-long-report-shaded-cards.pdf",
    "Kauhava annual report (158 pages)": ROOT.parent
    / "shared"
    / "real"
    / "kauhava-tilinpaatos-2024.pdf",
}
REPEATS = 3
PDFPLUMBER_ALL_TABLES = (
    "import sys, pdfplumber\n"
    "for name in sys.argv[1:]:\n"
    "    with pdfplumber.open(name) as pdf:\n"
    "        [p.extract_tables() for p in pdf.pages]"
)
PDFPLUMBER_TABLES = (
    "import sys, pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    [p.extract_tables() for p in pdf.pages]"
)


@dataclass(frozen=True)
class Measure:
    seconds: float
    peak_mib: float


def measure(command: list[str]) -> Measure:
    """The fastest of REPEATS runs of `command`, and its peak memory."""
    runs = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if status != 0:
            raise SystemExit(f"benchmark: {' '.join(command)} failed (status {status})")
        runs.append(Measure(seconds, usage.ru_maxrss / 1024))  # ru_maxrss is in KiB on Linux
    return min(runs, key=lambda m: m.seconds)


def tools(pdf: Path) -> dict[str, list[str]]:
    goaltables = str(Path(sys.executable).with_name("goaltables"))
    return {
        "pdftotext": ["pdftotext", str(pdf), "-"],
        "pdfplumber extract_tables()": [sys.executable, "-c", PDFPLUMBER_TABLES, str(pdf)],
        "goaltables extract": [goaltables, "extract", str(pdf), "--json"],
    }


def table(name: str, pdf: Path) -> list[str]:
    pages = len(pdfium.PdfDocument(str(pdf)))
    results = {tool: measure(command) for tool, command in tools(pdf).items()}
    floor, plumber = results["pdftotext"], results["pdfplumber extract_tables()"]
    lines = [
        f"### {name}",
        "",
        "| tool | s/page | total s | × pdftotext | × pdfplumber tables | peak MiB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for tool, m in results.items():
        per_page, ratio = m.seconds / pages, m.seconds / floor.seconds
        lines.append(
            f"| {tool} | {per_page:.4f} | {m.seconds:.2f} | {ratio:.1f} "
            f"| {m.seconds / plumber.seconds:.2f} | {m.peak_mib:.0f} |"
        )
    return [*lines, ""]


def linking_table() -> list[str]:
    """Linking 10 generated documents of 1,000 goals (bench/linking.py), in its own process:
    the wall clock and the processor time (all threads) of the linking, each the least of
    `REPEATS` runs, with the machine's load (1-minute average) before each run: the machine
    may be shared, and the processor time measures the other work least."""
    command = [sys.executable, str(ROOT / "bench" / "linking.py")]
    runs, loads = [], []
    for _ in range(REPEATS):
        loads.append(os.getloadavg()[0])
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        output = json.loads(process.stdout.read() if process.stdout else b"{}")
        _, status, usage = os.wait4(process.pid, 0)
        if status != 0:
            raise SystemExit("benchmark: bench/linking.py failed")
        runs.append((output["seconds"], output["cpu_seconds"], usage.ru_maxrss / 1024))
        links = output["links"]
    seconds, cpu, peak = min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)
    return [
        LINKING_HEADING,
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')}; the machine's load is its 1-minute average "
        "before each run.",
        "",
        "| seconds (linking only) | processor seconds | machine load | links "
        "| peak MiB (whole process) | target |",
        "|---:|---:|---:|---:|---:|---|",
        f"| {seconds:.2f} | {cpu:.2f} | {min(loads):.1f}-{max(loads):.1f} | {links} "
        f"| {peak:.0f} | under 10 s |",
        "",
    ]


LINKING_HEADING = "### Linking 10 documents × 1,000 goals (generated, bench/linking.py)"


def write_linking_table() -> None:
    """Only the linking table of BENCHMARKS.md measured again (`bench/run.py --linking`)."""
    target = ROOT / "BENCHMARKS.md"
    lines = target.read_text(encoding="utf-8").split("\n")
    start = lines.index(LINKING_HEADING)
    end = next(n for n in range(start + 1, len(lines)) if lines[n].startswith("#"))
    table = linking_table()
    lines[start:end] = table
    target.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(table))


BATCH_CORPUS = ROOT / "bench" / ".data" / "batch-200"


def timed_once(command: list[str]) -> Measure:
    """One run of `command` (a first run cannot be repeated: the second finds its cache)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"benchmark: {' '.join(command)} failed (status {status})")
    return Measure(seconds, usage.ru_maxrss / 1024)


def batch_table() -> list[str]:
    """200 generated documents (bench/make_batch_corpus.py): a first run with one worker and
    with two, a re-run with nothing changed, a re-run with one new file; and pdfplumber's
    extract_tables() over the corpus's PDFs as the reference."""
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_batch_corpus.py"), str(BATCH_CORPUS)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    goaltables = str(Path(sys.executable).with_name("goaltables"))
    pdfs = sorted(BATCH_CORPUS.glob("*.pdf"))
    plumber = [sys.executable, "-c", PDFPLUMBER_ALL_TABLES, *map(str, pdfs)]
    with tempfile.TemporaryDirectory() as work:
        one, two = Path(work) / "jobs1", Path(work) / "jobs2"
        run = [goaltables, "run", str(BATCH_CORPUS)]
        first_1 = timed_once([*run, "-o", str(one), "--jobs", "1"])
        first_2 = timed_once([*run, "-o", str(two), "--jobs", "2"])
        unchanged = measure([*run, "-o", str(two), "--jobs", "2"])
        new_file = ROOT / "samples" / "2022-interim-sv-delarsrapport.txt"
        one_new = timed_once([*run, str(new_file), "-o", str(two), "--jobs", "2"])
        reference = timed_once(plumber)
    rows = [
        ("first run, `--jobs 1`", first_1),
        ("first run, `--jobs 2`", first_2),
        ("re-run, nothing changed", unchanged),
        ("re-run, one new file (200 from the cache; linking and export redone)", one_new),
        (f"reference: pdfplumber extract_tables() on the {len(pdfs)} PDFs alone", reference),
    ]
    lines = [
        f"### Batch: {len(list(BATCH_CORPUS.glob('[0-9]*')))} generated documents "
        "(bench/make_batch_corpus.py)",
        "",
        "| run | seconds | × first run, `--jobs 1` | peak MiB | target |",
        "|---|---:|---:|---:|---|",
    ]
    targets = {2: "under 5 %"}
    for number, (what, m) in enumerate(rows):
        ratio = m.seconds / first_1.seconds
        lines.append(
            f"| {what} | {m.seconds:.2f} | {ratio:.3f} | {m.peak_mib:.0f} "
            f"| {targets.get(number, '')} |"
        )
    return [*lines, ""]


def main() -> None:
    if shutil.which("pdftotext") is None:
        raise SystemExit("benchmark: pdftotext is missing; `make bench` installs poppler-utils")
    missing = [str(p) for p in DOCUMENTS.values() if not p.exists()]
    if missing:
        raise SystemExit(f"benchmark: missing {', '.join(missing)}")
    out = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/run.py); do not edit by hand. Each figure is the fastest",
        f"of {REPEATS} runs of the whole command, start-up included; peak MiB is the process's",
        "peak resident memory. Ratios compare tools measured in this same run on this machine.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}.",
        "",
    ]
    for name, pdf in DOCUMENTS.items():
        out += table(name, pdf)
    out += linking_table()
    out += batch_table()
    target = ROOT / "BENCHMARKS.md"
    target.write_text("\n".join(out), encoding="utf-8")
    print(target.read_text(encoding="utf-8"))


if __name__ == "__main__":
    if sys.argv[1:] == ["--linking"]:
        write_linking_table()
    else:
        main()
