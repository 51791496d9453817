"""The layout randomiser's truth rules (bench/layout_gold.py), checked without rendering."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import layout_gold as corpus
from layout_content import DocPlan, draw_plan

PLANS = [draw_plan(11, i) for i in range(40)]


def test_a_seed_gives_the_same_documents() -> None:
    assert draw_plan(11, 7) == draw_plan(11, 7)
    assert draw_plan(11, 7) != draw_plan(12, 7)


def test_document_names_are_unique() -> None:
    """The scorer matches predictions to a gold by base file name."""
    names = [draw_plan(11, i).name for i in range(200)]
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_each_row_is_found_by_its_own_text(plan: DocPlan) -> None:
    """locate() reads 40 characters: no two rows of a document may share them."""
    needles = [r["measure"] or r["goal"] for r in corpus.gold_records(plan)]
    starts = [re.sub(r"\s+", "", n)[:40] for n in needles]
    if plan.layout == "goal_rows":
        return  # repeated goals are placed in reading order
    assert len(set(starts)) == len(starts)


def test_a_bare_digit_has_a_status_only_through_a_legend() -> None:
    plan = next(p for p in PLANS if p.encoding == "digit")
    level = plan.scale["green"]
    assert corpus.status_of(replace(plan, legend_at="none"), level) is None
    assert corpus.status_of(replace(plan, legend_at="earlier"), level) == "green"
    assert corpus.rating_of(replace(plan, legend_at="none"), level) == level.digit


def test_colours_and_words_give_a_status_but_a_digit_only_from_a_legend() -> None:
    plan = next(p for p in PLANS if p.encoding == "glyph")
    level = plan.scale["red"]
    assert corpus.status_of(replace(plan, legend_at="none"), level) == "red"
    assert corpus.rating_of(replace(plan, legend_at="none"), level) is None
    digits = replace(plan, legend_at="before", legend_digits=True)
    assert corpus.rating_of(digits, level) == level.digit
    assert corpus.rating_of(replace(plan, encoding="word"), level) is None


def test_progress_follows_the_layout() -> None:
    """Cards and goal rows give the goal's progress text; group rows their comment row's."""
    for plan in PLANS:
        for record, goal in zip(corpus.gold_records(plan), goals_per_record(plan), strict=True):
            if plan.layout in ("cards", "goal_rows"):
                assert record["progress"] == goal.progress
            if plan.layout == "goal_rows":
                assert record["measure"] is None


def goals_per_record(plan: DocPlan) -> list:
    return [g for a in plan.areas for g in a.goals for _ in g.measures or [None]]


def word(text: str, x0: float, top: float) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 5.0 * len(text), "top": top, "bottom": top + 9}


def test_a_cell_is_read_past_a_neighbour_as_close_as_a_space() -> None:
    """LibreOffice's narrow cell padding puts the next cell's value 6 pt from the text's end
    (lc009 of the first corpus): the text that continues the wanted one is followed."""
    words = [
        word("Utbildningsdagar", 100, 500),
        word("per", 185, 500),
        word("medarbetare", 205, 500),
        word("7,0", 266, 500),
        word("(medelvärde)", 100, 512),
    ]
    assert corpus.count_on_page(words, "Utbildningsdagar per medarbetare (medelvärde)") == 1
