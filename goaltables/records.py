"""The types everything flows through: one Record per goal-table row, with its provenance.

Format modules produce `RowDraft`s (texts as printed, numbers still attached where the
format left them); `extract.build` turns drafts into `Record`s; export writes Records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Phase = Literal["plan", "interim", "outcome", ""]
Status = Literal["green", "yellow", "red", "grey", ""]

SCHEMA_VERSION = "2"  # 2: baseline, target and actual read as numbers (new columns at the end)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a row came from: the file, its page (None where the format has no pages),
    the goal table's number in the document and the row (a line number for text formats)."""

    path: str
    page: int | None
    table: int
    row: int


@dataclass(frozen=True, slots=True)
class Rating:
    """An assessment as shown (`raw`) and as understood (`value`, `label`, `status`)."""

    raw: str = ""
    value: int | None = None
    label: str = ""
    status: Status = ""


@dataclass(frozen=True, slots=True)
class RowDraft:
    """One table row as a format module read it: texts as printed, before decoding."""

    source: Source
    area: str = ""
    strategy: str = ""
    goal_no: str = ""
    goal: str = ""
    measure_no: str = ""
    measure: str = ""
    baseline: str = ""
    target: str = ""
    actual: str = ""
    progress: str = ""
    rating_raw: str = ""
    sector: str = ""


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What a document says about itself (title, year, phase) and how reading it went."""

    doc_id: str
    source: str
    format: str
    title: str = ""
    organisation: str = ""
    sector: str = ""
    year: int | None = None
    phase: Phase = ""
    series: str = ""  # set by a manifest: documents are linked within one organisation's series
    duplicate_of: str = ""  # the doc_id of the same report in another file (set by linking)
    pages: int | None = None
    tables_found: int = 0
    goals_found: int = 0
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Record:
    """One row of the `goals` table: a measure of a goal (or a goal with no measure)."""

    doc_id: str
    source: Source
    year: int | None
    phase: Phase
    organisation: str
    sector: str
    area: str
    strategy: str
    goal_no: str
    goal: str
    measure_no: str
    measure: str
    baseline: str
    target: str
    actual: str
    progress: str
    rating: Rating
    goal_id: str = ""


@dataclass(frozen=True, slots=True)
class Extraction:
    """A document's metadata and its records."""

    document: DocumentInfo
    records: list[Record] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a file gave no records, as data: an error's kind and the reason."""

    kind: str  # an error's kind: encrypted, damaged, timeout, crash, internal-error, ...
    message: str  # the reason, without the file's name


@dataclass(frozen=True, slots=True)
class Problem:
    """A file (or part of one) that could not be read, as data: the batch goes on."""

    source: str
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
