"""Table benchmark: `goaltables tables --json` against pdfplumber and camelot on the public
cases of ../shared/tablebench (ICDAR 2013, peer regression cases, Word documents), scored
with that folder's own `score.py`; writes a section of BENCHMARKS.md (`make tablebench`).

Every tool writes one prediction file per case in the tablebench format and is timed over the
whole set in one process (seconds per page: start-up excluded, the same for every tool).
goaltables runs its own command in-process (click's test runner: exactly what `goaltables
tables FILE --json` prints). pdfplumber and camelot run in the bench environment (BENCH_PYTHON,
made by `make tablebench`), never in goaltables' own: camelot is no dependency of goaltables.
A tool that cannot be imported there is reported as not run.

    python bench/tablebench.py                 # all tools, all sets, BENCHMARKS.md section
    python bench/tablebench.py --tools goaltables --sets icdar2013 --no-write
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(os.environ.get("TABLEBENCH", ROOT.parent / "shared" / "tablebench"))
SETS = ("icdar2013", "peer_cases", "docx")
TOOLS = ("goaltables", "pdfplumber", "camelot-hybrid", "camelot-network")
BENCH_PYTHON = os.environ.get("BENCH_PYTHON", str(ROOT / ".venv-bench" / "bin" / "python"))
SECTION = "## Tables: every table, against pdfplumber and camelot"


def cases(set_dir: Path) -> list[tuple[Path, dict[str, object]]]:
    """Each case's document and its expected file."""
    found = []
    for expected in sorted(set_dir.glob("*.expected.json")):
        meta = json.loads(expected.read_text(encoding="utf-8"))
        document = meta.get("pdf") or meta.get("docx")
        found.append((set_dir / str(document), meta))
    return found


def pages_of(meta: dict[str, object]) -> list[int]:
    pages = meta.get("pages") or []
    assert isinstance(pages, list)
    return [int(p) for p in pages]


# --- workers: one tool over one set, in whichever interpreter has the tool ------------------


def run_goaltables(document: Path, pages: list[int]) -> list[dict[str, object]]:
    from click.testing import CliRunner

    from goaltables.cli import main

    args = ["tables", str(document), "--json"]
    if pages:
        args += ["--pages", ",".join(str(p) for p in pages)]
    result = CliRunner().invoke(main, args)
    if result.exit_code != 0:
        print(f"  goaltables failed on {document.name}: {result.output.strip()}", file=sys.stderr)
        return []
    tables: list[dict[str, object]] = json.loads(result.stdout)["tables"]
    return tables


def run_pdfplumber(document: Path, pages: list[int]) -> list[dict[str, object]]:
    import pdfplumber

    tables: list[dict[str, object]] = []
    with pdfplumber.open(document) as pdf:
        for number in pages or range(1, len(pdf.pages) + 1):
            for rows in pdf.pages[number - 1].extract_tables():
                tables.append({"page": number, "rows": rows})
    return tables


def run_camelot(document: Path, pages: list[int], flavor: str) -> list[dict[str, object]]:
    import camelot  # type: ignore[import-not-found]

    wanted = ",".join(str(p) for p in pages) if pages else "all"
    found = camelot.read_pdf(str(document), pages=wanted, flavor=flavor)
    return [{"page": int(t.page), "rows": t.df.values.tolist()} for t in found]


def worker(tool: str, set_name: str, out: Path) -> None:
    """Predict every case of a set with one tool; print seconds and pages as JSON (for
    goaltables also the seconds its aligned finder took, words given)."""
    out.mkdir(parents=True, exist_ok=True)
    seconds, pages_read = 0.0, 0
    finder = _time_the_aligned_finder() if tool == "goaltables" else [0.0]
    for document, meta in cases(BENCH / set_name):
        if tool != "goaltables" and document.suffix != ".pdf":
            continue
        pages = pages_of(meta)
        start = time.perf_counter()
        try:
            tables = _predict(tool, document, pages)
        except Exception as error:  # a peer tool failing on one case is its score, not ours
            print(f"  {tool} failed on {document.name}: {error}", file=sys.stderr)
            tables = []
        seconds += time.perf_counter() - start
        pages_read += max(len(pages), 1)
        path = out / f"{meta['case_id']}.json"
        path.write_text(json.dumps({"tables": tables}, ensure_ascii=False), encoding="utf-8")
    print(json.dumps({"seconds": seconds, "pages": pages_read, "finder": finder[0]}))


