"""The samples that have golden files, by golden name. Seeds are read in place from ../shared."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"

GOLDEN_SAMPLES: dict[str, Path] = {
    "seed-000-pdf-text-dump": SEEDS / "000_c0525851ec6c3b83.txt",
    "seed-001-tab-separated-html": SEEDS / "001_c843abbe7468a18f.txt",
    "2022-interim-sv-delarsrapport": SAMPLES / "2022-interim-sv-delarsrapport.txt",
    "2023-plan-numbering-tracked-changes": SAMPLES
    / "docx"
    / "2023-plan-numbering-tracked-changes.docx",
    "2023-outcome-nested-controls-symbols": SAMPLES
    / "docx"
    / "2023-outcome-nested-controls-symbols.docx",
}


# The Järvelä series: four reports of one sector, 2022 plan to 2023 outcome, whose true links
# samples/pdf/lineage.csv lists (see samples/pdf/LINEAGE.md).
SERIES = [
    SAMPLES / "pdf" / f"{name}.pdf"
    for name in (
        "2022-plan-ruled-merged-cells",
        "2022-outcome-landscape-merged-traffic-lights",
        "2023-plan-goal-cards",
        "2023-outcome-long-report-shaded-cards",
    )
]


def golden_path(name: str) -> Path:
    return GOLDEN / f"{name}.csv"


def require(path: Path) -> Path:
    """The sample's path; a clear failure (not a skip) when it is missing."""
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: the seeds are read from ../shared/seeds beside the checkout"
        )
    return path
