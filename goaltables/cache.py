"""A cache of what each file gave, so a re-run reads only new and changed files.

An entry's key is the file's content hash, its base name (a year may come from the name alone),
the read options, and the tool's fingerprint: its version, a hash of its own code and the
versions of the libraries that read files. Change any of these and the key changes, so an
entry is never stale. Entries live under a folder per fingerprint; the folders of other
fingerprints are removed when a run opens the cache.

Each entry is one file, written to a temporary name and renamed into place, so a crash or a
kill leaves every entry whole or absent: the cache is consistent at every moment. Entries are
pickles, which load only what this tool wrote: keep the cache in a folder only you write."""

from __future__ import annotations

import hashlib
import pickle
import shutil
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from goaltables import __version__
from goaltables.export.files import atomic_path

# Libraries whose upgrade may change what a file gives.
_READING_LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2", "python-docx", "openpyxl", "lxml")
_PACKAGE = Path(__file__).resolve().parent


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


@dataclass(frozen=True)
class ExtractionCache:
    """Entries under `folder/<fingerprint>/`: `get` what a key stored, `put` a new one."""

    folder: Path

    @classmethod
    def open(cls, root: Path) -> ExtractionCache:
        """The cache of this tool version in `root`; other versions' entries are removed."""
        fingerprint = tool_fingerprint()
        if root.is_dir():
            for old in root.iterdir():
                if old.is_dir() and old.name != fingerprint:
                    shutil.rmtree(old, ignore_errors=True)
        return cls(root / fingerprint)

    @staticmethod
    def key(content_hash: str, name: str, options_key: str) -> str:
        return hashlib.sha256(f"{content_hash}\0{name}\0{options_key}".encode()).hexdigest()

    def get(self, key: str) -> object | None:
        """The stored value, or None when there is none (or it cannot be loaded)."""
        path = self._path(key)
        try:
            with path.open("rb") as handle:
                stored: object = pickle.load(handle)
                return stored
        except FileNotFoundError:
            return None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            path.unlink(missing_ok=True)  # unreadable: read the file again instead
            return None

    def put(self, key: str, value: object) -> None:
        path = self._path(key)
        with atomic_path(path) as temporary:
            temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def __len__(self) -> int:
        return sum(1 for _ in self.folder.glob("*/*.pickle")) if self.folder.is_dir() else 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"