def _time_the_aligned_finder() -> list[float]:
    """Wrap the page layer's aligned finder to add up its own time (in a one-element list)."""
    from goaltables.extract.pdf import layer

    spent = [0.0]
    finder = layer.aligned_tables

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return finder(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    layer.aligned_tables = timed  # type: ignore[assignment]
    return spent


def _predict(tool: str, document: Path, pages: list[int]) -> list[dict[str, object]]:
    if tool == "goaltables":
        return run_goaltables(document, pages)
    if tool == "pdfplumber":
        return run_pdfplumber(document, pages)
    return run_camelot(document, pages, tool.removeprefix("camelot-"))


# --- the run: every tool over every set, scored ---------------------------------------------


def measure(tool: str, set_name: str, work: Path) -> dict[str, float] | None:
    """A tool's scores and speed on one set, or None when the tool cannot run there."""
    if tool != "goaltables" and set_name == "docx":
        return None
    python = sys.executable if tool == "goaltables" else BENCH_PYTHON
    if tool != "goaltables" and not _importable(python, _module(tool)):
        return None
    out = work / tool / set_name
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [python, __file__, "--worker", tool, set_name, str(out)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    timing = json.loads(done.stdout.strip().splitlines()[-1])
    scores = score(BENCH / set_name, out)
    pages = max(timing["pages"], 1)
    return {**scores, "s_per_page": timing["seconds"] / pages, "finder": timing["finder"] / pages}


def _module(tool: str) -> str:
    return "camelot" if tool.startswith("camelot") else tool


def _importable(python: str, module: str) -> bool:
    if not Path(python).exists():
        return False
    probe = subprocess.run([python, "-c", f"import {module}"], capture_output=True, check=False)
    return probe.returncode == 0


def score(expected: Path, predicted: Path) -> dict[str, float]:
    """Micro cell and adjacency F1 from the benchmark's own scorer."""
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        command = [sys.executable, str(BENCH / "score.py"), str(expected), str(predicted)]
        subprocess.run(
            [*command, "--json", report.name, "--quiet"], capture_output=True, check=True
        )
        summary = json.loads(Path(report.name).read_text(encoding="utf-8"))["summary"]
    return {"cell": summary["cell"]["micro_f1"], "adj": summary["adj"]["micro_f1"]}


def table(results: dict[str, dict[str, dict[str, float] | None]], tools: list[str]) -> str:
    """The figures as a Markdown table: a row per set, per tool cell F1 / adjacency F1 / s."""
    head = "| set | " + " | ".join(tools) + " |\n| --- |" + " ---: |" * len(tools) + "\n"
    lines = []
    for set_name, per_tool in results.items():
        cells = [_cell(per_tool.get(tool)) for tool in tools]
        lines.append(f"| {set_name} | " + " | ".join(cells) + " |")
    return head + "\n".join(lines) + "\n"


def finder_note(results: dict[str, dict[str, dict[str, float] | None]]) -> str:
    """What goaltables' aligned finder alone took per page (words given), beside camelot."""
    parts = [
        f"{set_name} {found['finder']:.4f} s"
        for set_name, per_tool in results.items()
        if (found := per_tool.get("goaltables")) is not None and found["finder"] > 0
    ]
    return "\nThe aligned finder alone, words given, per page: " + ", ".join(parts) + ".\n"


def _cell(found: dict[str, float] | None) -> str:
    if found is None:
        return "–"
    return f"{found['cell']:.3f} / {found['adj']:.3f} / {found['s_per_page']:.3f} s"


def write_section(text: str, title: str = SECTION) -> None:
    """Replace (or add) a benchmark's section of BENCHMARKS.md (headed `title`), leaving the
    rest."""
    path = ROOT / "BENCHMARKS.md"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(re.escape(title) + r".*?(?=\n## |\Z)", re.S)
    new = pattern.sub(lambda _: text.rstrip("\n"), old) if title in old else old + "\n" + text
    path.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def section(body: str) -> str:
    return (
        f"{SECTION}\n\n"
        "`make tablebench` (also part of `make bench`): `goaltables tables FILE --json` on the\n"
        "public cases of `../shared/tablebench`, scored by its `score.py` (micro F1). Each cell:\n"
        "cell F1 / adjacency F1 / seconds per page, all tools in one run on one machine\n"
        "(pdfplumber's `extract_tables()` defaults; camelot in a bench-only environment).\n"
        "goaltables' seconds are mostly pdfplumber's: reading the page's objects and finding\n"
        "its ruled tables, as `extract_tables()` does; its aligned finder's own share is below.\n\n"
        f"{body}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs=3, metavar=("TOOL", "SET", "OUT"))
    parser.add_argument("--tools", default=",".join(TOOLS))
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--keep", type=Path, help="keep the predictions in this folder")
    parser.add_argument("--no-write", action="store_true", help="print, do not touch BENCHMARKS.md")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], args.worker[1], Path(args.worker[2]))
        return
    tools, sets = args.tools.split(","), args.sets.split(",")
    with tempfile.TemporaryDirectory(prefix="tablebench-") as temporary:
        work = args.keep or Path(temporary)
        results = {s: {t: measure(t, s, work) for t in tools} for s in sets}
    text = table(results, tools)
    if "goaltables" in tools:
        text += finder_note(results)
    print(text)
    if not args.no_write:
        write_section(section(text))


if __name__ == "__main__":
    main()
