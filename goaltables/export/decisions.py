"""A person's link decisions kept in a file of their own: `OUT/decisions.csv`.

`review.csv` is a form that every run writes anew; the marks a person writes in it ("same",
"different" under `decision`) must outlive it. So before linking, a run gathers every decision
made so far, later words winning over earlier ones:
1. `OUT/decisions.csv`, the record of every decision, oldest first;
2. the file given with `--decisions` (any CSV with from_goal, to_goal and decision columns);
3. the marks in the last run's `OUT/review.csv`.
The marks from 2 and 3 that `decisions.csv` does not say yet are appended to it, with the goals'
texts where the form had them. goaltables never changes or removes a row of `decisions.csv` and
never writes the file given with `--decisions`: to take a decision back, write the other one
(a later row wins) or delete the row by hand.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from goaltables.errors import OutputError
from goaltables.normalize.link import Decisions, read_decisions, sniff_delimiter

DECISIONS_FILE = "decisions.csv"
REVIEW_FILE = "review.csv"
DECISION_COLUMNS = ("from_goal", "to_goal", "decision", "from_text", "to_text")


@dataclass
class Gathered:
    """Every decision made so far, and the ones `decisions.csv` does not record yet."""

    decisions: Decisions = field(default_factory=dict)
    new: list[dict[str, str]] = field(default_factory=list)  # rows to append


def gather_decisions(out_dir: Path | None, given: Path | None) -> Gathered:
    """The decisions of `OUT/decisions.csv`, then of `given`, then of `OUT/review.csv`."""
    recorded = _read_if_present(out_dir / DECISIONS_FILE) if out_dir else {}
    gathered = Gathered(dict(recorded))
    sources = [given] if given else []
    if out_dir is not None:
        sources.append(out_dir / REVIEW_FILE)
    for path in sources:
        marks = read_decisions(path) if path == given else _read_if_present(path)
        texts = _texts(path)
        for pair, decision in marks.items():
            gathered.decisions[pair] = decision
            if recorded.get(pair) != decision:
                recorded[pair] = decision
                gathered.new.append(_row(pair, decision, texts.get(pair, ("", ""))))
    return gathered


def record_decisions(out_dir: Path, rows: list[dict[str, str]]) -> None:
    """Append `rows` to `OUT/decisions.csv` (written with a header when new); nothing else
    in the file is touched."""
    if not rows:
        return
    path = out_dir / DECISIONS_FILE
    new_file = not path.exists()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=DECISION_COLUMNS)
            if new_file:
                writer.writeheader()
            writer.writerows(rows)
    except OSError as error:
        raise OutputError(f"{path}: cannot record the decisions ({error.strerror})") from None


def decisions_key(decisions: Decisions) -> bytes:
    """The decisions as bytes for the run's key: a new mark makes the run a new one."""
    return "\n".join(f"{a}\t{b}\t{d}" for (a, b), d in sorted(decisions.items())).encode()


def _read_if_present(path: Path) -> Decisions:
    return read_decisions(path) if path.is_file() else {}


def _texts(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """The goals' texts a review form shows beside each pair (none in a bare marks file)."""
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = csv.DictReader(handle, delimiter=sniff_delimiter(handle))
        return {
            ((r.get("from_goal") or "").strip(), (r.get("to_goal") or "").strip()): (
                r.get("from_text") or "",
                r.get("to_text") or "",
            )
            for r in rows
        }


def _row(pair: tuple[str, str], decision: str, texts: tuple[str, str]) -> dict[str, str]:
    return dict(zip(DECISION_COLUMNS, (*pair, decision, *texts), strict=True))
