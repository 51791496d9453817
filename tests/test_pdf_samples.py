"""Every sample PDF reads back exactly as its generator wrote it down (samples/pdf/truth/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from goaltables.extract import extract
from tests.golden_samples import SAMPLES
from tests.truth import compare

PDF_SAMPLES = sorted(p.stem for p in (SAMPLES / "pdf" / "truth").glob("*.csv"))


def test_the_corpus_is_there() -> None:
    assert len(PDF_SAMPLES) == 8


@pytest.mark.parametrize("name", PDF_SAMPLES)
def test_sample_matches_its_truth_cell_for_cell(name: str) -> None:
    result = compare(SAMPLES / "pdf" / f"{name}.pdf", SAMPLES / "pdf" / "truth" / f"{name}.csv")
    assert (result.read_rows, result.matched_rows) == (result.truth_rows, result.truth_rows)
    assert result.wrong == {}


def test_the_long_report_gives_rows_only_from_goal_tables() -> None:
    """21 pages of prose, Käyttötalous and key-figure tables, a chart and goal cards."""
    records = extract(SAMPLES / "pdf" / "2023-outcome-long-report-shaded-cards.pdf").records
    assert {r.source.page for r in records} == {9, 11, 13, 15, 17}
    assert not [r for r in records if "1 000 €" in r.goal or "Käyttötalous" in r.goal]


def test_colours_are_decoded_against_the_legend() -> None:
    records = extract(SAMPLES / "pdf" / "2022-outcome-landscape-merged-traffic-lights.pdf").records
    first = records[0]
    assert (first.rating.raw, first.rating.value, first.rating.label, first.rating.status) == (
        "● #00B050",
        2,
        "tavoite toteutui",
        "green",
    )


def test_a_table_continued_without_its_header_keeps_its_area(tmp_path: Path) -> None:
    records = extract(SAMPLES / "pdf" / "2022-outcome-landscape-merged-traffic-lights.pdf").records
    on_page_2 = [r for r in records if r.source.page == 2]
    assert on_page_2 and all(r.area for r in on_page_2)
    assert len({r.source.table for r in records}) == 1  # one table over four pages
