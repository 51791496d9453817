"""Write the invented text-export samples in samples/ (run: python samples/make_text_samples.py).

2022-interim-sv-delarsrapport.txt is what Excel's "Unicode text" export of a Swedish-speaking
municipality's goal table looks like: UTF-16 with a BOM, CRLF line ends, tab-separated, a cell
with line breaks in double quotes, merged area and goal cells left empty below their first row,
and a legend above the table whose scale runs 1 = best. The content is invented.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent

TITLE = "Strandby kommun – Delårsrapport januari–augusti 2022"
SECTOR = "Bildning och fritid"
LEGEND = [
    "Bedömning av måluppfyllelse:",
    "1 = uppnått",
    "2 = delvis uppnått",
    "3 = inte uppnått",
]
HEADER = [SECTOR, "Mål", "Mätare", "Utgångsläge", "Målnivå", "Utfall", "Kommentar", "Bedömning"]
ROWS = [
    [
        "Grundläggande utbildning",
        "1. Eleverna trivs och känner sig trygga i skolan.",
        "1.1 Andel elever som trivs i skolan (skolhälsoenkäten)",
        "82 %",
        "85 %",
        "84 %",
        "Trivseln har ökat i årskurserna 7–9. Antimobbningsarbetet fortsätter.",
        "2",
    ],
    [
        "",
        "",
        "1.2 Antal anmälningar om mobbning",
        "14",
        "under 10",
        "9",
        "Målet nåddes redan under våren.",
        "1",
    ],
    [
        "",
        "2. Undervisningen stöder lärande för alla elever.",
        "2.1 Andel elever med stödåtgärder som når målen",
        "70 %",
        "75 %",
        "68 %",
        "Läsåret präglades av personalbrist.\nStödet omorganiseras hösten 2022.",
        "3",
    ],
    [
        "Fritid och kultur",
        "1. Biblioteket når nya användargrupper.",
        "1.1 Antal besök per invånare",
        "5,2",
        "5,5",
        "5,6",
        "Meröppet bibliotek i Åby sedan mars.",
        "1",
    ],
    [
        "",
        "2. Ungdomarna har meningsfull fritid.",
        "2.1 Antal deltagare i ungdomsgårdens verksamhet",
        "1 150",
        "1 300",
        "",
        "Uppföljs i bokslutet.",
        "",
    ],
]


def tab_line(cells: list[str]) -> str:
    """A spreadsheet's tab-separated line: a cell with a line break or a quote goes in quotes."""
    return "\t".join(_quote(c) if ("\n" in c or '"' in c) else c for c in cells)


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def write_swedish_interim() -> Path:
    lines = [TITLE, "", *LEGEND, "", tab_line(HEADER), *(tab_line(r) for r in ROWS)]
    path = HERE / "2022-interim-sv-delarsrapport.txt"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    return path


if __name__ == "__main__":
    print(write_swedish_interim())
