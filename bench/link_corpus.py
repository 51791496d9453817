"""A generated multi-year linking corpus with known truth (issue 13): pairwise link F1.

`python bench/link_corpus.py generate [--seed 13] [--folder DIR]` writes, for a Finnish and a
Swedish city, four years of reports (budget plan, interim report, outcome), each as DOCX
(python-docx), as PDF (LibreOffice, one batch) and as a text export (`pdftotext -layout` of
that PDF, with the organisation's name taken out, as an export without its cover names none).
Between years the goals change the way real ones do, every change recorded in the truth:
- reworded: a goal's verb or closing words change;
- moved: a goal goes to another area of its sector;
- renamed: an area takes a new name, its goals staying;
- split: a goal over two subjects ("A ja B paranee") becomes two goals; the part that keeps
  the goal's first subject and measures continues it, the other starts a lineage of its own;
- ended and new: a goal is dropped, a new one appears;
- left out: one interim report leaves a goal out that its outcome reports again.

DIR/docs/ holds the 72 documents, DIR/truth.json each document's goals with their lineage.

`python bench/link_corpus.py score [--write]` runs `goaltables run DIR/docs -o DIR/out
--no-cache` and scores the goal_ids it gave: a goal instance is one truth goal in one document,
found in goals.csv by its text (best rapidfuzz ratio of at least `match_ratio`); a pair of
instances in two documents is linked in truth when they share a lineage, and by goaltables when
they share a goal_id. Precision, recall and F1 over those pairs; instances goaltables did not
read are counted (their truth pairs are missed links, not left out). `f1_of_read` is the F1
over the instances goaltables read only: the linking's part, reading faults aside. `--write`
puts the figures in their section of BENCHMARKS.md (`make linkcorpus` does both steps).

Needs python-docx, rapidfuzz and pandas, and soffice and pdftotext on PATH.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from layout_content import (  # noqa: E402
    Area,
    DocPlan,
    Goal,
    Measure,
    draw_finance,
    draw_headers,
    draw_level,
    draw_scale,
    number,
    paragraph,
)
from layout_words import GOAL_PARTS, MEASURE_TAILS, MEASURES, ORGS, SECTORS  # noqa: E402

from samples.make_pdf_samples import normalise_zip  # noqa: E402

PHASES = ("plan", "interim", "outcome")
PHASE_TITLES = {
    "fi": {
        "plan": "Talousarvio {y}",
        "interim": "Osavuosikatsaus 1.1.–31.8.{y}",
        "outcome": "Tilinpäätös {y}",
    },
    "sv": {
        "plan": "Verksamhetsplan och budget {y}",
        "interim": "Delårsrapport {y}",
        "outcome": "Årsredovisning {y}",
    },
}
AND = {"fi": "ja", "sv": "och"}
# The table's columns per phase: a plan sets targets; the interim report and the outcome
# report the values reached and assess them.
PHASE_COLUMNS = {
    "plan": ["goal", "measure", "baseline", "target"],
    "interim": ["goal", "measure", "target", "actual", "rating"],
    "outcome": ["goal", "measure", "target", "actual", "rating"],
}
FORMATS = ("docx", "pdf", "txt")


@dataclass(frozen=True)
class LinkCorpusSettings:
    """Where the corpus lives, what it holds, and how goaltables is run on it."""

    seed: int = 13
    first_year: int = 2021
    years: int = 4
    areas: int = 3  # areas of the sector in the first year
    goals: int = 9  # goals in the first year, `compound` of them over two subjects
    compound: int = 2
    match_ratio: float = 90.0  # a goals.csv goal is a truth goal when its text is this alike
    folder: Path = ROOT / "bench" / ".data" / "link-corpus"
    jobs: int = 2  # worker processes for goaltables: the machine is shared

    @property
    def docs_dir(self) -> Path:
        return self.folder / "docs"

    @property
    def out_dir(self) -> Path:
        return self.folder / "out"

    @property
    def truth(self) -> Path:
        return self.folder / "truth.json"


# ---------------------------------------------------------------------------------------------
# A city's goals through the years
# ---------------------------------------------------------------------------------------------


@dataclass
class GoalState:
    """One goal as one report prints it, with the lineage it belongs to in truth."""

    lineage: str
    subjects: list[str]  # two for a goal that is split later
    verb: str
    tail: str
    area: str
    measures: list[str]

    def text(self, lang: str) -> str:
        rest = [s[0].lower() + s[1:] for s in self.subjects[1:]]
        return f"{f' {AND[lang]} '.join([self.subjects[0], *rest])} {self.verb} {self.tail}."


@dataclass
class City:
    """A city's sector and the pools its goals are drawn from."""

    lang: str
    org: str
    sector: str
    rng: random.Random
    subjects: list[str]
    area_names: list[str]
    measure_pool: list[str] = field(default_factory=list)
    lineages: int = 0
    changes: list[str] = field(default_factory=list)

    def measure(self) -> str:
        if not self.measure_pool:  # every measure used: heads come round again, other tails
            heads = sorted(MEASURES[self.lang])
            self.rng.shuffle(heads)
            self.measure_pool = [
                f"{h} ({self.rng.choice(MEASURE_TAILS[self.lang])})" for h in heads
            ]
        return self.measure_pool.pop()

    def new_goal(self, area: str, subjects: int = 1) -> GoalState:
        _, verbs, tails = GOAL_PARTS[self.lang]
        self.lineages += 1
        return GoalState(
            f"{self.lang}-L{self.lineages:02d}",
            [self.subjects.pop() for _ in range(subjects)],
            self.rng.choice(verbs),
            self.rng.choice(tails),
            area,
            [self.measure() for _ in range(self.rng.randint(1, 2) + subjects - 1)],
        )


