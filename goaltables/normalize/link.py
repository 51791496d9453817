"""Link the same goal across documents: a stable goal_id, each link explained.

Documents are taken in time order (year, then phase: plan, interim, outcome). Two documents
may link when they are of one manifest series and do not name two different organisations; a
document that names none (a text export) joins by its goals' texts, which must then match
strongly (`LinkSettings.unknown_share`). Each document's goals are linked first to its
predecessor: the latest earlier document that may link and shares enough goals (so a sector's
2023 plan links to its 2022 outcome even when another sector's report lies between them); its
goals still unlinked then to up to `lookback` documents before that (a goal left out of the
plan but back in the outcome; the same report as PDF and DOCX). A goal never takes a goal_id
another goal of its document has: one goal per document per lineage.

A pair of goals is scored on three features kept apart, each 0-100 (rapidfuzz, vectorised
with `process.cdist`, no Python loop over pairs): the goal's text, its measures' texts (both
folded: case, punctuation, numbering and inflection, see `fold`), and its area's name. Pairs are
accepted in passes:
1. mutual best: each is the other's best, and the combined score reaches `accept`;
2. assignment: a global one-to-one assignment (scipy's Hungarian method) over the rest;
3. across areas: the rest scored on goal and measures alone, for goals moved to another area
   (or under a renamed one);
then a goal of the predecessor with a second strong partner is split (both links kept), and a
goal with two strong predecessors is merged. Unlinked pairs in the grey zone (`review` to
`accept`) go to review; a person's decisions ("same", "different") win over every score.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

import numpy as np
from rapidfuzz import fuzz, process

from goaltables.errors import UsageError
from goaltables.normalize.fold import fold
from goaltables.records import DocumentInfo, Record

_PHASE_ORDER = {"plan": 0, "interim": 1, "outcome": 2, "": 1}


@dataclass(frozen=True)
class LinkSettings:
    """Thresholds (0-100) and the weights of the three features."""

    accept: float = 72.0
    review: float = 55.0
    same_area: float = 80.0  # an area this like the old one is the same area (renamed or not)
    moved: float = 80.0  # goal-and-measures score for a link across areas
    split: float = 60.0  # a second partner this strong (goal and measures) makes a split or merge
    split_margin: float = 15.0  # ... when it is this far ahead of the next candidate
    weights: tuple[float, float, float] = (0.6, 0.25, 0.15)  # goal, measures, area
    predecessor_share: float = 0.25  # share of a document's goals its predecessor must match
    unknown_share: float = 0.5  # ... when either document names no organisation
    lookback: int = 3  # earlier documents tried for goals the predecessor does not have
    lookback_accept: float = 85.0  # the score a link to such an earlier document needs

    def __post_init__(self) -> None:
        if not 0 <= self.review <= self.accept <= 100:
            raise ValueError("LinkSettings: need 0 <= review <= accept <= 100")
        if abs(sum(self.weights) - 1.0) > 1e-9 or min(self.weights) < 0:
            raise ValueError("LinkSettings: the weights must be non-negative and sum to 1")


@dataclass(frozen=True, slots=True)
class GoalView:
    """One goal of one document, as linking sees it."""

    key: str  # the goal's id within its document (doc_id-gNNN)
    doc_id: str
    goal_no: str
    goal: str
    area: str
    measures: str


@dataclass(frozen=True, slots=True)
class Link:
    from_key: str
    to_key: str
    from_doc: str
    to_doc: str
    from_goal_no: str
    to_goal_no: str
    score: float
    goal_score: float
    measure_score: float
    area_score: float
    pass_: str  # mutual | assignment | across areas | split | merged | manual | earlier document
    kind: str  # continues | moved | split | merged
    decision: str  # auto | manual


@dataclass(frozen=True, slots=True)
class Review:
    """A pair in the grey zone, for a person to mark same or different."""

    from_key: str
    to_key: str
    from_goal: str
    to_goal: str
    score: float | None
    decision: str = ""  # a person's mark: "same" | "different"; empty while open


@dataclass
class Linking:
    links: list[Link] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)  # open pairs in the grey zone
    decided: list[Review] = field(
        default_factory=list
    )  # every decision given, kept for the next run
    goal_ids: dict[str, str] = field(default_factory=dict)  # per-document key -> goal_id


Decisions = dict[tuple[str, str], str]  # (from_key, to_key) -> "same" | "different"


def goal_views(records: Sequence[Record]) -> dict[str, list[GoalView]]:
    """Each document's goals, once each, with their measures joined."""
    views: dict[str, dict[str, GoalView]] = {}
    for record in records:
        goals = views.setdefault(record.doc_id, {})
        view = goals.get(record.goal_id)
        measure = f"{view.measures} {record.measure}" if view else record.measure
        goals[record.goal_id] = GoalView(
            record.goal_id, record.doc_id, record.goal_no, record.goal, record.area, measure.strip()
        )
    return {doc: list(goals.values()) for doc, goals in views.items()}


