"""Bounded memory and time (issue 17, points 4 and 5): a worker past its memory limit costs
its file a `memory` row and the batch goes on; LibreOffice runs under the same limits and
dies with its worker; readers refuse what cannot be a report before reading it; `extract`,
`tables` and `inspect` have a time limit too. No test asserts a time: a tiny limit triggers
the path, and a limit far below what a file needs triggers the memory path."""

from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from goaltables.cli import main
from goaltables.errors import TooLarge
from goaltables.extract import ReadLimits, ReadOptions, extract

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "samples" / "pdf" / "2023-outcome-long-report-shaded-cards.pdf"
FORMATS = ROOT / "samples" / "formats"
GOALTABLES = [sys.executable, "-m", "goaltables"]
# Far below what reading 30 MB of text takes (over 250 MB more than a worker starts with),
# far above what a small report takes (it reads under 50).
SMALL_MEMORY = "100"


def _big_text(path: Path, megabytes: int = 30) -> Path:
    """Finnish-looking prose with no goal table: it needs far more memory than its size."""
    words = ["kunta", "palvelu", "asukas", "kehittää", "vuosi", "määrä", "talous", "koulu"]
    pick = random.Random(6).choice
    block = "\n".join(" ".join(pick(words) for _ in range(12)) for _ in range(5000)) + "\n"
    data = block.encode()
    path.write_bytes(data * (megabytes * 1024 * 1024 // len(data) + 1))
    return path


def _goaltables(*arguments: str | Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """A fresh process: the memory a forked worker starts from is goaltables', not pytest's."""
    command = [*GOALTABLES, *map(str, arguments)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)  # type: ignore[call-overload, no-any-return]


def test_a_file_past_the_memory_limit_is_a_memory_row(tmp_path: Path, seed_001: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_001, folder / "luonnos.txt")
    _big_text(folder / "huge.txt")
    out = tmp_path / "out"
    done = _goaltables("run", folder, "-o", out, "--memory", SMALL_MEMORY, "--jobs", "1")
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    problems = pd.read_csv(out / "problems.csv", dtype=str)
    memory = problems[problems["kind"] == "memory"]
    assert memory["source"].tolist() == ["huge.txt"]
    assert memory["message"].iloc[0] == (
        f"needed more than the memory limit of {SMALL_MEMORY} MB and was stopped (see --memory)"
    )
    goals = pd.read_csv(out / "goals.csv", dtype=str)
    assert goals["source"].tolist() == ["luonnos.txt"] * 9  # the good file's every row


def test_extract_past_the_memory_limit_is_one_line(tmp_path: Path) -> None:
    done = _goaltables("extract", _big_text(tmp_path / "huge.txt"), "--memory", SMALL_MEMORY)
    assert done.returncode == 1
    assert done.stderr == (
        f"error: {tmp_path}/huge.txt: needed more than the memory limit of {SMALL_MEMORY} MB "
        "and was stopped (see --memory)\n"
    )


@pytest.mark.parametrize(
    "command",
    [["extract", PDF], ["tables", PDF, "--json"], ["inspect", PDF, "--pages", "1", "-o", "pics"]],
)
def test_every_one_file_command_has_a_time_limit(
    command: list[str | Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*map(str, command), "--timeout", "0.001"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {PDF}: took longer than 0.001 s and was stopped (see --timeout)\n"
    )


def test_the_time_limit_defaults_as_run_does() -> None:
    for command in ("run", "extract", "tables", "inspect"):
        said = " ".join(CliRunner().invoke(main, [command, "--help"]).output.split())
        assert "--timeout" in said and "[default: 300.0; x>=0]" in said, command
        assert "--memory MB" in said and "[default: 2048; x>=0]" in said, command


_FAKE_SOFFICE = """#!/bin/sh
# A LibreOffice that never ends: it starts a child of its own and waits, as soffice does.
ulimit -v > "$FAKE_SOFFICE_DIR/ulimit"
sleep 600 &
echo $! > "$FAKE_SOFFICE_DIR/child"
wait
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_libreoffice_dies_with_its_worker_under_its_limits(tmp_path: Path) -> None:
    bin_dir, seen, temporary = tmp_path / "bin", tmp_path / "seen", tmp_path / "tmp"
    for folder in (bin_dir, seen, temporary):
        folder.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text(_FAKE_SOFFICE)
    fake.chmod(0o755)
    environment = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "FAKE_SOFFICE_DIR": str(seen),
        "TMPDIR": str(temporary),
    }
    report = FORMATS / "2022-outcome-merged-traffic-lights.odt"
    arguments = ("run", report, "-o", tmp_path / "out", "--timeout", "3", "--memory", "1500")
    done = _goaltables(*arguments, env=environment)
    assert done.returncode == 1, done.stderr
    assert "took longer than 3 s and was stopped" in done.stderr
    limit = (seen / "ulimit").read_text().strip()  # KiB: the worker's limit, inherited
    assert limit != "unlimited" and 1500 * 1024 < int(limit) < 2500 * 1024
    child = int((seen / "child").read_text())
    for _ in range(100):  # the kill is sent before the run ends; its reaping may lag
        if not _alive(child):
            break
        time.sleep(0.1)
    assert not _alive(child)
    assert not list(temporary.glob("goaltables-*"))  # the conversion's folder removed


def _workbook(sheet_xml: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buffer.getvalue()


_SHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{}</sheetData></worksheet>'


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            '<row r="1048576"><c r="A1048576"><v>1</v></c></row>',
            "a sheet past row 1,048,576 (cap ReadLimits.max_xlsx_rows = 100,000)",
        ),
        (
            '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row>',
            "a sheet past column 16,384 (cap ReadLimits.max_xlsx_columns = 1,000)",
        ),
    ],
)
def test_a_sheet_past_its_caps_is_refused_in_one_line(
    rows: str, message: str, tmp_path: Path
) -> None:
    workbook = tmp_path / "iso.xlsx"
    workbook.write_bytes(_workbook(_SHEET.format(rows)))
    result = CliRunner().invoke(main, ["extract", str(workbook)])
    assert result.exit_code == 1
    assert result.stderr == f"error: {workbook}: refused before reading: {message}\n"


def _pdf_with_a_stream(unpacked: int) -> bytes:
    packed = zlib.compress(b" " * unpacked)
    return (
        b"%%PDF-1.4\n1 0 obj\n<</Length %d/Filter/FlateDecode>>stream\n" % len(packed)
        + packed
        + b"\nendstream\nendobj\ntrailer\n<<>>\n%%EOF\n"
    )


def test_each_cap_is_a_setting_with_its_own_message(tmp_path: Path) -> None:
    text = tmp_path / "big.txt"
    text.write_bytes(b"Tavoite\tMittari\n" * 200_000)  # 3 MB
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_pdf_with_a_stream(3 * 1024 * 1024))
    cases = [
        (text, ReadLimits(max_text_mb=2), "3 MB of text (cap ReadLimits.max_text_mb = 2)"),
        (PDF, ReadLimits(max_pdf_pages=2), "21 pages (cap ReadLimits.max_pdf_pages = 2)"),
        (
            bomb,
            ReadLimits(max_pdf_stream_mb=2),
            "a stream unpacks to more than 2 MB (cap ReadLimits.max_pdf_stream_mb = 2)",
        ),
        (
            FORMATS / "2022-outcome-merged-traffic-lights.xlsx",
            ReadLimits(max_xlsx_rows=3),
            "(cap ReadLimits.max_xlsx_rows = 3)",
        ),
    ]
    for path, limits, message in cases:
        with pytest.raises(TooLarge, match="refused before reading: ") as refused:
            extract(path, "x", ReadOptions(limits=limits))
        assert str(refused.value).endswith(message), str(refused.value)
    assert extract(PDF).records  # the default caps leave a report alone
    with pytest.raises(ValueError, match="max_text_mb must be at least 1"):
        ReadLimits(max_text_mb=0)


def test_a_charset_that_is_no_text_encoding_is_not_used(tmp_path: Path) -> None:
    """`punycode` decodes in quadratic time: the page spun for 300 s. Now it is read as a page
    without a declaration, and gives what the page gives."""
    page = FORMATS / "2022-outcome-merged-traffic-lights.html"
    hostile = tmp_path / "page.html"
    text = page.read_text(encoding="utf-8")
    hostile.write_text(text.replace("<head>", '<head><meta charset="punycode">', 1), "utf-8")
    assert 'charset="punycode"' in hostile.read_text(encoding="utf-8")
    read = [(r.area, r.goal, r.measure, r.rating) for r in extract(hostile).records]
    assert read == [(r.area, r.goal, r.measure, r.rating) for r in extract(page).records]
