"""The linking's tables: `links` (every link with its scores), `review` (pairs for a person to
mark) and `comparison` (one row per goal_id, a column per document: how the goal fared).

In the comparison a goal's status in a document is its worst measure's (red under yellow under
green; grey and unknown do not count against it), and its rating is that measure's. Flags:
new (not in its series' first document), ended (not in its last), reworded (its folded text
changed between two documents), moved (a link says so), better / worse (its last two statuses).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import pandas as pd

from goaltables.normalize.fold import fold
from goaltables.normalize.link import Linking, series_of, series_order, time_order
from goaltables.records import DocumentInfo, Record

LINK_COLUMNS = [
    "goal_id",
    "from_doc",
    "from_goal_no",
    "to_doc",
    "to_goal_no",
    "score",
    "goal_score",
    "measure_score",
    "area_score",
    "pass",
    "kind",
    "decision",
    "from_goal",
    "to_goal",
]
REVIEW_COLUMNS = [
    "from_goal",
    "to_goal",
    "from_doc",
    "to_doc",
    "from_text",
    "to_text",
    "score",
    "decision",
    "status",
]
STATUS_RANK = {"red": 0, "yellow": 1, "green": 2}  # worse first
T = TypeVar("T")


def links_frame(linking: Linking) -> pd.DataFrame:
    rows = [
        {
            "goal_id": linking.goal_ids.get(k.to_key, k.to_key),
            "from_doc": k.from_doc,
            "from_goal_no": k.from_goal_no,
            "to_doc": k.to_doc,
            "to_goal_no": k.to_goal_no,
            "score": k.score,
            "goal_score": k.goal_score,
            "measure_score": k.measure_score,
            "area_score": k.area_score,
            "pass": k.pass_,
            "kind": k.kind,
            "decision": k.decision,
            "from_goal": k.from_key,
            "to_goal": k.to_key,
        }
        for k in linking.links
    ]
    frame = pd.DataFrame(rows, columns=LINK_COLUMNS)
    scores = ["score", "goal_score", "measure_score", "area_score"]
    return frame.astype({c: "Float64" if c in scores else "string" for c in LINK_COLUMNS})


def review_frame(linking: Linking) -> pd.DataFrame:
    """Pairs in the grey zone still open; a person writes 'same' or 'different' under
    decision, and the next run records the marks in decisions.csv (`export.decisions`) and
    applies them: a decided pair is not asked again."""
    rows = [
        {
            "from_goal": r.from_key,
            "to_goal": r.to_key,
            "from_doc": r.from_key.rsplit("-", 1)[0],
            "to_doc": r.to_key.rsplit("-", 1)[0],
            "from_text": r.from_goal,
            "to_text": r.to_goal,
            "score": r.score,
            "decision": r.decision,
            "status": "open",
        }
        for r in linking.reviews
    ]
    frame = pd.DataFrame(rows, columns=REVIEW_COLUMNS)
    return frame.astype({"score": "Float64"})


def comparison_frame(
    documents: list[DocumentInfo], records: list[Record], linking: Linking
) -> pd.DataFrame:
    """One row per goal_id, a status and a rating column per document, and the flags."""
    with_rows = {r.doc_id for r in records}
    # The same report in another file is not a document of its own here.
    ordered = [d for d in series_order(documents) if d.doc_id in with_rows and not d.duplicate_of]
    labels = document_labels(ordered)
    by_goal: dict[str, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
    for record in records:
        by_goal[record.goal_id][record.doc_id].append(record)
    moved = {linking.goal_ids.get(k.to_key, k.to_key) for k in linking.links if k.kind == "moved"}
    group = document_groups([d for d in documents if d.doc_id in with_rows], linking)
    series = _series_ends(ordered, group)
    rows = [
        _comparison_row(goal_id, seen, ordered, labels, series, group, goal_id in moved)
        for goal_id, seen in by_goal.items()
        if any(d.doc_id in seen for d in ordered)
    ]
    return pd.DataFrame(rows)


def document_labels(
    documents: list[DocumentInfo], phases: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Column names for documents: '2022 outcome', with the file when two would share one;
    `phases` names the phases in another language ('outcome': 'tilinpäätös')."""
    phases = phases or {}
    plain = {
        d.doc_id: f"{d.year or ''} {phases.get(d.phase, d.phase)}".strip() or d.source
        for d in documents
    }
    counts: dict[str, int] = defaultdict(int)
    for label in plain.values():
        counts[label] += 1
    return {
        d.doc_id: plain[d.doc_id]
        if counts[plain[d.doc_id]] == 1
        else f"{plain[d.doc_id]} ({d.source})"
        for d in documents
    }