def series_of(doc: DocumentInfo) -> tuple[str, str]:
    """The series a document belongs to: its organisation's, split by a manifest's `series`."""
    return doc.organisation, doc.series


def series_order(documents: Sequence[DocumentInfo]) -> list[DocumentInfo]:
    """Documents by organisation, year and phase; the order does not depend on the input's."""
    return sorted(
        documents,
        key=lambda d: (
            *series_of(d),
            d.year or 0,
            _PHASE_ORDER.get(d.phase, 1),
            d.doc_id,
        ),
    )


@dataclass
class _Scores:
    goal: np.ndarray
    measures: np.ndarray
    area: np.ndarray
    combined: np.ndarray
    content: np.ndarray  # goal and measures only: for links across areas


def score(old: list[GoalView], new: list[GoalView], settings: LinkSettings) -> _Scores:
    """Every pair's features at once (rapidfuzz's cdist in C on every core, no Python loop)."""
    goal = _matrix([fold(g.goal) for g in old], [fold(g.goal) for g in new], fuzz.token_set_ratio)
    measures = _matrix(
        [fold(g.measures) for g in old], [fold(g.measures) for g in new], fuzz.token_set_ratio
    )
    # Goals without measures on both sides say nothing by them: count the goal instead.
    no_measures = np.outer([not g.measures for g in old], [not g.measures for g in new])
    measures = np.where(no_measures, goal, measures)
    area = _area_matrix([g.area for g in old], [g.area for g in new])
    w_goal, w_measures, w_area = settings.weights
    combined = w_goal * goal + w_measures * measures + w_area * area
    content = (w_goal * goal + w_measures * measures) / (w_goal + w_measures)
    return _Scores(goal, measures, area, combined, content)


def _matrix(a: list[str], b: list[str], scorer: Any) -> np.ndarray:
    return np.asarray(process.cdist(a, b, scorer=scorer, workers=-1), dtype=np.float32)


def _area_matrix(a: list[str], b: list[str]) -> np.ndarray:
    """Area names repeat: each pair of distinct names is scored once, then spread out."""
    names_a, index_a = np.unique([n.casefold() for n in a], return_inverse=True)
    names_b, index_b = np.unique([n.casefold() for n in b], return_inverse=True)
    distinct = _matrix(list(names_a), list(names_b), fuzz.ratio)
    return distinct[np.ix_(index_a, index_b)]


def link_pair(
    old: list[GoalView],
    new: list[GoalView],
    settings: LinkSettings,
    decisions: Decisions | None = None,
    scores: _Scores | None = None,
) -> tuple[list[Link], list[Review]]:
    """Links from `old` (the predecessor's goals) to `new`, and the pairs to review; `scores`
    when they were computed already (choosing the predecessor computes them)."""
    if not old or not new:
        return [], []
    pairing = _Pairing(old, new, scores or score(old, new, settings), settings)
    pairing.apply_decisions(decisions or {})
    for i, j in pairing.mutual_best(pairing.scores.combined, settings.accept):
        pairing.accept(i, j, "mutual", pairing.kind(i, j))
    for i, j in pairing.assignment(pairing.scores.combined, settings.accept):
        pairing.accept(i, j, "assignment", pairing.kind(i, j))
    for i, j in pairing.mutual_best(pairing.scores.content, settings.moved):
        pairing.accept(i, j, "across areas", "moved")
    pairing.splits_and_merges()
    return _renames_continue(pairing.links, old, new), pairing.reviews()


