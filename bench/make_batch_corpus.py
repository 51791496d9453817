"""Make a corpus of many distinct invented goal-table reports for the batch benchmark.

`python bench/make_batch_corpus.py OUTDIR [--count 200] [--seed 1]` writes COUNT documents,
about 45 % PDF, 35 % DOCX and 20 % tab-separated UTF-8 text, each with its own content (the
tool skips files whose content hash it has seen): Finnish municipality, year 2015-2025, phase
(talousarvio / osavuosikatsaus / tilinpäätös), sector, areas, goals and measures composed from
word lists, ratings as verdict words or coloured ● with a legend. Most are 1-4 pages; about one
in twenty is a long report (15-30 pages of prose and tables). DOCX are made with python-docx;
the PDFs are such DOCX converted by ONE LibreOffice run (each start of soffice costs seconds).
Text files follow seed 001: one table whose first column holds the areas under a header that
names the sector, merged cells left empty.

Deterministic for a seed (DOCX and text byte for byte; LibreOffice stamps dates into PDFs).
OUTDIR/corpus.json lists what was made: when it and the folder match, the run says "up to date"
and stops, so `make bench` can call this every time. Needs python-docx, pypdfium2 and soffice.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import docx
import pypdfium2 as pdfium  # type: ignore[import-untyped]
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt, RGBColor

ORGS = (
    "Alavuden kaupunki, Kuortaneen kunta, Ähtärin kaupunki, Lapuan kaupunki, Kauhavan kaupunki, "
    "Seinäjoen kaupunki, Ilmajoen kunta, Kurikan kaupunki, Alajärven kaupunki, Soinin kunta, "
    "Vimpelin kunta, Lappajärven kunta, Evijärven kunta, Isojoen kunta, Karijoen kunta, "
    "Teuvan kunta, Kauhajoen kaupunki, Virtain kaupunki, Ruoveden kunta, Keuruun kaupunki, "
    "Multian kunta, Saarijärven kaupunki, Karstulan kunta, Kyyjärven kunta, Perhon kunta, "
    "Vetelin kunta, Halsuan kunta, Kinnulan kunta, Pihtiputaan kunta, Viitasaaren kaupunki"
).split(", ")
SECTORS = {  # (nominative, genitive): areas
    ("Sivistystoimiala", "sivistystoimialan"): "Varhaiskasvatus, Perusopetus, Lukiokoulutus, "
    "Kirjastopalvelut, Kulttuuripalvelut, Liikuntapalvelut, Nuorisopalvelut",
    ("Tekninen toimiala", "teknisen toimialan"): "Kuntatekniikka, Tilapalvelut, Ruokapalvelut, "
    "Ympäristönsuojelu, Rakennusvalvonta, Vesihuolto",
    ("Hyvinvointitoimiala", "hyvinvointitoimialan"): "Vanhuspalvelut, Vammaispalvelut, "
    "Lastensuojelu, Aikuissosiaalityö, Terveyden edistäminen",
    ("Elinvoimatoimiala", "elinvoimatoimialan"): "Elinkeinopalvelut, Matkailupalvelut, "
    "Maankäyttö ja kaavoitus, Työllisyyspalvelut, Viestintä",
    ("Konsernipalvelut", "konsernipalvelujen"): "Talouspalvelut, Henkilöstöpalvelut, "
    "Tietohallinto, Hallintopalvelut",
}
PHASES = {"plan": "Talousarvio ", "interim": "Osavuosikatsaus 1.1.–31.8.", "outcome": "Tilinpäätös "}
GOAL_SUBJECTS = (
    "Asiakastyytyväisyys, Palvelujen saatavuus, Henkilöstön työhyvinvointi, Toiminnan "
    "kustannustehokkuus, Sähköinen asiointi, Asukkaiden osallisuus, Ympäristövastuullisuus, "
    "Palveluprosessien sujuvuus, Yhteistyö järjestöjen kanssa, Henkilöstön osaaminen, Tilojen "
    "käyttöaste, Viestinnän avoimuus, Ennaltaehkäisevä työ, Palvelujen laatu, Turvallisuus"
).split(", ")
GOAL_VERBS = "paranee, vahvistuu, säilyy hyvällä tasolla, kehittyy suunnitelmallisesti, lisääntyy"
GOAL_TAILS = ("", " koko toimialalla", " talousarvion puitteissa", " asiakaslähtöisesti",
              " yhteistyössä muiden toimialojen kanssa", " kaikissa yksiköissä")  # fmt: skip
MEASURES = (  # (measure, kind of value): more is better in each
    ("Asiakaskyselyn kokonaisarvosana (4–10)", "score"), ("Sähköisten hakemusten osuus", "pct"),
    ("Kouluttautuneiden osuus henkilöstöstä", "pct"), ("Kävijämäärä", "count"),
    ("Talousarvion toteutumisaste", "pct"), ("Koulutuspäivät henkilöä kohden", "num"),
    ("Määräajassa käsitellyt hakemukset", "pct"), ("Asiakaskäynnit vuodessa", "count"),
    ("Palautteisiin vastattu määräajassa", "pct"), ("Uusiutuvan energian osuus", "pct"),
    ("Toteutuneet kehittämishankkeet", "num"), ("Täyttöaste", "pct"),
)  # fmt: skip
MEASURE_TAILS = ("", " (koko toimiala)", " kaikissa yksiköissä", " vuositasolla", " seurantajaksolla")
VERDICTS = {
    "interim": {"g": "Toteutuu", "y": "Osittain", "r": "Ei toteudu"},  # "Toteutuu osittain": green
    "outcome": {"g": "Toteutui", "y": "Toteutui osittain", "r": "Ei toteutunut"},
}
LEGEND = {"g": ("00B050", "toteutunut"), "y": ("FFC000", "osittain toteutunut"),
          "r": ("FF0000", "ei toteutunut")}  # fmt: skip
PROSE = (
    ("Toimialan henkilöstö", "Lautakunta", "Kuntalaiset", "Palveluyksiköt", "Hankkeen työryhmä"),
    ("seurasi", "arvioi", "kehitti", "uudisti", "raportoi", "suunnitteli", "vahvisti"),
    ("palvelujen laatua", "talouden toteutumista", "asiakaspalautetta", "yhteistyön muotoja",
     "toimintamalleja", "henkilöstön osaamista", "tilojen käyttöä", "digitaalisia palveluja"),
    ("vuoden aikana", "kevätkaudella", "syksyn aikana", "suunnitelman mukaisesti",
     "aiempaa laajemmin", "yhdessä naapurikuntien kanssa", "osana strategian toimeenpanoa"),
)  # fmt: skip
FIXED = datetime(2024, 1, 1)


@dataclass
class Goal:
    text: str
    measures: list[tuple[str, str, str, str]]  # (measure, target, actual, rating g/y/r)


@dataclass
class Doc:
    name: str
    fmt: str  # pdf | docx | txt
    org: str
    year: int
    phase: str
    sector: tuple[str, str]
    areas: list[tuple[str, list[str], list[Goal]]] = field(default_factory=list)  # prose too
    balls: bool = False  # ratings as coloured ● (else verdict words)
    merged: bool = False  # goal cell merged over its measure rows (else left empty)
    long: bool = False

    @property
    def title(self) -> str:
        what = "toiminnalliset tavoitteet" if self.phase == "plan" else "tavoitteiden toteutuminen"
        return f"{self.org} – {PHASES[self.phase]}{self.year}: {self.sector[1]} {what}"

    def header(self, section: int) -> list[str]:
        """Every other table names the year over its targets: goaltables takes a table at the top
        of a page with the same header as the table ending the page before for its rest."""
        done = ["Toteuma", "Arvio"] if self.phase != "plan" else []
        return ["Tavoite", "Mittari", f"Tavoitetaso{f' {self.year}' * (section % 2)}", *done]


def number(value: float, kind: str) -> str:
    text = {"pct": f"{value:.0f} %", "score": f"{value / 10:.1f}", "count": f"{value * 37:,.0f}"}
    return text.get(kind, f"{value / 8:.1f}").replace(",", " ").replace(".", ",")


def make_goal(rng: random.Random, no: int, numbered: bool, phase: str) -> Goal:
    verb = rng.choice(GOAL_VERBS.split(", "))
    text = f"{rng.choice(GOAL_SUBJECTS)} {verb}{rng.choice(GOAL_TAILS)}."
    measures = []
    for m, (head, kind) in enumerate(rng.sample(MEASURES, rng.choice((1, 1, 2, 2, 3)))):
        target = rng.randint(60, 95)
        rating = rng.choices("gyr", (5, 3, 2))[0]
        actual = target + {"g": rng.randint(0, 5), "y": -rng.randint(2, 8), "r": -15}[rating]
        label = f"{no}.{m + 1} " if numbered else ""
        measures.append((f"{label}{head}{rng.choice(MEASURE_TAILS)}", number(target, kind),
                         "" if phase == "plan" else number(actual, kind), rating))  # fmt: skip
    return Goal(f"{no}. {text}" if numbered else text, measures)


def prose(rng: random.Random, paragraphs: int) -> list[str]:
    def sentence() -> str:
        return " ".join(rng.choice(words) for words in PROSE) + "."

    return [" ".join(sentence() for _ in range(rng.randint(6, 10))) for _ in range(paragraphs)]


def plan_corpus(count: int, seed: int) -> list[Doc]:
    """Every document's content, drawn from the seed: no two share organisation, year, phase
    and sector, so every title (and so every file's content) differs."""
    rng = random.Random(seed)
    combos = [(o, y, p, s) for o in ORGS for y in range(2015, 2026) for p in PHASES for s in SECTORS]
    n_pdf, n_docx = round(count * 0.45), round(count * 0.35)
    formats = ["pdf"] * n_pdf + ["docx"] * n_docx + ["txt"] * (count - n_pdf - n_docx)
    rng.shuffle(formats)
    pdfs = [i for i, f in enumerate(formats) if f == "pdf"]
    docxs = [i for i, f in enumerate(formats) if f == "docx"]
    long = set(rng.sample(pdfs, min(len(pdfs), count // 25)) + rng.sample(docxs, count // 100))
    docs = []
    for i, (org, year, phase, sector) in enumerate(rng.sample(combos, count)):
        r = random.Random(f"{seed}/{i}")
        slug = unicodedata.normalize("NFKD", org.split()[0]).encode("ascii", "ignore").decode()
        doc = Doc(f"{i + 1:03d}-{slug.lower()}-{year}-{phase}", formats[i], org, year, phase,
                  sector, balls=phase != "plan" and formats[i] != "txt" and r.random() < 0.5,
                  merged=r.random() < 0.5, long=i in long)  # fmt: skip
        names = SECTORS[sector].split(", ")
        numbered = r.random() < 0.7
        areas = r.sample(names, len(names) if doc.long else r.randint(1, 3))
        filler = r.randint(130, 230) // len(areas)  # paragraphs: about 10 a page
        for area in areas:
            text = prose(r, filler if doc.long else r.randint(0, 2))
            goals = [make_goal(r, g + 1, numbered, phase) for g in range(r.randint(3, 8))]
            doc.areas.append((area, text, goals))
        docs.append(doc)
    return docs


def write_docx(doc: Doc, path: Path) -> None:
    document = docx.Document()
    props = document.core_properties
    props.title, props.author, props.created, props.modified = doc.title, doc.org, FIXED, FIXED
    section = document.sections[0]  # A4, 2 cm margins: 17 cm for the table
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    document.styles["Normal"].font.size = Pt(10)
    document.styles["Title"].font.size = Pt(20)
    document.add_paragraph(doc.title, style="Title")
    document.add_heading(doc.sector[0], level=1)
    for section, (area, paragraphs, goals) in enumerate(doc.areas):
        document.add_heading(area, level=2)
        for text in paragraphs:
            document.add_paragraph(text)
        if doc.balls:
            legend = document.add_paragraph("Arvio: ")
            for colour, label in LEGEND.values():
                legend.add_run("●").font.color.rgb = RGBColor.from_string(colour)
                legend.add_run(f" {label}  ")
        header = doc.header(section)
        table = document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        if not (doc.balls and doc.merged):  # header repeated on each page (goaltables needs it
            table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # but for ●)
        for goal in goals:
            first = len(table.rows)
            for m, (measure, target, actual, rating) in enumerate(goal.measures):
                cells = table.add_row().cells
                values = [goal.text if m == 0 else "", measure, target]
                if doc.phase != "plan":
                    values += [actual, "" if doc.balls else VERDICTS[doc.phase][rating]]
                for cell, text in zip(cells, values, strict=True):
                    cell.text = text
                if doc.balls:
                    ball = cells[-1].paragraphs[0].add_run("●")
                    ball.font.color.rgb = RGBColor.from_string(LEGEND[rating][0])
            if doc.merged and len(table.rows) - first > 1:
                table.cell(first, 0).merge(table.cell(len(table.rows) - 1, 0))
        widths = (4.7, 4.5, 3.0, 2.2, 2.6) if doc.phase != "plan" else (6.5, 6.5, 4.0)
        for column, width in zip(table.columns, widths, strict=True):  # a narrow column breaks
            column.width = Cm(width)  # words where no reader can mend them
            for cell in column.cells:
                cell.width = Cm(width)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():  # fixed time stamps: the same bytes on every run
            out.writestr(zipfile.ZipInfo(info.filename, (2024, 1, 1, 0, 0, 0)), src.read(info))


def write_text(doc: Doc, path: Path) -> None:
    """Seed 001's layout: the first column holds the areas, its header names the sector."""
    lines = [doc.title, "", "\t".join([doc.sector[0], *doc.header(0)])]
    for area, _, goals in doc.areas:
        for g, goal in enumerate(goals):
            for m, (measure, target, actual, rating) in enumerate(goal.measures):
                row = [area if g == m == 0 else "", goal.text if m == 0 else "", measure, target]
                if doc.phase != "plan":
                    row += [actual, VERDICTS[doc.phase][rating]]
                lines.append("\t".join(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def to_pdf(sources: list[Path], outdir: Path, profile: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("make_batch_corpus: needs LibreOffice's soffice on PATH (make libreoffice)")
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, sources)]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=1800)


def manifest(count: int, seed: int, docs: list[Doc]) -> dict[str, object]:
    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    names = sorted(f"{d.name}.{d.fmt}" for d in docs)
    return {"count": count, "seed": seed, "generator": source, "files": names}


def page_count(path: Path) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def summary(docs: list[Doc], pages: int) -> str:
    per = {f: sum(d.fmt == f for d in docs) for f in ("pdf", "docx", "txt")}
    return f"{len(docs)} documents: " + ", ".join(f"{n} {f}" for f, n in per.items()) + (
        f"; {pages} PDF pages, {sum(d.long for d in docs)} long reports")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    outdir: Path = args.outdir.resolve()
    docs = plan_corpus(args.count, args.seed)
    expected = manifest(args.count, args.seed, docs)
    record = outdir / "corpus.json"
    if record.is_file():
        old = json.loads(record.read_text(encoding="utf-8"))
        present = sorted(p.name for p in outdir.iterdir() if p != record)
        if {k: old.get(k) for k in expected} == expected and present == expected["files"]:
            print(f"{outdir}: up to date ({summary(docs, old.get('pdf_pages', 0))})")
            return
    elif outdir.exists() and any(outdir.iterdir()):
        sys.exit(f"make_batch_corpus: {outdir} holds other files; name a new or empty folder")
    outdir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".corpus-", dir=outdir.parent) as tmp:
        work, build = Path(tmp) / "docx", Path(tmp) / "corpus"
        work.mkdir()
        build.mkdir()
        sources = []
        for doc in docs:
            if doc.fmt == "txt":
                write_text(doc, build / f"{doc.name}.txt")
            elif doc.fmt == "docx":
                write_docx(doc, build / f"{doc.name}.docx")
            else:
                sources.append(work / f"{doc.name}.docx")
                write_docx(doc, sources[-1])
        if sources:
            to_pdf(sources, build, Path(tmp) / "profile")
        pdfs = [build / f"{d.name}.pdf" for d in docs if d.fmt == "pdf"]
        if missing := [p.name for p in pdfs if not p.is_file()]:
            sys.exit(f"make_batch_corpus: LibreOffice made no {', '.join(missing[:5])}")
        pages = sum(map(page_count, pdfs))
        text = json.dumps({**expected, "pdf_pages": pages}, ensure_ascii=False, indent=1)
        (build / "corpus.json").write_text(text + "\n", encoding="utf-8")
        if outdir.exists():
            shutil.rmtree(outdir)
        build.rename(outdir)
    print(f"{outdir}: {summary(docs, pages)}")


if __name__ == "__main__":
    main()