def document_groups(documents: list[DocumentInfo], linking: Linking) -> dict[str, str]:
    """Each document's series as linking made it: documents of one series, joined with those
    linked to them (a text export that names no organisation joins its city's series)."""
    parent = {d.doc_id: d.doc_id for d in documents}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    def join(a: str, b: str) -> None:
        if a in parent and b in parent:
            ra, rb = sorted((root(a), root(b)))
            parent[rb] = ra

    first_of: dict[tuple[str, str], str] = {}
    for doc in documents:
        if doc.organisation:
            join(first_of.setdefault(series_of(doc), doc.doc_id), doc.doc_id)
    for link in linking.links:
        join(link.from_doc, link.to_doc)
    return {d.doc_id: root(d.doc_id) for d in documents}


def _series_ends(
    documents: list[DocumentInfo], group: dict[str, str]
) -> dict[str, tuple[str, str]]:
    """Each series' first and last document in time (the series as linking has them)."""
    ends: dict[str, tuple[str, str]] = {}
    for doc in time_order(documents):
        first, _ = ends.get(group[doc.doc_id], (doc.doc_id, doc.doc_id))
        ends[group[doc.doc_id]] = (first, doc.doc_id)
    return ends


def _comparison_row(
    goal_id: str,
    seen: dict[str, list[Record]],
    ordered: list[DocumentInfo],
    labels: dict[str, str],
    series: dict[str, tuple[str, str]],
    group: dict[str, str],
    moved: bool,
) -> dict[str, object]:
    present = [d for d in time_order(ordered) if d.doc_id in seen]
    latest = seen[present[-1].doc_id][0]
    first, last = series[group[present[0].doc_id]]
    row: dict[str, object] = {
        "goal_id": goal_id,
        "organisation": latest.organisation,
        "sector": latest.sector,
        "area": latest.area,
        "goal_no": latest.goal_no,
        "goal": latest.goal,
        "first_seen": labels[present[0].doc_id],
        "last_seen": labels[present[-1].doc_id],
    }
    statuses = []
    for doc in ordered:
        worst = worst_of(seen.get(doc.doc_id, []), lambda r: r.rating.status)
        row[f"{labels[doc.doc_id]} status"] = worst.rating.status if worst else ""
        row[f"{labels[doc.doc_id]} rating"] = (
            worst.rating.value if worst and worst.rating.value is not None else None
        )
    # Better or worse: in time order, one document per year and phase (the same report as PDF
    # and DOCX counts once).
    periods: dict[tuple[int | None, str], DocumentInfo] = {}
    for doc in present:
        periods.setdefault((doc.year, doc.phase), doc)
    for doc in periods.values():
        worst = worst_of(seen[doc.doc_id], lambda r: r.rating.status)
        if worst and worst.rating.status in STATUS_RANK:
            statuses.append(STATUS_RANK[worst.rating.status])
    texts = [fold(seen[d.doc_id][0].goal) for d in present]
    row.update(
        {
            "new": present[0].doc_id != first,
            "ended": present[-1].doc_id != last,
            "reworded": len(set(texts)) > 1,
            "moved": moved,
            "better": len(statuses) >= 2 and statuses[-1] > statuses[-2],
            "worse": len(statuses) >= 2 and statuses[-1] < statuses[-2],
        }
    )
    return row


def worst_of(items: Sequence[T], status: Callable[[T], str]) -> T | None:
    """The item (a goal's measure) with the worst traffic light: red under yellow under green;
    grey and unknown do not count against a goal. With none of those, the first item."""
    rated = [item for item in items if status(item) in STATUS_RANK]
    if rated:
        return min(rated, key=lambda item: STATUS_RANK[status(item)])
    return items[0] if items else None
