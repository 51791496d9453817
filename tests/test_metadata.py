from __future__ import annotations

from pathlib import Path

import pytest

from goaltables.batch import BatchSettings
from goaltables.extract.metadata import (
    labelled_facts,
    plausible_sector,
    read_title_facts,
    running_lines,
    sector_by_name,
    sole_sector_line,
    title_subject,
)
from goaltables.pipeline import run
from goaltables.records import DocumentInfo
from tests.golden_samples import ROOT, SAMPLES, require

SHARED = ROOT.parent / "shared"


@pytest.mark.parametrize(
    ("texts", "year", "phase"),
    [
        (("Sivistys- ja hyvinvointipalvelualueen tavoitteet 2021/toteutuma",), 2021, "outcome"),
        (("Talousarvio 2023 ja taloussuunnitelma 2023-2025",), 2023, "plan"),
        (("Osavuosikatsaus 1.1.-30.6.2022",), 2022, "interim"),
        (("Talousarvion toteutuminen, puolivuotiskatsaus 2022",), 2022, "interim"),
        (("Kauhavan kaupunki, tilinpäätös 2024",), 2024, "outcome"),
        (("Toimintakertomus vuodelta 2019",), 2019, "outcome"),
        (("Budget 2022 för Strandby kommun",), 2022, "plan"),
        (("Delårsrapport januari–augusti 2022",), 2022, "interim"),
        (("Bokslut och verksamhetsberättelse 2021",), 2021, "outcome"),
        (("", "arkisto/tilinpaatos_2020/tilinpäätös-2020.txt"), 2020, "outcome"),
        (("", "001_c843abbe7468a18f.txt"), None, ""),
    ],
)
def test_year_and_phase(texts: tuple[str, ...], year: int | None, phase: str) -> None:
    facts = read_title_facts(*texts)
    assert (facts.year, facts.phase) == (year, phase)


def test_title_subject() -> None:
    assert title_subject("Sivistys- ja hyvinvointipalvelualueen tavoitteet 2021/toteutuma") == (
        "Sivistys- ja hyvinvointipalvelualueen"
    )


