"""Link the same goal across documents: a stable goal_id, each link explained.

Documents are taken in time order (year, then phase: plan, interim, outcome). Each document's
goals are matched against the lineages (goal_ids) of the earlier documents it may belong with:
those of its own period and the `lookback` periods before, of one manifest series, not naming
another organisation. A lineage is scored by the best of its instances there, so the same
report as PDF, DOCX and text export counts by its best-read file, and a goal left out of the
interim report is still met in the plan. A lineage whose documents name no organisation, or
another than a document that names none (a text export), is linked only when its goals'
texts match strongly (`LinkSettings.unknown_share`). A goal never takes a goal_id another goal
of its document has: one goal per document per lineage.

A pair of goals is scored on three features kept apart, each 0-100 (rapidfuzz, vectorised
with `process.cdist` and `cpdist`, no Python loop over pairs; each pair of texts scored once for
the documents of a window, see `TextScores`): the goal's text, its measures' texts (both
folded: case, punctuation, numbering and inflection, see `fold`), and its area's name. Pairs are
accepted in passes:
1. mutual best: each is the other's best, and the combined score reaches `accept`;
2. assignment: a global one-to-one assignment (scipy's Hungarian method) over the rest;
3. across areas: the rest scored on goal and measures alone, for goals moved to another area
   (or under a renamed one);
then a lineage with a second strong partner is split (both links kept), and a goal with two
strong lineages is merged (not against another file of the same report: there a goal read as
two is a reading fault). Of equal scores the pair of like lengths wins (`_Scores.rank`).
Unlinked pairs in the grey zone (`review` to `accept`) go to review; a person's decisions
("same", "different") win over every score.
"""

from __future__ import annotations

import csv
from collections import Counter, deque
from collections.abc import Iterable, Sequence
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
    # share of a document's goals that must be mutual best matches of lineages whose documents
    # name no organisation, or another than the document (which names none)
    unknown_share: float = 0.5
    length_tiebreak: float = 0.5  # points off a pair's rank for texts of very different lengths
    lookback: int = 3  # earlier periods (year and phase) whose documents a document is matched to

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
    # combined, less a fraction of a point as the goals' lengths differ: which pair is best
    # among equals (token_set_ratio scores a text 100 against two goals read as one)
    rank: np.ndarray

    def rows(self, rows: list[int]) -> _Scores:
        return _Scores(*(m[rows] for m in self._matrices()))

    def gathered(self, sources: np.ndarray, several: np.ndarray) -> _Scores:
        """Per (lineage, goal) the scores of the instance `sources` names: a whole row where
        a lineage has one instance, pair by pair in the rows `several` (lineages of more)."""
        gathered = []
        for m in self._matrices():
            rows = m[sources[:, 0]] if len(sources) else m[:0]
            if len(several):
                rows[several] = np.take_along_axis(m, sources[several], axis=0)
            gathered.append(rows)
        return _Scores(*gathered)

    def _matrices(self) -> tuple[np.ndarray, ...]:
        return self.goal, self.measures, self.area, self.combined, self.content, self.rank


def score(
    old: list[GoalView],
    new: list[GoalView],
    settings: LinkSettings,
    memo: TextScores | None = None,
) -> _Scores:
    """Every pair's features at once (rapidfuzz's cdist in C on every core, no Python loop).
    Goals worded exactly alike on both sides (goal and measures, folded) are not compared with
    each other's kind (`_text_matrices`): most goals of a series go unchanged from report to
    report, and comparing them all costs most of the time. `memo` keeps the pairs of texts
    scored for the documents before: the next one mostly repeats them."""
    texts_old = [(fold(g.goal), fold(g.measures)) for g in old]
    texts_new = [(fold(g.goal), fold(g.measures)) for g in new]
    goal, measures = _text_matrices(texts_old, texts_new, memo or TextScores())
    # Goals without measures on both sides say nothing by them: count the goal instead.
    no_measures = np.outer([not g.measures for g in old], [not g.measures for g in new])
    measures = np.where(no_measures, goal, measures)
    area = _area_matrix([g.area for g in old], [g.area for g in new])
    w_goal, w_measures, w_area = settings.weights
    combined = w_goal * goal + w_measures * measures + w_area * area
    content = (w_goal * goal + w_measures * measures) / (w_goal + w_measures)
    gap = _length_gap([t for t, _ in texts_old], [t for t, _ in texts_new])
    rank = combined - settings.length_tiebreak * gap
    return _Scores(goal, measures, area, combined, content, rank)


