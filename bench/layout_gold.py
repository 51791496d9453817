"""The truth of a generated document: what a careful reader writes from the printed page.

Records come from the plan that was printed (layout_content.DocPlan); only the page is taken from
the rendered PDF, by finding where the row's text starts, as samples/make_pdf_samples.py does.
Conventions follow ../shared/real/simrishamn_2025.gold.json and samples/pdf/README.md.
"""

from __future__ import annotations

import re
from pathlib import Path

from layout_content import DocPlan, Level

from samples.make_pdf_samples import load_pages


def rating_of(plan: DocPlan, level: Level) -> int | None:
    """The digit a reader can give: printed in the cell, or read off a legend with digits."""
    if plan.encoding in ("digit", "ball_digit"):
        return level.digit
    if plan.encoding == "word" or plan.legend_at == "none" or not plan.legend_digits:
        return None
    return level.digit


def status_of(plan: DocPlan, level: Level) -> str | None:
    """Colours and verdict words speak for themselves; a bare digit only through a legend
    (1 is best on one scale and worst on the other)."""
    if plan.encoding == "digit" and plan.legend_at == "none":
        return None
    return level.status


def rating_raw_of(plan: DocPlan, level: Level) -> str:
    """What the cell shows, in the conventions of samples/pdf/README.md and the real gold."""
    return {
        "glyph": f"● #{level.colour}",
        "image": f"● #{level.colour}",
        "ball_digit": f"● #{level.colour} {level.shown_digit}",
        "shading": f"fill #{level.colour}",
        "digit": level.shown_digit,
        "word": level.verdict,
    }[plan.encoding]


def gold_record(plan: DocPlan, area, goal, measure) -> dict:
    """What a careful reader writes down for one assessed row (page left for the PDF)."""
    level = measure.level if measure else goal.level
    if plan.layout == "band":
        progress = measure.progress if "progress" in plan.columns else None
    else:
        progress = goal.progress if plan.layout in ("cards", "goal_rows") else measure.progress
    values = measure.values if measure else {}
    return {
        "page": None,
        "sector": plan.sector,
        "area": area.name,
        "strategy": None,
        "goal": goal.text,
        "measure": measure.text if measure else None,
        **{role: values.get(role) for role in ("baseline", "target", "actual")},
        "progress": progress,
        "rating": rating_of(plan, level),
        "status": status_of(plan, level),
        "rating_raw": rating_raw_of(plan, level),
    }


def gold_records(plan: DocPlan) -> list[dict]:
    """One record per measure row (per goal row where goals have no measures), reading order."""
    return [
        gold_record(plan, area, goal, measure)
        for area in plan.areas
        for goal in area.goals
        for measure in goal.measures or [None]
    ]


def candidates(words: list[dict], cur: dict, col_left: float) -> list[dict]:
    """Words that may continue `cur` in its cell: its neighbours on the line, then the words
    starting the next line at the cell's left edge."""
    height = cur["bottom"] - cur["top"]
    same = [w for w in words if abs(w["top"] - cur["top"]) < 2 and 0 <= w["x0"] - cur["x1"] < 6]
    below = [
        w for w in words if 1 < w["top"] - cur["top"] < 2.6 * height and abs(w["x0"] - col_left) < 3
    ]
    return sorted(same, key=lambda w: w["x0"]) + sorted(below, key=lambda w: w["top"])


def shows_text_at(words: list[dict], first: dict, want: str) -> bool:
    """Whether the cell text starting at `first` reads `want` (blanks removed). Guided by the
    wanted text: with narrow cell padding the next cell's word sits as close as a space, so
    the neighbour that continues the text is taken, not merely the nearest."""
    got, cur = first["text"], first
    while len(got) < len(want):
        rest = want[len(got) :]
        fits = [w for w in candidates(words, cur, first["x0"]) if rest.startswith(w["text"])]
        if not fits:
            # A row may break across pages after its first line(s): a long enough prefix counts.
            return len(got) >= 12
        got, cur = got + fits[0]["text"], fits[0]
    return got.startswith(want)


def count_on_page(words: list[dict], needle: str, chars: int = 40) -> int:
    """How many times the page shows the first `chars` non-blank characters of `needle`."""
    want = re.sub(r"\s+", "", needle)[:chars]
    starts = [w for w in words if want.startswith(w["text"]) or w["text"].startswith(want)]
    return sum(shows_text_at(words, w, want) for w in starts)


def locate(pages: list[list[dict]], needle: str, start: int, used: dict) -> int:
    """First page from `start` on that shows `needle` once more than the records already placed
    there (records come in reading order); mirrors samples/make_pdf_samples.py `locate`."""
    for i in range(start - 1, len(pages)):
        if count_on_page(pages[i], needle) > used.get((i, needle), 0):
            used[(i, needle)] = used.get((i, needle), 0) + 1
            return i + 1
    raise RuntimeError(f"text not found in the PDF from page {start}: {needle[:60]!r}")


def finance_entry(plan: DocPlan, pages: list[list[dict]]) -> dict:
    header = plan.finance.header
    page = locate(pages, header[0], 1, {})
    return {
        "page": page,
        "first_header_cell": header[0],
        "kind": "finance",
        "header": " | ".join(header),
    }


def gold_document(plan: DocPlan, pdf: Path) -> dict:
    """The gold JSON of one rendered PDF; raises RuntimeError when a measure is not found."""
    pages = load_pages(pdf)
    records, page, used = gold_records(plan), 1, {}
    for record in records:
        page = locate(pages, record["measure"] or record["goal"], page, used)
        record["page"] = page
    legend = {}
    if plan.legend_at != "none" and plan.legend_digits and plan.encoding != "word":
        legend = {lv.shown_digit: lv.label for lv in plan.scale.values() if lv.digit is not None}
    return {
        "document": pdf.name,
        "year": plan.year,
        "phase": "outcome",
        "pages_covered": list(range(1, len(pages) + 1)),
        "rating_legend": legend,
        "records": records,
        "non_goal_tables": [finance_entry(plan, pages)],
    }
