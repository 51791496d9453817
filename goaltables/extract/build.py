"""Drafts become Records: ratings decoded against the legend, document facts attached."""

from __future__ import annotations

from dataclasses import replace

from goaltables.errors import NoGoalTable
from goaltables.extract.grid import Grid, assign_columns, grid_to_drafts
from goaltables.extract.metadata import plausible_sector
from goaltables.extract.ratings import Legend, decode_rating
from goaltables.records import DocumentInfo, Extraction, Record, RowDraft


def build_records(doc: DocumentInfo, drafts: list[RowDraft], legend: Legend | None) -> list[Record]:
    """One Record per draft, with the document's year, phase and organisation."""
    return [
        Record(
            doc_id=doc.doc_id,
            source=d.source,
            year=doc.year,
            phase=doc.phase,
            organisation=doc.organisation,
            sector=d.sector or doc.sector,
            area=d.area,
            strategy=d.strategy,
            goal_no=d.goal_no,
            goal=d.goal,
            measure_no=d.measure_no,
            measure=d.measure,
            baseline=d.baseline,
            target=d.target,
            actual=d.actual,
            progress=d.progress,
            rating=decode_rating(d.rating_raw, legend),
        )
        for d in drafts
    ]


def goal_key(record: Record) -> tuple[str, str, str, str]:
    """What makes a goal one goal within a document."""
    return (record.sector, record.area, record.goal_no, record.goal)


def finish(doc: DocumentInfo, records: list[Record], tables: int) -> Extraction:
    """The extraction, with the document's counts filled in, and its sector when every row
    has the same one (the sector may come from each table's headings)."""
    goals = len({goal_key(r) for r in records})
    sectors = {r.sector for r in records}
    common = sectors.pop() if len(sectors) == 1 else ""
    sector = doc.sector or (common if plausible_sector(common) else "")
    return Extraction(replace(doc, sector=sector, tables_found=tables, goals_found=goals), records)


def extraction_from_grids(
    doc: DocumentInfo, grids: list[Grid], legend: Legend | None, where: str = ""
) -> Extraction:
    """Every format's last step: its goal-table grids as records; NoGoalTable when there is
    none (`where` says what was searched: "in 158 pages")."""
    drafts = [d for grid in grids for d in grid_to_drafts(grid, assign_columns(grid), doc.source)]
    if not drafts:
        raise NoGoalTable(f"{doc.source}: no goal table found{' ' + where if where else ''}")
    notes = tuple(dict.fromkeys(note for grid in grids for note in grid.notes))
    doc = replace(doc, problems=(*doc.problems, *notes))
    return finish(doc, build_records(doc, drafts, legend), len(grids))
