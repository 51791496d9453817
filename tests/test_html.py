"""Web pages: the Chromium sample's HTML source reads like its PDF; spans, <p> and <br> in cells."""

from __future__ import annotations

from pathlib import Path

from goaltables.extract import extract
from tests.golden_samples import SAMPLES
from tests.truth import compare

HTML_SAMPLE = SAMPLES / "pdf" / "2023-interim-html-borderless-svg-circles.html"


def test_the_html_source_reads_as_its_pdf() -> None:
    truth = SAMPLES / "pdf" / "truth" / "2023-interim-html-borderless-svg-circles.csv"
    result = compare(HTML_SAMPLE, truth, ("page",))
    assert (result.read_rows, result.matched_rows, result.wrong) == (9, 9, {})


def test_spans_paragraphs_breaks_and_css_dots(tmp_path: Path) -> None:
    page = tmp_path / "sivu.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Kulttuuripalvelut – osavuosikatsaus 2024</title></head>"
        "<body><h2>Kirjasto</h2><table>"
        "<tr><th>Tavoite</th><th>Mittari</th><th>Toteutuminen</th><th>Arvio</th></tr>"
        '<tr><td rowspan="2"><p>1. Lukutaito</p><p>vahvistuu.</p></td><td>1.1 Lainat</td>'
        '<td>Kasvoi<br>5 %</td><td><span class="dot" style="background:#0b5"></span></td></tr>'
        '<tr><td colspan="2">1.2 Tapahtumat &amp; näyttelyt</td>'
        '<td bgcolor="#FF0000"></td></tr>'
        "</table></body></html>",
        encoding="utf-8",
    )
    extraction = extract(page)
    rows = [
        (
            r.area,
            r.goal_no,
            r.goal,
            r.measure_no,
            r.measure,
            r.progress,
            r.rating.raw,
            r.rating.status,
        )
        for r in extraction.records
    ]
    assert rows == [
        (
            "Kirjasto",
            "1",
            "Lukutaito vahvistuu.",
            "1.1",
            "Lainat",
            "Kasvoi 5 %",
            "● #00BB55",
            "green",
        ),
        (
            "Kirjasto",
            "1",
            "Lukutaito vahvistuu.",
            "1.2",
            "Tapahtumat & näyttelyt",
            "",
            "fill #FF0000",
            "red",
        ),
    ]
    assert (extraction.document.year, extraction.document.phase) == (2024, "interim")


def test_a_web_page_is_known_by_its_content(tmp_path: Path) -> None:
    saved = tmp_path / "raportti.txt"
    saved.write_bytes(HTML_SAMPLE.read_bytes())
    assert extract(saved).document.format == "html"
