"""Goals written in the body text: numbered goals with labelled measures and a labelled
assessment, read by their structure and the vocabulary's `prose_labels`, not by one report's
words. Kauhava (tests/test_kauhava.py) is the Finnish case; here a Swedish nämnd's goals in a
PDF written by hand, laid out differently (other labels, indents, a goal without measures, an
assessment going on over a page break, and a numbered list that is not goals)."""

from __future__ import annotations

from pathlib import Path

import pytest

from goaltables.extract import extract
from goaltables.extract.pdf.prose import _label
from goaltables.records import Extraction

# (x, top, text, bold, size) per line, per page; A4 in points, tops from the page's top.
Lines = list[tuple[float, float, str, bool, float]]
PAGES: list[Lines] = [
    [
        (54, 70, "Kultur- och fritidsnämnden", True, 16),
        (54, 110, "Nämndens mål och måluppfyllelse", True, 12),
        (54, 135, "Nämnden har tre mål för året. Så här har de uppfyllts:", False, 10),
        (60, 165, "1. Fler barn och unga ska delta i kulturskolans verksamhet", True, 10),
        (80, 180, "Indikatorer:", True, 10),
        (80, 195, "• Antal elever i kulturskolan: minst 400", False, 10),
        (80, 210, "• Andel nöjda elever: 90 %", False, 10),
        (
            80,
            225,
            "Måluppfyllelse: Målet uppnås delvis. Antalet elever ökade till 380 och",
            False,
            10,
        ),
        (80, 240, "andelen nöjda elever var 92 %.", False, 10),
        (60, 270, "2. Biblioteken ska vara tillgängliga för fler", True, 10),
        (80, 285, "Indikator: Öppettimmar per vecka: 60", False, 10),
        (80, 300, "Bedömning: Uppnått. Öppettiderna utökades i mars.", False, 10),
        (60, 330, "3. Föreningslivet ska stärkas", True, 10),
        (80, 345, "Bedömning: Målet uppnås inte. Inga nya föreningsbidrag beslutades.", False, 10),
    ],
    [
        (80, 70, "Arbetet fortsätter under nästa år.", False, 10),
        (54, 100, "Ekonomi", True, 12),
        (54, 125, "Årets resultat förklaras av två saker:", False, 10),
        (60, 140, "1. Intäkterna ökade", False, 10),
        (60, 155, "2. Kostnaderna minskade", False, 10),
    ],
]
# Finnish, flat: labels and their text at the goals' left edge, no indents at all.
FLAT: list[Lines] = [
    [
        (54, 70, "Sosiaalilautakunta", True, 14),
        (54, 100, "Tavoitteet ja niiden toteutuminen", True, 11),
        (54, 125, "1. Asiakastyytyväisyys paranee", True, 10),
        (54, 138, "Mittari: Asiakaskyselyn keskiarvo vähintään 4,0", False, 10),
        (54, 151, "Arvio: Toteutui. Keskiarvo oli 4,2.", False, 10),
        (54, 176, "2. Jonot lyhenevät", True, 10),
        (54, 189, "Mittari: Odotusaika alle 14 vuorokautta", False, 10),
        (
            54,
            202,
            "Arvio: Ei toteutunut. Odotusaika oli 21 vuorokautta, koska henkilöstöä",
            False,
            10,
        ),
        (54, 215, "puuttui koko syksyn.", False, 10),
        (54, 245, "Henkilöstö", True, 12),
        (54, 270, "Lautakunnan palveluksessa oli 120 henkilöä vuoden lopussa.", False, 10),
    ]
]
# Swedish, goals opened by a label instead of a number.
LABELLED: list[Lines] = [
    [
        (54, 70, "Barn- och utbildningsnämnden", True, 14),
        (54, 110, "Nämndmål 1: Alla elever ska nå kunskapskraven", True, 10),
        (72, 125, "Indikator: Andel elever med godkända betyg: 95 %", False, 10),
        (72, 140, "Måluppfyllelse: Delvis uppnått. Andelen var 91 %.", False, 10),
        (54, 165, "Nämndmål 2: Tryggheten i skolan ska öka", True, 10),
        (72, 180, "Indikatorer:", False, 10),
        (72, 195, "• Andel trygga elever: 90 %", False, 10),
        (72, 210, "Bedömning: Målet uppnås. 93 % av eleverna känner sig trygga.", False, 10),
    ]
]
# Finnish, each value under its own label.
VALUES: list[Lines] = [
    [
        (54, 70, "Perusturvalautakunta", True, 14),
        (54, 110, "1. Asiakkaat saavat palvelun ajallaan", True, 10),
        (72, 125, "Mittari: Hoitotakuun toteutuminen", False, 10),
        (72, 140, "Lähtötaso: 85 %", False, 10),
        (72, 155, "Tavoitetaso: 95 %", False, 10),
        (72, 170, "Toteuma: 92 %", False, 10),
        (72, 185, "Arvio: Toteutui osittain. Jonoja purettiin syksyllä.", False, 10),
    ]
]
# A goal at the foot of a page, its measure and assessment on the next: only the next is a cue.
SPLIT: list[Lines] = [
    [
        (54, 70, "Tekniska nämnden", True, 14),
        (54, 100, "Nämnden arbetade under året med gator och parker.", False, 10),
        (60, 770, "1. Gatorna ska vara i gott skick", True, 10),
    ],
    [
        (80, 70, "Mätare: Andel gator i gott skick: 80 %", False, 10),
        (80, 85, "Bedömning: Uppnått. 82 % av gatorna var i gott skick.", False, 10),
    ],
]
HEIGHT = 842


