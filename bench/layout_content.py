"""What a generated goal-table document says and how it is laid out, drawn from a seed.

The layout randomiser (`layout_corpus.py`) draws one `DocPlan` per document: the language, the
header words, the column order, the layout, the ruling, the rating encoding, where the legend
sits, the renderer, and the invented content (goals, measures, values, progress texts, a finance
table, filler prose). The renderers print a plan; the gold is written from the same plan, so
the truth is what the page shows, never what goaltables happens to read.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from layout_words import (
    ACTIVITIES,
    FINANCE,
    GOAL_PARTS,
    HEADERS,
    LEVEL_WORDS,
    MEASURE_TAILS,
    MEASURES,
    ORGS,
    PALETTES,
    PROSE,
    SCALE_DIGITS,
    SECTORS,
    TITLES,
)

LAYOUTS = ("band", "cards", "group", "goal_rows")
RULINGS = ("ruled", "unruled", "shaded", "line_shaded")
ENCODINGS = ("glyph", "ball_digit", "digit", "shading", "word", "image")
LEGEND_PLACES = ("before", "earlier", "none")
RENDERERS = ("docx", "html")
LANGUAGES = ("fi", "sv")
VALUE_ROLES = ("baseline", "target", "actual")


@dataclass(frozen=True)
class Level:
    """One step of a document's rating scale, as the legend and the cells print it."""

    status: str  # green / yellow / red / grey
    colour: str  # hex without '#'
    digit: int | None  # the digit printed for it; None where the scale shows "–"
    label: str  # the legend's words
    verdict: str  # the verdict word a word-encoded table prints

    @property
    def shown_digit(self) -> str:
        return "–" if self.digit is None else str(self.digit)


@dataclass
class Measure:
    text: str
    values: dict[str, str]  # role -> printed value (only the value roles the table prints)
    progress: str
    level: Level


@dataclass
class Goal:
    text: str
    progress: str  # goal-level progress (cards, goal rows)
    measures: list[Measure]
    level: Level | None = None  # the goal's own assessment (goal rows, which have no measures)


@dataclass
class Area:
    name: str
    goals: list[Goal]
    prose: list[str]
    finance_first: bool  # the finance table comes before the goal table (else after)


@dataclass
class Finance:
    title: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class DocPlan:
    """Everything one generated document prints, and the random choices behind it."""

    name: str
    lang: str
    layout: str
    ruling: str
    encoding: str
    legend_at: str
    renderer: str
    org: str
    sector: str
    year: int
    scale: dict[str, Level]
    legend_digits: bool  # the legend prints the scale's digits
    headers: dict[str, str]  # role -> header word
    columns: list[str]  # roles in printed order (band and group layouts)
    repeat_header: bool
    intro: list[str]
    preamble: list[str]  # prose between a legend printed pages earlier and the goal tables
    areas: list[Area] = field(default_factory=list)
    finance: Finance | None = None

    @property
    def title(self) -> str:
        return f"{self.org} – {TITLES[self.lang].format(y=self.year)}"

    def draws(self) -> dict[str, str]:
        """The drawn features by which the scores are broken down."""
        return {
            "layout": self.layout,
            "encoding": self.encoding,
            "renderer": self.renderer,
            "ruling": self.ruling,
            "legend": self.legend_at,
            "language": self.lang,
        }


# ---------------------------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------------------------


def sentence(rng: random.Random, parts: tuple[list[str], ...]) -> str:
    text = " ".join(rng.choice(p) for p in parts)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, lang: str, sentences: int) -> str:
    return " ".join(sentence(rng, PROSE[lang]) for _ in range(sentences))


def number(rng: random.Random, kind: str) -> str:
    value = {
        "pct": f"{rng.randint(40, 98)} %",
        "score": f"{rng.randint(70, 95) / 10:.1f}",
        "score5": f"{rng.randint(30, 46) / 10:.1f}",
        "count": f"{rng.randint(1200, 98000):,}".replace(",", " "),
        "num": f"{rng.randint(10, 140) / 10:.1f}",
    }[kind]
    return value.replace(".", ",")


def draw_scale(rng: random.Random, lang: str) -> dict[str, Level]:
    palette = rng.choice(PALETTES)
    digits = SCALE_DIGITS[rng.choice(sorted(SCALE_DIGITS))]
    return {
        status: Level(status, palette[status], digits[status], *LEVEL_WORDS[lang][status])
        for status in ("green", "yellow", "red", "grey")
    }


def draw_level(rng: random.Random, scale: dict[str, Level]) -> Level:
    status = rng.choices(("green", "yellow", "red", "grey"), (5, 3, 2, 1))[0]
    return scale[status]


def draw_goal_texts(rng: random.Random, lang: str, count: int) -> list[str]:
    subjects, verbs, tails = GOAL_PARTS[lang]
    return [
        f"{subject} {rng.choice(verbs)} {rng.choice(tails)}."
        for subject in rng.sample(subjects, count)
    ]


def draw_measure_texts(rng: random.Random, plan: DocPlan) -> list[tuple[str, str]]:
    """The document's pool of (text, kind) pairs, each unique in its first words, so that a
    measure is found once on its page."""
    if plan.layout == "group":
        verbs, objects, tails = ACTIVITIES[plan.lang]
        return [
            (f"{rng.choice(verbs)} {obj} {rng.choice(tails)}.", "num")
            for obj in rng.sample(objects, len(objects))
        ]
    heads = rng.sample(sorted(MEASURES[plan.lang]), len(MEASURES[plan.lang]))
    tails = MEASURE_TAILS[plan.lang]
    return [(f"{h} ({rng.choice(tails)})", MEASURES[plan.lang][h]) for h in heads]