# What a person reading the report would say: organisation, sector, year, phase. Empty where
# the document does not say (a gap, with a note, rather than a guess).
EXPECTED: dict[str, tuple[str, str, int | None, str]] = {
    "real/Simrishamn-KFN-Arsbokslut-2025-utkast-2026-01-29.pdf": (
        "Simrishamns kommun",
        "Kultur- och fritidsnämnden",
        2025,
        "outcome",
    ),
    "real/Simrishamn-KFN-Arsbokslut-2025-2026-02-01.pdf": (
        "Simrishamns kommun",
        "Kultur- och fritidsnämnden",
        2025,
        "outcome",
    ),
    "real/kauhava-tilinpaatos-2024.pdf": ("Kauhavan kaupunki", "", 2024, "outcome"),
    "seeds/000_c0525851ec6c3b83.txt": ("", "Sivistys- ja hyvinvointipalvelut", 2021, "outcome"),
    "seeds/001_c843abbe7468a18f.txt": ("", "Kasvatus- ja sivistyspalvelut", None, ""),
    "2022-interim-sv-delarsrapport.txt": (
        "Strandby kommun",
        "Bildning och fritid",
        2022,
        "interim",
    ),
    "layouts/lc002-sv-group-ball_digit-docx.pdf": (
        "Åsby kommun",
        "Barn- och utbildningsnämnden",
        2023,
        "outcome",
    ),
    "layouts/lc010-sv-group-glyph-docx.pdf": (
        "Sjöhamn kommun",
        "Samhällsbyggnadsnämnden",
        2024,
        "outcome",
    ),
    "layouts/lc016-sv-band-glyph-html.pdf": (
        "Ekeby kommun",
        "Kultur- och fritidsnämnden",
        2022,
        "outcome",
    ),
    "layouts/lc046-sv-group-shading-html.pdf": (
        "Björkvik kommun",
        "Kultur- och fritidsnämnden",
        2021,
        "outcome",
    ),
    "layouts/lc079-fi-goal_rows-glyph-html.pdf": (
        "Salmelan kunta",
        "Tekninen lautakunta",
        2023,
        "outcome",
    ),
    "layouts/lc080-fi-band-word-html.pdf": (
        "Vuorilammen kaupunki",
        "Elinvoimalautakunta",
        2025,
        "outcome",
    ),
    "layouts/lc100-fi-band-shading-html.pdf": (
        "Hirvisalon kunta",
        "Tekninen lautakunta",
        2023,
        "outcome",
    ),
    "layouts/lc140-fi-band-word-html.pdf": (
        "Hirvisalon kunta",
        "Hyvinvointilautakunta",
        2021,
        "outcome",
    ),
    "cards/2025-outcome-strategy-cards-scale-legend.docx": (
        "Ruovesjärven kunta",
        "Perusturvalautakunta",
        2025,
        "outcome",
    ),
    "cards/2025-outcome-strategy-cards-scale-legend.pdf": (
        "Ruovesjärven kunta",
        "Perusturvalautakunta",
        2025,
        "outcome",
    ),
    "cards/2025-outcome-sv-cards-unknown-labels.docx": (
        "Strandviks kommun",
        "Kultur- och fritidsnämnden",
        2025,
        "outcome",
    ),
    "cards/2025-outcome-sv-cards-unknown-labels.pdf": (
        "Strandviks kommun",
        "Kultur- och fritidsnämnden",
        2025,
        "outcome",
    ),
    "docx/2023-outcome-nested-controls-symbols.docx": ("", "", 2023, "outcome"),
    "docx/2023-plan-numbering-tracked-changes.docx": (
        "Järvelän kaupunki",
        "Tekninen toimiala",
        2023,
        "plan",
    ),
    **{
        f"formats/2022-outcome-merged-traffic-lights.{ext}": (
            "Järvelän kaupunki",
            "Sivistystoimiala",
            2022,
            "outcome",
        )
        for ext in ("doc", "html", "odt", "rtf", "xlsx")
    },
    **{
        f"pdf/2022-interim-sv-delarsrapport.{ext}": (
            "Kvarnby kommun",
            "Bildningssektorn",
            2022,
            "interim",
        )
        for ext in ("docx", "pdf")
    },
    **{
        f"pdf/{name}.{ext}": ("Järvelän kaupunki", "Sivistystoimiala", year, phase)
        for name, year, phase in (
            ("2022-plan-ruled-merged-cells", 2022, "plan"),
            ("2022-outcome-landscape-merged-traffic-lights", 2022, "outcome"),
            ("2023-plan-goal-cards", 2023, "plan"),
            ("2023-outcome-long-report-shaded-cards", 2023, "outcome"),
        )
        for ext in ("docx", "pdf")
    },
    **{
        f"pdf/2023-interim-html-borderless-svg-circles.{ext}": (
            "Honkalahden kunta",
            "Elinvoimapalvelut",
            2023,
            "interim",
        )
        for ext in ("html", "pdf")
    },
    # A city's companies: the city is not named in the text (only in a template's author).
    **{
        f"pdf/2023-outcome-company-cards-unruled-verdict-words.{ext}": ("", "", 2023, "outcome")
        for ext in ("docx", "pdf")
    },
    **{
        f"pdf/2024-interim-landscape-scale-1-best.{ext}": (
            "Järvelän kaupunki",
            "Tekninen toimiala",
            2024,
            "interim",
        )
        for ext in ("docx", "pdf")
    },
    "prose/2024-outcome-prose-flat-goals.pdf": (
        "Ruovesjärven kunta",
        "Sosiaalilautakunta",
        2024,
        "outcome",
    ),
    "prose/2024-outcome-prose-value-labels.pdf": (
        "Ruovesjärven kunta",
        "Perusturvalautakunta",
        2024,
        "outcome",
    ),
    "prose/2025-outcome-sv-prose-goal-at-page-foot.pdf": (
        "Strandviks kommun",
        "Tekniska nämnden",
        2025,
        "outcome",
    ),
    "prose/2025-outcome-sv-prose-goal-labels.pdf": (
        "Strandviks kommun",
        "Barn- och utbildningsnämnden",
        2025,
        "outcome",
    ),
    "prose/2025-outcome-sv-prose-goals-over-page-break.pdf": (
        "Strandviks kommun",
        "Kultur- och fritidsnämnden",
        2025,
        "outcome",
    ),
    # The legend on a reading-guide page first, the committee's heading pages later.
    "data/layouts/lc093-sv-cards-word-html.pdf": (
        "Stenfors kommun",
        "Kultur- och fritidsnämnden",
        2021,
        "outcome",
    ),
    "data/layouts/lc112-fi-band-digit-docx.pdf": (
        "Koivurannan kunta",
        "Elinvoimalautakunta",
        2022,
        "outcome",
    ),
    "data/layouts/lc121-fi-cards-glyph-docx.pdf": (
        "Vuorilammen kaupunki",
        "Tekninen lautakunta",
        2020,
        "outcome",
    ),
}
TEST_DATA = Path(__file__).resolve().parent / "data"


