"""Text dumps of the sample PDFs against the PDFs themselves (issue 18, point 4).

For every PDF in samples/pdf and samples/cards, `pdftotext` makes its dump in each mode at run
time; the dump's records are compared with the PDF's own records on every field but the
rating (colour does not survive as text) and the page. Records are matched as a multiset of
those fields: F1 = 2 * matched / (PDF records + dump records).

    python bench/dumps.py            # a table per mode and sample, and each mode's F1 (micro)
    python bench/dumps.py --modes layout --show 2022-plan   # what differs in one sample
    python bench/dumps.py --modes layout,raw --corpus bench/.data/layout-corpus --limit 40

`--corpus` scores the dumps of a generated layout corpus's PDFs (its pdf/ folder, every
`--limit`-th document spread over the whole) against those PDFs' own records, the same way.
With `--gold` it scores them against the corpus's gold instead, with ../shared/eval's
score_real.py as the PDFs themselves are scored (`make corpus`): a dump is then judged by what
the report says, not by how well the PDF reader read the same page.

    python bench/dumps.py --modes layout,raw,default --corpus bench/.data/layout-corpus --gold \
        --limit 0 --markdown bench/DUMPS.md   # every document; `make corpus` does this
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from layout_score import load_scorer, score_one  # bench code, beside this file

from goaltables.cli import main as goaltables_cli
from goaltables.errors import GoalTablesError
from goaltables.export.schema import RECORD_COLUMNS
from goaltables.extract import extract
from goaltables.records import Record

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PDFS = [
    *sorted((ROOT / "samples" / "pdf").glob("*.pdf")),
    *sorted((ROOT / "samples" / "cards").glob("*.pdf")),
]
MODES = {"layout": ["-layout"], "raw": ["-raw"], "default": []}
# Every column a record gives but what a text cannot carry (the rating, its colour) or does not
# know (the page), and the ids.
FIELDS = tuple(
    c.name
    for c in RECORD_COLUMNS
    if c.name not in {"doc_id", "source", "page", "goal_id"}
    and not c.name.startswith("rating")
    and c.name != "status"
)

Key = tuple[str, ...]


@dataclass(frozen=True)
class Score:
    sample: str
    mode: str
    pdf_records: int
    dump_records: int
    matched: int
    error: str = ""

    @property
    def f1(self) -> float:
        total = self.pdf_records + self.dump_records
        return 2 * self.matched / total if total else 1.0


def record_key(record: Record) -> Key:
    return tuple(str(getattr(record, name) or "") for name in FIELDS)


def make_dump(pdf: Path, mode: str, folder: Path) -> Path:
    out = folder / f"{pdf.stem}.{mode}.txt"
    subprocess.run(["pdftotext", *MODES[mode], str(pdf), str(out)], check=True)
    return out


def dump_records(path: Path) -> tuple[list[Record], str]:
    try:
        return extract(path, path.name).records, ""
    except GoalTablesError as error:
        return [], str(error).split(": ")[-1]


def score(sample: str, mode: str, pdf: list[Record], dump: list[Record], error: str = "") -> Score:
    matched = sum((Counter(map(record_key, pdf)) & Counter(map(record_key, dump))).values())
    return Score(sample, mode, len(pdf), len(dump), matched, error)


def differences(pdf: list[Record], dump: list[Record]) -> tuple[list[Key], list[Key]]:
    """Keys only the PDF gives, keys only the dump gives."""
    a, b = Counter(map(record_key, pdf)), Counter(map(record_key, dump))
    return list((a - b).elements()), list((b - a).elements())


def run(modes: list[str], pdfs: list[Path], show: str = "") -> list[Score]:
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            truth, _ = dump_records(pdf)  # a corpus PDF may have no table read: nothing to match
            for mode in modes:
                records, error = dump_records(make_dump(pdf, mode, Path(tmp)))
                scores.append(score(pdf.stem, mode, truth, records, error))
                if show and show in pdf.stem:
                    _show(pdf.stem, mode, truth, records)
    return scores


def corpus_pdfs(folder: Path, limit: int) -> list[Path]:
    """`limit` PDFs of a corpus, spread evenly over its sorted list (its layouts and renderers
    are mixed in order, so an even spread holds each kind)."""
    pdfs = sorted((folder / "pdf").glob("*.pdf"))
    step = max(1, len(pdfs) // limit) if limit > 0 else 1
    return pdfs[::step][:limit] if limit > 0 else pdfs


def _show(sample: str, mode: str, pdf: list[Record], dump: list[Record]) -> None:
    """Each record only the PDF gives beside the nearest only the dump gives: what differs."""
    only_pdf, only_dump = differences(pdf, dump)
    print(f"--- {sample} ({mode}): {len(only_pdf)} only in the PDF, {len(only_dump)} in the dump")
    for key in only_pdf:
        near = max(
            only_dump, key=lambda k: sum(a == b for a, b in zip(key, k, strict=True)), default=None
        )
        if near is None:
            print("  missing:", " | ".join(v[:40] for v in key if v))
            continue
        only_dump.remove(near)
        diff = [(n, a, b) for n, a, b in zip(FIELDS, key, near, strict=True) if a != b]
        print("  " + " || ".join(f"{n}: {a!r} -> {b!r}" for n, a, b in diff))
    for key in only_dump:
        print("  extra:", " | ".join(v[:40] for v in key if v))


@dataclass(frozen=True)
class ModeScore:
    mode: str
    gold: int
    predicted: int
    found: int

    @property
    def f1(self) -> float:
        total = self.gold + self.predicted
        return 2 * self.found / total if total else 1.0


def gold_scores(modes: list[str], pdfs: list[Path], corpus: Path) -> list[ModeScore]:
    """Each mode's dumps of the corpus PDFs scored against the corpus gold, summed."""
    scores = []
    for mode in modes:
        per_document = dump_gold_scores(mode, pdfs, lambda pdf: corpus / "gold" / pdf.stem)
        totals = [sum(s[k] for s in per_document.values()) for k in ("gold", "predicted", "found")]
        scores.append(ModeScore(mode, *totals))
    return scores


