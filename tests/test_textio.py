from __future__ import annotations

import codecs

import pytest

from goaltables.errors import UnknownEncoding
from goaltables.extract.textio import (
    clean_cell,
    collapse_spaces,
    decode_text,
    join_lines,
    strip_html,
)

FINNISH = "Hyvinvointia ja turvallisuutta edistävien kasvu- ja oppimisympäristöjen rakentaminen.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (FINNISH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + FINNISH.encode("utf-8"), "utf-8-sig"),
        (FINNISH.encode("utf-16"), "utf-16"),  # with BOM, as Excel writes "Unicode text"
        (FINNISH.encode("utf-16-le"), "utf-16-le"),
        (FINNISH.encode("utf-16-be"), "utf-16-be"),
        ((FINNISH + "Hinta 5 € – arvio").encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    decoded = decode_text(data, "x.txt")
    assert decoded.encoding == encoding
    assert decoded.text.startswith("Hyvinvointia ja turvallisuutta edistävien")


def test_bytes_that_are_control_codes_in_latin1_are_refused() -> None:
    # 0x8D is unassigned in Windows-1252 and a control code in Latin-1: text in neither.
    with pytest.raises(UnknownEncoding, match="not text in UTF-8, UTF-16, Windows-1252 or Latin-1"):
        decode_text("Päätös".encode("latin-1") + b"\x8d", "old.txt")


def test_latin1_text_reads_as_cp1252_identically() -> None:
    # For ä, ö, å the two encodings agree, so either name gives the same text.
    assert decode_text("Päätös ja yhteistyö".encode("latin-1"), "x").text == "Päätös ja yhteistyö"


def test_utf8_with_many_symbols_in_target_columns_is_read() -> None:
    # Issue 18, point 6: symbols were over a tenth of the non-ASCII characters and the export
    # was refused whole. Nearly all of them are symbols here, and it is still UTF-8 text.
    targets = "Tavoite\tTavoitetaso\nPäästöt\t≥ 20 % → 2025, −3 t/m², ≤ 5 ‰\n" * 3
    assert decode_text(targets.encode("utf-8"), "x.txt").text == targets


def test_an_8bit_guess_still_refuses_unlikely_symbols() -> None:
    # Windows-1252 is a guess: bytes that decode to a run of rare symbols are not text.
    with pytest.raises(UnknownEncoding, match="unlikely symbols"):
        decode_text(bytes(range(0xA1, 0xC0)) * 4, "odd.txt")


def test_binary_is_refused_with_the_file_name() -> None:
    with pytest.raises(UnknownEncoding, match=r"^scan\.bin: not text"):
        decode_text(bytes(range(256)) * 4, "scan.bin")


def test_line_ends_are_normalised() -> None:
    assert decode_text(b"a\r\nb\rc\n", "x").text == "a\nb\nc\n"


def test_hyphen_at_line_end_is_a_compound() -> None:
    assert join_lines(["työhyvinvoinnin näkökulmasta ja tasa-", "arvo ja yhdenvertaisuuteen"]) == (
        "työhyvinvoinnin näkökulmasta ja tasa-arvo ja yhdenvertaisuuteen"
    )
    assert join_lines(["osana tva-", "järjestelmää."]) == "osana tva-järjestelmää."


def test_dashes_at_line_ends() -> None:
    assert join_lines(["lukuvuoden 2023–", "2024 alusta"]) == "lukuvuoden 2023–2024 alusta"
    assert (
        join_lines(["KiVa Koulu -", "ohjelman toteutumista"]) == "KiVa Koulu -ohjelman toteutumista"
    )


def test_suspended_compound_keeps_its_space() -> None:
    assert join_lines(["kasvatus-", "ja opetuspalveluiden"]) == "kasvatus- ja opetuspalveluiden"
    assert join_lines(["Tieto- ja ", "viestintäteknologian"]) == "Tieto- ja viestintäteknologian"


def test_spaces_collapse_including_no_break_spaces() -> None:
    assert collapse_spaces("valmistelu\u00a0 toteutettu  velvoitteiden ") == (
        "valmistelu toteutettu velvoitteiden"
    )


def test_html_fragments_and_entities_are_removed() -> None:
    assert strip_html("<p>Opetuspalvelut ja varhaiskasvatuspalvelut</p>").strip() == (
        "Opetuspalvelut ja varhaiskasvatuspalvelut"
    )
    assert clean_cell("<p>Kasvatus&nbsp;&amp; opetus<br>2021</p>") == "Kasvatus & opetus 2021"
    assert clean_cell("tulos < 5 % ja > 2 %") == "tulos < 5 % ja > 2 %"


def test_typos_are_kept() -> None:
    assert clean_cell("opiskelijapalautte sekä") == "opiskelijapalautte sekä"
