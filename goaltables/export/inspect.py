"""Pictures of PDF pages with what goaltables saw on them, so a user sees why a row came out
as it did: each table's outline (blue: ruled, from drawn lines; orange: unruled, from text
alignment), its cells, the role each header cell gave its column, and each rating cell's
decoded traffic light with the value and what it was read from."""

from __future__ import annotations

from pathlib import Path

from PIL import ImageDraw

from goaltables.export.files import atomic_path
from goaltables.extract import read_bytes
from goaltables.extract.assemble import Row, row_kind
from goaltables.extract.grid import header_role, split_verdict
from goaltables.extract.pdf import page_tables, pages_wanted
from goaltables.extract.pdf.cells import PageShapes
from goaltables.extract.pdf.legend import page_legend
from goaltables.extract.pdf.opening import OpenedPdf, candidate_pages, open_pdf
from goaltables.extract.pdf.words import group_lines, page_words
from goaltables.extract.ratings import Legend, decode_rating, find_legend
from goaltables.extract.tables import RawTable, TableCell
from goaltables.extract.textio import clean_cell

_METHOD_COLOURS = {"ruled": (31, 119, 180), "unruled": (255, 127, 14)}
_STATUS_COLOURS = {
    "green": (0, 176, 80),
    "yellow": (255, 192, 0),
    "red": (230, 0, 0),
    "grey": (160, 160, 160),
    "": (255, 255, 255),
}
_ROLE_COLOUR = (148, 0, 211)
_CELL_COLOUR = (170, 170, 170)
_CLEAR = (0, 0, 0, 0)


def inspect_pdf(
    path: Path,
    out_dir: Path,
    pages: list[int] | None = None,
    password: str | None = None,
    resolution: int = 100,
) -> list[Path]:
    """Write one PNG per page (the pages asked for, else those triage picks); return them."""
    name = str(path)
    with open_pdf(read_bytes(path, name), name, password) as opened:
        numbers = pages_wanted(opened, pages) if pages else candidate_pages(opened)
        legend = _legend(opened, numbers)
        return [
            _draw_page(opened, n, legend, out_dir / f"{path.stem}-p{n:03d}.png", resolution)
            for n in numbers
        ]


def _legend(opened: OpenedPdf, numbers: list[int]) -> Legend | None:
    for number in candidate_pages(opened):
        page = opened.plumber.pages[number - 1]
        legend = page_legend(group_lines(page_words(page)), PageShapes.of(page))
        if legend:
            return legend
    return find_legend([line for p in opened.pages for line in p.text.split("\n")])


def _draw_page(
    opened: OpenedPdf, number: int, legend: Legend | None, target: Path, resolution: int
) -> Path:
    tables, _ = page_tables(opened, number)
    image = opened.plumber.pages[number - 1].to_image(resolution=resolution)
    scale = resolution / 72
    for table in tables:
        image.draw_rect(
            table.bbox, fill=(0, 0, 0, 0), stroke=_METHOD_COLOURS[table.method], stroke_width=3
        )
        for row in table.rows:
            for cell in row:
                if cell is not None:
                    image.draw_rect(
                        cell.bbox, fill=(0, 0, 0, 0), stroke=_CELL_COLOUR, stroke_width=1
                    )
    draw = ImageDraw.Draw(image.annotated)
    for table in tables:
        _label_table(draw, table, legend, scale)
    with atomic_path(target) as temporary:
        image.annotated.save(temporary, format="PNG")
    return target


def _label_table(
    draw: ImageDraw.ImageDraw, table: RawTable, legend: Legend | None, scale: float
) -> None:
    x0, top = table.bbox[0] * scale, table.bbox[1] * scale
    draw.text((x0, max(top - 24, 0)), f"{table.method} table", fill=_METHOD_COLOURS[table.method])
    roles: list[str | None] = []
    for index, cells in enumerate(table.rows):
        row = Row(tuple(cells), table.page)
        kind = row_kind(row, index in table.header_rows)
        if kind == "header":
            roles = [header_role(t) if t else None for t in row.texts()]
            _label_roles(draw, cells, roles, scale)
        elif kind == "label":
            _label_roles(draw, cells[:1], [header_role(row.texts()[0])], scale)
        elif "rating" in roles:
            column = roles.index("rating")
            if column < len(cells) and (cell := cells[column]) is not None:
                _mark_rating(draw, cell, legend, scale)


def _label_roles(
    draw: ImageDraw.ImageDraw, cells: list[TableCell | None], roles: list[str | None], scale: float
) -> None:
    """Each header cell's role, on a white ground just above the cell."""
    for cell, role in zip(cells, roles, strict=False):
        if cell is None or not role:
            continue
        x, y = cell.bbox[0] * scale + 2, cell.bbox[1] * scale - 11
        left, top, right, bottom = draw.textbbox((x, y), role)
        draw.rectangle((left - 1, top - 1, right + 1, bottom + 1), fill=(255, 255, 255))
        draw.text((x, y), role, fill=_ROLE_COLOUR)


def _mark_rating(
    draw: ImageDraw.ImageDraw, cell: TableCell, legend: Legend | None, scale: float
) -> None:
    raw = f"{cell.colour} {clean_cell(cell.text)}".strip()
    if not raw:
        return
    verdict, _ = split_verdict(raw, "")  # as the extraction reads it: the opening verdict
    rating = decode_rating(verdict, legend)
    x, y = cell.bbox[2] * scale - 10, (cell.bbox[1] + cell.bbox[3]) / 2 * scale
    draw.ellipse(
        (x - 6, y - 6, x + 6, y + 6), fill=_STATUS_COLOURS[rating.status], outline=(0, 0, 0)
    )
    label = f"{rating.status or '?'} {'' if rating.value is None else rating.value}".strip()
    draw.text((x - 60, y + 7), label, fill=(0, 0, 0))