def dump_gold_scores(
    mode: str, pdfs: list[Path], gold_stem: Callable[[Path], Path]
) -> dict[str, dict]:
    """The dumps of the PDFs in one mode, run as a folder through `goaltables run` and each
    scored by score_real.py against its PDF's gold (`gold_stem(pdf)` + ".gold.json", its
    document renamed to the dump's file): the scorer's counts per PDF stem."""
    scorer = load_scorer(ROOT.parent / "shared" / "eval" / "score_real.py")
    with tempfile.TemporaryDirectory() as tmp:
        folder, golds, out = Path(tmp) / "in", Path(tmp) / "gold", Path(tmp) / "out"
        folder.mkdir()
        golds.mkdir()
        for pdf in pdfs:
            make_dump(pdf, mode, folder).rename(folder / f"{pdf.stem}.txt")
            gold_file = gold_stem(pdf).with_name(gold_stem(pdf).name + ".gold.json")
            gold = json.loads(gold_file.read_text("utf-8"))
            gold["document"] = f"{pdf.stem}.txt"
            (golds / f"{pdf.stem}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
        run_args = ["run", str(folder), "-o", str(out), "--no-cache", "-q"]
        # A mode of which no dump gave a row stops the run: scored as nothing found.
        with contextlib.suppress(SystemExit, GoalTablesError):
            goaltables_cli(run_args, standalone_mode=False)
        return {
            g.name.removesuffix(".gold.json"): _gold_counts(scorer, out, g)
            for g in sorted(golds.glob("*.gold.json"))
        }


def _gold_counts(scorer: ModuleType, out: Path, gold: Path) -> dict:
    if (out / "goals.csv").exists():
        return score_one(scorer, out, gold)
    records = json.loads(gold.read_text("utf-8"))["records"]
    return {"gold": len(records), "predicted": 0, "found": 0}


def gold_table(scores: list[ModeScore], documents: int) -> str:
    lines = ["| mode | documents | gold | predicted | found | F1 |"]
    lines.append("|---|---:|---:|---:|---:|---:|")
    lines += [
        f"| {s.mode} | {documents} | {s.gold} | {s.predicted} | {s.found} | {s.f1:.3f} |"
        for s in scores
    ]
    return "\n".join(lines) + "\n"


def _alike(a: Key, b: Key) -> int:
    return sum(x == y for x, y in zip(a, b, strict=True))


def micro_f1(scores: list[Score]) -> float:
    matched = sum(s.matched for s in scores)
    total = sum(s.pdf_records + s.dump_records for s in scores)
    return 2 * matched / total if total else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--modes", default="layout", help="comma-separated: layout,raw,default")
    parser.add_argument("--show", default="", help="show what differs in these samples")
    parser.add_argument("--corpus", type=Path, help="a layout corpus folder (its pdf/ is read)")
    parser.add_argument("--limit", type=int, default=40, help="corpus documents, spread evenly")
    parser.add_argument("--gold", action="store_true", help="score a corpus against its gold")
    parser.add_argument("--markdown", type=Path, help="with --gold: also write the table here")
    args = parser.parse_args(argv)
    modes = args.modes.split(",")
    pdfs = corpus_pdfs(args.corpus, args.limit) if args.corpus else SAMPLE_PDFS
    if args.gold:
        if not args.corpus:
            parser.error("--gold needs --corpus")
        table = gold_table(gold_scores(modes, pdfs, args.corpus), len(pdfs))
        print(table, end="")
        if args.markdown:
            args.markdown.write_text(table, encoding="utf-8")
        return 0
    scores = run(modes, pdfs, args.show)
    print("| sample | mode | PDF records | dump records | matched | F1 |")
    print("|---|---|---:|---:|---:|---:|")
    for s in scores:
        note = f" ({s.error})" if s.error else ""
        print(
            f"| {s.sample} | {s.mode} | {s.pdf_records} | {s.dump_records} | {s.matched} | "
            f"{s.f1:.3f}{note} |"
        )
    print()
    print("| mode | samples at F1 1.0 | F1 (micro) |")
    print("|---|---:|---:|")
    for mode in modes:
        of_mode = [s for s in scores if s.mode == mode]
        perfect = sum(1 for s in of_mode if s.matched == s.pdf_records == s.dump_records)
        print(f"| {mode} | {perfect}/{len(of_mode)} | {micro_f1(of_mode):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
