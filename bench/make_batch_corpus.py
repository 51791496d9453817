"""Make a corpus of many distinct invented goal-table reports for the batch benchmark.

`python bench/make_batch_corpus.py OUTDIR [--count 200] [--seed 1]` writes COUNT documents, 45 %
PDF, 35 % DOCX and 20 % tab-separated UTF-8 text, each with its own content (goaltables skips a
file whose content hash it has seen): a Finnish municipality, a year 2015-2025, a phase
(talousarvio / osavuosikatsaus / tilinpäätös) and a sector, no two documents alike; 1-3 areas,
each a heading over a ruled goal table (Tavoite | Mittari | Tavoitetaso | Toteuma | Arvio, plans
without the last two) of 3-8 goals with 1-3 measures, composed from word lists; ratings as
verdict words or as coloured ● under a legend; goal cells merged over their measures or left
empty. Most documents are 1-4 pages; one in twenty is a long report (15-30 pages of prose and
tables). python-docx writes the DOCX; the PDFs are such DOCX converted by ONE LibreOffice run
(each start of soffice costs seconds). Text files follow seed 001: one table whose first column
holds the areas under a header naming the sector, merged cells left empty.

Layouts chosen so that goaltables reads every document (each is a finding about goaltables):
"Toteuma", not "Toteutuma" (no column role: the column was taken for the areas); interim
"Osittain", not "Toteutuu osittain" (read green); in Word a legend entry per paragraph (a
one-line legend is one entry: green read yellow); in text files no area headings between
tables (read as goals). In PDFs: header rows repeated on each page (a continuation page without
a header or enough ● is skipped); every other table has the year over its targets (a table
atop a page with the previous page's header is read as that table's rest); goals numbered (an
unnumbered first row after a page break is glued to the row before); rows not split and kept
with the rest of their goal and with the header (split rows and merged cells across a page
break, and a lone row before a break, are misread); a running header with the phase and sector
(repeated table headers were taken for it); in long reports the area again above its table.

Deterministic for a seed, byte for byte (the time LibreOffice stamps into a PDF is overwritten).
OUTDIR/corpus.json lists what was made: when it and the folder match, the run says "up to date"
and stops, so `make bench` can call this every time. Needs python-docx, pypdfium2 and soffice.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import re
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


def words(text: str) -> list[str]:
    return text.split(", ")


ORGS = words(
    "Alavuden kaupunki, Kuortaneen kunta, Ähtärin kaupunki, Lapuan kaupunki, Kauhavan kaupunki, "
    "Seinäjoen kaupunki, Ilmajoen kunta, Kurikan kaupunki, Alajärven kaupunki, Soinin kunta, "
    "Vimpelin kunta, Lappajärven kunta, Evijärven kunta, Isojoen kunta, Karijoen kunta, "
    "Teuvan kunta, Kauhajoen kaupunki, Virtain kaupunki, Ruoveden kunta, Keuruun kaupunki, "
    "Multian kunta, Saarijärven kaupunki, Karstulan kunta, Kyyjärven kunta, Perhon kunta, "
    "Vetelin kunta, Halsuan kunta, Kinnulan kunta, Pihtiputaan kunta, Viitasaaren kaupunki"
)
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
PHASES = {
    "plan": "Talousarvio ",
    "interim": "Osavuosikatsaus 1.1.–31.8.",
    "outcome": "Tilinpäätös ",
}
GOAL_SUBJECTS = words(
    "Asiakastyytyväisyys, Palvelujen saatavuus, Henkilöstön työhyvinvointi, Toiminnan "
    "kustannustehokkuus, Sähköinen asiointi, Asukkaiden osallisuus, Ympäristövastuullisuus, "
    "Palveluprosessien sujuvuus, Yhteistyö järjestöjen kanssa, Henkilöstön osaaminen, Tilojen "
    "käyttöaste, Viestinnän avoimuus, Ennaltaehkäisevä työ, Palvelujen laatu, Turvallisuus"
)
GOAL_VERBS = words(
    "paranee, vahvistuu, säilyy hyvällä tasolla, kehittyy suunnitelmallisesti, lisääntyy"
)
GOAL_TAILS = words(
    ", koko toimialalla, talousarvion puitteissa, asiakaslähtöisesti, "
    "yhteistyössä muiden toimialojen kanssa, kaikissa yksiköissä"
)
MEASURES = {  # measure: kind of value (more is better in each)
    "Asiakaskyselyn kokonaisarvosana (4–10)": "score", "Sähköisten hakemusten osuus": "pct",
    "Kouluttautuneiden osuus henkilöstöstä": "pct", "Kävijämäärä": "count",
    "Talousarvion toteutumisaste": "pct", "Koulutuspäivät henkilöä kohden": "num",
    "Määräajassa käsitellyt hakemukset": "pct", "Asiakaskäynnit vuodessa": "count",
    "Palautteisiin vastattu määräajassa": "pct", "Uusiutuvan energian osuus": "pct",
    "Toteutuneet kehittämishankkeet": "num", "Täyttöaste": "pct",
}  # fmt: skip
MEASURE_TAILS = words(", (koko toimiala), kaikissa yksiköissä, vuositasolla, seurantajaksolla")
VERDICTS = {
    "interim": {"g": "Toteutuu", "y": "Osittain", "r": "Ei toteudu"},
    "outcome": {"g": "Toteutui", "y": "Toteutui osittain", "r": "Ei toteutunut"},
}
LEGEND = {"g": ("00B050", "toteutunut"), "y": ("FFC000", "osittain toteutunut"),
          "r": ("FF0000", "ei toteutunut")}  # fmt: skip
PROSE = [
    words("Toimialan henkilöstö, Lautakunta, Kuntalaiset, Palveluyksiköt, Hankkeen työryhmä"),
    words("seurasi, arvioi, kehitti, uudisti, raportoi, suunnitteli, vahvisti"),
    words("palvelujen laatua, talouden toteutumista, asiakaspalautetta, yhteistyön muotoja, "
          "toimintamalleja, henkilöstön osaamista, tilojen käyttöä, digitaalisia palveluja"),
    words("vuoden aikana, kevätkaudella, syksyn aikana, suunnitelman mukaisesti, aiempaa "
          "laajemmin, yhdessä naapurikuntien kanssa, osana strategian toimeenpanoa"),
]  # fmt: skip
FIXED = datetime(2024, 1, 1)
STAMPS = re.compile(rb"D:\d{14}|(?<=<)[0-9A-F]{32}(?=>)|(?<=/DocChecksum /)[0-9A-F]{32}")


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
    areas: list[tuple[str, list[str], list[Goal]]] = field(default_factory=list)  # with prose
    balls: bool = False  # ratings as coloured ● (else verdict words)
    merged: bool = False  # goal cell merged over its measure rows (else left empty)
    long: bool = False

    @property
    def title(self) -> str:
        what = "toiminnalliset tavoitteet" if self.phase == "plan" else "tavoitteiden toteutuminen"
        return f"{self.org} – {PHASES[self.phase]}{self.year}: {self.sector[1]} {what}"

    def header(self, section: int) -> list[str]:
        done = ["Toteuma", "Arvio"] if self.phase != "plan" else []
        return ["Tavoite", "Mittari", "Tavoitetaso" + f" {self.year}" * (section % 2), *done]


def number(value: float, kind: str) -> str:
    text = {"pct": f"{value:.0f} %", "score": f"{value / 10:.1f}", "count": f"{value * 37:,.0f}"}
    return text.get(kind, f"{value / 8:.1f}").replace(",", " ").replace(".", ",")


def make_goal(rng: random.Random, no: int, numbered: bool, phase: str) -> Goal:
    text = f"{rng.choice(GOAL_SUBJECTS)} {rng.choice(GOAL_VERBS)} {rng.choice(GOAL_TAILS)}"
    measures = []
    for m, head in enumerate(rng.sample(sorted(MEASURES), rng.choice((1, 1, 2, 2, 3)))):
        target, rating = rng.randint(60, 95), rng.choices("gyr", (5, 3, 2))[0]
        actual = target + {"g": rng.randint(0, 5), "y": -rng.randint(2, 8), "r": -15}[rating]
        label = f"{no}.{m + 1} " * numbered + f"{head} {rng.choice(MEASURE_TAILS)}"
        kind = MEASURES[head]
        done = "" if phase == "plan" else number(actual, kind)
        measures.append((label.strip(), number(target, kind), done, rating))
    return Goal(f"{no}. " * numbered + text.strip() + ".", measures)


def prose(rng: random.Random, paragraphs: int) -> list[str]:
    def sentence() -> str:
        return " ".join(rng.choice(choices) for choices in PROSE) + "."

    return [" ".join(sentence() for _ in range(rng.randint(6, 10))) for _ in range(paragraphs)]


def plan_corpus(count: int, seed: int) -> list[Doc]:
    """Every document's content, drawn from the seed: no two share organisation, year, phase
    and sector, so every title (and so every file's content) differs."""
    rng = random.Random(seed)
    combos = [
        (o, y, p, s) for o in ORGS for y in range(2015, 2026) for p in PHASES for s in SECTORS
    ]
    n_pdf, n_docx = round(count * 0.45), round(count * 0.35)
    formats = ["pdf"] * n_pdf + ["docx"] * n_docx + ["txt"] * (count - n_pdf - n_docx)
    rng.shuffle(formats)
    pdfs, docxs = ([i for i, f in enumerate(formats) if f == x] for x in ("pdf", "docx"))
    long = set(rng.sample(pdfs, min(len(pdfs), count // 25)) + rng.sample(docxs, count // 100))
    docs = []
    for i, (org, year, phase, sector) in enumerate(rng.sample(combos, count)):
        r, fmt = random.Random(f"{seed}/{i}"), formats[i]
        slug = unicodedata.normalize("NFKD", org.split()[0]).encode("ascii", "ignore").decode()
        balls = phase != "plan" and fmt != "txt" and r.random() < 0.5
        doc = Doc(f"{i + 1:03d}-{slug.lower()}-{year}-{phase}", fmt, org, year, phase, sector,
                  balls=balls, merged=r.random() < 0.5, long=i in long)  # fmt: skip
        names, numbered = words(SECTORS[sector]), fmt == "pdf" or r.random() < 0.7
        areas = r.sample(names, len(names) if doc.long else r.randint(1, 3))
        filler = r.randint(100, 170) // len(areas)  # paragraphs, about 10 a page
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
    page = document.sections[0]  # A4, 2 cm margins: 17 cm for the table
    page.page_width, page.page_height = Cm(21), Cm(29.7)
    page.left_margin = page.right_margin = Cm(2)
    running = f"{doc.org} – {PHASES[doc.phase]}{doc.year} – {doc.sector[0]}"
    page.header.paragraphs[0].add_run(running).font.size = Pt(8)
    document.styles["Normal"].font.size = Pt(10)
    document.styles["Title"].font.size = Pt(20)
    document.add_paragraph(doc.title, style="Title")
    document.add_heading(doc.sector[0], level=1)
    for number, (area, paragraphs, goals) in enumerate(doc.areas):
        document.add_heading(area, level=2)
        for text in paragraphs:
            document.add_paragraph(text)
        if doc.long:
            what = "tavoitteet" if doc.phase == "plan" else "tavoitteiden toteutuminen"
            document.add_heading(f"{area}: {what}", level=3)
        if doc.balls:
            legend = document.add_paragraph("Arvio: ")
            for colour, label in LEGEND.values():
                legend = document.add_paragraph() if doc.fmt == "docx" else legend
                legend.add_run("●").font.color.rgb = RGBColor.from_string(colour)
                legend.add_run(f" {label}  ")
        header = doc.header(number)
        table = document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
            cell.paragraphs[0].paragraph_format.keep_with_next = True
        for goal in goals:
            first = len(table.rows)
            for m, (measure, target, actual, rating) in enumerate(goal.measures):
                row = table.add_row()
                row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
                values = [goal.text if m == 0 else "", measure, target]
                if doc.phase != "plan":
                    values += [actual, "" if doc.balls else VERDICTS[doc.phase][rating]]
                keep = m < len(goal.measures) - 1 or len(table.rows) == 2
                for cell, text in zip(row.cells, values, strict=True):
                    cell.text = text
                    cell.paragraphs[0].paragraph_format.keep_with_next = keep
                if doc.balls:
                    ball = row.cells[-1].paragraphs[0].add_run("●")
                    ball.font.color.rgb = RGBColor.from_string(LEGEND[rating][0])
            if doc.merged and len(table.rows) - first > 1:
                table.cell(first, 0).merge(table.cell(len(table.rows) - 1, 0))
        widths = (4.7, 4.5, 3.0, 2.2, 2.6) if doc.phase != "plan" else (6.5, 6.5, 4.0)
        for column, width in zip(table.columns, widths, strict=True):  # too narrow a column
            column.width = Cm(width)  # breaks words where no reader can mend them
            for cell in column.cells:
                cell.width = Cm(width)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():  # fixed time stamps: the same bytes on every run
            member = zipfile.ZipInfo(info.filename, (2024, 1, 1, 0, 0, 0))
            out.writestr(member, src.read(info), zipfile.ZIP_DEFLATED)


def write_text(doc: Doc, path: Path) -> None:
    lines = [doc.title, "", "\t".join([doc.sector[0], *doc.header(0)])]
    for area, _, goals in doc.areas:
        for g, goal in enumerate(goals):
            for m, (measure, target, actual, rating) in enumerate(goal.measures):
                row = [area if g == m == 0 else "", goal.text if m == 0 else "", measure, target]
                if doc.phase != "plan":
                    row += [actual, VERDICTS[doc.phase][rating]]
                lines.append("\t".join(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def to_pdf(sources: list[Path], outdir: Path, profile: Path) -> list[Path]:
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("make_batch_corpus: needs LibreOffice's soffice on PATH (make libreoffice)")
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, sources)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    pdfs = [outdir / f"{source.stem}.pdf" for source in sources]
    if missing := [p.name for p in pdfs if not p.is_file()]:
        sys.exit(f"make_batch_corpus: soffice made no {missing[0]}: {done.stderr.strip()[-300:]}")
    for pdf in pdfs:
        pdf.write_bytes(unstamped(pdf.read_bytes()))
    return pdfs


def unstamped(pdf: bytes) -> bytes:
    """The PDF with a fixed date, /ID and checksum: same-length values keep its offsets valid."""
    digest = hashlib.md5(STAMPS.sub(b"", pdf)).hexdigest().upper().encode()
    return STAMPS.sub(lambda m: b"D:20240101000000" if m[0][:2] == b"D:" else digest, pdf)


def summary(docs: list[Doc], pages: int) -> str:
    per = ", ".join(f"{sum(d.fmt == f for d in docs)} {f}" for f in ("pdf", "docx", "txt"))
    long = sum(d.long for d in docs)
    return f"{len(docs)} documents: {per}; {pages} PDF pages ({long} long reports)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    outdir: Path = args.outdir.resolve()
    docs = plan_corpus(args.count, args.seed)
    expected = {
        "count": args.count,
        "seed": args.seed,
        "generator": hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12],
        "files": sorted(f"{d.name}.{d.fmt}" for d in docs),
    }
    record = outdir / "corpus.json"
    if record.is_file():
        old = json.loads(record.read_text(encoding="utf-8"))
        present = sorted(p.name for p in outdir.iterdir() if p != record)
        if {k: old.get(k) for k in expected} == expected and present == expected["files"]:
            print(f"{outdir}: up to date, {summary(docs, old.get('pdf_pages', 0))}")
            return
    elif outdir.exists() and any(outdir.iterdir()):
        sys.exit(f"make_batch_corpus: {outdir} holds other files; name a new or empty folder")
    outdir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".corpus-", dir=outdir.parent) as tmp:
        work, build = Path(tmp) / "docx", Path(tmp) / "corpus"  # built aside, then moved in
        work.mkdir()
        build.mkdir()
        sources = []
        for doc in docs:
            if doc.fmt == "txt":
                write_text(doc, build / f"{doc.name}.txt")
            else:
                path = (work if doc.fmt == "pdf" else build) / f"{doc.name}.docx"
                write_docx(doc, path)
                sources += [path] * (doc.fmt == "pdf")
        pdfs = to_pdf(sources, build, Path(tmp) / "profile") if sources else []
        pages = sum(len(pdfium.PdfDocument(pdf)) for pdf in pdfs)
        text = json.dumps({**expected, "pdf_pages": pages}, ensure_ascii=False, indent=1)
        (build / "corpus.json").write_text(text + "\n", encoding="utf-8")
        if outdir.exists():
            shutil.rmtree(outdir)
        build.rename(outdir)
    print(f"{outdir}: {summary(docs, pages)}")


if __name__ == "__main__":
    main()
