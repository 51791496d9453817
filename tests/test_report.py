"""`goaltables report`: one self-contained page, rendered in headless Chromium and checked in
its DOM after the page's script has run; a screenshot is saved for a person to look at."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import lxml.html
import pandas as pd
import pytest
from click.testing import CliRunner

from goaltables.cli import main
from tests.golden_samples import SERIES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    runner = CliRunner()
    result = runner.invoke(main, ["run", *map(str, SERIES), "-o", str(folder / "out")])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(main, ["report", str(folder / "out"), "-o", str(folder / "report.html")])
    assert result.exit_code == 0, result.stderr
    return folder / "report.html"


def _browser(*arguments: str) -> str:
    assert CHROMIUM, "chromium is missing: `make test` installs it (Debian package chromium)"
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _dom(page: Path, fragment: str = "") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(_browser("--dump-dom", f"{page.as_uri()}#{fragment}"))


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
    assert dom.xpath('string(//*[@id="shown"])') == "17 goals shown"
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
    assert header == ["goal", "2022 plan", "2022 outcome", "2023 plan", "2023 outcome"]
    # The goal that ended after 2022: rated red in the 2022 outcome, absent (striped) later.
    ended = next(r for r in rows if "Etä- ja hybridiopetuksen" in r.text_content())
    cells = [td.get("class") for td in ended.xpath("td")[1:]]
    assert cells == ["cell none", "cell red", "cell absent", "cell absent"]
    assert ended.xpath("td")[2].text_content() == "0"


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
    assert labels == ["2022 plan", "2022 outcome", "2023 plan", "2023 outcome"]
    where = [s.text_content() for s in history.xpath(".//span[@class='where']")]
    assert where[0].endswith("samples/pdf/2022-plan-ruled-merged-cells.pdf, page 1")
    inserted = " ".join(i.text_content() for i in history.xpath(".//ins"))
    deleted = " ".join(d.text_content() for d in history.xpath(".//del"))
    assert (inserted, deleted) == ("Kolmiportaisen", "Oppimisen")  # the one word reworded
    assert "Kolmiportaisen tuen vahvistaminen" in history.xpath(
        "string((.//div[@class='version'])[3]/p)"
    )
    closed = dom.xpath('//tr[@class="history"][@hidden]')
    assert len(closed) == 16


def test_a_screenshot_to_look_at(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    _browser("--window-size=1300,1000", f"--screenshot={shot}", page.as_uri())
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
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
    assert {r.getparent().getparent().getparent().get("data-organisation") for r in shown} == {
        "Vimpelin kunta"
    }


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
