"""The cache holds data, never code: a planted pickle or a changed entry is passed over with a
note, the file is read again, and the run's output is what a run without the cache gives."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from goaltables.cache import ExtractionCache, Rejected, entry_bytes, read_entry
from goaltables.cli import main
from goaltables.records import DocumentInfo, Extraction, Failure, Rating, Record, Source

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "samples" / "pdf" / "2023-interim-html-borderless-svg-circles.html"
KEY = "ab" * 32


class _Planted:
    """A pickle that, once loaded, would create `marker`: what an attacker's code would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return open, (str(self.marker), "w")


def _invoke(*arguments: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in arguments])
    return result.exit_code, result.stderr


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*/*/*.json"))


def test_a_planted_pickle_and_a_changed_entry_are_passed_over(
    tmp_path: Path, seed_001: Path
) -> None:
    cache, marker = tmp_path / "cache", tmp_path / "marker"
    code, said = _invoke("run", seed_001, HTML, "-o", tmp_path / "first", "--cache", cache)
    assert code == 0, said
    planted, changed = _entries(cache)
    attack = pickle.dumps(_Planted(marker))
    planted.with_suffix(".pickle").write_bytes(attack)  # where the old cache kept its pickles
    planted.write_bytes(attack)
    changed.write_bytes(changed.read_bytes().replace(b'"goal":"', b'"goal":"forged '))

    code, said = _invoke("run", seed_001, HTML, "-o", tmp_path / "second", "--cache", cache)
    assert code == 0, said
    assert not marker.exists()  # nothing ran
    assert said.count("its cache entry was not used") == 2
    assert "its bytes do not match its hash" in said and "not a goaltables cache entry" in said
    first, second = tmp_path / "first" / "goals.csv", tmp_path / "second" / "goals.csv"
    assert second.read_bytes() == first.read_bytes()  # read again, not forged

    code, said = _invoke("run", seed_001, HTML, "-o", tmp_path / "third", "--cache", cache)
    assert said.count("(from the cache)") == 2  # the entries were renewed
    assert not marker.exists()


def _extraction() -> Extraction:
    source = Source("a.txt", None, 1, 3)
    record = Record(
        "d1", source, 2023, "plan", "Kunta", "", "Alue", "", "1", "Tavoite \x1b", "", "", "",
        "", "", "", Rating("1", 1, "toteutui", "green"),
    )  # fmt: skip
    return Extraction(DocumentInfo("d1", "a.txt", "text", year=2023, problems=("n",)), [record])


@pytest.mark.parametrize("outcome", [_extraction(), Failure("encrypted", "a password")])
def test_an_entry_reads_back_as_written(outcome: Extraction | Failure) -> None:
    assert read_entry(entry_bytes(KEY, outcome), KEY) == outcome


def _with_body(body: dict[str, object]) -> bytes:
    """An entry whose header and hash are right, holding `body`."""
    data = json.dumps(body).encode()
    header = {
        "format": "goaltables-cache",
        "schema": 1,
        "key": KEY,
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    return json.dumps(header).encode() + b"\n" + data + b"\n"


def _as_data() -> dict[str, object]:
    stored = entry_bytes(KEY, _extraction()).split(b"\n")[1]
    found: dict[str, object] = json.loads(stored)
    return found


def _year(year: object) -> dict[str, object]:
    data = _as_data()
    data["extraction"]["document"]["year"] = year  # type: ignore[index]
    return data


def _record_of(doc_id: str) -> dict[str, object]:
    data = _as_data()
    data["extraction"]["records"][0]["doc_id"] = doc_id  # type: ignore[index]
    return data


@pytest.mark.parametrize(
    ("stored", "reason"),
    [
        (b"", "not a goaltables cache entry"),
        (pickle.dumps(Failure("damaged", "x")), "not a goaltables cache entry"),
        (entry_bytes(KEY, _extraction())[:-40], "do not match its hash"),
        (entry_bytes("cd" * 32, _extraction()), "another schema or another file"),
        (_with_body({"pickle": {}}), "unknown outcome 'pickle'"),
        (_with_body(_year("2023")), "does not fit the record types"),
        (_with_body(_year(True)), "does not fit the record types"),
        (_with_body(_year(10**30)), "1000000000000000000000000000000 fits none"),
        (_with_body({"failure": {"kind": "x"}}), "fields"),
        (_with_body({"failure": {"kind": "x", "message": "y", "run": "z"}}), "fields"),
        (_with_body({"extraction": [[[]]]}), "an object expected"),
        (_with_body(_record_of("other")), "belong to another document"),
    ],
)
def test_an_entry_that_does_not_check_out_is_refused(stored: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        read_entry(stored, KEY)


def test_a_deeply_nested_entry_is_refused() -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    header = {
        "format": "goaltables-cache",
        "schema": 1,
        "key": KEY,
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    with pytest.raises(ValueError, match="nests too deep"):
        read_entry(json.dumps(header).encode() + b"\n" + body, KEY)


def test_a_bad_entry_is_removed_and_other_folders_are_kept(tmp_path: Path) -> None:
    (tmp_path / "my-notes").mkdir()  # --cache pointed at a folder of other things
    (tmp_path / "0123456789abcdef").mkdir()  # another version's entries
    cache = ExtractionCache.open(tmp_path)
    cache.put(KEY, _extraction())
    assert cache.get(KEY) == _extraction()
    path = cache.folder / KEY[:2] / f"{KEY}.json"
    path.write_bytes(b"garbage")
    assert isinstance(cache.get(KEY), Rejected)
    assert not path.exists() and cache.get(KEY) is None
    assert {p.name for p in tmp_path.iterdir()} == {"my-notes", cache.folder.name}


def test_a_pipe_or_a_link_in_an_entry_s_place_is_refused(tmp_path: Path) -> None:
    cache = ExtractionCache.open(tmp_path)
    cache.put(KEY, _extraction())
    path = cache.folder / KEY[:2] / f"{KEY}.json"
    path.unlink()
    os.mkfifo(path)  # reading it would wait for a writer for ever
    assert cache.get(KEY) == Rejected("not a plain file")
    path.symlink_to("/dev/zero")  # reading it would fill the memory
    assert cache.get(KEY) == Rejected("cannot be read (Too many levels of symbolic links)")
    assert not path.exists() and not path.is_symlink()
