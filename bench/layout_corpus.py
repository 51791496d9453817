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
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from layout_content import DocPlan, draw_plan  # noqa: E402
from layout_gold import gold_document  # noqa: E402
from layout_score import load_scorer, problem_counts, report_lines, score_one, tally_scores  # noqa: E402

from samples.make_pdf_samples import html_to_pdf, normalise_zip  # noqa: E402


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


def run_goaltables(settings: CorpusSettings) -> None:
    """One `goaltables run` over the PDFs only: the DOCX and HTML sources share the PDFs' base
    names, and the scorer matches by base name."""
    command = [sys.executable, "-m", "goaltables", "run", str(settings.pdf_dir)]
    command += ["-o", str(settings.out_dir), "--no-cache", "--jobs", str(settings.jobs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    print(" ".join(command[2:]), flush=True)
    subprocess.run(command, env=env, check=False)


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
