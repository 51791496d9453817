"""Word documents: the corpus's DOCX sources read like their PDFs, and bad Word files fail alone."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from goaltables.errors import DamagedFile, EncryptedFile, NoGoalTable
from goaltables.extract import extract
from tests.golden_samples import SAMPLES
from tests.truth import compare

DOCX_SAMPLES = sorted(p.stem for p in (SAMPLES / "pdf").glob("*.docx"))


@pytest.mark.parametrize("name", DOCX_SAMPLES)
def test_docx_source_reads_as_its_pdf(name: str) -> None:
    """The same report gives the same records as .docx as it does as .pdf (pages aside)."""
    result = compare(
        SAMPLES / "pdf" / f"{name}.docx", SAMPLES / "pdf" / "truth" / f"{name}.csv", ("page",)
    )
    assert (result.read_rows, result.matched_rows) == (result.truth_rows, result.truth_rows)
    assert result.wrong == {}


def test_docx_rows_have_no_page() -> None:
    records = extract(SAMPLES / "pdf" / "2022-plan-ruled-merged-cells.docx").records
    assert {r.source.page for r in records} == {None}


def _docx_bytes(document_xml: str | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """A real .docx from python-docx, its document.xml replaced when asked."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        replaced = dict(extra or {})
        if document_xml is not None:
            replaced["word/document.xml"] = document_xml.encode("utf-8")
        for item in source.infolist():
            target.writestr(item, replaced.pop(item.filename, source.read(item.filename)))
        for name, data in replaced.items():
            target.writestr(name, data)
    return out.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_an_empty_document(tmp_path: Path) -> None:
    with pytest.raises(NoGoalTable, match=r"^tyhja\.docx: no goal table found$"):
        extract(_write(tmp_path, "tyhja.docx", _docx_bytes()), "tyhja.docx")


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    bomb = _docx_bytes(extra={"word/media/zeros.bin": bytes(30_000_000)})
    with pytest.raises(
        DamagedFile, match=r"^pommi\.docx: refused: would unpack to 30 MB .*zip bomb"
    ):
        extract(_write(tmp_path, "pommi.docx", bomb), "pommi.docx")


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _p(*runs: str, number: tuple[int, int] | None = None) -> str:
    """A paragraph of runs; `number` = (list id, level) makes it an automatically numbered one."""
    props = ""
    if number:
        level, list_id = f'<w:ilvl w:val="{number[1]}"/>', f'<w:numId w:val="{number[0]}"/>'
        props = f"<w:pPr><w:numPr>{level}{list_id}</w:numPr></w:pPr>"
    return f"<w:p>{props}{''.join(runs)}</w:p>"


def _r(text: str, props: str = "") -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _table(*rows: list[str]) -> str:
    cells = ("".join(f"<w:tc>{cell}</w:tc>" for cell in row) for row in rows)
    return "<w:tbl>" + "".join(f"<w:tr>{row}</w:tr>" for row in cells) + "</w:tbl>"


def _document(body: str, doctype: str = "") -> str:
    return f'<?xml version="1.0"?>{doctype}<w:document {W}><w:body>{body}</w:body></w:document>'


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SALAINEN-ARVO", encoding="utf-8")
    doctype = f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
    body = _table(
        [_p(_r("Tavoite")), _p(_r("Mittari"))], [_p(_r("1. Tavoite &x;")), _p(_r("1. Mittari"))]
    )
    path = _write(tmp_path, "xxe.docx", _docx_bytes(_document(body, doctype)))
    try:
        records = extract(path, "xxe.docx").records
    except DamagedFile as error:  # refusing the file is as good as not resolving
        assert "SALAINEN" not in str(error)
        return
    assert all("SALAINEN" not in r.goal for r in records)


def test_a_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    with pytest.raises(DamagedFile, match=r"^rikki\.docx: a damaged zip file"):
        extract(_write(tmp_path, "rikki.docx", b"PK\x03\x04" + bytes(200)), "rikki.docx")


