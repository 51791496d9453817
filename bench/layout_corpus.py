"""Generated variety as a second check (issue 11, point 9): a layout randomiser with known truth.

`python bench/layout_corpus.py generate [--count 200] [--seed 11] [--folder DIR]` draws COUNT
goal-table documents from the seed. Each draws:
- its language (Finnish or Swedish), a header word per role and the column order;
- its layout: band (a header over one row per measure, the goal merged over its measures),
  cards (per goal: shaded label rows over value rows, measure rows ending in the rating), group
  (a bold full-width goal row over its activities, each followed by a full-width comment row)
  or goal rows (one assessed goal per row, each followed by a full-width comment row);
- its ruling: ruled, unruled, shaded cells, or shading drawn per text line (character shading in
  Word, inline backgrounds in HTML: one rectangle per line, as Word exports print shading);
- its rating encoding: coloured ● glyph, ball with digit, digit, cell shading, verdict word, or
  a raster PNG icon;
- where the legend sits: before the tables, on a reading-guide page earlier, or nowhere;
- its renderer: python-docx converted by LibreOffice (one batch), or HTML printed by headless
  Chromium.
Filler prose and a finance table sit around the goal tables, and tables run over page breaks.

DIR/pdf/ holds the PDFs, DIR/source/ the DOCX and HTML they came from, DIR/gold/ one gold JSON
per PDF in the format of ../shared/eval/score_real.py, following the conventions of
../shared/real/simrishamn_2025.gold.json. The gold is written from the plan that was printed:
it is what a careful reader writes from the page, never what goaltables happens to read.
- page: where the row's measure (or, in goal rows, its goal) text starts in the PDF.
- progress: the comment row's text without its label; on cards the goal's progress text.
- rating: the digit in the cell, or read off a legend that pairs colours with digits; else null.
- status: from the colour or the verdict word; from a bare digit only through a legend.

`python bench/layout_corpus.py score [--markdown bench/CORPUS.md]` runs `goaltables run DIR/pdf
-o DIR/out --no-cache` once, scores every gold with score_real.py, and prints record precision,
recall and F1 per layout, encoding, renderer, ruling, legend place and language, and over all
records (micro, from the per-document counts the scorer prints).

Needs python-docx, pdfplumber, Pillow, rapidfuzz and pandas, and soffice and chromium on PATH.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from layout_content import DocPlan, Level, draw_plan  # noqa: E402

from samples.make_pdf_samples import html_to_pdf, load_pages, normalise_zip  # noqa: E402

BREAKDOWN = ("layout", "encoding", "renderer", "ruling", "legend", "language")
COUNTS = re.compile(r"gold records (\d+), predicted rows on covered pages (\d+), found (\d+)")
SCORED_ON = re.compile(
    r"rating\s+scored on (\d+) found records with a gold rating; status on (\d+)"
)
ACCURACY = re.compile(r"real_f1=\S+ rating_acc=(\S+) status_acc=(\S+)")
FIELD_ACCURACY = re.compile(r"^\s+(\w+)\s+accuracy on found records ([\d.]+)$", re.MULTILINE)
FIELDS = ("area", "baseline", "target", "actual", "progress")


@dataclass(frozen=True)
class CorpusSettings:
    """Where the corpus lives, how many documents, and how goaltables is run on it."""

    count: int = 200
    seed: int = 11
    folder: Path = ROOT / "bench" / ".data" / "layout-corpus"
    scorer: Path = ROOT.parent / "shared" / "eval" / "score_real.py"
    jobs: int = 2  # worker processes for goaltables: the machine is shared
    chromium_timeout: float = 120.0

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError(f"count must be at least 1, not {self.count}")
        if self.jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {self.jobs}")

    @property
    def pdf_dir(self) -> Path:
        return self.folder / "pdf"

    @property
    def source_dir(self) -> Path:
        return self.folder / "source"

    @property
    def gold_dir(self) -> Path:
        return self.folder / "gold"

    @property
    def out_dir(self) -> Path:
        return self.folder / "out"

    @property
    def manifest(self) -> Path:
        return self.folder / "corpus.json"


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------


def require_tools() -> tuple[str, str]:
    """soffice and chromium, or exit with one line naming what to install."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    missing = [
        name
        for name, found in (
            ("soffice (apt-get install libreoffice-writer-nogui)", soffice),
            ("chromium (apt-get install chromium)", chromium),
        )
        if not found
    ]
    if missing:
        sys.exit("the layout corpus needs " + " and ".join(missing))
    return str(soffice), str(chromium)