def _text_matrices(
    old: list[tuple[str, str]], new: list[tuple[str, str]], memo: TextScores
) -> tuple[np.ndarray, np.ndarray]:
    """token_set_ratio of the goals' and of the measures' folded texts. Between a goal that
    has an exact twin on the other side and another such goal the texts are not compared:
    the twins are each other's best (100), and that pair is all the passes use of them (a
    goal left unlinked, the one a split, merge or review looks at, has no twin)."""
    twins_old = {text for text in old} & {text for text in new}
    goal = np.zeros((len(old), len(new)), dtype=np.float32)
    measures = np.zeros_like(goal)
    rest_old = [i for i, text in enumerate(old) if text not in twins_old]
    rest_new = [j for j, text in enumerate(new) if text not in twins_old]
    twin_old = [i for i, text in enumerate(old) if text in twins_old]
    for rows, columns in ((rest_old, list(range(len(new)))), (twin_old, rest_new)):
        if rows and columns:
            block = np.ix_(rows, columns)
            for part, matrix in enumerate((goal, measures)):
                matrix[block] = memo.matrix(
                    part, [old[i][part] for i in rows], [new[j][part] for j in columns]
                )
    new_at: dict[tuple[str, str], list[int]] = {}
    for j, text in enumerate(new):
        new_at.setdefault(text, []).append(j)
    for i in twin_old:
        goal[i, new_at[old[i]]] = measures[i, new_at[old[i]]] = 100
    memo.next_document()
    return goal, measures


