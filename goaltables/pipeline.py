"""run(inputs) -> Result: extract every file, normalize, and hand the dataset to export.

A file that fails becomes a Problem (and a documents row saying why); the batch goes on."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from goaltables.errors import GoalTablesError, UsageError
from goaltables.extract import REPORT_SUFFIXES, ReadOptions, document_id, extract
from goaltables.normalize import Linking, LinkSettings, assign_goal_ids, link_documents
from goaltables.normalize.link import Decisions, assign_linked_ids
from goaltables.records import DocumentInfo, Extraction, Phase, Problem, Record

# Problem kinds that report something but do not fail the file.
NOT_FAILURES = frozenset({"note", "duplicate"})


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    source: str  # the name in the dataset: relative to the folder given, or the path as given


@dataclass
class Result:
    documents: list[DocumentInfo] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    linking: Linking = field(default_factory=Linking)

    @property
    def failed_sources(self) -> list[str]:
        """Inputs that gave no records because of an error (notes and duplicates aside)."""
        return sorted({p.source for p in self.problems if p.kind not in NOT_FAILURES})


def collect_inputs(inputs: Iterable[str | Path]) -> list[InputFile]:
    """Files as given, and the report files below each folder (recursively, sorted)."""
    files: list[InputFile] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files.extend(InputFile(f, f.relative_to(path).as_posix()) for f in _walk(path))
        else:
            files.append(InputFile(path, str(item)))
    return files


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in REPORT_SUFFIXES:
            yield path


def run(
    inputs: Iterable[str | Path],
    options: ReadOptions | None = None,
    decisions: Decisions | None = None,
    link_settings: LinkSettings | None = None,
    manifest: Manifest | None = None,
    strict: bool = False,
) -> Result:
    """Extract every input, then link goals across documents; failures are recorded, never
    raised (with `strict`, the first failure ends the run). A manifest's organisation, year
    and phase override what a document says;
    `decisions` (a person's same/different marks) win over the scores."""
    result = Result()
    seen: dict[str, str] = {}
    for item in collect_inputs(inputs):
        _extract_one(item, result, seen, options or ReadOptions(), manifest or {})
        if strict and result.failed_sources:
            break  # --strict: the first failure ends the run
    records = assign_goal_ids(result.records)
    result.linking = link_documents(result.documents, records, link_settings, decisions)
    result.records = assign_linked_ids(records, result.linking)
    return result


def _extract_one(
    item: InputFile, result: Result, seen: dict[str, str], options: ReadOptions, manifest: Manifest
) -> None:
    try:
        extraction = with_manifest(extract(item.path, item.source, options), item, manifest)
    except GoalTablesError as error:
        message = str(error).removeprefix(f"{item.source}: ")
        result.problems.append(Problem(item.source, error.kind, message))
        result.documents.append(_failed_document(item, message))
        return
    doc = extraction.document
    if doc.doc_id in seen:
        message = f"the same file as {seen[doc.doc_id]}: skipped"
        result.problems.append(Problem(item.source, "duplicate", message))
        return
    seen[doc.doc_id] = item.source
    result.documents.append(doc)
    result.records.extend(extraction.records)
    result.problems.extend(Problem(item.source, "note", note) for note in doc.problems)


Manifest = dict[str, dict[str, str]]  # a file's path or name -> organisation, year, phase
_PHASES: dict[str, Phase] = {"plan": "plan", "interim": "interim", "outcome": "outcome"}


def read_manifest(path: str | Path) -> Manifest:
    """A CSV of path, organisation, year, phase (any may be empty) for documents that say
    too little about themselves, or say it wrongly."""
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
        manifest[row["path"].strip()] = {
            k: (row.get(k) or "").strip() for k in ("organisation", "year", "phase")
        }
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
    doc = replace(doc, year=year, phase=phase, organisation=organisation)
    records = [
        replace(r, year=year, phase=phase, organisation=organisation) for r in extraction.records
    ]
    return Extraction(doc, records)


def _failed_document(item: InputFile, message: str) -> DocumentInfo:
    try:
        doc_id = document_id(item.path.read_bytes())
    except OSError:
        doc_id = ""
    return DocumentInfo(doc_id=doc_id, source=item.source, format="", problems=(message,))