def draw_icons(folder: Path, plans: list[DocPlan]) -> dict[str, Path]:
    """One small antialiased PNG circle per colour used: the raster icon encoding."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    icons = {}
    colours = {lv.colour for p in plans for lv in p.scale.values()}
    for colour in sorted(colours):
        big = Image.new("RGBA", (192, 192), (255, 255, 255, 0))
        ImageDraw.Draw(big).ellipse((8, 8, 184, 184), fill=f"#{colour}")
        path = folder / f"ball-{colour}.png"
        big.resize((48, 48), Image.LANCZOS).save(path)
        icons[colour] = path
    return icons


def write_sources(plans: list[DocPlan], icons: dict[str, Path], folder: Path) -> list[Path]:
    """Write each plan's DOCX or HTML; return the sources in plan order."""
    from layout_docx import build_docx
    from layout_html import build_html

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for plan in plans:
        path = folder / f"{plan.name}.{plan.renderer}"
        if plan.renderer == "docx":
            build_docx(plan, icons).save(path)
            normalise_zip(path)
        else:
            path.write_text(build_html(plan, icons), encoding="utf-8")
        paths.append(path)
    return paths


def convert_docx(soffice: str, paths: list[Path], outdir: Path) -> None:
    """All DOCX in ONE LibreOffice run: each start of soffice costs seconds."""
    if not paths:
        return
    with tempfile.TemporaryDirectory() as profile:
        command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless"]
        command += ["--convert-to", "pdf", "--outdir", str(outdir), *map(str, paths)]
        subprocess.run(command, check=True, capture_output=True)


def render_pdfs(settings: CorpusSettings, sources: list[Path], tools: tuple[str, str]) -> None:
    soffice, chromium = tools
    settings.pdf_dir.mkdir(parents=True, exist_ok=True)
    docx = [s for s in sources if s.suffix == ".docx"]
    print(f"LibreOffice: converting {len(docx)} DOCX", flush=True)
    convert_docx(soffice, docx, settings.pdf_dir)
    pages = [s for s in sources if s.suffix == ".html"]
    print(f"Chromium: printing {len(pages)} HTML", flush=True)
    for src in pages:
        html_to_pdf(chromium, src, settings.pdf_dir / f"{src.stem}.pdf")


# ---------------------------------------------------------------------------------------------
# Gold
# ---------------------------------------------------------------------------------------------


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


def write_golds(settings: CorpusSettings, plans: list[DocPlan]) -> list[dict]:
    """Gold per PDF, and the manifest entry per document. A document whose measures cannot be
    found in its PDF is dropped and named: its truth would be a guess."""
    settings.gold_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for plan in plans:
        pdf = settings.pdf_dir / f"{plan.name}.pdf"
        try:
            gold = gold_document(plan, pdf)
        except (RuntimeError, FileNotFoundError) as err:
            print(f"dropped {plan.name}: {err}", file=sys.stderr)
            pdf.unlink(missing_ok=True)
            continue
        path = settings.gold_dir / f"{plan.name}.gold.json"
        path.write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        made.append({"name": plan.name, "pages": len(gold["pages_covered"]), **plan.draws()})
    return made