def first_year_goals(city: City, settings: LinkCorpusSettings) -> list[GoalState]:
    areas = [city.area_names.pop() for _ in range(settings.areas)]
    return [
        city.new_goal(areas[i % len(areas)], 2 if i < settings.compound else 1)
        for i in range(settings.goals)
    ]


def next_year(city: City, goals: list[GoalState]) -> list[GoalState]:
    """The next year's goals: two reworded, one moved, an area renamed (while the sector has
    names left), one compound goal split, one ended and one new."""
    rng, lang = city.rng, city.lang
    goals = [GoalState(**{**g.__dict__, "subjects": [*g.subjects]}) for g in goals]
    _, verbs, tails = GOAL_PARTS[lang]
    for goal in rng.sample(goals, 2):
        if rng.random() < 0.5:
            goal.verb = rng.choice([v for v in verbs if v != goal.verb])
        else:
            goal.tail = rng.choice([t for t in tails if t != goal.tail])
        city.changes.append(f"reworded {goal.lineage}")
    areas = sorted({g.area for g in goals})
    moved = rng.choice(goals)
    moved.area = rng.choice([a for a in areas if a != moved.area] or areas)
    city.changes.append(f"moved {moved.lineage} to {moved.area}")
    if city.area_names:
        old, new = rng.choice(areas), city.area_names.pop()
        for goal in goals:
            goal.area = new if goal.area == old else goal.area
        city.changes.append(f"renamed {old} to {new}")
    goals, parts = split_one(city, goals)
    ended = rng.choice([g for g in goals if len(g.subjects) == 1 and g.lineage not in parts])
    goals.remove(ended)
    city.changes.append(f"ended {ended.lineage}")
    if city.subjects:
        goals.append(city.new_goal(rng.choice(sorted({g.area for g in goals}))))
        city.changes.append(f"new {goals[-1].lineage}")
    return goals


def split_one(city: City, goals: list[GoalState]) -> tuple[list[GoalState], set[str]]:
    """A compound goal becomes two: the first subject keeps the lineage and most measures.
    Returns the goals and the two parts' lineages (neither ends the year it was split)."""
    compound = [g for g in goals if len(g.subjects) > 1]
    if not compound:
        return goals, set()
    whole = compound[0]
    city.lineages += 1
    second = GoalState(
        f"{city.lang}-L{city.lineages:02d}",
        whole.subjects[1:],
        whole.verb,
        whole.tail,
        whole.area,
        [*whole.measures[-1:], city.measure()],
    )
    whole.subjects, whole.measures = whole.subjects[:1], whole.measures[:-1]
    city.changes.append(f"split {whole.lineage} into {whole.lineage} and {second.lineage}")
    at = goals.index(whole) + 1
    return [*goals[:at], second, *goals[at:]], {whole.lineage, second.lineage}


# ---------------------------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------------------------


@dataclass
class ReportPlan(DocPlan):
    """A layout plan whose title names the phase: a budget, an interim report, an outcome."""

    report_title: str = ""

    @property
    def title(self) -> str:
        return self.report_title


