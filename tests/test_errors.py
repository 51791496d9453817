"""The one-line messages users see, each naming the file and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from goaltables.errors import (
    DamagedFile,
    NoGoalTable,
    UnknownEncoding,
    UnreadableFile,
    UnsupportedFormat,
)
from goaltables.extract import extract


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "error", "message"),
    [
        ("tyhja.txt", b"", UnsupportedFormat, "tyhja.txt: the file is empty"),
        ("tyhja2.txt", b"  \n\n", UnsupportedFormat, "tyhja2.txt: the file is empty"),
        ("raportti.txt", b"%PDF-1.7\n...", DamagedFile, "raportti.txt: damaged or truncated PDF"),
        ("raportti.docx", b"PK\x03\x04rest", DamagedFile, "raportti.docx: a damaged zip file"),
        (
            "vanha.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            UnsupportedFormat,
            "vanha.doc: an OLE file",
        ),
        ("kuva.txt", bytes(range(256)), UnknownEncoding, "kuva.txt: not text in UTF-8, UTF-16"),
        (
            "muistio.txt",
            b"Kokous alkoi kello 9.\n",
            NoGoalTable,
            "muistio.txt: no goal table",
        ),
        (
            "vain-otsikko.txt",
            b"Tavoite\tMittari\tArvio\n",
            NoGoalTable,
            "vain-otsikko.txt: a goal-table header but no rows",
        ),
    ],
)
def test_bad_input_messages(
    tmp_path: Path, name: str, data: bytes, error: type, message: str
) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(error, match="^" + message.replace(".", r"\.")):
        extract(path, name)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"^puuttuu\.txt: no such file$"):
        extract(tmp_path / "puuttuu.txt", "puuttuu.txt")


def test_folder_given_as_a_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"is a folder, not a file$"):
        extract(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # CI runs as root, which reads a chmod-0 file; so the refusal is the file system's, simulated.
    path = _write(tmp_path, "salainen.txt", b"x")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(UnreadableFile, match=r"^salainen\.txt: permission denied$"):
        extract(path, "salainen.txt")