class TextScores:
    """token_set_ratio of pairs of folded texts (goals: part 0, measures: part 1), each pair
    of distinct texts scored once per document, and the pairs scored for the last `keep`
    documents kept: a series' next report mostly repeats its goals, and meets mostly the
    lineages the one before met, so most of its pairs were scored already (10 documents of
    1,000 goals: 3.4 million pairs scored instead of 7.7). A score looked up is the one
    rapidfuzz computed for that pair of texts, so the links are the same as without it.
    `link_documents` keeps one for a run, for the documents of a window."""

    def __init__(self, keep: int = 1) -> None:
        # per part: the texts of the kept rows and columns and their scores (NaN where that
        # pair was not scored), and the blocks scored for each of the last `keep` documents
        self._kept: list[tuple[dict[str, int], dict[str, int], np.ndarray]] = [
            ({}, {}, np.zeros((0, 0), dtype=np.float32)) for _ in range(2)
        ]
        self._documents: deque[list[list[tuple[list[str], list[str], np.ndarray]]]] = deque(
            maxlen=max(keep, 1)
        )
        self._blocks: list[list[tuple[list[str], list[str], np.ndarray]]] = [[], []]
        self._vocabulary: dict[str, int] = {}  # every word met: its id
        self._words: dict[str, tuple[str, np.ndarray]] = {}  # a text's words (`_words_of`)

    def next_document(self) -> None:
        """The blocks scored since are kept, with those of the `keep` - 1 documents before."""
        self._documents.append(self._blocks)
        self._blocks = [[], []]
        for part in range(2):
            blocks = [block for document in self._documents for block in document[part]]
            rows = _positions(t for a, _, _ in blocks for t in a)
            columns = _positions(t for _, b, _ in blocks for t in b)
            table = np.full((len(rows), len(columns)), np.nan, dtype=np.float32)
            for a, b, values in blocks:
                table[np.ix_([rows[t] for t in a], [columns[t] for t in b])] = values
            self._kept[part] = (rows, columns, table)

    def matrix(self, part: int, a: list[str], b: list[str]) -> np.ndarray:
        """The scores of every text of `a` against every text of `b`."""
        texts_a, at_a = _distinct(a)
        texts_b, at_b = _distinct(b)
        rows, columns, table = self._kept[part]
        row = np.array([rows.get(t, -1) for t in texts_a], dtype=np.intp)
        column = np.array([columns.get(t, -1) for t in texts_b], dtype=np.intp)
        values = np.full((len(texts_a), len(texts_b)), np.nan, dtype=np.float32)
        known_a, known_b = np.flatnonzero(row >= 0), np.flatnonzero(column >= 0)
        if known_a.size and known_b.size:
            values[np.ix_(known_a, known_b)] = table[np.ix_(row[known_a], column[known_b])]
        # Rows missing the same columns are scored together: one cdist per kind of row.
        missing = np.isnan(values)
        kinds: dict[bytes, list[int]] = {}
        for i in np.flatnonzero(missing.any(axis=1)):
            kinds.setdefault(np.packbits(missing[i]).tobytes(), []).append(int(i))
        for group in kinds.values():
            wanted = np.flatnonzero(missing[group[0]])
            values[np.ix_(np.array(group, dtype=np.intp), wanted)] = self._token_set_matrix(
                [texts_a[i] for i in group], [texts_b[j] for j in wanted]
            )
        self._blocks[part].append((texts_a, texts_b, values))
        spread: np.ndarray = values[np.ix_(at_a, at_b)]
        return spread

    def _token_set_matrix(self, a: list[str], b: list[str]) -> np.ndarray:
        """rapidfuzz's token_set_ratio of every text of `a` against every text of `b`, each
        pair scored the cheap way where that gives the same score. token_set_ratio sees only
        the texts' sets of words; where two texts share no word it is the Indel ratio of their
        words, sorted and joined by spaces (no common part, the rest of each whole). So the
        pairs that share a word are scored with token_set_ratio (`process.cpdist`, pair by
        pair), the others with `ratio` on the sorted words, fifty times cheaper; many pairs of
        goals share no word. A text without words scores 0 against any, as token_set_ratio
        has it."""
        from scipy.sparse import csr_matrix  # scipy is imported for the assignment anyway

        words_a, words_b = [self._words_of(t) for t in a], [self._words_of(t) for t in b]
        values = _matrix([w[0] for w in words_a], [w[0] for w in words_b], fuzz.ratio)
        incidence = []
        for words in (words_a, words_b):
            ids = [w[1] for w in words]
            rows = np.repeat(np.arange(len(ids)), [len(i) for i in ids])
            columns = np.concatenate(ids) if ids else np.zeros(0, dtype=np.intp)
            shape = (len(ids), len(self._vocabulary))
            incidence.append(csr_matrix((np.ones(len(rows), np.int32), (rows, columns)), shape))
        pairs_a, pairs_b = (incidence[0] @ incidence[1].T).nonzero()
        if pairs_a.size:
            values[pairs_a, pairs_b] = process.cpdist(
                [a[i] for i in pairs_a],
                [b[j] for j in pairs_b],
                scorer=fuzz.token_set_ratio,
                workers=-1,
            )
        values[[not w[0] for w in words_a], :] = 0
        values[:, [not w[0] for w in words_b]] = 0
        return values

    def _words_of(self, text: str) -> tuple[str, np.ndarray]:
        """A text's distinct words sorted and joined by spaces, and their ids."""
        found = self._words.get(text)
        if found is None:
            words = sorted(set(text.split()))
            ids = [self._vocabulary.setdefault(w, len(self._vocabulary)) for w in words]
            found = self._words[text] = (" ".join(words), np.array(ids, dtype=np.intp))
        return found


def _positions(texts: Iterable[str]) -> dict[str, int]:
    """Each distinct text's place, in order of first appearance."""
    return {t: n for n, t in enumerate(dict.fromkeys(texts))}


