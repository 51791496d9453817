"""What a run reads: files, folders and glob patterns, and the manifest that corrects what the
documents say about themselves.

A folder is walked recursively. A file in it is taken when its name ends like a report
(`REPORT_SUFFIXES`) or, whatever its name, when its first bytes are a PDF, Word, RTF or web page:
archives are full of `scan0001` and `.bak` copies. Hidden files and folders (a leading dot,
where caches live) are passed over. Entries that cannot be read (a symbolic link that loops or
leads nowhere, a file without read permission) are kept, so the run reports them as problems
instead of silently dropping them."""

from __future__ import annotations

import csv
import glob
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from goaltables.errors import GoalTablesError, UsageError
from goaltables.escapes import name_as_text
from goaltables.extract import REPORT_SUFFIXES, detect_format
from goaltables.records import Extraction, Phase

_GLOB_CHARACTERS = frozenset("*?[")
_ZIP_MAGIC = b"PK\x03\x04"
_ZIP_REPORT_PARTS = ("word/document.xml", "xl/workbook.xml", "content.xml")


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    source: str  # the name in the dataset: relative to the folder given, or the path as given

    @classmethod
    def named(cls, path: Path, name: str) -> InputFile:
        """`path`, whose name in the dataset is `name` with its undecodable bytes and control
        characters escaped (`escapes.name_as_text`): every output can hold it, every terminal
        show it."""
        return cls(path, name_as_text(name))


def collect_inputs(inputs: Iterable[str | Path]) -> list[InputFile]:
    """Files as given; the report files below each folder; the files a glob pattern matches
    (`reports/**/*.pdf`), each in sorted order. A name that is neither is kept: reading it
    gives the problem row that says so."""
    files: list[InputFile] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files.extend(
                InputFile.named(f, f.relative_to(path).as_posix()) for f in walk_folder(path)
            )
        elif not path.exists() and not path.is_symlink() and _GLOB_CHARACTERS & set(str(item)):
            files.extend(_glob(str(item)))
        else:
            files.append(InputFile.named(path, str(item)))
    return files


def _glob(pattern: str) -> list[InputFile]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        return [InputFile.named(Path(pattern), pattern)]  # reads as "no such file"
    found: list[InputFile] = []
    seen: set[tuple[int, int]] = set()
    for match in matches:
        path = Path(match)
        identity = _identity_or_none(path)
        if identity is not None:
            if identity in seen:
                continue  # the same file again through a linked folder (`**` follows links)
            seen.add(identity)
        if path.is_dir():
            found.extend(InputFile.named(f, f.as_posix()) for f in walk_folder(path))
        else:
            found.append(InputFile.named(path, path.as_posix()))
    return found


def walk_folder(folder: Path) -> list[Path]:
    """The report files below `folder`, sorted by path; linked folders are followed once each."""
    seen: set[tuple[int, int]] = set()
    found: list[Path] = []
    for root, folders, names in os.walk(folder, followlinks=True):
        here = Path(root)
        identity = _identity(here)
        if identity in seen:  # a link back up the tree: walked already
            folders.clear()
            continue
        seen.add(identity)
        folders[:] = [f for f in folders if not f.startswith(".")]
        found += [here / n for n in names if not n.startswith(".") and _is_report(here / n)]
    return sorted(found)


def _identity(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_dev, status.st_ino


def _identity_or_none(path: Path) -> tuple[int, int] | None:
    """The file's identity; for a link that leads nowhere, the link's own."""
    try:
        return _identity(path)
    except OSError:
        pass
    try:
        status = path.lstat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _is_report(path: Path) -> bool:
    if path.suffix.lower() in REPORT_SUFFIXES:
        return True
    try:
        if not path.is_file():
            return path.is_symlink()  # a broken or looping link: reported, not dropped
        with path.open("rb") as handle:
            start = handle.read(2048)  # as much as detect_format looks at
    except OSError:
        return True  # unreadable: reported, not dropped
    if start.startswith(_ZIP_MAGIC):
        return _zip_holds_a_report(path)  # by its table of contents, without reading it all
    try:
        return detect_format(start, path.name) != "text"
    except GoalTablesError:
        return bool(start.strip())  # an Office file goaltables names but does not read: reported


def _zip_holds_a_report(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    return any(part in names for part in _ZIP_REPORT_PARTS)


# A file's path or name -> organisation, year, phase, series (each may be empty).
Manifest = dict[str, dict[str, str]]
MANIFEST_FIELDS = ("organisation", "year", "phase", "series")
_PHASES: dict[str, Phase] = {"plan": "plan", "interim": "interim", "outcome": "outcome"}


def read_manifest(path: str | Path) -> Manifest:
    """A CSV of path, organisation, year, phase, series (any but path may be empty) for
    documents that say too little about themselves, or say it wrongly. `series` keeps apart
    documents of one organisation that should not be linked (two sectors' reports, say)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            sample = handle.readline()
            handle.seek(0)
            delimiter = ";" if sample.count(";") > sample.count(",") else ","
            rows = list(csv.DictReader(handle, delimiter=delimiter))
    except OSError as error:
        raise UsageError(f"{path}: cannot read the manifest ({error.strerror})") from None
    manifest: Manifest = {}
    for number, row in enumerate(rows, start=2):
        year, phase = (row.get("year") or "").strip(), (row.get("phase") or "").strip()
        if not row.get("path") or (year and not year.isdigit()) or (phase and phase not in _PHASES):
            raise UsageError(
                f"{path}, line {number}: need a path, a year like 2023, "
                "a phase plan|interim|outcome"
            )
        manifest[row["path"].strip()] = {k: (row.get(k) or "").strip() for k in MANIFEST_FIELDS}
    return manifest


def with_manifest(extraction: Extraction, item: InputFile, manifest: Manifest) -> Extraction:
    """The manifest's values for this file (by its path as given, its source or its name)."""
    entry = (
        manifest.get(str(item.path)) or manifest.get(item.source) or manifest.get(item.path.name)
    )
    if not entry:
        return extraction
    doc = extraction.document
    year = int(entry["year"]) if entry.get("year") else doc.year
    phase = _PHASES.get(entry.get("phase", ""), doc.phase)
    organisation = entry.get("organisation") or doc.organisation
    series = entry.get("series") or doc.series
    doc = replace(doc, year=year, phase=phase, organisation=organisation, series=series)
    records = [
        replace(r, year=year, phase=phase, organisation=organisation) for r in extraction.records
    ]
    return Extraction(doc, records)