def _pdf(pages: list[Lines]) -> bytes:
    """A PDF of text lines in Helvetica (WinAnsi), one content stream per page."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages' numbers are known
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for lines in pages:
        stream = b"".join(
            b"BT /F%d %g Tf %g %g Td (%s) Tj ET\n"
            % (2 if bold else 1, size, x, HEIGHT - top - size, _escaped(text))
            for x, top, text, bold, size in lines
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % (HEIGHT, len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _escaped(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _extract(tmp: pytest.TempPathFactory, name: str, pages: list[Lines]) -> Extraction:
    path: Path = tmp.mktemp("prose") / name
    path.write_bytes(_pdf(pages))
    return extract(path, path.name)


@pytest.fixture(scope="module")
def swedish(tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    return _extract(tmp_path_factory, "kfn-verksamhetsberattelse-2025.pdf", PAGES)


def test_a_flat_layout(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Goals, labels and text all at one left edge: a label or a line with no paragraph gap
    stays in the list, a heading after a gap ends it."""
    flat = _extract(tmp_path_factory, "sosiaalilautakunta-tilinpaatos-2024.pdf", FLAT)
    rows = [
        (r.area, r.goal_no, r.goal, r.measure, r.rating.raw, r.rating.status, r.progress)
        for r in flat.records
    ]
    assert rows == [
        (
            "Sosiaalilautakunta",
            "1",
            "Asiakastyytyväisyys paranee",
            "Asiakaskyselyn keskiarvo vähintään 4,0",
            "Toteutui",
            "green",
            "Toteutui. Keskiarvo oli 4,2.",
        ),
        (
            "Sosiaalilautakunta",
            "2",
            "Jonot lyhenevät",
            "Odotusaika alle 14 vuorokautta",
            "Ei toteutunut",
            "red",
            "Ei toteutunut. Odotusaika oli 21 vuorokautta, koska henkilöstöä puuttui koko syksyn.",
        ),
    ]


def test_swedish_goals_in_prose(swedish: Extraction) -> None:
    rows = [
        (
            r.source.page,
            r.area,
            r.goal_no,
            r.goal,
            r.measure,
            r.target,
            r.rating.raw,
            r.rating.status,
        )
        for r in swedish.records
    ]
    area = "Kultur- och fritidsnämnden"
    goal1 = "Fler barn och unga ska delta i kulturskolans verksamhet"
    goal2 = "Biblioteken ska vara tillgängliga för fler"
    partly = ("Målet uppnås delvis", "yellow")
    assert rows == [
        (1, area, "1", goal1, "Antal elever i kulturskolan", "minst 400", *partly),
        (1, area, "1", goal1, "Andel nöjda elever", "90 %", *partly),
        (1, area, "2", goal2, "Öppettimmar per vecka", "60", "Uppnått", "green"),
        (1, area, "3", "Föreningslivet ska stärkas", "", "", "Målet uppnås inte", "red"),
    ]