def _distinct(texts: list[str]) -> tuple[list[str], np.ndarray]:
    """The distinct texts in order of first appearance, and where each text is among them."""
    index: dict[str, int] = {}
    at = np.array([index.setdefault(t, len(index)) for t in texts], dtype=np.intp)
    return list(index), at


def _length_gap(a: list[str], b: list[str]) -> np.ndarray:
    """Per pair how far the texts' lengths differ, 0 (equal) to nearly 1."""
    la = np.array([len(t) for t in a], dtype=np.float32)[:, None]
    lb = np.array([len(t) for t in b], dtype=np.float32)[None, :]
    return np.asarray(np.abs(la - lb) / np.maximum(np.maximum(la, lb), 1), dtype=np.float32)


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
    """Links from `old` (an earlier document's goals) to `new`, and the pairs to review;
    `scores` when they were computed already."""
    if not old or not new:
        return [], []
    pairing = _Pairing(old, new, scores or score(old, new, settings), settings)
    pairing.apply_decisions(decisions or {})
    _link_passes(pairing, settings)
    return _renames_continue(pairing.links, old, new), pairing.reviews()


@dataclass
class _Pairing:
    """The state of linking two documents (or lineages and a document): which goals are
    taken, which pairs blocked. Where a row stands for a lineage, `sources` says which of its
    `instances` each pair's score came from: the link names that one."""

    old: list[GoalView]
    new: list[GoalView]
    scores: _Scores
    settings: LinkSettings
    sources: np.ndarray | None = None
    instances: list[GoalView] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (row, column) of each link
    taken_old: set[int] = field(default_factory=set)
    taken_new: set[int] = field(default_factory=set)
    blocked: set[tuple[int, int]] = field(default_factory=set)

    def accept(self, i: int, j: int, pass_: str, kind: str, decision: str = "auto") -> None:
        self.taken_old.add(i)
        self.taken_new.add(j)
        self.pairs.append((i, j))
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
        return _mutual_pairs(self.free(matrix), threshold)

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
        linked_old, linked_new = {i for i, _ in self.pairs}, {j for _, j in self.pairs}
        for new_goal in [j for j in range(len(self.new)) if j not in self.taken_new]:
            source = self._clear_best(self.scores.content[:, new_goal])
            if source in linked_old and (source, new_goal) not in self.blocked:
                self.accept(source, new_goal, "split", "split")
                self._mark("split", row=source)
        for old_goal in [i for i in range(len(self.old)) if i not in self.taken_old]:
            target = self._clear_best(self.scores.content[old_goal, :])
            if target in linked_new and (old_goal, target) not in self.blocked:
                self.accept(old_goal, target, "merged", "merged")
                self._mark("merged", column=target)

    def _mark(self, kind: str, row: int = -1, column: int = -1) -> None:
        """Both links of a split (from one old goal) or a merge (into one new goal) say so."""
        self.links = [
            replace(link, kind=kind) if i == row or j == column else link
            for link, (i, j) in zip(self.links, self.pairs, strict=True)
        ]

    def source(self, i: int, j: int) -> GoalView:
        """The goal a pair's score came from: the row's, or its lineage's best instance."""
        return self.old[i] if self.sources is None else self.instances[self.sources[i, j]]

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
        best = np.argmax(free, axis=1)  # each row's best column, at once
        for i in range(len(self.old)):
            j = int(best[i])
            if self.settings.review <= free[i, j] < self.settings.accept:
                found.append(
                    Review(
                        self.source(i, j).key,
                        self.new[j].key,
                        self.source(i, j).goal,
                        self.new[j].goal,
                        round(float(free[i, j]), 1),
                    )
                )
        return found

    def _link(self, i: int, j: int, pass_: str, kind: str, decision: str) -> Link:
        a, b, scores = self.source(i, j), self.new[j], self.scores
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
    """Link every document's goals to the lineages (goal_ids) of the earlier documents it may
    belong with; chains of links give goal_ids. Documents are taken in time order (year,
    phase). A lineage is scored by the best of its instances in the document's window (the
    same report in several formats: the best-read one counts; a goal left out of the report
    between: the one before). One goal per document per lineage."""
    settings = settings or LinkSettings()
    views = goal_views(records)
    result = Linking()
    organisation: dict[str, str] = {}  # goal_id -> the organisation its documents name
    done: list[DocumentInfo] = []
    memo = TextScores(settings.lookback + 1)  # pairs of texts scored for the window
    for doc in time_order([d for d in documents if d.doc_id in views]):
        goals = views[doc.doc_id]
        window = _window(doc, done, settings)
        lineages = _Lineages.of(window, views, result.goal_ids, organisation)
        links, reviews = _link_to_lineages(
            doc, goals, lineages, result.goal_ids, settings, decisions or {}, memo
        )
        result.links += links
        result.reviews += reviews
        named = doc.organisation or _organisation_linked(links, result.goal_ids, organisation)
        _chain(goals, links, result.goal_ids)
        for goal in goals:
            lineage = result.goal_ids[goal.key]
            organisation[lineage] = organisation.get(lineage) or named
        done.append(doc)
    return result


