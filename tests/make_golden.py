"""Rewrite the golden CSVs from the current code (`make golden`). Review the diff like code."""

from __future__ import annotations

from goaltables.export.tables import goals_frame
from goaltables.extract import extract
from goaltables.normalize import assign_goal_ids
from tests.golden_samples import GOLDEN_SAMPLES, golden_path, require


def main() -> None:
    for name, path in GOLDEN_SAMPLES.items():
        records = assign_goal_ids(extract(require(path), path.name).records)
        target = golden_path(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        goals_frame(records).to_csv(target, index=False, lineterminator="\n")
        print(f"{target.relative_to(target.parents[2])}: {len(records)} rows")


if __name__ == "__main__":
    main()