@dataclass
class _Pairing:
    """The state of linking two documents: which goals are taken, which pairs blocked."""

    old: list[GoalView]
    new: list[GoalView]
    scores: _Scores
    settings: LinkSettings
    links: list[Link] = field(default_factory=list)
    taken_old: set[int] = field(default_factory=set)
    taken_new: set[int] = field(default_factory=set)
    blocked: set[tuple[int, int]] = field(default_factory=set)

    def accept(self, i: int, j: int, pass_: str, kind: str, decision: str = "auto") -> None:
        self.taken_old.add(i)
        self.taken_new.add(j)
        self.links.append(self._link(i, j, pass_, kind, decision))

    def apply_decisions(self, decisions: Decisions) -> None:
        """A person's marks: 'same' links the pair whatever the scores, 'different' blocks it."""
        index_old = {g.key: i for i, g in enumerate(self.old)}
        index_new = {g.key: j for j, g in enumerate(self.new)}
        for (from_key, to_key), decision in decisions.items():
            if from_key in index_old and to_key in index_new:
                i, j = index_old[from_key], index_new[to_key]
                if decision == "same":
                    self.accept(i, j, "manual", "continues", "manual")
                self.blocked.add((i, j))

    def free(self, matrix: np.ndarray) -> np.ndarray:
        """The matrix with taken rows and columns and blocked pairs scored -1."""
        free = matrix.astype(float).copy()
        free[list(self.taken_old), :] = -1
        free[:, list(self.taken_new)] = -1
        for i, j in self.blocked:
            free[i, j] = -1
        return free

    def mutual_best(self, matrix: np.ndarray, threshold: float) -> list[tuple[int, int]]:
        free = self.free(matrix)
        pairs = []
        for i in range(free.shape[0]):
            j = int(np.argmax(free[i]))
            if free[i, j] >= threshold and int(np.argmax(free[:, j])) == i:
                pairs.append((i, j))
        return pairs

    def assignment(self, matrix: np.ndarray, threshold: float) -> list[tuple[int, int]]:
        free = self.free(matrix)
        from scipy.optimize import linear_sum_assignment  # 0.9 s to import: only when needed

        rows, columns = linear_sum_assignment(-free)
        return [
            (int(i), int(j)) for i, j in zip(rows, columns, strict=True) if free[i, j] >= threshold
        ]

    def kind(self, i: int, j: int) -> str:
        return "continues" if self.scores.area[i, j] >= self.settings.same_area else "moved"

    def splits_and_merges(self) -> None:
        """A goal left without a partner whose clear best partner is already linked: its
        other half (a split: one old goal became two) or its other source (a merge)."""
        from_keys, to_keys = {k.from_key for k in self.links}, {k.to_key for k in self.links}
        linked_old = {i for i, g in enumerate(self.old) if g.key in from_keys}
        linked_new = {j for j, g in enumerate(self.new) if g.key in to_keys}
        for new_goal in [j for j in range(len(self.new)) if j not in self.taken_new]:
            source = self._clear_best(self.scores.content[:, new_goal])
            if source in linked_old and (source, new_goal) not in self.blocked:
                self.accept(source, new_goal, "split", "split")
                self._mark("split", from_key=self.old[source].key)
        for old_goal in [i for i in range(len(self.old)) if i not in self.taken_old]:
            target = self._clear_best(self.scores.content[old_goal, :])
            if target in linked_new and (old_goal, target) not in self.blocked:
                self.accept(old_goal, target, "merged", "merged")
                self._mark("merged", to_key=self.new[target].key)

    def _mark(self, kind: str, from_key: str = "", to_key: str = "") -> None:
        """Both links of a split (from one old goal) or a merge (into one new goal) say so."""
        self.links = [
            replace(link, kind=kind) if link.from_key == from_key or link.to_key == to_key else link
            for link in self.links
        ]

    def _clear_best(self, candidates: np.ndarray) -> int | None:
        """The best candidate when it is strong enough and clearly ahead of the second."""
        order = np.argsort(candidates)[::-1]
        best = float(candidates[order[0]])
        second = float(candidates[order[1]]) if candidates.size > 1 else 0.0
        clear = best >= self.settings.split and best - second >= self.settings.split_margin
        return int(order[0]) if clear else None

    def reviews(self) -> list[Review]:
        """For each unlinked old goal, its best partner when the score is in the grey zone."""
        free = self.free(self.scores.combined)
        found = []
        for i in range(len(self.old)):
            j = int(np.argmax(free[i]))
            if self.settings.review <= free[i, j] < self.settings.accept:
                found.append(
                    Review(
                        self.old[i].key,
                        self.new[j].key,
                        self.old[i].goal,
                        self.new[j].goal,
                        round(float(free[i, j]), 1),
                    )
                )
        return found

    def _link(self, i: int, j: int, pass_: str, kind: str, decision: str) -> Link:
        a, b, scores = self.old[i], self.new[j], self.scores
        return Link(
            a.key,
            b.key,
            a.doc_id,
            b.doc_id,
            a.goal_no,
            b.goal_no,
            round(float(scores.combined[i, j]), 1),
            round(float(scores.goal[i, j]), 1),
            round(float(scores.measures[i, j]), 1),
            round(float(scores.area[i, j]), 1),
            pass_,
            kind,
            decision,
        )


