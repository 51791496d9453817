"""Compare what goaltables reads from a sample PDF with the truth its generator wrote down.

Rows are aligned on their goal and measure text (difflib), so one missing row does not shift
every row after it; then each column is compared cell by cell.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from goaltables.export.schema import RECORD_COLUMNS
from goaltables.export.tables import goals_frame
from goaltables.extract import extract

# The contract's columns as read but the three a generator cannot know: doc_id, source, goal_id
# (the numbers read from the values follow from the values, which are compared).
TRUTH_COLUMNS = [c.name for c in RECORD_COLUMNS if c.name not in ("doc_id", "source", "goal_id")]


@dataclass
class Comparison:
    truth_rows: int
    read_rows: int
    matched_rows: int
    wrong: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # column -> (truth, read)

    def cells_wrong(self) -> int:
        return sum(len(v) for v in self.wrong.values())


def _key(row: pd.Series) -> str:
    return f"{row['goal'][:40]}|{row['measure'][:40]}".casefold()


def compare(report: Path, truth_csv: Path, ignore: tuple[str, ...] = ()) -> Comparison:
    """Compare a report (PDF, or the same document in another format) with its truth; the
    columns in `ignore` are not compared (a .docx has no pages)."""
    truth = pd.read_csv(truth_csv, dtype=str, keep_default_na=False)
    read = goals_frame(extract(report, report.name).records).astype(object).fillna("").astype(str)
    matcher = difflib.SequenceMatcher(
        a=[_key(r) for _, r in truth.iterrows()],
        b=[_key(r) for _, r in read.iterrows()],
        autojunk=False,
    )
    comparison = Comparison(len(truth), len(read), 0)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            expected, got = truth.iloc[block.a + offset], read.iloc[block.b + offset]
            comparison.matched_rows += 1
            for column in (c for c in TRUTH_COLUMNS if c not in ignore):
                if expected[column] != got[column]:
                    comparison.wrong.setdefault(column, []).append((expected[column], got[column]))
    return comparison
