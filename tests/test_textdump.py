"""Each step of the PDF-text-dump parser, on seed 000 and on small dumps made to isolate a case."""

from __future__ import annotations

from pathlib import Path

import pytest

from goaltables.errors import NoGoalTable
from goaltables.extract.textdump import (
    cut_fragments,
    measure_widths,
    parse_text_dump,
    read_lines,
    read_preamble,
    split_blocks,
)


def _seed_text(seed_000: Path) -> str:
    return seed_000.read_text(encoding="utf-8")


def test_lines_count_pages_from_form_feeds() -> None:
    lines = read_lines("otsikko\n\fsivu kaksi\nvielä\n\fsivu kolme")
    assert [(line.no, line.page) for line in lines] == [(1, 1), (2, 2), (3, 2), (4, 3)]
    assert {line.page for line in read_lines("ei sivunvaihtoja\nlainkaan")} == {None}


def test_blocks_are_paragraphs() -> None:
    blocks = split_blocks(read_lines("a\nb\n\n\nc\n \nd"))
    assert [[line.text for line in b] for b in blocks] == [["a", "b"], ["c"], ["d"]]


def test_preamble_gives_title_legend_and_header(seed_000: Path) -> None:
    preamble, rest = read_preamble(split_blocks(read_lines(_seed_text(seed_000))))
    assert preamble.title == "Sivistys- ja hyvinvointipalvelualueen tavoitteet 2021/toteutuma"
    assert preamble.header_roles == {"measure", "progress", "rating"}
    assert preamble.legend is not None and len(preamble.legend.entries) == 3
    assert rest[0][0].text.startswith("1. Toimialan talouden")


def _fragments(seed_000: Path):
    _, blocks = read_preamble(split_blocks(read_lines(_seed_text(seed_000))))
    fragments = cut_fragments(blocks)
    measure_widths(fragments)
    return fragments


def test_cells_sharing_a_line_are_cut_apart(seed_000: Path) -> None:
    on_line_23 = [f for f in _fragments(seed_000) if f.line.no == 23]
    assert [(f.number.label if f.number else "", f.text) for f in on_line_23] == [
        ("2", "Sopimusvalvonnan kehittäminen koko kunnan tasolla yhteistyössä."),
        ("2", "Sopimusvalvonnan kehittäminen käynnissä osana kunnan kokonaistavoitetta."),
    ]


def test_names_glued_to_a_goal_are_anchored(seed_000: Path) -> None:
    names = [f.text for f in _fragments(seed_000) if f.kind == "name"]
    assert names == ["Hyvinvoinnin edistämisen palvelut", "Vapaa-aikapalvelut"]


def test_progress_is_told_by_its_narrow_wrapping(seed_000: Path) -> None:
    fragments = _fragments(seed_000)
    narrow_items = [f.line.no for f in fragments if f.kind == "item" and f.narrow]
    # The progress items of seed 000, by their first line.
    assert narrow_items == [18, 23, 30, 39, 76, 99, 134, 209]


def test_seed_000_rows(seed_000: Path) -> None:
    table = parse_text_dump(_seed_text(seed_000), "seed")
    assert table.sector == "Sivistys- ja hyvinvointipalvelut"
    assert [(d.area, d.goal_no, d.measure_no) for d in table.drafts] == [
        ("Sivistyksen ja hyvinvoinnin yhteiset", "1", "1"),
        ("Sivistyksen ja hyvinvoinnin yhteiset", "1", "2"),
        ("Sivistyksen ja hyvinvoinnin yhteiset", "1", "3"),
        ("Opetuspalvelut ja varhaiskasvatuspalvelut", "1", "1"),
        ("Opetuspalvelut ja varhaiskasvatuspalvelut", "2", "2"),
        ("Opetuspalvelut ja varhaiskasvatuspalvelut", "3", "3"),
        ("Opetuspalvelut ja varhaiskasvatuspalvelut", "4", "4"),
        ("Elinikäinen oppimisen ja hyvinvoinnin palvelut", "1", "1"),
        ("Elinikäinen oppimisen ja hyvinvoinnin palvelut", "2", "2"),
        ("Hyvinvoinnin edistämisen palvelut", "1", "1"),
        ("Vapaa-aikapalvelut", "1", "1"),
        ("Vapaa-aikapalvelut", "2", ""),  # a goal with no measure: one row, measure empty
    ]
    assert "the rating column has no values in the text" in table.notes[0]