def generate(settings: CorpusSettings) -> list[dict]:
    """Draw, write, render and write the gold of every document; return the manifest."""
    tools = require_tools()  # before the old corpus is removed
    if settings.folder.exists():
        shutil.rmtree(settings.folder)
    plans = [draw_plan(settings.seed, i) for i in range(settings.count)]
    icons = draw_icons(settings.source_dir / "icons", plans)
    sources = write_sources(plans, icons, settings.source_dir)
    render_pdfs(settings, sources, tools)
    made = write_golds(settings, plans)
    manifest = {"seed": settings.seed, "count": settings.count, "documents": made}
    settings.manifest.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    print(f"{len(made)} documents with gold in {settings.folder}")
    return made


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts summed over documents: micro precision, recall and F1 come from these."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    found: int = 0
    rating_n: int = 0
    rating_ok: int = 0
    status_n: int = 0
    status_ok: int = 0
    zero: list[str] = field(default_factory=list)  # documents with no record found
    fields_ok: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))

    def add(self, name: str, score: dict) -> None:
        self.documents += 1
        for key in ("gold", "predicted", "found", "rating_n", "rating_ok", "status_n", "status_ok"):
            setattr(self, key, getattr(self, key) + score[key])
        for name_ in FIELDS:
            self.fields_ok[name_] += score["fields_ok"][name_]
        if score["found"] == 0:
            self.zero.append(name)

    def prf(self) -> tuple[float, float, float]:
        p = self.found / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_goaltables(settings: CorpusSettings) -> None:
    """One `goaltables run` over the PDFs only: the DOCX and HTML sources share the PDFs' base
    names, and the scorer matches by base name."""
    command = [sys.executable, "-m", "goaltables", "run", str(settings.pdf_dir)]
    command += ["-o", str(settings.out_dir), "--no-cache", "--jobs", str(settings.jobs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    print(" ".join(command[2:]), flush=True)
    subprocess.run(command, env=env, check=False)


def load_scorer(path: Path):
    if not path.exists():
        sys.exit(f"scorer not found: {path} (the shared folder sits beside the repository)")
    spec = importlib.util.spec_from_file_location("score_real", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def accuracy_count(text: str, n: int) -> int:
    return 0 if text == "n/a" else round(float(text) * n)


def score_one(scorer, out_dir: Path, gold: Path) -> dict:
    """Run score_real.py's main on one gold and read its counts from what it prints."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        scorer.main(["score_real.py", str(out_dir), str(gold)])
    text = buffer.getvalue()
    gold_n, predicted, found = map(int, COUNTS.search(text).groups())
    rating_n, status_n = map(int, SCORED_ON.search(text).groups())
    rating_acc, status_acc = ACCURACY.search(text).groups()
    fields = {name: float(acc) for name, acc in FIELD_ACCURACY.findall(text)}
    return {
        "fields_ok": {name: round(fields[name] * found) for name in FIELDS},
        "gold": gold_n,
        "predicted": predicted,
        "found": found,
        "rating_n": rating_n,
        "rating_ok": accuracy_count(rating_acc, rating_n),
        "status_n": status_n,
        "status_ok": accuracy_count(status_acc, status_n),
    }


def tally_scores(manifest: dict, scores: dict[str, dict]) -> dict[str, dict[str, Tally]]:
    """Tallies per value of each drawn feature, plus 'all' over every document."""
    tallies: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for doc in manifest["documents"]:
        score = scores.get(doc["name"])
        if score is None:
            continue
        tallies["all"]["all"].add(doc["name"], score)
        for feature in BREAKDOWN:
            tallies[feature][doc[feature]].add(doc["name"], score)
    return tallies


def fraction(k: int, n: int) -> str:
    return f"{k / n:.3f}" if n else "n/a"


def table_lines(feature: str, by_value: dict[str, Tally]) -> list[str]:
    lines = [
        f"| {feature} | documents | gold | predicted | found | precision | recall | F1 "
        "| rating acc | status acc | docs with 0 found |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for value in sorted(by_value):
        t = by_value[value]
        p, r, f = t.prf()
        rating, status = fraction(t.rating_ok, t.rating_n), fraction(t.status_ok, t.status_n)
        lines.append(
            f"| {value} | {t.documents} | {t.gold} | {t.predicted} | {t.found} | {p:.3f} | {r:.3f} "
            f"| {f:.3f} | {rating} | {status} | {len(t.zero)} |"
        )
    return lines


def field_lines(by_value: dict[str, Tally]) -> list[str]:
    """Field accuracy on found records, per layout (a field null in both counts as right)."""
    lines = [
        "| layout | found | " + " | ".join(FIELDS) + " |",
        "| --- | ---: |" + " ---: |" * len(FIELDS),
    ]
    for value in sorted(by_value):
        t = by_value[value]
        cells = " | ".join(fraction(t.fields_ok[f], t.found) for f in FIELDS)
        lines.append(f"| {value} | {t.found} | {cells} |")
    return lines


def problem_counts(out_dir: Path) -> Counter[str]:
    """How many documents goaltables reported per problem kind (no-goal-table, ...)."""
    path = out_dir / "problems.csv"
    if not path.exists():
        return Counter()
    with path.open(encoding="utf-8-sig", newline="") as f:
        return Counter(row["kind"] for row in csv.DictReader(f))


def report_lines(
    seed: int, tallies: dict[str, dict[str, Tally]], problems: Counter[str]
) -> list[str]:
    overall = tallies["all"]["all"]
    p, r, f = overall.prf()
    told = ", ".join(f"{kind} {n}" for kind, n in sorted(problems.items())) or "none"
    lines = [
        "## Generated layout corpus",
        "",
        f"{overall.documents} generated documents (seed {seed}) from "
        "`bench/layout_corpus.py`, scored by `../shared/eval/score_real.py` like the real gold. "
        "Made and scored by `make corpus`.",
        "",
        f"Problems goaltables reported: {told}. Documents of which no record was found: "
        f"{len(overall.zero)} of {overall.documents}.",
        "",
        f"**Overall (micro over {overall.gold} gold records): precision {p:.3f}, recall {r:.3f}, "
        f"F1 {f:.3f}; rating accuracy {fraction(overall.rating_ok, overall.rating_n)} "
        f"(on {overall.rating_n} found records with a gold rating), status accuracy "
        f"{fraction(overall.status_ok, overall.status_n)} (on {overall.status_n}).**",
        "",
    ]
    for feature in BREAKDOWN:
        lines += [*table_lines(feature, tallies[feature]), ""]
    lines += ["Field accuracy on found records (score_real.py: similarity ≥ 90):", ""]
    return [*lines, *field_lines(tallies["layout"]), ""]


def score(settings: CorpusSettings, markdown: Path | None, run: bool = True) -> None:
    """Run goaltables once over the corpus, score every gold, print and write the figures."""
    if run:
        run_goaltables(settings)
    scorer = load_scorer(settings.scorer)
    scores = {}
    for gold in sorted(settings.gold_dir.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        scores[name] = score_one(scorer, settings.out_dir, gold)
    (settings.folder / "scores.json").write_text(json.dumps(scores, indent=1), encoding="utf-8")
    manifest = json.loads(settings.manifest.read_text(encoding="utf-8"))
    tallies = tally_scores(manifest, scores)
    lines = report_lines(manifest["seed"], tallies, problem_counts(settings.out_dir))
    print("\n".join(lines))
    if markdown is not None:
        markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {markdown}")


# ---------------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("generate", "score"))
    parser.add_argument("--count", type=int, default=CorpusSettings.count)
    parser.add_argument("--seed", type=int, default=CorpusSettings.seed)
    parser.add_argument("--folder", type=Path, default=CorpusSettings.folder)
    parser.add_argument("--jobs", type=int, default=CorpusSettings.jobs)
    parser.add_argument("--markdown", type=Path, help="score: write the figures to this file")
    parser.add_argument(
        "--no-run", action="store_true", help="score: rescore DIR/out without running goaltables"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    settings = CorpusSettings(args.count, args.seed, args.folder.resolve(), jobs=args.jobs)
    if args.command == "generate":
        generate(settings)
    else:
        score(settings, args.markdown, run=not args.no_run)


if __name__ == "__main__":
    main()
