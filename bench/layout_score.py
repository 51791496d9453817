"""Scores of goaltables on the generated corpus: score_real.py per gold, summed per feature.

score_real.py prints per document 'gold records N, predicted rows on covered pages M, found K';
summing those over documents gives micro precision, recall and F1 for any group of documents.
"""

from __future__ import annotations

import contextlib
import csv
import importlib.util
import io
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

BREAKDOWN = ("layout", "encoding", "renderer", "ruling", "legend", "language")
COUNTS = re.compile(r"gold records (\d+), predicted rows on covered pages (\d+), found (\d+)")
SCORED_ON = re.compile(
    r"rating\s+scored on (\d+) found records with a gold rating; status on (\d+)"
)
ACCURACY = re.compile(r"real_f1=\S+ rating_acc=(\S+) status_acc=(\S+)")
FIELD_ACCURACY = re.compile(r"^\s+(\w+)\s+accuracy on found records ([\d.]+)$", re.MULTILINE)
FIELDS = ("area", "baseline", "target", "actual", "progress")


@dataclass
class Tally:
    """Counts summed over documents: micro precision, recall and F1 come from these."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    found: int = 0
    rating_n: int = 0
    rating_ok: int = 0
    status_n: int = 0
    status_ok: int = 0
    zero: list[str] = field(default_factory=list)  # documents with no record found
    fields_ok: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def add(self, name: str, score: dict) -> None:
        self.documents += 1
        for key in ("gold", "predicted", "found", "rating_n", "rating_ok", "status_n", "status_ok"):
            setattr(self, key, getattr(self, key) + score[key])
        for name_ in FIELDS:
            self.fields_ok[name_] += score["fields_ok"][name_]
        if score["found"] == 0:
            self.zero.append(name)

    def prf(self) -> tuple[float, float, float]:
        p = self.found / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_scorer(path: Path):
    if not path.exists():
        sys.exit(f"scorer not found: {path} (the shared folder sits beside the repository)")
    spec = importlib.util.spec_from_file_location("score_real", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def accuracy_count(text: str, n: int) -> int:
    return 0 if text == "n/a" else round(float(text) * n)


def score_one(scorer, out_dir: Path, gold: Path) -> dict:
    """Run score_real.py's main on one gold and read its counts from what it prints."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        scorer.main(["score_real.py", str(out_dir), str(gold)])
    text = buffer.getvalue()
    gold_n, predicted, found = map(int, COUNTS.search(text).groups())
    rating_n, status_n = map(int, SCORED_ON.search(text).groups())
    rating_acc, status_acc = ACCURACY.search(text).groups()
    fields = {name: float(acc) for name, acc in FIELD_ACCURACY.findall(text)}
    return {
        "fields_ok": {name: round(fields[name] * found) for name in FIELDS},
        "gold": gold_n,
        "predicted": predicted,
        "found": found,
        "rating_n": rating_n,
        "rating_ok": accuracy_count(rating_acc, rating_n),
        "status_n": status_n,
        "status_ok": accuracy_count(status_acc, status_n),
    }


def tally_scores(manifest: dict, scores: dict[str, dict]) -> dict[str, dict[str, Tally]]:
    """Tallies per value of each drawn feature, plus 'all' over every document."""
    tallies: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for doc in manifest["documents"]:
        score = scores.get(doc["name"])
        if score is None:
            continue
        tallies["all"]["all"].add(doc["name"], score)
        for feature in BREAKDOWN:
            tallies[feature][doc[feature]].add(doc["name"], score)
    return tallies


def fraction(k: int, n: int) -> str:
    return f"{k / n:.3f}" if n else "n/a"


def table_lines(feature: str, by_value: dict[str, Tally]) -> list[str]:
    lines = [
        f"| {feature} | documents | gold | predicted | found | precision | recall | F1 "
        "| rating acc | status acc | docs with 0 found |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for value in sorted(by_value):
        t = by_value[value]
        p, r, f = t.prf()
        rating, status = fraction(t.rating_ok, t.rating_n), fraction(t.status_ok, t.status_n)
        lines.append(
            f"| {value} | {t.documents} | {t.gold} | {t.predicted} | {t.found} | {p:.3f} | {r:.3f} "
            f"| {f:.3f} | {rating} | {status} | {len(t.zero)} |"
        )
    return lines


def field_lines(by_value: dict[str, Tally]) -> list[str]:
    """Field accuracy on found records, per layout (a field null in both counts as right)."""
    lines = [
        "| layout | found | " + " | ".join(FIELDS) + " |",
        "| --- | ---: |" + " ---: |" * len(FIELDS),
    ]
    for value in sorted(by_value):
        t = by_value[value]
        cells = " | ".join(fraction(t.fields_ok[f], t.found) for f in FIELDS)
        lines.append(f"| {value} | {t.found} | {cells} |")
    return lines


def problem_counts(out_dir: Path) -> Counter[str]:
    """How many documents goaltables reported per problem kind (no-goal-table, ...)."""
    path = out_dir / "problems.csv"
    if not path.exists():
        return Counter()
    with path.open(encoding="utf-8-sig", newline="") as f:
        return Counter(row["kind"] for row in csv.DictReader(f))


def report_lines(
    seed: int, tallies: dict[str, dict[str, Tally]], problems: Counter[str]
) -> list[str]:
    overall = tallies["all"]["all"]
    p, r, f = overall.prf()
    told = ", ".join(f"{kind} {n}" for kind, n in sorted(problems.items())) or "none"
    lines = [
        "## Generated layout corpus",
        "",
        f"{overall.documents} generated documents (seed {seed}) from "
        "`bench/layout_corpus.py`, scored by `../shared/eval/score_real.py` like the real gold. "
        "Made and scored by `make corpus`.",
        "",
        f"Problems goaltables reported: {told}. Documents of which no record was found: "
        f"{len(overall.zero)} of {overall.documents}.",
        "",
        f"**Overall (micro over {overall.gold} gold records): precision {p:.3f}, recall {r:.3f}, "
        f"F1 {f:.3f}; rating accuracy {fraction(overall.rating_ok, overall.rating_n)} "
        f"(on {overall.rating_n} found records with a gold rating), status accuracy "
        f"{fraction(overall.status_ok, overall.status_n)} (on {overall.status_n}).**",
        "",
    ]
    for feature in BREAKDOWN:
        lines += [*table_lines(feature, tallies[feature]), ""]
    lines += ["Field accuracy on found records (score_real.py: similarity ≥ 90):", ""]
    return [*lines, *field_lines(tallies["layout"]), ""]