def test_floating_progress_goes_to_its_area(seed_000: Path) -> None:
    """Area 3's merged progress cell prints after area 4's rows, right after area 3's name."""
    drafts = parse_text_dump(_seed_text(seed_000), "seed").drafts
    progress = {(d.area[:12], d.goal_no): d.progress[:30] for d in drafts}
    assert progress[("Elinikäinen ", "1")] == "Opisto on kerännyt opiskelijap"
    assert progress[("Elinikäinen ", "2")] == ""
    assert progress[("Hyvinvoinnin", "1")] == "Hyvinvoinnin- ja terveydenedis"


# A small dump: goals and measures in one row each (k, k runs), progress narrow and numbered,
# an area name floating after its rows, a second area anchored, and form feeds for pages.
SMALL_DUMP = """Tekniset palvelut, tavoitteet 2023 / talousarvio

Tavoite Mittari Tavoitetaso Toteutuminen

1. Kadut pidetään kunnossa ympäri vuoden. 1. Asukaskyselyn tyytyväisyys katujen kunnossapitoon

vähintään 3,5 asteikolla 1-5.

1. Kysely tehdään syksyllä,
tulos raportoidaan
tilinpäätöksessä.

2. Energiankulutus vähenee kiinteistöissä. 2. Kulutus laskee 3 % vuodesta 2022 sekä
lämmössä että sähkössä kaikissa kohteissa.

2. Kulutus laski sähkön
osalta, lämmön osalta
seuranta jatkuu.

Kunnallistekniikka
\f
Tilapalvelut 1. Koulujen sisäilmaongelmat korjataan suunnitelman mukaan ja nopeasti.

1. Korjausohjelman kohteet valmistuvat aikataulussa ja budjetissa kaikissa kouluissa.
"""


def test_a_small_dump_end_to_end() -> None:
    table = parse_text_dump(SMALL_DUMP, "small.txt")
    rows = [
        (d.source.page, d.area, d.goal_no, d.goal[:12], d.measure_no, d.progress[:20])
        for d in table.drafts
    ]
    assert rows == [
        (1, "Kunnallistekniikka", "1", "Kadut pidetä", "1", "Kysely tehdään syksy"),
        (1, "Kunnallistekniikka", "2", "Energiankulu", "2", "Kulutus laski sähkön"),
        (2, "Tilapalvelut", "1", "Koulujen sis", "1", ""),
    ]
    assert table.drafts[0].measure.endswith("kunnossapitoon vähintään 3,5 asteikolla 1-5.")
    assert table.pages == 2


def test_prose_is_not_a_goal_table() -> None:
    with pytest.raises(NoGoalTable, match="no goal table found"):
        parse_text_dump("Kaupunginhallitus kokoontui.\n\nPöytäkirja tarkastettiin.\n", "memo.txt")


@pytest.mark.parametrize("opening", ["Tavoitteena energiankulutus", "Tavoite: energiankulutus"])
def test_a_goal_opening_with_the_goal_word_keeps_its_measures(opening: str) -> None:
    # Issue 18, point 6: "Tavoite…" opening a goal's text is the goal's text, not a label
    # that moves the measures after it to another goal.
    dump = SMALL_DUMP.replace("2. Energiankulutus", f"2. {opening}")
    rows = [(d.goal_no, d.goal[:11], d.measure_no) for d in parse_text_dump(dump, "x").drafts]
    assert rows == [("1", "Kadut pidet", "1"), ("2", opening[:11], "2"), ("1", "Koulujen si", "1")]