def _path(name: str) -> Path:
    if name.startswith(("real/", "seeds/")):
        return SHARED / name
    if name.startswith("data/"):
        return TEST_DATA / name.removeprefix("data/")
    return SAMPLES / name


@pytest.fixture(scope="module")
def described() -> dict[str, DocumentInfo]:
    """Every real report, seed and sample read once (two workers, no cache)."""
    paths = {name: require(_path(name)) for name in EXPECTED}
    result = run(list(paths.values()), batch=BatchSettings(jobs=2))
    by_source = {doc.source: doc for doc in result.documents}
    return {name: by_source[str(path)] for name, path in paths.items()}


def test_every_sample_is_here() -> None:
    """A new sample gets its expected metadata written down above."""
    kinds = {"pdf", "docx", "doc", "odt", "rtf", "html", "xlsx", "txt"}
    found = {
        str(p.relative_to(SAMPLES)) for p in SAMPLES.rglob("*") if p.suffix.lstrip(".") in kinds
    }
    assert found == {n for n in EXPECTED if not n.startswith(("real/", "seeds/", "data/"))}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_metadata_a_person_would_agree_with(described: dict[str, DocumentInfo], name: str) -> None:
    doc = described[name]
    assert (doc.organisation, doc.sector, doc.year, doc.phase) == EXPECTED[name]
    organisation, _, year, phase = EXPECTED[name]
    missing = [
        f for f, v in (("organisation", organisation), ("year", year), ("phase", phase)) if not v
    ]
    notes = [p for p in doc.problems if p.startswith("metadata:")]
    expected = [f"metadata: no {' or '.join(missing)} found: left empty"] if missing else []
    assert notes == expected


def test_the_simrishamn_titles(described: dict[str, DocumentInfo]) -> None:
    # The re-export's title page and its file's title property say '2025 Årsbokslut'; the
    # draft's page 1 is empty, so its running header (page numbers taken out) is the title.
    assert described["real/Simrishamn-KFN-Arsbokslut-2025-2026-02-01.pdf"].title == (
        "2025 Årsbokslut"
    )
    assert described["real/Simrishamn-KFN-Arsbokslut-2025-utkast-2026-01-29.pdf"].title == (
        "2025 ÅRSBOKSLUT 2026-01-29"
    )


@pytest.mark.parametrize(
    "line",
    [
        "TP 2022 TA 2023 TP 2023",
        "Kaupunginhallitus 21.3.2022",
        "Tekninen lautakunta 16.2.2021 § 9",
        "Henkilöstö 31.12.2022",
        "Nämndmål 1",
        "Årsredovisning 2025",
        "Delvis uppnått: målet är delvis uppnått",
        "Ei arvioitavissa",
        "Arvion selitteet",
        "",
    ],
)
def test_what_is_no_sector(line: str) -> None:
    assert not plausible_sector(line)
    assert sector_by_name(line) == ""


def test_sectors_by_name_and_label() -> None:
    assert sector_by_name("Perusturvalautakunta") == "Perusturvalautakunta"
    assert sector_by_name("Barn- och utbildningsnämnden") == "Barn- och utbildningsnämnden"
    assert sector_by_name("Kirjastopalvelut") == ""  # an area, not a body
    line = "Status: Påbörjad Rapportperiod: 2025-12-31 Organisation: Kultur- och fritidsnämnden"
    assert labelled_facts([line]) == ("", "Kultur- och fritidsnämnden")


def test_a_sector_alone_on_its_line_only_when_it_is_the_only_one() -> None:
    prose = "Nämnden följde upp arbetet.\nKultur- och fritidsnämnden\nMål och mått"
    assert sole_sector_line(prose) == "Kultur- och fritidsnämnden"
    # A whole city's report heads several committees' sections: none of them is its sector.
    assert sole_sector_line(prose + "\nSocialnämnden\n") == ""


def test_running_lines_without_page_numbers() -> None:
    pages = [
        f"2025 ÅRSBOKSLUT 2026-01-29 SID {n} (36)\nPage {n} says {n * 7} things.\n"
        for n in range(1, 6)
    ]
    assert running_lines(["", *pages]) == ["2025 ÅRSBOKSLUT 2026-01-29"]
