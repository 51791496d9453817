"""Text reports: tab-separated exports and CSV go to `tabular`, text set in columns of spaces to
`layoutdump`, anything else is read as a PDF text dump."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from goaltables.errors import NoGoalTable
from goaltables.extract.assemble import label_role
from goaltables.extract.build import build_records, extraction_from_grids, finish
from goaltables.extract.grid import assign_columns, grid_to_drafts
from goaltables.extract.layoutdump import is_layout_dump, read_layout
from goaltables.extract.metadata import (
    describe,
    find_organisation,
    labelled_facts,
    looks_like_title,
    missing_notes,
    plausible_sector,
    read_title_facts,
    running_lines,
)
from goaltables.extract.options import ReadOptions
from goaltables.extract.ratings import find_legend
from goaltables.extract.tabular import TAB, find_delimiter, read_tabular
from goaltables.extract.textdump import parse_text_dump
from goaltables.extract.textio import decode_text
from goaltables.records import DocumentInfo, Extraction, RowDraft

_ORGANISATION_SPAN = 200_000  # characters searched for the city's name: a report's first pages
_TITLE_LINES = 15  # the lines of page 1 that may hold the title
_NOT_UTF8 = "not UTF-8: read as Windows-1252 (Latin-1); check that ä, ö and å look right"


# A reading-order dump: column names one per line this close, or a line of at most this many
# words naming two columns.
_LABEL_WORDS = 4
_LABEL_SPAN = 3
_HEADER_WORDS = 10
_READING_ORDER = (
    "no goal table found: the text names a goal table's columns, but in reading order (a "
    "pdftotext -raw or default-mode dump, or text copied from a PDF viewer), where the columns "
    "cannot be told apart; read the PDF itself, or dump it with pdftotext -layout"
)


def read_text_report(data: bytes, doc: DocumentInfo, options: ReadOptions) -> Extraction:
    """Records from a text export; the encoding is detected."""
    decoded = decode_text(data, doc.source)
    text = decoded.text
    if decoded.encoding == "cp1252":  # a guess that fits most old exports, but still a guess
        doc = replace(doc, problems=(*doc.problems, _NOT_UTF8))
    delimiter = find_delimiter(text)
    if delimiter is not None:
        return _read_delimited(text, doc, delimiter)
    if is_layout_dump(text):
        return _read_layout(text, doc)
    return _read_dump(text, doc)


def _read_layout(text: str, doc: DocumentInfo) -> Extraction:
    """A dump set in columns of spaces (`pdftotext -layout`): the table layer's tables. Title
    and sector as a PDF's: the running header (a line opening many pages), else page 1."""
    reading = read_layout(text)
    pages = [p for p in text.split("\f") if p.strip()]
    running = [ln for ln in running_lines(pages) if looks_like_title(ln)]
    first = (
        [ln.strip() for ln in pages[0].split("\n") if ln.strip()][:_TITLE_LINES] if pages else []
    )
    doc = describe(doc, "text/pdf-layout", running + first, text, running or None)
    doc = replace(doc, pages=reading.pages)
    legend = find_legend(reading.other_lines)
    return extraction_from_grids(doc, reading.grids, legend, f"in {reading.pages} pages")


def _read_delimited(text: str, doc: DocumentInfo, delimiter: str) -> Extraction:
    """A tab-separated export or a CSV (`;` or `,`): the header row found by its words."""
    tabular = read_tabular(text, delimiter)
    drafts: list[RowDraft] = []
    for grid in tabular.grids:
        drafts += grid_to_drafts(grid, assign_columns(grid), doc.source)
    if not drafts:
        raise NoGoalTable(f"{doc.source}: a goal-table header but no rows under it")
    fmt = "text/tab-separated" if delimiter == TAB else "text/csv"
    doc = _with_title(doc, fmt, tabular.title, _common_sector(drafts), text)
    doc = replace(doc, problems=(*doc.problems, *tabular.notes))
    legend = find_legend(tabular.other_lines)
    return finish(doc, build_records(doc, drafts, legend), len(tabular.grids))


def _read_dump(text: str, doc: DocumentInfo) -> Extraction:
    try:
        table = parse_text_dump(text, doc.source)
    except NoGoalTable as error:
        if _names_columns_in_reading_order(text):
            raise NoGoalTable(f"{doc.source}: {_READING_ORDER}") from error
        raise
    if any(_holds_column_names(d) for d in table.drafts):
        # Rows were made, but of columns run together: a column's name inside a goal or a
        # measure. A reader that invents rows is worse than none.
        raise NoGoalTable(f"{doc.source}: {_READING_ORDER}")
    doc = _with_title(doc, "text/pdf-dump", table.preamble.title, table.sector, text)
    doc = replace(doc, pages=table.pages, problems=(*doc.problems, *table.notes))
    return finish(doc, build_records(doc, table.drafts, table.preamble.legend), 1)


def _names_columns_in_reading_order(text: str) -> bool:
    """Whether the text names a goal table's columns but not as a row of cells: one line
    naming two or more columns with single spaces ("Mål Mätare Utfall 30.6.2022 Bedömning",
    `pdftotext -raw`), or column names on lines of their own close together (default mode,
    a viewer's copy). Its table was there; its columns were lost."""
    lines = [ln.strip() for ln in text.replace("\f", "\n").split("\n") if ln.strip()]
    # A label alone on its line; the word limit also keeps this cheap on a long text.
    labels = [i for i, ln in enumerate(lines) if len(ln.split()) <= _LABEL_WORDS and label_role(ln)]
    close = any(b - a <= _LABEL_SPAN for a, b in pairwise(labels))
    headers = (ln for ln in lines if len(ln.split()) <= _HEADER_WORDS)
    return close or any(_names_two_columns(ln) for ln in headers)


def _holds_column_names(draft: RowDraft) -> bool:
    return any(_names_two_columns(text) for text in (draft.goal, draft.measure) if text)


def _names_two_columns(text: str) -> bool:
    """Two column names standing as words (or word pairs) of their own in the text."""
    words = text.split()
    spans = [" ".join(words[i : i + n]) for n in (1, 2) for i in range(len(words) - n + 1)]
    roles = {label_role(span) for span in spans} - {None, "ignore"}
    return len(roles) >= 2


def _with_title(doc: DocumentInfo, fmt: str, title: str, sector: str, text: str) -> DocumentInfo:
    """Title, year and phase from the title line; the organisation the text names most."""
    facts = read_title_facts(title, doc.source)
    head = text[:_ORGANISATION_SPAN]
    labelled_organisation, labelled_sector = labelled_facts(head.splitlines()[:_TITLE_LINES])
    organisation = find_organisation(head) or labelled_organisation
    return replace(
        doc,
        format=fmt,
        title=title,
        organisation=organisation,
        sector=labelled_sector or (sector if plausible_sector(sector) else ""),
        year=facts.year,
        phase=facts.phase,
        problems=(*doc.problems, *missing_notes(organisation, facts)),
    )


def _common_sector(drafts: list[RowDraft]) -> str:
    sectors = {d.sector for d in drafts if d.sector}
    return sectors.pop() if len(sectors) == 1 else ""
