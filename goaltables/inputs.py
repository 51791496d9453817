"""What a run reads: files, folders and glob patterns, and the manifest that corrects what the
documents say about themselves.

A folder is walked recursively. A file in it is taken when its name ends like a report
(`REPORT_SUFFIXES`) or, whatever its name, when its first bytes are a PDF, Word, RTF or web page:
archives are full of `scan0001` and `.bak` copies. Hidden files and folders (a leading dot,
where caches live) are passed over. Entries that cannot be read (a symbolic link that loops or
leads nowhere, a file without read permission) are kept, so the run reports them as problems
instead of silently dropping them. A `.csv` is taken when a row of it names goal-table columns;
the output folder and goaltables' own outputs are never taken (`is_own_output`)."""

from __future__ import annotations

import csv
import glob
import os
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from goaltables.errors import GoalTablesError, UsageError
from goaltables.escapes import name_as_text
from goaltables.export.schema import DOCUMENTS, GOALS, REPORT_GENERATOR, WORKBOOK_SHEETS
from goaltables.extract import REPORT_SUFFIXES, detect_format
from goaltables.extract.tabular import has_goal_header
from goaltables.extract.textio import decode_text
from goaltables.records import Extraction, Phase, Problem

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


def collect_inputs(inputs: Iterable[str | Path], out_dir: Path | None = None) -> list[InputFile]:
    """Files as given; the report files below each folder; the files a glob pattern matches
    (`reports/**/*.pdf`), each in sorted order. With one folder, a file's source is its path
    below it; with several inputs, the path as reached from the input (`amb/2022/tp.pdf`,
    `amb/2023/tp.pdf`), so no two files share a source. `out_dir` and goaltables' own outputs
    (`is_own_output`) are never inputs. UsageError for an input that is no file, no folder
    and no pattern that matches one: a typo must not replace a dataset."""
    given = list(inputs)
    skip = {_identity(out_dir)} if out_dir is not None and out_dir.is_dir() else set()
    files: list[InputFile] = []
    for item in given:
        files.extend(_collect_one(item, skip, prefixed=len(given) > 1))
    return files


def _collect_one(item: str | Path, skip: set[tuple[int, int]], prefixed: bool) -> list[InputFile]:
    path = Path(item)
    if path.is_dir():
        return [
            InputFile.named(f, (f if prefixed else f.relative_to(path)).as_posix())
            for f in walk_folder(path, skip)
        ]
    if path.exists() or path.is_symlink():  # a broken link is read, and reported, as a file
        return [InputFile.named(path, str(item))]
    if _GLOB_CHARACTERS & set(str(item)):
        return _glob(str(item), skip)
    raise UsageError(f"{name_as_text(str(item))}: no such file or folder")


def _glob(pattern: str, skip: set[tuple[int, int]]) -> list[InputFile]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        raise UsageError(f"{name_as_text(pattern)}: no file or folder matches this pattern")
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
            found.extend(InputFile.named(f, f.as_posix()) for f in walk_folder(path, skip))
        elif not _inside(path, skip) and not is_own_output(path):
            found.append(InputFile.named(path, path.as_posix()))
    return found


def walk_folder(folder: Path, skip: set[tuple[int, int]] | None = None) -> list[Path]:
    """The report files below `folder`, sorted by path; linked folders are followed once each;
    the folders in `skip` (by identity: the output folder) are passed over."""
    seen: set[tuple[int, int]] = set(skip or ())
    found: list[Path] = []
    # A folder that cannot be listed is kept as an input: reading it fails with its reason
    # ("permission denied"), so the run reports it instead of dropping what it holds.
    unlisted = lambda error: found.append(Path(error.filename))  # noqa: E731
    for root, folders, names in os.walk(folder, followlinks=True, onerror=unlisted):
        here = Path(root)
        identity = _identity(here)
        if identity in seen:  # a link back up the tree (walked already), or the output folder
            folders.clear()
            continue
        seen.add(identity)
        folders[:] = [f for f in folders if not f.startswith(".")]
        found += [here / n for n in names if not n.startswith(".") and _is_report(here / n)]
    return sorted(found)


def _inside(path: Path, folders: set[tuple[int, int]]) -> bool:
    """Whether `path` lies in one of `folders` (given by identity)."""
    return bool(folders) and any(_identity_or_none(p) in folders for p in path.absolute().parents)


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
    suffix = path.suffix.lower()
    if is_own_output(path):
        return False
    if suffix == ".csv":  # manifests, review files and other data are no reports
        return _holds_goal_table(path)
    if suffix in REPORT_SUFFIXES:
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


def is_own_output(path: Path) -> bool:
    """Whether `path` is something goaltables wrote, by its content: a CSV whose header holds
    only the dataset's columns (goals.csv, documents.csv), a workbook of the dataset's sheets
    (goals.xlsx), the report page. A folder walk passes them over wherever they lie, so a
    second run over `reports/` never reads `reports/out/` back in."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return _own_columns(_start_of(path, 4096).partition(b"\n")[0])
        if suffix in (".html", ".htm"):
            return REPORT_GENERATOR.encode() in _start_of(path, 2048)
        if suffix == ".xlsx":
            return _sheet_names(path) == list(WORKBOOK_SHEETS)
    except (OSError, zipfile.BadZipFile, KeyError):
        return False  # unreadable: the reading reports it
    return False


_OWN_COLUMNS = frozenset(c.name for c in (*GOALS, *DOCUMENTS))
# A header of this many of the dataset's own column names and nothing else is goaltables'
# (goals.csv has 22, documents.csv 14, the samples' truth files 19); a hand-made table that
# happens to use a few of the names ("goal", "target", "status") is still read.
_OWN_HEADER_WIDTH = 10
_SHEET_NAME = re.compile(rb'<sheet\b[^>]*\bname="([^"]*)"')


def _own_columns(header: bytes) -> bool:
    text = header.decode("utf-8", "replace").removeprefix("\ufeff").strip()
    cells = [c.strip().strip('"') for c in re.split("[,;]", text)]
    return len(cells) >= _OWN_HEADER_WIDTH and set(cells) <= _OWN_COLUMNS


def _sheet_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        listed = archive.read("xl/workbook.xml")
    return [name.decode("utf-8", "replace") for name in _SHEET_NAME.findall(listed)]


def _start_of(path: Path, size: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)


_CSV_SAMPLE = 262_144  # bytes of a .csv read to find a goal-table header


def _holds_goal_table(path: Path) -> bool:
    """A .csv is a report when a row of it names goal-table columns; one that cannot be read
    or decoded is taken, so the reading reports why."""
    try:
        start = _start_of(path, _CSV_SAMPLE)
        text = decode_text(start[: start.rfind(b"\n") + 1] or start, path.name).text
    except (OSError, GoalTablesError):
        return True
    return has_goal_header(text)


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


def _manifest_keys(item: InputFile) -> tuple[str, str, str]:
    """What a manifest row's path may name a file by: its path as given, its source, its name."""
    return str(item.path), item.source, item.path.name


def unmatched_manifest_rows(manifest: Manifest, items: Iterable[InputFile]) -> list[Problem]:
    """A note for each manifest row that no input answers to: a typo would go unseen."""
    used = {key for item in items for key in _manifest_keys(item)}
    return [
        Problem(path, "note", "named in the manifest, but no input is this file")
        for path in manifest
        if path not in used
    ]


def with_manifest(extraction: Extraction, item: InputFile, manifest: Manifest) -> Extraction:
    """The manifest's values for this file (by its path as given, its source or its name)."""
    entry = next((manifest[k] for k in _manifest_keys(item) if k in manifest), None)
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
