"""run(inputs) -> Result: extract every file, normalize, and hand the dataset to export.

A file that fails becomes a Problem (and a documents row saying why); the batch goes on.
Extraction itself, in worker processes and through the cache, is `batch.extract_all`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from goaltables.batch import (
    SKIPPED_KINDS,
    BatchSettings,
    Duplicate,
    Failure,
    Finished,
    Identified,
    Progress,
    extract_all,
    identify,
)
from goaltables.extract import ReadOptions
from goaltables.inputs import (
    InputFile,
    Manifest,
    collect_inputs,
    read_manifest,
    unmatched_manifest_rows,
    with_manifest,
)
from goaltables.normalize import Linking, LinkSettings, assign_goal_ids, link_documents
from goaltables.normalize.link import Decisions, assign_linked_ids, mark_duplicates
from goaltables.records import DocumentInfo, Problem, Record

# Problem kinds that report something but do not fail the file.
NOT_FAILURES = frozenset({"note", "duplicate", *SKIPPED_KINDS})


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

    @property
    def skipped_sources(self) -> list[str]:
        """Inputs left unread because this machine lacks a tool (LibreOffice): not failed."""
        return sorted({p.source for p in self.problems if p.kind in SKIPPED_KINDS})

    @property
    def read_sources(self) -> list[str]:
        """Inputs that were read (with goal rows or without), in input order."""
        unread = {*self.failed_sources, *self.skipped_sources}
        return [d.source for d in self.documents if d.source not in unread]


def run(
    inputs: Iterable[str | Path],
    options: ReadOptions | None = None,
    decisions: Decisions | None = None,
    link_settings: LinkSettings | None = None,
    manifest: Manifest | None = None,
    strict: bool = False,
    batch: BatchSettings | None = None,
    progress: Progress | None = None,
) -> Result:
    """Extract every input, then link goals across documents; failures are recorded, never
    raised (with `strict`, the first failure ends the run). A manifest's organisation, year,
    phase and series override what a document says; `decisions` (a person's same/different
    marks) win over the scores. `batch` sets worker processes, time limit and cache;
    `progress` hears of each file as it is done. Ctrl-C raises `batch.Interrupted`."""
    identified = identify(collect_inputs(inputs))
    return run_identified(
        identified, options, decisions, link_settings, manifest, strict, batch, progress
    )


def run_identified(
    identified: Sequence[Identified],
    options: ReadOptions | None = None,
    decisions: Decisions | None = None,
    link_settings: LinkSettings | None = None,
    manifest: Manifest | None = None,
    strict: bool = False,
    batch: BatchSettings | None = None,
    progress: Progress | None = None,
) -> Result:
    """`run` on inputs already collected and hashed (`batch.identify`)."""
    settings = batch or BatchSettings()
    if strict:
        settings = replace(settings, strict=True)
    finished = extract_all(identified, options or ReadOptions(), settings, progress)
    result = Result()
    for one in finished:
        _add(result, one, manifest or {})
    result.problems += unmatched_manifest_rows(manifest or {}, [i.item for i in identified])
    records = assign_goal_ids(result.records)
    result.linking = link_documents(result.documents, records, link_settings, decisions)
    result.records = assign_linked_ids(records, result.linking)
    result.documents = mark_duplicates(result.documents, records, result.linking)
    return result


def _add(result: Result, finished: Finished, manifest: Manifest) -> None:
    item, outcome = finished.item, finished.outcome
    result.problems.extend(Problem(item.source, "note", note) for note in finished.notes)
    if isinstance(outcome, Failure):
        result.problems.append(Problem(item.source, outcome.kind, outcome.message))
        result.documents.append(_failed_document(finished))
    elif isinstance(outcome, Duplicate):
        message = f"the same file as {outcome.first}: skipped"
        result.problems.append(Problem(item.source, "duplicate", message))
    else:
        extraction = with_manifest(outcome, item, manifest)
        doc = extraction.document
        result.documents.append(doc)
        result.records.extend(extraction.records)
        result.problems.extend(Problem(item.source, "note", note) for note in doc.problems)


def _failed_document(finished: Finished) -> DocumentInfo:
    return DocumentInfo(
        doc_id=finished.content_hash[:12],
        source=finished.item.source,
        format="",
        problems=(finished.outcome.message,) if isinstance(finished.outcome, Failure) else (),
    )


__all__ = [
    "BatchSettings",
    "InputFile",
    "Manifest",
    "Result",
    "collect_inputs",
    "read_manifest",
    "run",
    "run_identified",
    "with_manifest",
]