def _organisation_linked(
    links: list[Link], goal_ids: dict[str, str], organisation: dict[str, str]
) -> str:
    """The organisation of the lineages a document that names none linked to most: its new
    goals belong to that city as much as its continued ones."""
    named = Counter(organisation.get(goal_ids[k.from_key], "") for k in links)
    named.pop("", None)
    return named.most_common(1)[0][0] if named else ""


def _period(doc: DocumentInfo) -> tuple[int, int]:
    return doc.year or 0, _PHASE_ORDER.get(doc.phase, 1)


def _window(
    doc: DocumentInfo, done: Sequence[DocumentInfo], settings: LinkSettings
) -> list[DocumentInfo]:
    """The earlier documents a document's goals are matched against: those that may belong
    with it, of its own period and the `lookback` periods before (a plan, the interim report
    and the outcome of a year, each in several formats)."""
    candidates = [d for d in done if may_belong_together(d, doc)]
    periods = sorted({_period(d) for d in candidates}, reverse=True)[: settings.lookback + 1]
    return [d for d in candidates if _period(d) in periods]


@dataclass
class _Lineages:
    """The lineages a window of documents holds: each one's instances, newest first, one of
    each wording (the same report in several formats, a goal unchanged from plan to outcome)."""

    instances: dict[str, list[GoalView]]
    organisation: dict[str, str]
    newest_period: tuple[int, int] | None
    period_of: dict[str, tuple[int, int]]  # doc_id -> period

    @classmethod
    def of(
        cls,
        window: Sequence[DocumentInfo],
        views: dict[str, list[GoalView]],
        goal_ids: dict[str, str],
        organisation: dict[str, str],
    ) -> _Lineages:
        instances: dict[str, list[GoalView]] = {}
        seen: set[tuple[str, str, str, str]] = set()
        period_of = {d.doc_id: _period(d) for d in window}
        for doc in reversed(window):  # newest first: of two identical instances the newer stays
            for goal in views[doc.doc_id]:
                lineage = goal_ids[goal.key]
                same = (lineage, goal.goal, goal.measures, goal.area)
                if same in seen:
                    continue
                seen.add(same)
                instances.setdefault(lineage, []).append(goal)
        newest = max(period_of.values()) if period_of else None
        return cls(instances, organisation, newest, period_of)

    def allowed(
        self, doc: DocumentInfo, ranked: _Ranked, new: list[GoalView], settings: LinkSettings
    ) -> list[int]:
        """The rows (lineages) the document may link to: its own organisation's; another's
        or none's only when `unknown_share` of its goals are mutual best matches of them."""
        groups: dict[str, list[int]] = {}
        for row, lineage in enumerate(ranked.lineages):
            groups.setdefault(self.organisation.get(lineage, ""), []).append(row)
        needed = settings.unknown_share * len(new)
        allowed: list[int] = []
        for name, rows in groups.items():
            if name and doc.organisation:
                allowed += rows if name == doc.organisation else []
            elif len(_mutual_pairs(ranked.scores.combined[rows], settings.accept)) >= needed:
                allowed += rows
        return sorted(allowed)