def _renames_continue(links: list[Link], old: list[GoalView], new: list[GoalView]) -> list[Link]:
    """A link between areas of different names continues the goal when the old area's goals
    mostly went to the new one and the new one's mostly came from it (the area was renamed);
    otherwise the goal moved to another area."""
    area_of = {g.key: g.area for g in [*old, *new]}
    targets: dict[str, Counter[str]] = {}
    sources: dict[str, Counter[str]] = {}
    for link in links:
        a, b = area_of[link.from_key], area_of[link.to_key]
        targets.setdefault(a, Counter())[b] += 1
        sources.setdefault(b, Counter())[a] += 1
    result = []
    for link in links:
        a, b = area_of[link.from_key], area_of[link.to_key]
        renamed = targets[a].most_common(1)[0][0] == b and sources[b].most_common(1)[0][0] == a
        result.append(replace(link, kind="continues") if link.kind == "moved" and renamed else link)
    return result


def link_documents(
    documents: Sequence[DocumentInfo],
    records: Sequence[Record],
    settings: LinkSettings | None = None,
    decisions: Decisions | None = None,
) -> Linking:
    """Link every document to the earlier documents it continues; chains of links give
    goal_ids. Documents are taken in time order (year, phase). Each is linked first to its
    predecessor (the latest earlier document that may belong with it and shares enough goals),
    then its goals still unlinked to up to `settings.lookback` documents before that (a goal
    absent from the interim report but back in the outcome; the same report in two formats).
    A goal takes no goal_id another goal of its document already has: one goal per document
    per lineage."""
    settings = settings or LinkSettings()
    views = goal_views(records)
    result = Linking()
    done: list[DocumentInfo] = []
    for doc in time_order([d for d in documents if d.doc_id in views]):
        goals = views[doc.doc_id]
        links: list[Link] = []
        remaining, taken_ids = goals, set[str]()
        predecessor, tried = None, 0
        needed = max(1.0, settings.predecessor_share * len(goals))
        for earlier in reversed(done):
            if not remaining or tried >= settings.lookback:
                break
            if not may_belong_together(earlier, doc):
                continue
            tried += predecessor is not None
            old = [g for g in views[earlier.doc_id] if result.goal_ids[g.key] not in taken_ids]
            found = _shares_goals(earlier, doc, old, remaining, needed, settings)
            if found is None:
                continue
            if predecessor is None:
                pair_links, reviews = link_pair(old, remaining, settings, decisions, found)
                result.reviews += reviews
            else:
                pair_links = _link_back(old, remaining, settings, decisions, found)
            links += pair_links
            taken_ids |= {result.goal_ids[k.from_key] for k in pair_links}
            linked = {k.to_key for k in pair_links}
            remaining = [g for g in remaining if g.key not in linked]
            predecessor, needed = earlier, 1.0  # before the predecessor: one strong pair will do
        result.links += links
        _chain(goals, links, result.goal_ids)
        done.append(doc)
    result.decided = _decided(decisions or {}, views, result.links)
    return result


def _link_back(
    old: list[GoalView],
    new: list[GoalView],
    settings: LinkSettings,
    decisions: Decisions | None,
    scores: _Scores,
) -> list[Link]:
    """Links to a document before the predecessor: a person's decisions, and mutual best pairs
    of `settings.lookback_accept` or more (among many goals left over, a weak pair is more
    likely chance than a goal come back)."""
    pairing = _Pairing(old, new, scores, settings)
    pairing.apply_decisions(decisions or {})
    for i, j in pairing.mutual_best(scores.combined, settings.lookback_accept):
        pairing.accept(i, j, "earlier document", pairing.kind(i, j))
    return _renames_continue(pairing.links, old, new)


def _decided(
    decisions: Decisions, views: dict[str, list[GoalView]], links: list[Link]
) -> list[Review]:
    """Every decision given, with the goals' texts where this run has them: review.csv keeps
    them, so the file given back with --decisions on the next run decides the same again (a
    decision about documents not in this run is kept too)."""
    text = {g.key: g.goal for goals in views.values() for g in goals}
    linked = {(k.from_key, k.to_key): k.score for k in links}
    return [
        Review(a, b, text.get(a, ""), text.get(b, ""), linked.get((a, b)), decision)
        for (a, b), decision in sorted(decisions.items())
    ]


