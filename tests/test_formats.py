"""One report in seven formats gives the same records (pages aside): the 2022 outcome of the
corpus as PDF and DOCX (samples/pdf) and as ODT, DOC, RTF, HTML and XLSX (samples/formats)."""

from __future__ import annotations

from pathlib import Path

import pytest

from goaltables.extract import extract
from tests.golden_samples import SAMPLES
from tests.truth import compare

TRUTH = SAMPLES / "pdf" / "truth" / "2022-outcome-landscape-merged-traffic-lights.csv"
FORMATS = {
    "pdf": SAMPLES / "pdf" / "2022-outcome-landscape-merged-traffic-lights.pdf",
    "docx": SAMPLES / "pdf" / "2022-outcome-landscape-merged-traffic-lights.docx",
    **{
        s: SAMPLES / "formats" / f"2022-outcome-merged-traffic-lights.{s}"
        for s in ("odt", "doc", "rtf", "html", "xlsx")
    },
}


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_one_report_in_every_format_gives_the_same_records(kind: str) -> None:
    result = compare(FORMATS[kind], TRUTH, () if kind == "pdf" else ("page",))
    assert (result.read_rows, result.matched_rows, result.wrong) == (27, 27, {})


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_the_format_is_told_by_content(kind: str, tmp_path: Path) -> None:
    renamed = tmp_path / "raportti.bin"
    renamed.write_bytes(FORMATS[kind].read_bytes())
    assert extract(renamed).document.format.split()[0] == kind


def test_without_libreoffice_the_message_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    from goaltables.errors import MissingTool

    with pytest.raises(MissingTool, match=r"needs LibreOffice.*libreoffice-writer-nogui"):
        extract(FORMATS["odt"], "raportti.odt")