def _mutual_pairs(matrix: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """The pairs that are each other's best and score `threshold` or more (vectorised: one
    argmax per axis, no loop over rows)."""
    if not matrix.size:
        return []
    best_column = np.argmax(matrix, axis=1)
    best_row = np.argmax(matrix, axis=0)
    rows = np.arange(matrix.shape[0])
    mutual = (matrix[rows, best_column] >= threshold) & (best_row[best_column] == rows)
    return [(int(i), int(best_column[i])) for i in np.flatnonzero(mutual)]


@dataclass
class _Ranked:
    """Lineages scored against a document's goals: per pair the best of the lineage's
    instances, and which instance that was (the link names it)."""

    lineages: list[str]
    heads: list[GoalView]  # each lineage's newest instance
    instances: list[GoalView]
    sources: np.ndarray  # (lineage, new goal) -> index into instances
    scores: _Scores

    @classmethod
    def score(
        cls,
        groups: dict[str, list[GoalView]],
        new: list[GoalView],
        settings: LinkSettings,
        memo: TextScores | None = None,
    ) -> _Ranked:
        lineages = list(groups)
        instances = [g for lineage in lineages for g in groups[lineage]]
        per_instance = score(instances, new, settings, memo)
        index = np.full((len(lineages), max(len(g) for g in groups.values())), -1)
        at = 0
        for row, lineage in enumerate(lineages):
            count = len(groups[lineage])
            index[row, :count] = range(at, at + count)
            at += count
        # A lineage of one instance is scored by it; of several, by the best-ranked one.
        sources = np.repeat(index[:, :1], len(new), axis=1)
        several = np.flatnonzero(index[:, 1] >= 0) if index.shape[1] > 1 else np.array([], int)
        if len(several):
            index = index[several]
            padded = np.where(index[..., None] >= 0, per_instance.rank[index], -1.0)
            sources[several] = np.take_along_axis(index, np.argmax(padded, axis=1), axis=1)
        scores = per_instance.gathered(sources, several)
        heads = [groups[lineage][0] for lineage in lineages]
        return cls(lineages, heads, instances, sources, scores)

    def subset(self, rows: list[int]) -> _Ranked:
        scores = self.scores.rows(rows)
        return _Ranked(
            [self.lineages[r] for r in rows],
            [self.heads[r] for r in rows],
            self.instances,
            self.sources[rows],
            scores,
        )

    def pairing(
        self,
        new: list[GoalView],
        settings: LinkSettings,
        decisions: Decisions,
        goal_ids: dict[str, str],
    ) -> _Pairing:
        """A pairing of the lineages with the goals, a person's decisions applied: a decision
        about any instance of a lineage is about the lineage (and its link names that one)."""
        pairing = _Pairing(self.heads, new, self.scores, settings, self.sources, self.instances)
        row_of = {lineage: row for row, lineage in enumerate(self.lineages)}
        column_of = {g.key: j for j, g in enumerate(new)}
        instance_of = {g.key: n for n, g in enumerate(self.instances)}
        for (from_key, to_key), decision in decisions.items():
            row, column = row_of.get(goal_ids.get(from_key, "")), column_of.get(to_key)
            if row is None or column is None:
                continue
            if from_key in instance_of:
                self.sources[row, column] = instance_of[from_key]
            if decision == "same":
                pairing.accept(row, column, "manual", "continues", "manual")
            pairing.blocked.add((row, column))
        return pairing


def _link_to_lineages(
    doc: DocumentInfo,
    goals: list[GoalView],
    lineages: _Lineages,
    goal_ids: dict[str, str],
    settings: LinkSettings,
    decisions: Decisions,
    memo: TextScores | None = None,
) -> tuple[list[Link], list[Review]]:
    """Links from the lineages to the document's goals, in the passes of `link_pair`, each
    lineage scored by its best instance (a goal read badly in one format is read well in
    another; a goal left out of the interim report is in the plan)."""
    if not lineages.instances:
        return [], []
    ranked = _Ranked.score(_twins_first(lineages.instances, goals), goals, settings, memo)
    ranked = ranked.subset(lineages.allowed(doc, ranked, goals, settings))
    if not ranked.lineages:
        return [], []
    pairing = ranked.pairing(goals, settings, decisions, goal_ids)
    # Another file of the same report has the same goals: a goal read as two in one of them
    # is a reading fault, not a split.
    same_report = _period(doc) == lineages.newest_period
    _link_passes(pairing, settings, splits=not same_report)
    links = [_across_periods(k, lineages) for k in pairing.links]
    return _renames_continue(links, ranked.instances, goals), pairing.reviews()


def _twins_first(
    instances: dict[str, list[GoalView]], goals: list[GoalView]
) -> dict[str, list[GoalView]]:
    """Each lineage's instances; of a lineage with one worded exactly as a goal of the
    document, that one only: it is the lineage's best, and its older wordings would only be
    compared for nothing."""
    worded = {_wording(g) for g in goals}
    return {
        lineage: [g for g in group if _wording(g) in worded] or group
        for lineage, group in instances.items()
    }


def _wording(goal: GoalView) -> tuple[str, str]:
    return fold(goal.goal), fold(goal.measures)


def _link_passes(pairing: _Pairing, settings: LinkSettings, splits: bool = True) -> None:
    """Mutual best pairs, then a one-to-one assignment of the rest, then goals moved across
    areas; then splits and merges."""
    for i, j in pairing.mutual_best(pairing.scores.rank, settings.accept):
        pairing.accept(i, j, "mutual", pairing.kind(i, j))
    for i, j in pairing.assignment(pairing.scores.rank, settings.accept):
        pairing.accept(i, j, "assignment", pairing.kind(i, j))
    for i, j in pairing.mutual_best(pairing.scores.content, settings.moved):
        pairing.accept(i, j, "across areas", "moved")
    if splits:
        pairing.splits_and_merges()


def _across_periods(link: Link, lineages: _Lineages) -> Link:
    """A link from a document before the window's newest period says so: the goal was left
    out of the report between (a plan's goal back in the outcome)."""
    skipped = lineages.period_of.get(link.from_doc) != lineages.newest_period
    if skipped and link.pass_ in ("mutual", "assignment"):
        return replace(link, pass_="earlier document")
    return link


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
    """A goal takes the goal_id of its best link (a person's decision first), else its own
    key. An id goes to one goal of a document only: of a split goal's parts the best-scoring
    keeps it and the other starts its own; of a merge's sources the best link's id is kept."""
    ordered = sorted(links, key=lambda k: (k.decision != "manual", -k.score))
    taken: set[str] = set()
    for link in ordered:
        lineage = goal_ids.get(link.from_key, link.from_key)
        if link.to_key in goal_ids or lineage in taken:
            continue
        goal_ids[link.to_key] = lineage
        taken.add(lineage)
    for goal in goals:
        goal_ids.setdefault(goal.key, goal.key)


def assign_linked_ids(records: Sequence[Record], linking: Linking) -> list[Record]:
    """Records with the goal_id of their chain of links."""
    return [replace(r, goal_id=linking.goal_ids.get(r.goal_id, r.goal_id)) for r in records]


def read_decisions(path: str | Path) -> Decisions:
    """A person's marks in a review file: columns from_goal, to_goal, decision (same/different);
    rows without a decision are skipped."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter=sniff_delimiter(handle)))
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


def sniff_delimiter(handle: TextIO) -> str:
    """';' when the first line has more of them than commas (a CSV saved by Finnish Excel)."""
    first = handle.readline()
    handle.seek(0)
    return ";" if first.count(";") > first.count(",") else ","