def report_plan(city: City, year: int, phase: str, goals: list[GoalState]) -> ReportPlan:
    """One report's plan: a ruled band table per area, the goals in the area's order."""
    rng, lang = city.rng, city.lang
    scale = draw_scale(random.Random(city.org), lang)  # one scale a city keeps
    plan = ReportPlan(
        name=f"{city.lang}-{year}-{phase}",
        lang=lang,
        layout="band",
        ruling="ruled",
        encoding="glyph",
        legend_at="none" if phase == "plan" else "before",
        renderer="docx",
        org=city.org,
        sector=city.sector,
        year=year,
        scale=scale,
        legend_digits=False,
        headers=draw_headers(random.Random(f"{city.org}/{year}"), lang, year),
        columns=PHASE_COLUMNS[phase],
        repeat_header=True,
        intro=[paragraph(rng, lang, 3)],
        preamble=[],
        report_title=f"{city.org} – {PHASE_TITLES[lang][phase].format(y=year)}",
    )
    for name in sorted({g.area for g in goals}):
        printed = [printed_goal(rng, plan, g) for g in goals if g.area == name]
        plan.areas.append(Area(name, printed, [paragraph(rng, lang, 2)], finance_first=False))
    plan.finance = draw_finance(rng, lang, year)
    return plan


def printed_goal(rng: random.Random, plan: DocPlan, goal: GoalState) -> Goal:
    measures = [
        Measure(
            text,
            {role: number(rng, "pct") for role in ("baseline", "target", "actual")},
            paragraph(rng, plan.lang, 1),
            draw_level(rng, plan.scale),
        )
        for text in goal.measures
    ]
    return Goal(goal.text(plan.lang), "", measures)


def city_reports(city: City, settings: LinkCorpusSettings) -> list[tuple[ReportPlan, list]]:
    """Every report of the city with its goals: plan, interim and outcome of each year. One
    interim report leaves a goal out (back in the outcome)."""
    goals = first_year_goals(city, settings)
    reports = []
    for offset in range(settings.years):
        year = settings.first_year + offset
        if offset:
            goals = next_year(city, goals)
        for phase in PHASES:
            printed = goals
            if phase == "interim" and offset == 1:
                printed = [g for g in goals if g is not goals[0]]
                city.changes.append(f"left {goals[0].lineage} out of the {year} interim report")
            reports.append((report_plan(city, year, phase, printed), printed))
    return reports


def draw_city(lang: str, seed: int) -> City:
    rng = random.Random(f"{seed}/{lang}")
    sector = rng.choice(sorted(SECTORS[lang]))
    subjects = list(GOAL_PARTS[lang][0])
    rng.shuffle(subjects)
    names = list(SECTORS[lang][sector])
    rng.shuffle(names)
    return City(lang, rng.choice(ORGS[lang]), sector, rng, subjects, names)


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


def require_tools() -> tuple[str, str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if not (soffice and pdftotext):
        sys.exit(
            "the link corpus needs soffice (libreoffice-writer-nogui) and pdftotext (poppler-utils)"
        )
    return soffice, pdftotext


def write_reports(settings: LinkCorpusSettings, plans: list[ReportPlan]) -> None:
    """DOCX by python-docx, PDF by LibreOffice in one run, text by pdftotext without the
    organisation's name."""
    from layout_docx import build_docx

    soffice, pdftotext = require_tools()
    folder = settings.docs_dir
    folder.mkdir(parents=True, exist_ok=True)
    docx = []
    for plan in plans:
        path = folder / f"{plan.name}.docx"
        build_docx(plan, {}).save(path)
        normalise_zip(path)
        docx.append(path)
    with tempfile.TemporaryDirectory() as profile:
        command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless"]
        command += ["--convert-to", "pdf", "--outdir", str(folder), *map(str, docx)]
        subprocess.run(command, check=True, capture_output=True)
    for plan in plans:
        pdf = folder / f"{plan.name}.pdf"
        text = subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        export = text.replace(f"{plan.org} – ", "").replace(plan.org, "")
        (folder / f"{plan.name}.txt").write_text(export, encoding="utf-8")


def generate(settings: LinkCorpusSettings) -> dict:
    if settings.folder.exists():
        shutil.rmtree(settings.folder)
    truth: dict = {"seed": settings.seed, "documents": {}, "changes": {}}
    plans = []
    for lang in ("fi", "sv"):
        city = draw_city(lang, settings.seed)
        for plan, goals in city_reports(city, settings):
            plans.append(plan)
            for fmt in FORMATS:
                truth["documents"][f"{plan.name}.{fmt}"] = {g.text(lang): g.lineage for g in goals}
        truth["changes"][city.org] = city.changes
    write_reports(settings, plans)
    settings.truth.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(truth['documents'])} documents in {settings.docs_dir}")
    return truth


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def run_goaltables(settings: LinkCorpusSettings) -> None:
    command = [sys.executable, "-m", "goaltables", "run", str(settings.docs_dir)]
    command += ["-o", str(settings.out_dir), "--no-cache", "--jobs", str(settings.jobs)]
    print(" ".join(command[2:]), flush=True)
    subprocess.run(command, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)


