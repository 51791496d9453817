"""Columns of an aligned block: between the gutters of its lines, joined where a header's
text stands over no column of its own."""

from __future__ import annotations

from itertools import pairwise

from goaltables.extract.pdf.chunks import AlignedSettings, Chunk, ChunkedLine, Column


def find_columns(lines: list[ChunkedLine], settings: AlignedSettings) -> list[Column]:
    """Columns between the gutters of the block's tabular lines."""
    tabular = [line for line in lines if line.tabular] or lines
    left = min(line.line.x0 for line in lines)
    right = max(line.line.x1 for line in lines)
    allowed = int(len(tabular) * settings.gutter_tolerance)
    covered, parted = _coverage(tabular, left, right)
    needed = max(2, int(len(tabular) * settings.parted_share))
    columns: list[Column] = []
    start: float | None = None
    for step, (cover, parts) in enumerate(zip(covered, parted, strict=True)):
        x = left + step
        gutter = cover <= allowed or (parts >= needed and cover * 2 <= parts)
        if not gutter and start is None:
            start = x
        elif gutter and start is not None:
            columns.append((start, x))
            start = None
    if start is not None:
        columns.append((start, right))
    return _merge_narrow_gutters(columns, settings)


def _coverage(lines: list[ChunkedLine], left: float, right: float) -> tuple[list[int], list[int]]:
    """For each point from left to right, how many lines have a chunk over it, and how many
    have a gap between chunks there. A gutter that many lines part, twice as many as cross
    it, is a column edge even where some text runs over it: a card's "Arviointi" text below
    "Tavoite | Mittari"."""
    covered = [0] * (int(right - left) + 2)
    parted = [0] * (int(right - left) + 2)
    for line in lines:
        for chunk in line.chunks:
            for step in range(int(chunk.x0 - left), int(chunk.x1 - left) + 1):
                covered[step] += 1
        for a, b in pairwise(line.chunks):
            for step in range(int(a.x1 - left) + 1, int(b.x0 - left)):
                parted[step] += 1
    return covered, parted


def _merge_narrow_gutters(columns: list[Column], settings: AlignedSettings) -> list[Column]:
    merged: list[Column] = []
    for column in columns:
        if merged and column[0] - merged[-1][1] < settings.min_gutter:
            merged[-1] = (merged[-1][0], column[1])
        else:
            merged.append(column)
    return merged


def column_of(chunk: Chunk, columns: list[Column]) -> int:
    """The column a chunk starts in (the first after it when it starts in a gutter): a
    spanning cell's text sits in its top-left place."""
    for index, (_, x1) in enumerate(columns):
        if chunk.x0 < x1:
            return index
    return len(columns) - 1


def fits(line: ChunkedLine, columns: list[Column]) -> bool:
    """Whether each chunk of the line stays inside one column."""
    return all(column_of(c, columns) == _last_column(c, columns) for c in line.chunks)


def _last_column(chunk: Chunk, columns: list[Column]) -> int:
    inside = [i for i, (x0, _) in enumerate(columns) if x0 < chunk.x1]
    return inside[-1] if inside else 0


def merge_header_columns(
    rows: list[list[ChunkedLine]], columns: list[Column], settings: AlignedSettings
) -> list[Column]:
    """A column with text in header rows only joins its nearer neighbour that is empty
    there: a left-aligned header over right-aligned numbers ("TA 2023" over "2 595") is one
    column, though their text does not overlap."""
    if len(rows) <= settings.max_header_rows + 1:
        return columns
    filled = [_rows_filled(rows, columns, i) for i in range(len(columns))]
    for index, rows_here in enumerate(filled):
        if not rows_here or max(rows_here) >= settings.max_header_rows:
            continue
        partner = _free_neighbour(index, filled, columns)
        if partner is not None:
            low, high = sorted((index, partner))
            joined = (columns[low][0], columns[high][1])
            merged = [*columns[:low], joined, *columns[high + 1 :]]
            return merge_header_columns(rows, merged, settings)
    return columns


def _rows_filled(rows: list[list[ChunkedLine]], columns: list[Column], column: int) -> set[int]:
    return {
        r
        for r, row in enumerate(rows)
        if any(column_of(c, columns) == column for ln in row for c in ln.chunks)
    }


def _free_neighbour(index: int, filled: list[set[int]], columns: list[Column]) -> int | None:
    """The nearer neighbouring column with body text and none in the rows `index` fills."""
    options = [
        j
        for j in (index - 1, index + 1)
        if 0 <= j < len(columns) and filled[j] and not filled[j] & filled[index]
    ]
    return min(options, key=lambda j: _distance(columns[index], columns[j]), default=None)


def _distance(a: Column, b: Column) -> float:
    return max(b[0] - a[1], a[0] - b[1], 0.0)
