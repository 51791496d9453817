"""A cache of what each file gave, so a re-run reads only new and changed files.

An entry's key is the file's content hash, its base name (a year may come from the name alone),
the read options, and the tool's fingerprint: its version, a hash of its own code and the
versions of the libraries that read files. Change any of these and the key changes, so an
entry is never stale. Entries live under a folder per fingerprint; the folders of other
fingerprints are removed when a run opens the cache.

Each entry is one file, written to a temporary name and renamed into place, so a crash or a
kill leaves every entry whole or absent: the cache is consistent at every moment.

Entries are data, never code: two lines of JSON, a header (format, schema version, the entry's
key and the sha256 of the second line) and the Extraction or Failure (`serialize`). A cache
folder may come from anyone (output folders are zipped and shared), so an entry is used only
when its header, hash and every field's type check out; any other is passed over with the
reason, and the file is read again. Nothing in the folder is ever unpickled or run. The hash
catches damage and careless edits; it is no signature (whoever can write the folder can rewrite
both lines), nor need it be: an entry can only hold what a report file could give."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import stat
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from goaltables import __version__
from goaltables.export.files import atomic_path
from goaltables.records import Extraction, Failure
from goaltables.serialize import outcome_from_data, outcome_to_data

# Libraries whose upgrade may change what a file gives.
_READING_LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2", "python-docx", "openpyxl", "lxml")
_PACKAGE = Path(__file__).resolve().parent
ENTRY_FORMAT = "goaltables-cache"
ENTRY_SCHEMA = 1  # the entry's layout; the records' own types are covered by the fingerprint
# A fingerprint folder's name: only such folders are removed as another version's, so
# `--cache DIR` pointed at a folder of other things never deletes them.
_FINGERPRINT = re.compile(r"[0-9a-f]{16}")


@cache
def tool_fingerprint() -> str:
    """The version, the package's own code and the reading libraries' versions, hashed."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in {".py", ".toml"}:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    for library in _READING_LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=none".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Rejected:
    """A cache entry that was there but could not be used, and why: the file is read again."""

    reason: str


@dataclass(frozen=True)
class ExtractionCache:
    """Entries under `folder/<fingerprint>/`: `get` what a key stored, `put` a new one."""

    folder: Path

    @classmethod
    def open(cls, root: Path) -> ExtractionCache:
        """The cache of this tool version in `root`; other versions' entries are removed."""
        fingerprint = tool_fingerprint()
        with contextlib.suppress(OSError):  # an unreadable folder: its entries are missed
            for old in root.iterdir():
                if _FINGERPRINT.fullmatch(old.name) and old.name != fingerprint and old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
        return cls(root / fingerprint)

    @staticmethod
    def key(content_hash: str, name: str, options_key: str) -> str:
        # surrogatepass: a file name's bytes need not be UTF-8 (os.fsdecode gives surrogates)
        text = f"{content_hash}\0{name}\0{options_key}"
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> Extraction | Failure | Rejected | None:
        """The stored outcome; None when there is none; Rejected when the entry cannot be
        trusted or read (it is removed: the file's next reading replaces it)."""
        path = self._path(key)
        try:
            return read_entry(_read_plain_file(path), key)
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            with contextlib.suppress(OSError):
                path.unlink()
            if isinstance(error, OSError):
                return Rejected(f"cannot be read ({error.strerror})")
            return Rejected(str(error))

    def put(self, key: str, value: Extraction | Failure) -> None:
        path = self._path(key)
        with atomic_path(path) as temporary:
            temporary.write_bytes(entry_bytes(key, value))

    def __len__(self) -> int:
        return sum(1 for _ in self.folder.glob("*/*.json")) if self.folder.is_dir() else 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"


def _read_plain_file(path: Path) -> bytes:
    """The bytes of `path` if it is a regular file. A link, a pipe or a device planted in an
    entry's place is refused: a pipe would block the run, /dev/zero fill its memory."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ValueError("not a plain file")
        return handle.read()


def entry_bytes(key: str, value: Extraction | Failure) -> bytes:
    """The header line and the outcome's line, as stored."""
    body = json.dumps(outcome_to_data(value), ensure_ascii=True, separators=(",", ":")).encode()
    header = {
        "format": ENTRY_FORMAT,
        "schema": ENTRY_SCHEMA,
        "key": key,
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    return json.dumps(header).encode() + b"\n" + body + b"\n"


def read_entry(stored: bytes, key: str) -> Extraction | Failure:
    """The outcome an entry holds, after its header and hash are checked; ValueError (saying
    what did not check out) for anything else, a planted pickle included."""
    first, _, rest = stored.partition(b"\n")
    body = rest.removesuffix(b"\n")
    try:
        header = json.loads(first)
    except (ValueError, RecursionError):
        raise ValueError("not a goaltables cache entry") from None
    if not isinstance(header, dict) or header.get("format") != ENTRY_FORMAT:
        raise ValueError("not a goaltables cache entry")
    if header.get("schema") != ENTRY_SCHEMA or header.get("key") != key:
        raise ValueError("written for another schema or another file")
    if header.get("sha256") != hashlib.sha256(body).hexdigest():
        raise ValueError("its bytes do not match its hash: changed or damaged")
    try:
        outcome = outcome_from_data(json.loads(body))
    except RecursionError:
        raise ValueError("its data nests too deep") from None
    except ValueError as error:
        raise ValueError(f"its data does not fit the record types ({error})") from None
    if isinstance(outcome, Extraction) and any(
        r.doc_id != outcome.document.doc_id for r in outcome.records
    ):
        raise ValueError("its records belong to another document")
    return outcome