def time_order(documents: Sequence[DocumentInfo]) -> list[DocumentInfo]:
    """Documents by year and phase (plan, interim, outcome), then series; the order does not
    depend on the input's."""
    return sorted(
        documents,
        key=lambda d: (d.year or 0, _PHASE_ORDER.get(d.phase, 1), *series_of(d), d.doc_id),
    )


def may_belong_together(earlier: DocumentInfo, doc: DocumentInfo) -> bool:
    """Two documents may hold the same goals: the same manifest series, and the same
    organisation where both name one. A document that names none is not cut off from its
    city's series: its goals' texts decide (`LinkSettings.unknown_share`)."""
    if earlier.series != doc.series:
        return False
    return not (earlier.organisation and doc.organisation) or (
        earlier.organisation == doc.organisation
    )


def _shares_goals(
    earlier: DocumentInfo,
    doc: DocumentInfo,
    old: list[GoalView],
    new: list[GoalView],
    needed: float,
    settings: LinkSettings,
) -> _Scores | None:
    """The scores of the two documents' goals when enough of them are mutual best matches
    (a share of `unknown_share` of the new goals when an organisation is not known)."""
    if not old or not new:
        return None
    if not (earlier.organisation and doc.organisation):
        needed = max(needed, settings.unknown_share * len(new))
    scores = score(old, new, settings)
    pairing = _Pairing(old, new, scores, settings)
    return scores if len(pairing.mutual_best(scores.combined, settings.accept)) >= needed else None


def mark_duplicates(
    documents: Sequence[DocumentInfo], records: Sequence[Record], linking: Linking
) -> list[DocumentInfo]:
    """Documents with `duplicate_of` set where a document is the same report as an earlier
    one in another file (PDF and DOCX, say): same year and phase, and every goal of both linked
    one to one to a goal of the other with the same text (folded)."""
    views = goal_views(records)
    text = {g.key: fold(g.goal) for goals in views.values() for g in goals}
    same: Counter[tuple[str, str]] = Counter(
        (k.from_doc, k.to_doc) for k in linking.links if text[k.from_key] == text[k.to_key]
    )
    info = {d.doc_id: d for d in documents}
    original: dict[str, str] = {}
    for (a, b), count in same.items():
        first, second = info.get(a), info.get(b)
        if first is None or second is None or b in original:
            continue
        if (first.year, first.phase) != (second.year, second.phase):
            continue
        if count == len(views.get(a, [])) == len(views.get(b, [])):
            original[b] = original.get(a, a)
    return [replace(d, duplicate_of=original.get(d.doc_id, "")) for d in documents]


def _chain(goals: list[GoalView], links: list[Link], goal_ids: dict[str, str]) -> None:
    """A goal takes its predecessor's goal_id (the best link's, for a merge), else its own key.
    Of a split goal's parts, the best-scoring keeps the id and the other starts its own: no
    two goals of a document share a goal_id."""
    kept_split: dict[str, str] = {}
    for link in sorted((k for k in links if k.kind == "split"), key=lambda k: -k.score):
        kept_split.setdefault(link.from_key, link.to_key)
    best: dict[str, Link] = {}
    for link in links:
        if link.kind == "split" and kept_split[link.from_key] != link.to_key:
            continue
        current = best.get(link.to_key)
        if current is None or link.score > current.score:
            best[link.to_key] = link
    for goal in goals:
        chosen = best.get(goal.key)
        goal_ids[goal.key] = goal_ids.get(chosen.from_key, chosen.from_key) if chosen else goal.key


def assign_linked_ids(records: Sequence[Record], linking: Linking) -> list[Record]:
    """Records with the goal_id of their chain of links."""
    return [replace(r, goal_id=linking.goal_ids.get(r.goal_id, r.goal_id)) for r in records]


def read_decisions(path: str | Path) -> Decisions:
    """A person's marks in a review file: columns from_goal, to_goal, decision (same/different);
    rows without a decision are skipped."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter=_delimiter(handle)))
    except OSError as error:
        raise UsageError(f"{path}: cannot read the decisions ({error.strerror})") from None
    decisions: Decisions = {}
    for number, row in enumerate(rows, start=2):
        decision = (row.get("decision") or "").strip().casefold()
        if not decision:
            continue
        if (
            decision not in ("same", "different")
            or not row.get("from_goal")
            or not row.get("to_goal")
        ):
            raise UsageError(
                f"{path}, line {number}: need from_goal, to_goal and decision same or different"
            )
        decisions[(row["from_goal"].strip(), row["to_goal"].strip())] = decision
    return decisions


def _delimiter(handle: TextIO) -> str:
    first = handle.readline()
    handle.seek(0)
    return ";" if first.count(";") > first.count(",") else ","