def draw_measure(rng: random.Random, plan: DocPlan, text: str, kind: str) -> Measure:
    values = {role: number(rng, kind) for role in VALUE_ROLES if role in plan.columns}
    progress = paragraph(rng, plan.lang, rng.randint(1, 3))
    return Measure(text, values, progress, draw_level(rng, plan.scale))


def draw_goal_rows(rng: random.Random, plan: DocPlan) -> list[Goal]:
    """Goals assessed on their own row, without measures (Simrishamn's `Nämndmål | Bedömning`)."""
    texts = draw_goal_texts(rng, plan.lang, rng.randint(3, 6))
    return [
        Goal(t, paragraph(rng, plan.lang, rng.randint(1, 4)), [], draw_level(rng, plan.scale))
        for t in texts
    ]


def draw_area(rng: random.Random, plan: DocPlan, name: str, pool: list[tuple[str, str]]) -> Area:
    """An area of 2-5 goals with 1-4 measures each, taken from the pool while it lasts."""
    prose = [paragraph(rng, plan.lang, rng.randint(3, 7)) for _ in range(rng.randint(0, 2))]
    if plan.layout == "goal_rows":
        return Area(name, draw_goal_rows(rng, plan), prose, finance_first=rng.random() < 0.5)
    goals = []
    for text in draw_goal_texts(rng, plan.lang, rng.randint(2, 5)):
        size = min(rng.choice((1, 2, 2, 3, 3, 4)), len(pool))
        if size == 0:
            break
        measures = [draw_measure(rng, plan, *pool.pop()) for _ in range(size)]
        goals.append(Goal(text, paragraph(rng, plan.lang, rng.randint(1, 3)), measures))
    return Area(name, goals, prose, finance_first=rng.random() < 0.5)


def draw_finance(rng: random.Random, lang: str, year: int) -> Finance:
    titles, heads, rows = FINANCE[lang]
    header = [rng.choice(titles), *(h.format(y=year, p=year - 1) for h in heads[:3])]
    income, cost = rng.randint(800, 9000), -rng.randint(9000, 60000)
    body = []
    for label, value in zip(rows, (income, cost, income + cost), strict=True):
        budget = value + rng.randint(-400, 400)
        cells = [budget, value, value - budget]
        body.append([label, *(f"{v:,}".replace(",", " ").replace("-", "−") for v in cells)])
    return Finance(f"{header[0]}", header, body)


def draw_columns(rng: random.Random, layout: str) -> list[str]:
    """Roles in printed order. Cards have a fixed label grid; band and group vary."""
    values = [r for r in VALUE_ROLES if rng.random() < 0.6]
    rng.shuffle(values)
    if layout == "cards":
        return ["goal", "measure", *sorted(values or ["target"], key=VALUE_ROLES.index)]
    if layout == "group":
        return ["measure", *[v for v in values if v != "baseline"], "rating"]
    if layout == "goal_rows":
        return ["goal", "rating"]
    tail = ["rating", *(["progress"] if rng.random() < 0.8 else [])]
    rng.shuffle(tail)
    return ["goal", "measure", *values, *tail]


def draw_headers(rng: random.Random, lang: str, year: int) -> dict[str, str]:
    return {
        role: rng.choice(words).format(y=year, p=year - 1) for role, words in HEADERS[lang].items()
    }


def draw_plan(seed: int, index: int) -> DocPlan:
    """One document's plan; the same seed and index always give the same plan."""
    rng = random.Random(f"{seed}/{index}")
    lang, layout = rng.choice(LANGUAGES), LAYOUTS[index % len(LAYOUTS)]
    encoding, renderer = rng.choice(ENCODINGS), rng.choice(RENDERERS)
    year = rng.randint(2019, 2025)
    sector = rng.choice(sorted(SECTORS[lang]))
    plan = DocPlan(
        name=f"lc{index:03d}-{lang}-{layout}-{encoding}-{renderer}",
        lang=lang,
        layout=layout,
        ruling=rng.choice(RULINGS),
        encoding=encoding,
        legend_at=rng.choice(LEGEND_PLACES),
        renderer=renderer,
        org=rng.choice(ORGS[lang]),
        sector=sector,
        year=year,
        scale=draw_scale(rng, lang),
        legend_digits=encoding in ("digit", "ball_digit") or rng.random() < 0.5,
        headers=draw_headers(rng, lang, year),
        columns=draw_columns(rng, layout),
        repeat_header=rng.random() < 0.5,
        intro=[paragraph(rng, lang, rng.randint(4, 8)) for _ in range(rng.randint(1, 3))],
        preamble=[paragraph(rng, lang, rng.randint(6, 10)) for _ in range(rng.randint(4, 8))],
    )
    pool = draw_measure_texts(rng, plan)
    for name in rng.sample(SECTORS[lang][sector], rng.randint(1, 3)):
        area = draw_area(rng, plan, name, pool)
        if area.goals:
            plan.areas.append(area)
    plan.finance = draw_finance(rng, lang, year)
    return plan
