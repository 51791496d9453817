from __future__ import annotations

from goaltables.extract.grid import assign_columns, grid_to_drafts
from goaltables.extract.tabular import read_tabular

HEADER = "Tulosalue\tTavoite\tMittari\tTavoitetaso\tToteutuminen\tArvio"


def _rows(text: str) -> list[tuple[str, ...]]:
    doc = read_tabular(text)
    return [
        (d.area, d.goal_no, d.goal, d.measure_no, d.measure, d.target, d.progress, d.rating_raw)
        for grid in doc.grids
        for d in grid_to_drafts(grid, assign_columns(grid), "x.txt")
    ]


def test_header_is_found_by_its_words_not_its_position() -> None:
    text = (
        "Ympäristöpalvelut 2023\n\nJotain johdantoa\n"
        + HEADER
        + "\nJätehuolto\t1. Kierrätys kasvaa.\t1. Kierrätysaste\t55 %\tNousi 53 %:iin.\t1\n"
    )
    assert _rows(text) == [
        (
            "Jätehuolto",
            "1",
            "Kierrätys kasvaa.",
            "1",
            "Kierrätysaste",
            "55 %",
            "Nousi 53 %:iin.",
            "1",
        )
    ]
    assert read_tabular(text).title == "Ympäristöpalvelut 2023"


def test_columns_in_another_order() -> None:
    text = (
        "Arvio\tMittari\tTavoite\tTulosalue\n2\t1. Käyntimäärä\t1. Kävijät lisääntyvät.\tKirjasto\n"
    )
    assert _rows(text)[0][:5] == ("Kirjasto", "1", "Kävijät lisääntyvät.", "1", "Käyntimäärä")


def test_empty_area_and_goal_cells_continue_the_row_above() -> None:
    text = (
        HEADER + "\n"
        "Liikunta\t1. Liikkuminen lisääntyy.\t1. Kävijämäärä\t+5 %\tKasvoi.\t2\n"
        "\t\t2. Uudet ryhmät\t3\tKaksi ryhmää.\t1\n"
        "\n"
        "\t2. Hallit ovat hyvässä kunnossa.\t1. Korjausvelka\t-10 %\t\t\n"
    )
    assert [(r[0], r[1], r[3]) for r in _rows(text)] == [
        ("Liikunta", "1", "1"),
        ("Liikunta", "1", "2"),
        ("Liikunta", "2", "1"),
    ]


def test_a_repeated_header_is_dropped_and_a_new_one_starts_a_table() -> None:
    other = "Palvelualue\tTavoite\tToimenpide\tArviointi"
    text = (
        HEADER
        + "\nA\t1. Yksi.\t1. Mittari\t1\tOk.\t2\n"
        + HEADER
        + "\nA\t2. Kaksi.\t2. Mittari\t2\tOk.\t2\n"
        + other
        + "\nB\t1. Kolme.\t1. Toimi\tToteutui\n"
    )
    doc = read_tabular(text)
    assert len(doc.grids) == 2
    assert [r[:2] for r in _rows(text)] == [("A", "1"), ("A", "2"), ("B", "1")]


def test_html_fragments_are_removed_from_cells() -> None:
    text = (
        HEADER
        + "\n<p>Kulttuuri</p>\t<p>1.Tapahtumat&nbsp;lisääntyvät.</p>\t<p>1. Määrä</p>\t\t\t\n"
    )
    assert _rows(text)[0][:5] == ("Kulttuuri", "1", "Tapahtumat lisääntyvät.", "1", "Määrä")


def test_the_sector_is_the_header_over_the_area_column() -> None:
    text = (
        "Sivistystoimi\t\tMittari\tTavoitteen edistyminen\n"
        "Koulut\t1. Oppiminen.\t1. Tulokset\tHyvä.\n"
    )
    grid = read_tabular(text).grids[0]
    columns = assign_columns(grid)
    assert columns.roles == ("area", "goal", "measure", "progress")
    assert columns.sector == "Sivistystoimi"


def test_a_quoted_cell_may_hold_line_breaks() -> None:
    text = HEADER + '\nA\t1. Yksi.\t1. Mittari\t1\t"Rivi yksi.\nRivi kaksi."\t2\n'
    assert _rows(text)[0][6] == "Rivi yksi. Rivi kaksi."


def test_area_headings_between_tables_name_their_areas() -> None:
    """One export, an area heading over each table with the same header (found by the batch
    benchmark's generated corpus: the headings were read as goals, and no row had an area)."""
    text = (
        "Kuortaneen kunta – Tilinpäätös 2021\n\n"
        "Varhaiskasvatus\n"
        "Tavoite\tMittari\tTavoitetaso\tToteuma\tArvio\n"
        "Lapset voivat hyvin\tTyytyväisyys\t80 %\t85 %\tToteutui\n"
        "Henkilöstö pysyy\tVaihtuvuus\talle 10 %\t12 %\tEi toteutunut\n\n"
        "Perusopetus: tavoitteiden toteutuminen\n"
        "Tavoite\tMittari\tTavoitetaso\tToteuma\tArvio\n"
        "Oppimistulokset paranevat\tKeskiarvo\t8,0\t8,1\tToteutui\n"
    )
    document = read_tabular(text)
    assert document.title == "Kuortaneen kunta – Tilinpäätös 2021"
    assert [g.heading_area for g in document.grids] == ["Varhaiskasvatus", "Perusopetus"]
    assert [len(g.rows) for g in document.grids] == [2, 1]