def read_instances(settings: LinkCorpusSettings, truth: dict) -> tuple[dict, int]:
    """(document, truth goal text) -> the goal_id goaltables gave it (its records' most
    common), and how many goals.csv goals matched no truth goal."""
    import pandas as pd
    from rapidfuzz import fuzz, process

    goals = pd.read_csv(settings.out_dir / "goals.csv", dtype=str, keep_default_na=False)
    found: dict[tuple[str, str], Counter[str]] = {}
    unmatched = 0
    for row in goals.itertuples():
        expected = truth["documents"].get(Path(row.source).name, {})
        best = process.extractOne(row.goal, list(expected), scorer=fuzz.ratio)
        if best is None or best[1] < settings.match_ratio:
            unmatched += 1
            continue
        found.setdefault((Path(row.source).name, best[0]), Counter())[row.goal_id] += 1
    return {key: ids.most_common(1)[0][0] for key, ids in found.items()}, unmatched


def pair_scores(truth: dict, given: dict) -> dict:
    """Pairwise precision, recall and F1 over goal instances of different documents."""
    lineage = {
        (doc, text): lin for doc, goals in truth["documents"].items() for text, lin in goals.items()
    }
    true_pairs, given_pairs = set(), set()
    for a, b in combinations(sorted(lineage), 2):
        if a[0] == b[0]:
            continue
        if lineage[a] == lineage[b]:
            true_pairs.add((a, b))
        if a in given and b in given and given[a] == given[b]:
            given_pairs.add((a, b))
    hits = len(true_pairs & given_pairs)
    precision = hits / len(given_pairs) if given_pairs else 0.0
    recall = hits / len(true_pairs) if true_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return {
        "instances": len(lineage),
        "read": len(given),
        "true_pairs": len(true_pairs),
        "given_pairs": len(given_pairs),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def score(settings: LinkCorpusSettings, run: bool, write: bool) -> dict:
    if run:
        run_goaltables(settings)
    truth = json.loads(settings.truth.read_text(encoding="utf-8"))
    given, unmatched = read_instances(settings, truth)
    result = {**pair_scores(truth, given), "unmatched_goals": unmatched}
    # The linking alone: the pairs among the goal instances goaltables read.
    read = {
        "documents": {
            doc: {text: lin for text, lin in goals.items() if (doc, text) in given}
            for doc, goals in truth["documents"].items()
        }
    }
    result["f1_of_read"] = pair_scores(read, given)["f1"]
    print(json.dumps(result))
    if write:
        from tablebench import write_section

        write_section(section(result), SECTION)
    return result


SECTION = "## Linking: a generated multi-year corpus"


def section(result: dict) -> str:
    return (
        f"{SECTION}\n\n"
        "`make linkcorpus` (`bench/link_corpus.py`): a Finnish and a Swedish city, four years of\n"
        "plan, interim report and outcome, each as DOCX, PDF (LibreOffice) and text export\n"
        "(pdftotext, the organisation taken out): 72 documents, goals reworded, moved, split,\n"
        "ended and new, areas renamed, a goal left out of an interim report. Pairwise link\n"
        "scores over goal instances (a goal in a document): linked when they share a goal_id.\n"
        "The last column counts only the goals goaltables read (its reading faults aside).\n\n"
        f"{markdown_lines(result)}"
    )


def markdown_lines(result: dict) -> str:
    return (
        "| goal instances | read | true pairs | pairs given | precision | recall | F1 "
        "| F1 of the goals read |\n"
        "|---|---|---|---|---|---|---|---|\n"
        f"| {result['instances']} | {result['read']} | {result['true_pairs']} "
        f"| {result['given_pairs']} | {result['precision']:.3f} | {result['recall']:.3f} "
        f"| **{result['f1']:.3f}** | {result['f1_of_read']:.3f} |\n"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("generate", "score"))
    parser.add_argument("--seed", type=int, default=LinkCorpusSettings.seed)
    parser.add_argument("--folder", type=Path, default=LinkCorpusSettings.folder)
    parser.add_argument("--write", action="store_true", help="score: into BENCHMARKS.md")
    parser.add_argument("--no-run", action="store_true", help="score: rescore DIR/out")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    settings = LinkCorpusSettings(seed=args.seed, folder=args.folder.resolve())
    if args.command == "generate":
        generate(settings)
    else:
        score(settings, run=not args.no_run, write=args.write)


if __name__ == "__main__":
    main()