def test_the_assessment_is_the_progress_text(swedish: Extraction) -> None:
    first, _, _, last = swedish.records
    assert first.progress == (
        "Målet uppnås delvis. Antalet elever ökade till 380 och andelen nöjda elever var 92 %."
    )
    # the assessment goes on at the top of the next page, indented under its label
    assert last.progress == (
        "Målet uppnås inte. Inga nya föreningsbidrag beslutades. Arbetet fortsätter under nästa år."
    )


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Mittarit ja tavotetaso:", ("measures", "", True)),  # misspelt after the label word
        ("Mittarit ja tavoitetaso", ("measures", "", False)),
        ("Toteutuminen: Toteutui osittain", ("assessment", "Toteutui osittain", True)),
        ("• Indikator: Antal besök", ("measures", "Antal besök", True)),
        ("Måluppfyllelse: Uppnått", ("assessment", "Uppnått", True)),
        ("Toteutuminen on ollut hyvää koko vuoden ajan", None),  # prose, not a label
        ("Toteutuma 31.12.2025 tilanteessa oli 30 oppilasta", None),
        ("Tavoite 2: Jonot lyhenevät", ("goal", "2. Jonot lyhenevät", True)),
        ("Tavoite", None),  # a goal label needs its colon and its text
        ("Tavoite toteutui tapahtumien osalta", None),
        ("Tavoitetaso: 95 %", ("target", "95 %", True)),
    ],
)
def test_labels(line: str, label: tuple[str, str, bool] | None) -> None:
    assert _label(line) == label


def test_goals_opened_by_a_label(tmp_path_factory: pytest.TempPathFactory) -> None:
    labelled = _extract(tmp_path_factory, "bun-verksamhetsberattelse-2025.pdf", LABELLED)
    rows = [
        (r.area, r.goal_no, r.goal, r.measure, r.target, r.rating.raw, r.rating.status)
        for r in labelled.records
    ]
    assert rows == [
        (
            "Barn- och utbildningsnämnden",
            "1",
            "Alla elever ska nå kunskapskraven",
            "Andel elever med godkända betyg",
            "95 %",
            "Delvis uppnått",
            "yellow",
        ),
        (
            "Barn- och utbildningsnämnden",
            "2",
            "Tryggheten i skolan ska öka",
            "Andel trygga elever",
            "90 %",
            "Målet uppnås",
            "green",
        ),
    ]


def test_values_under_their_own_labels(tmp_path_factory: pytest.TempPathFactory) -> None:
    (record,) = _extract(tmp_path_factory, "perusturva-tilinpaatos-2024.pdf", VALUES).records
    assert (
        record.area,
        record.goal,
        record.measure,
        record.baseline,
        record.target,
        record.actual,
        record.progress,
        record.rating.status,
    ) == (
        "Perusturvalautakunta",
        "Asiakkaat saavat palvelun ajallaan",
        "Hoitotakuun toteutuminen",
        "85 %",
        "95 %",
        "92 %",
        "Toteutui osittain. Jonoja purettiin syksyllä.",
        "yellow",
    )


def test_a_goal_assessed_on_the_next_page(tmp_path_factory: pytest.TempPathFactory) -> None:
    (record,) = _extract(tmp_path_factory, "tn-verksamhetsberattelse-2025.pdf", SPLIT).records
    assert (
        record.source.page,
        record.area,
        record.goal,
        record.measure,
        record.target,
        record.rating.status,
    ) == (
        2,
        "Tekniska nämnden",
        "Gatorna ska vara i gott skick",
        "Andel gator i gott skick",
        "80 %",
        "green",
    )