def test_an_extension_that_lies_is_read_by_content(tmp_path: Path, seed_001: Path) -> None:
    """A tab-separated text export saved as .docx is read as what it is."""
    path = _write(tmp_path, "valehtelee.docx", seed_001.read_bytes())
    extraction = extract(path, "valehtelee.docx")
    assert (extraction.document.format, len(extraction.records)) == ("text/tab-separated", 9)


def test_a_password_protected_office_file() -> None:
    """A real encrypted .docx (tests/data/make_bad_office.py): an OLE file, not a zip."""
    encrypted = Path(__file__).parent / "data" / "bad-office" / "encrypted.docx"
    with pytest.raises(
        EncryptedFile, match=r"^salattu\.docx: a password-protected Office document"
    ):
        extract(encrypted, "salattu.docx")


NUMBERING = (
    f"<w:numbering {W}>"
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1.%2"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)


def test_docx_numbering_tracked_changes_and_symbols(tmp_path: Path) -> None:
    """Word's automatic numbers printed; insertions kept, deletions dropped; Wingdings ● read."""
    inserted = "<w:ins>" + _r("kasvavat") + "</w:ins>"
    deleted = '<w:del><w:r><w:delText xml:space="preserve"> vähenevät</w:delText></w:r></w:del>'
    green_ball = _r("l", '<w:rPr><w:rFonts w:ascii="Wingdings"/><w:color w:val="00B050"/></w:rPr>')
    body = _table(
        [_p(_r("Tavoite")), _p(_r("Mittari")), _p(_r("Arvio"))],
        [
            _p(_r("Kirjasto uudistuu"), number=(7, 0)),
            _p(_r("Käynnit "), inserted, deleted, number=(7, 1)),
            _p(green_ball),
        ],
        ["<w:p/>", _p(_r("Lainaus"), number=(7, 1)), "<w:p/>"],
    )
    # python-docx's template has a numbering part already: ours replaces it.
    data = _docx_bytes(_document(body), {"word/numbering.xml": NUMBERING.encode()})
    records = extract(_write(tmp_path, "numerot.docx", data), "numerot.docx").records
    rows = [
        (r.goal_no, r.goal, r.measure_no, r.measure, r.rating.raw, r.rating.status) for r in records
    ]
    assert rows == [
        ("1", "Kirjasto uudistuu", "1.1", "Käynnit kasvavat", "● #00B050", "green"),
        ("1", "Kirjasto uudistuu", "1.2", "Lainaus", "", ""),
    ]


def _coloured_ball(paragraph: docx.text.paragraph.Paragraph, colour: str) -> None:
    from docx.shared import RGBColor

    paragraph.add_run("●").font.color.rgb = RGBColor.from_string(colour)


def test_a_legend_of_three_balls_on_one_line(tmp_path: Path) -> None:
    """'● toteutunut ● osittain toteutunut ● ei toteutunut' in one paragraph: three entries,
    each with its own ball's colour (found by the batch benchmark's generated corpus)."""
    document = docx.Document()
    document.add_paragraph("Tilinpäätös 2023: tavoitteiden toteutuminen")
    legend = document.add_paragraph()
    for colour, words in (
        ("00B050", "toteutunut"),
        ("FFC000", "osittain toteutunut"),
        ("FF0000", "ei toteutunut"),
    ):
        _coloured_ball(legend, colour)
        legend.add_run(f" {words} ")
    table = document.add_table(rows=4, cols=3)
    for cells, texts in zip(
        table.rows,
        [
            ("Tavoite", "Mittari", "Arvio"),
            ("1. Kirjasto", "Lainat", ""),
            ("2. Liikunta", "Kävijät", ""),
            ("3. Nuoriso", "Kävijät", ""),
        ],
        strict=True,
    ):
        for cell, text in zip(cells.cells, texts, strict=True):
            cell.text = text
    for row, colour in zip(table.rows[1:], ("00B050", "FFC000", "FF0000"), strict=True):
        _coloured_ball(row.cells[2].paragraphs[0], colour)
    path = tmp_path / "legend.docx"
    document.save(str(path))
    records = extract(path).records
    assert [r.rating.status for r in records] == ["green", "yellow", "red"]
    assert [r.rating.label for r in records] == [
        "toteutunut",
        "osittain toteutunut",
        "ei toteutunut",
    ]
