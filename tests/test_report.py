"""`goaltables report`: one self-contained page, rendered in headless Chromium and checked in
its DOM after the page's script has run, at a desktop's and a phone's width; screenshots are
saved for a person to look at."""

from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import get_args

import lxml.html
import pandas as pd
import pytest
from click.testing import CliRunner

from goaltables.cli import main
from goaltables.errors import UsageError
from goaltables.export.report import documents_language, printed_rating, write_report
from goaltables.export.report_text import (
    LIGHTS,
    ReportSettings,
    counted,
    languages,
    strings,
)
from goaltables.records import Phase
from tests.browser import browser, framed, screenshot
from tests.golden_samples import SAMPLES, SERIES

FINNISH_LABELS = ["2022 talousarvio", "2022 tilinpäätös", "2023 talousarvio", "2023 tilinpäätös"]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    runner = CliRunner()
    result = runner.invoke(main, ["run", *map(str, SERIES), "-o", str(folder / "out")])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(main, ["report", str(folder / "out"), "-o", str(folder / "report.html")])
    assert result.exit_code == 0, result.stderr
    return folder / "report.html"


def _dom(page: Path, fragment: str = "") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(browser("--dump-dom", f"{page.as_uri()}#{fragment}"))


def _shown(dom: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return dom.xpath('//tr[contains(@class, "goal-row")][not(@hidden)]')


def _goals(page: Path) -> pd.DataFrame:
    return pd.read_csv(page.parent / "out" / "goals.csv", dtype=str, keep_default_na=False)


def test_the_page_needs_no_network(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    tree = lxml.html.fromstring(text)
    assert tree.xpath("//script[@src] | //link[@href] | //img[@src] | //iframe") == []
    assert "http://" not in text and "https://" not in text


def test_every_goal_has_a_row_per_sector_and_area(page: Path) -> None:
    dom = _dom(page)
    rows = _shown(dom)
    assert len(rows) == _goals(page)["goal_id"].nunique() == 17
    assert dom.xpath('string(//*[@id="shown"])') == "17 tavoitetta näkyvissä"
    assert [h.text_content() for h in dom.xpath("//section[@class='organisation']/h2")] == [
        "Järvelän kaupunki"
    ]
    assert [h.text_content() for h in dom.xpath("//section[@class='sector']/h3")] == [
        "Sivistystoimiala"
    ]
    areas = [h.text_content() for h in dom.xpath("//div[@class='area']/h4")]
    # The renamed area holds the goals that continued into it and the goal that moved there.
    assert areas == [
        "Sivistystoimen hallinto",
        "Varhaiskasvatus",
        "Perusopetus",
        "Lukiokoulutus",
        "Vapaa-aika- ja hyvinvointipalvelut",
    ]
    header = [th.text_content() for th in dom.xpath("(//table)[1]/thead/tr/th")]
    assert header == ["Tavoite", *FINNISH_LABELS]
    # The goal that ended after 2022: rated red in the 2022 outcome, absent (striped) later.
    ended = next(r for r in rows if "Etä- ja hybridiopetuksen" in r.text_content())
    cells = [td.get("class") for td in ended.xpath("td")[1:]]
    assert cells == ["cell none", "cell red", "cell absent", "cell absent"]
    # A ball was printed, not the digit 0 of the document's 0-2 scale: the light, no number.
    assert ended.xpath("td")[2].text_content() == "■ei toteutunut"


def _expected(page: Path, fragment: str) -> set[str]:
    """The goals a filter should leave, from the CSV tables, not from the page's attributes."""
    out = page.parent / "out"
    comparison = pd.read_csv(out / "comparison.csv", dtype=str, keep_default_na=False)
    if fragment == "status=red":  # the status in the last document the goal is in
        latest = [row[f"{row['last_seen']} status"] for _, row in comparison.iterrows()]
        return set(comparison["goal_id"][[status == "red" for status in latest]])
    if fragment == "area=Perusopetus":  # the area the latest document gives the goal
        return set(comparison["goal_id"][comparison["area"] == "Perusopetus"])
    goals = _goals(page)  # words: in the goal's text in any document
    return set(goals["goal_id"][goals["goal"].str.casefold().str.contains("henkilöstön")])


@pytest.mark.parametrize("fragment", ["status=red", "area=Perusopetus", "q=henkilöstön"])
def test_filters_from_the_address(page: Path, fragment: str) -> None:
    shown = {r.get("data-goal") for r in _shown(_dom(page, fragment))}
    wanted = _expected(page, fragment)
    assert 0 < len(wanted) < 17
    assert shown == wanted


def test_a_goal_opens_to_its_versions_with_changes_and_sources(page: Path) -> None:
    goals = _goals(page)
    reworded = goals[goals["goal"].str.startswith("Kolmiportaisen tuen")]["goal_id"].iloc[0]
    dom = _dom(page, f"open={reworded}")
    history = dom.xpath(f'//tr[@class="history"][@data-goal="{reworded}"]')[0]
    assert history.get("hidden") is None
    labels = [b.text_content() for b in history.xpath(".//div[@class='label']/b")]
    assert labels == FINNISH_LABELS
    where = [s.text_content() for s in history.xpath(".//a[@class='where']")]
    assert where[0].endswith("samples/pdf/2022-plan-ruled-merged-cells.pdf, sivu 1")
    inserted = " ".join(i.text_content() for i in history.xpath(".//ins"))
    deleted = " ".join(d.text_content() for d in history.xpath(".//del"))
    assert (inserted, deleted) == ("Kolmiportaisen", "Oppimisen")  # the one word reworded
    assert "Kolmiportaisen tuen vahvistaminen" in history.xpath(
        "string((.//div[@class='version'])[3]/p)"
    )
    closed = dom.xpath('//tr[@class="history"][@hidden]')
    assert len(closed) == 16


@pytest.mark.parametrize("width", [1280, 400])
def test_a_screenshot_to_look_at(page: Path, tmp_path: Path, width: int) -> None:
    shot = tmp_path / f"report-{width}.png"
    screenshot(page, width, 1000, shot)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    assert int.from_bytes(data[16:20], "big") == width  # the PNG's width
    print(f"screenshot: {shot}")


def test_report_of_a_folder_without_a_dataset_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(tmp_path), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "no goals.parquet; make the dataset with `goaltables run`" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_two_organisations_are_apart_and_filtered(
    tmp_path: Path, seed_000: Path, seed_001: Path
) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        f"path,organisation,year,phase\n{seed_000.name},Alajärven kaupunki,2021,outcome\n"
        f"{seed_001.name},Vimpelin kunta,2021,plan\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    runner = CliRunner()
    arguments = ["run", str(seed_000), str(seed_001), "-o", str(out), "--manifest", str(manifest)]
    assert runner.invoke(main, arguments).exit_code == 0
    assert runner.invoke(main, ["report", str(out)]).exit_code == 0
    page = out / "report.html"
    dom = _dom(page)
    names = [h.text_content() for h in dom.xpath("//section[@class='organisation']/h2")]
    assert names == ["Alajärven kaupunki", "Vimpelin kunta"]
    assert len(_shown(dom)) == 10 + 7  # the same goals, not linked across organisations
    assert dom.xpath("//label[select[@id='organisation']]/@hidden") == []
    shown = _shown(_dom(page, "organisation=Vimpelin%20kunta"))
    assert len(shown) == 7
    boxes = {r.xpath("ancestor::div[@class='area']")[0].get("data-organisation") for r in shown}
    assert boxes == {"Vimpelin kunta"}


def test_every_cell_agrees_with_the_comparison_table(page: Path) -> None:
    """The page and comparison.csv judge a goal's status in a document by one rule."""
    out = page.parent / "out"
    comparison = pd.read_csv(out / "comparison.csv", dtype=str, keep_default_na=False)
    comparison = comparison.set_index("goal_id")
    goals = _goals(page)
    labels = ["2022 plan", "2022 outcome", "2023 plan", "2023 outcome"]
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    doc_of = {f"{d.year} {d.phase}": d.doc_id for d in documents.itertuples()}
    checked = 0
    for row in _shown(_dom(page)):
        goal_id = row.get("data-goal")
        for label, cell in zip(labels, row.xpath("td")[1:], strict=True):
            present = ((goals["goal_id"] == goal_id) & (goals["doc_id"] == doc_of[label])).any()
            status = comparison.loc[goal_id, f"{label} status"] or "none"
            assert cell.get("class") == f"cell {status if present else 'absent'}", (goal_id, label)
            checked += 1
    assert checked == 17 * 4


# --- A report a council can use (issue 14, point 7) ---


def _open_goal(page: Path) -> str:
    """The goal whose measures have targets and actual values in the 2023 outcome."""
    goals = _goals(page)
    return str(goals[goals["goal"].str.startswith("Tietosuoja-")]["goal_id"].iloc[0])


def test_every_language_has_every_word() -> None:
    keys = {lang: set(strings(lang)) for lang in languages()}
    assert languages() == ("fi", "sv", "en")
    assert all(k == keys["en"] for k in keys.values()), keys
    for lang in languages():
        assert set(strings(lang)["status"]) == set(LIGHTS), lang
        assert set(strings(lang)["phase"]) == set(get_args(Phase)) - {""}, lang
        assert len(set(strings(lang)["status"].values())) == len(LIGHTS), lang


def _report(out: Path, target: Path, *options: str) -> lxml.html.HtmlElement:
    result = CliRunner().invoke(main, ["report", str(out), "-o", str(target), *options])
    assert result.exit_code == 0, result.stderr
    return lxml.html.fromstring(target.read_text("utf-8"))


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_page_speaks_the_language_asked_for(page: Path, tmp_path: Path, lang: str) -> None:
    words = strings(lang)
    tree = _report(page.parent / "out", tmp_path / "r.html", "--lang", lang)
    assert tree.get("lang") == lang
    assert tree.findtext(".//title") == tree.findtext(".//h1") == words["title"]
    header = [th.text_content() for th in tree.xpath("(//table)[1]/thead/tr/th")]
    phases = words["phase"]
    assert header[:3] == [words["goal"], f"2022 {phases['plan']}", f"2022 {phases['outcome']}"]
    legend = tree.xpath("string(//ul[@class='legend'])")
    assert all(name in legend for name in words["status"].values())
    assert tree.xpath("string(//label[select[@id='status']])").startswith(words["latest_status"])
    shown = _dom(tmp_path / "r.html").xpath('string(//*[@id="shown"])')
    assert shown == words["shown"].format(goals=counted(words, "goals", 17))


# What a reader sees for one goal in one document and two goals in two, in each language.
COUNTS_SAID = {
    "fi": ["1 tavoite 1 asiakirjassa", "1 tavoite näkyvissä"],
    "sv": ["1 mål i 1 dokument", "1 mål visas"],
    "en": ["1 goal in 1 document", "1 goal shown"],
}
TWO_SAID = {
    "fi": ["2 tavoitetta 2 asiakirjassa", "2 tavoitetta näkyvissä"],
    "sv": ["2 mål i 2 dokument", "2 mål visas"],
    "en": ["2 goals in 2 documents", "2 goals shown"],
}


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_a_count_is_said_in_its_numbers_form(page: Path, tmp_path: Path, lang: str) -> None:
    """ "1 tavoite", "2 tavoitetta": the summary and the page's script say the noun as the
    number asks, as rendered."""
    out = page.parent / "out"
    goals = pd.read_parquet(out / "goals.parquet")
    first_doc = goals["doc_id"].iloc[0]
    two_goals = list(goals[goals["doc_id"] == first_doc]["goal_id"].drop_duplicates()[:2])
    with_both = goals[goals["goal_id"].isin(two_goals)]
    two_docs = list(with_both["doc_id"].drop_duplicates()[:2])
    one = goals[(goals["goal_id"] == two_goals[0]) & (goals["doc_id"] == first_doc)]
    two = with_both[with_both["doc_id"].isin(two_docs)]
    for subset, said in [(one, COUNTS_SAID[lang]), (two, TWO_SAID[lang])]:
        folder = tmp_path / str(len(subset))
        folder.mkdir()
        subset.to_parquet(folder / "goals.parquet")
        (folder / "documents.parquet").write_bytes((out / "documents.parquet").read_bytes())
        write_report(folder, folder / "r.html", ReportSettings(lang=lang))
        dom = _dom(folder / "r.html")
        summary = dom.xpath('string(//p[@class="summary"])')
        assert summary.startswith(said[0] + ". "), summary
        assert dom.xpath('string(//*[@id="shown"])') == said[1]


def test_the_page_defaults_to_the_documents_language(page: Path, tmp_path: Path) -> None:
    finnish = lxml.html.fromstring(page.read_text("utf-8"))
    assert finnish.get("lang") == "fi" and finnish.findtext(".//h1") == strings("fi")["title"]
    out = tmp_path / "out"
    sample = SAMPLES / "2022-interim-sv-delarsrapport.txt"
    assert CliRunner().invoke(main, ["run", str(sample), "-o", str(out)]).exit_code == 0
    swedish = _report(out, tmp_path / "r.html")
    assert swedish.get("lang") == "sv" and swedish.findtext(".//h1") == strings("sv")["title"]
    # This report prints digits: each sits beside its light, which says what it means.
    cell = swedish.xpath("//td[contains(@class, 'cell yellow')]")[0]
    assert cell.xpath("string(.//span[@class='printed'])") == "2"
    assert cell.xpath("string(.//span[@class='vh'])") == strings("sv")["status"]["yellow"]


def test_mixed_documents_speak_the_most_common_language() -> None:
    rows = [("a", "Lasten ja nuorten hyvinvointi sekä osallisuus", "")] * 2
    rows += [("b", "Barn och unga mår bra", "andel som deltar i fritidsaktiviteter")]
    rows += [("c", "Palvelut ovat saavutettavia ja ajantasaisia", "osuus")]
    goals = pd.DataFrame(rows, columns=["doc_id", "goal", "measure"])
    assert documents_language(goals) == "fi"
    assert documents_language(goals[goals["doc_id"] == "b"]) == "sv"


def test_every_light_has_a_shape_and_a_name(page: Path) -> None:
    """Colour is never the only sign: each status its own shape, and its name as text."""
    assert len(set(LIGHTS.values())) == len(LIGHTS)
    names = strings("fi")["status"]
    lights = _dom(page, f"open={_open_goal(page)}").xpath("//span[contains(@class, 'light')]")
    assert len(lights) > 17 * 4
    for light in lights:
        status = light.get("class").split()[1]
        assert light.xpath("string(span[@aria-hidden='true'])") == LIGHTS[status]
        assert light.xpath("string(span[@class='vh'])") == light.get("title") == names[status]


def test_printed_ratings_leave_out_colours_and_balls() -> None:
    assert [printed_rating(r) for r in ["● #00B050", "fill #FFC000", "2", "delvis", ""]] == [
        "",
        "",
        "2",
        "delvis",
        "",
    ]


def test_a_goal_shows_targets_actuals_and_links_to_its_page(page: Path) -> None:
    goal_id = _open_goal(page)
    history = _dom(page, f"open={goal_id}").xpath(f'//tr[@class="history"][@data-goal="{goal_id}"]')
    goals = _goals(page)
    rows = goals[goals["goal_id"] == goal_id]
    versions = history[0].xpath(".//div[@class='version']")
    assert len(versions) == rows["doc_id"].nunique() == 2
    for version, (_, mine) in zip(versions, rows.groupby("doc_id", sort=False), strict=True):
        shown = [
            (r.xpath("string(td[@class='target'])"), r.xpath("string(td[@class='actual'])"))
            for r in version.xpath(".//table[@class='measures']/tbody/tr")
        ]
        assert shown == list(zip(mine["target"], mine["actual"], strict=True))
        link = version.xpath(".//a[@class='where']/@href")[0]
        path, fragment = urllib.parse.unquote(link).split("#")
        assert (page.parent / path).resolve() == Path(mine["source"].iloc[0]).resolve()
        assert fragment == f"page={mine['page'].iloc[0]}"
    assert ("90 %", "71 %") in zip(rows["target"], rows["actual"], strict=True)


def _measure(page: Path, width: int, fragment: str) -> list[int]:
    """The page's scroll width, its window's width and the cells that stick out of the window,
    measured by a script in a copy of the page shown in a frame `width` px wide (headless
    Chromium's window is never narrower than 500 px; a frame is)."""
    script = (
        "<script>parent.document.body.dataset.measured = [document.documentElement.scrollWidth,"
        " innerWidth, [].filter.call(document.querySelectorAll('body *'),"
        " function (e) { return e.getClientRects().length &&"
        " e.getBoundingClientRect().right > innerWidth; }).length].join(' ');</script></body>"
    )
    copy = page.with_name("measured.html")
    copy.write_text(page.read_text("utf-8").replace("</body>", script), "utf-8")
    frame = framed(copy, width, 900, fragment)
    dom = lxml.html.document_fromstring(
        browser(
            "--allow-file-access-from-files",
            "--window-size=1400,1000",
            "--dump-dom",
            frame.as_uri(),
        )
    )
    return [int(n) for n in dom.body.get("data-measured").split()]


@pytest.mark.parametrize("width", [1280, 400])
def test_nothing_is_cut_off_at_a_desktop_or_a_phone_width(page: Path, width: int) -> None:
    scroll_width, window, sticking_out = _measure(page, width, f"open={_open_goal(page)}")
    assert window == width
    assert scroll_width <= width
    assert sticking_out == 0  # every document's light and every value is on the screen


def test_the_phone_check_finds_a_page_without_the_phone_layout(page: Path, tmp_path: Path) -> None:
    """The measurement above is no formality: the desktop layout at 400 px leaves cells out."""
    wide = tmp_path / "wide.html"
    write_report(page.parent / "out", wide, ReportSettings(phone_width=0))
    _, window, sticking_out = _measure(wide, 400, "")
    assert window == 400 and sticking_out > 0


def test_report_settings_are_checked() -> None:
    with pytest.raises(UsageError, match=r"^--lang de: the page is written in fi, sv, en$"):
        ReportSettings(lang="de")
    with pytest.raises(UsageError, match="phone_width -1"):
        ReportSettings(phone_width=-1)


def test_the_page_prints_in_black_and_white_with_its_shapes(page: Path, tmp_path: Path) -> None:
    """Printed, the lights are black: their shapes tell them apart, in the legend and cells."""
    import pypdfium2 as pdfium

    pdf = tmp_path / "printed.pdf"
    browser("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    first = pdfium.PdfDocument(str(pdf))[0]
    text = first.get_textpage().get_text_range()
    assert all(shape in text for shape in LIGHTS.values())
    assert "■" in text.split("Sivistystoimen hallinto")[1]  # a red light in a cell
    image = first.render(scale=1).to_pil().convert("RGB")
    colours = {c for c in image.get_flattened_data() if max(c) - min(c) > 40}
    assert colours == set()
