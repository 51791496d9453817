"""PDF reports: goal tables found among a long report's pages and rebuilt with pdfplumber.

The pages triage picks (`opening.candidate_pages`, from pdfium's fast text) are read with
pdfplumber: ruled tables from their lines, unruled ones from their header rows, each table's
cells coloured from balls and shading; `assemble` turns goal tables (bands and cards) into
grids, continuing a table over pages; `grid.py` makes the rows. Areas and sectors come from the
headings above a table when it has no area column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from pdfplumber.page import Page

from goaltables.errors import UsageError
from goaltables.extract.assemble import (
    BandBuilder,
    Card,
    Row,
    band_header,
    cards_grid,
    continue_card,
    heading_name,
    is_card_table,
    place_under_headings,
    unfold_cards,
)
from goaltables.extract.build import extraction_from_grids
from goaltables.extract.grid import Grid, assign_columns, header_role
from goaltables.extract.metadata import describe, looks_like_title, running_lines
from goaltables.extract.options import ReadOptions
from goaltables.extract.pdf.cells import PageShapes, read_colour
from goaltables.extract.pdf.continuation import (
    OpenHeader,
    column_edges,
    open_header,
    rows_in_columns,
    values_under,
)
from goaltables.extract.pdf.geometry import overlaps
from goaltables.extract.pdf.images import icon_boxes, icon_colours
from goaltables.extract.pdf.layer import layer_tables
from goaltables.extract.pdf.legend import page_legend
from goaltables.extract.pdf.opening import PDFIUM_HYPHEN, OpenedPdf, candidate_pages, open_pdf
from goaltables.extract.pdf.prose import prose_grids
from goaltables.extract.pdf.ruled import is_stripe, rule_boxes, ruled_tables
from goaltables.extract.pdf.stacking import stack_pieces, with_columns_left, with_rows_below
from goaltables.extract.pdf.unruled import unruled_tables
from goaltables.extract.pdf.words import (
    Line,
    body_size,
    find_headings,
    group_lines,
    page_words,
    stands_out,
)
from goaltables.extract.ratings import Legend, find_legend
from goaltables.extract.tables import BBox, Heading, RawTable
from goaltables.records import DocumentInfo, Extraction

_TITLE_LINES = 15  # the lines of page 1 that may hold the title and the running header
_RUNNING_MARGIN = 0.06  # the top of a page that holds its running header
_SHARED_CARD_ROLES = 2  # a table goes on a card when it names this many of its measure roles
_WIDENING_SLACK = 8.0  # points: a drawn cell's edge lies this far from its text's start


@dataclass
class _Reading:
    """What reading a document has gathered so far."""

    opened: OpenedPdf | None = None
    grids: list[Grid] = field(default_factory=list)
    headings: dict[int, list[Heading]] = field(default_factory=dict)  # by page
    band: BandBuilder | None = None
    legend: Legend | None = None
    cards: list[Card] = field(default_factory=list)  # the last card table's cards, still open
    cards_page: int = 0
    open_header: OpenHeader | None = None  # a card header left open at a page's end
    legend_pages: set[int] = field(default_factory=set)  # where the legend was read
    measure_roles: set[str] = field(default_factory=set)  # what the cards' measure rows hold
    # A header and one row at a page's foot were read as a card and opened a band too: the
    # index of the card's grid, dropped when the next page goes on the band (it was a band).
    band_or_card: int | None = None
    band_columns: list[tuple[float, float]] = field(default_factory=list)  # their edges

    def close_band(self) -> None:
        if self.band is not None and self.band.rows and self.band_or_card is None:
            self.add_grid(self.band.grid(), self.band.headings, self.band.first_page)
        self.band, self.band_or_card = None, None

    def band_goes_on(self) -> None:
        """The band goes on over a page: a card read from its first row was the band's."""
        if self.band_or_card is not None:
            self.grids.pop(self.band_or_card)
            self.band_or_card, self.cards = None, []

    def add_grid(self, grid: Grid, headings: list[Heading], page: int) -> None:
        """Place a grid under its headings. With no heading of its own on its page or the page
        before, it belongs where the table just before it did (a company's next cards)."""
        has_area = "area" in assign_columns(grid).roles
        grid = place_under_headings(grid, headings, has_area)
        previous = self.grids[-1] if self.grids else None
        if previous is not None and previous.rows and (previous.rows[-1].page or 0) >= page - 1:
            if not grid.heading_area and not has_area:
                grid = replace(grid, heading_area=previous.heading_area)
            if not grid.heading_sector:
                grid = replace(grid, heading_sector=previous.heading_sector)
        self.grids.append(grid)

    def headings_above(self, page: int, top: float) -> list[Heading]:
        """Headings above a place: on its page, and on the page before (a heading further
        back may belong to anything in between). The page before is read only when nothing
        above the place on its own page names anyone (Kauhava's page 70 names the company
        whose cards fill pages 71-72): reading a page costs as much as reading a table page."""
        here = [h for h in self.headings.get(page, []) if h.top < top]
        if any(heading_name(h.text) for h in here):
            return self.headings.get(page - 1, []) + here
        return self._headings_of(page - 1) + here

    def _headings_of(self, number: int) -> list[Heading]:
        opened = self.opened
        if number not in self.headings and opened and number >= 1 and number not in opened.skipped:
            self.headings[number] = _page_headings(opened, number)
        return self.headings.get(number, [])

    @property
    def next_table(self) -> int:
        return len(self.grids) + (1 if self.band else 0) + 1


def read_pdf_report(data: bytes, doc: DocumentInfo, options: ReadOptions) -> Extraction:
    """Records from a PDF report."""
    with open_pdf(data, doc.source, options.password, options.limits) as opened:
        reading = _Reading(opened)
        candidates = candidate_pages(opened)
        for number in _pages_to_read(opened, candidates, reading):
            _read_page(opened, number, reading)
        reading.close_band()
        reading.grids += prose_grids(opened, reading.grids)
        doc = _describe(doc, opened)
        unread = _pages_without_rows(candidates, reading)
        if unread:
            doc = replace(doc, problems=(*doc.problems, _unread_note(unread)))
    legend = reading.legend or find_legend([ln for p in opened.pages for ln in p.text.split("\n")])
    return extraction_from_grids(doc, reading.grids, legend, f"in {len(opened.pages)} pages")


def _pages_to_read(opened: OpenedPdf, candidates: list[int], reading: _Reading) -> Iterator[int]:
    """The candidate pages, and the page after each page read that left a table open (a band,
    or cards), also when triage passed it over: rows going on without a header, rated in
    digits or shading, show nothing triage knows. Such a page is no candidate: giving no rows,
    it just did not go on with the table."""
    wanted = set(candidates)
    last = 0  # the last page read
    for number in range(1, len(opened.pages) + 1):
        if number in opened.skipped:
            continue
        if number in wanted or (last == number - 1 and _left_open(reading, last)):
            yield number
            last = number


def _left_open(reading: _Reading, number: int) -> bool:
    band_open = reading.band is not None and reading.band.last_page == number
    return band_open or (bool(reading.cards) and reading.cards_page == number)


def _pages_without_rows(candidates: list[int], reading: _Reading) -> list[int]:
    """Pages that name goal-table columns or show assessments, yet gave no row: the user
    must hear of them, or a half-read report looks whole. A page that gave the legend
    was read for it."""
    with_rows = {row.page for grid in reading.grids for row in grid.rows}
    return [n for n in candidates if n not in with_rows and n not in reading.legend_pages]


def _unread_note(pages: list[int]) -> str:
    return (
        f"{len(pages)} page(s) look like goal tables or assessments but gave no rows, "
        f"check them: {page_ranges(pages)}"
    )


def page_ranges(pages: list[int]) -> str:
    """'3, 7-9, 12' for [3, 7, 8, 9, 12]."""
    runs: list[list[int]] = []
    for page in sorted(pages):
        if runs and page == runs[-1][-1] + 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _read_page(opened: OpenedPdf, number: int, reading: _Reading) -> None:
    page = opened.plumber.pages[number - 1]
    lines = group_lines(page_words(page))
    body = body_size(lines)
    shapes = _page_shapes(opened, number)
    tables = _found_tables(page, number, lines, body, shapes)
    opening = _values_under_open_header(reading, lines, tables, number, float(page.height))
    opening = opening or _band_rows_atop(reading, lines, tables, number, float(page.height))
    tables = [opening, *tables] if opening else _band_widened(reading, tables, lines)
    tables = _drawn_values_under_open_header(reading, tables, number)
    if reading.band is None:
        tables = _or_layer_tables(tables, page, number)
    boxes = [t.bbox for t in tables]
    reading.headings[number] = find_headings(lines, number, float(page.height), body, boxes)
    if reading.legend is None:
        reading.legend = page_legend(lines, shapes)
        if reading.legend is not None:
            reading.legend_pages.add(number)
    for position, table in enumerate(tables):
        _colour_cells(table, shapes)
        above = reading.headings_above(number, table.bbox[1])
        _take_table(table, position == 0, above, reading)


def page_tables(opened: OpenedPdf, number: int) -> tuple[list[RawTable], PageShapes]:
    """Every table on a page, ruled and unruled, cells coloured, top to bottom."""
    page = opened.plumber.pages[number - 1]
    lines = group_lines(page_words(page))
    shapes = _page_shapes(opened, number)
    found = _found_tables(page, number, lines, body_size(lines), shapes)
    tables = _or_layer_tables(found, page, number)
    for table in tables:
        _colour_cells(table, shapes)
    return tables, shapes


def _found_tables(
    page: Page, number: int, lines: list[Line], body: float, shapes: PageShapes
) -> list[RawTable]:
    """The page's ruled tables (pieces joined) and unruled ones, top to bottom: what the goal
    reader and `inspect` both see."""
    drawn = ruled_tables(page, number)
    rules = rule_boxes(page)
    stripes = [t for t in drawn if is_stripe(t, rules)]
    ruled = stack_pieces([t for t in drawn if t not in stripes], lines, body)
    unruled = unruled_tables(lines, number, body, _ruled_boxes(ruled))
    # Stripes no header-led table read are the table's rows as drawn (a page it goes on to).
    unread = [t for t in stripes if not any(overlaps(t.bbox, u.bbox) for u in unruled)]
    if unread:
        ruled = stack_pieces(ruled + unread, lines, body)
    ruled = [t for t in ruled if not _read_again(t, unruled)]
    ruled = with_rows_below(ruled, unruled, lines, body, shapes.shading)
    return sorted(ruled + unruled, key=lambda t: t.bbox[1])


def _or_layer_tables(tables: list[RawTable], page: Page, number: int) -> list[RawTable]:
    """When nothing the header-led finders found is a goal table, the goal tables the table
    layer sees, which needs no header words (a header of shaded cells over unruled rows)."""
    if any(_is_goal_table(t) for t in tables):
        return tables
    return [t for t in layer_tables(page, number) if _is_goal_table(t)] or tables


def list_tables(
    data: bytes, name: str, pages: list[int] | None, password: str | None
) -> list[RawTable]:
    """Every table on the pages asked for (all pages when none are), goal table or not."""
    with open_pdf(data, name, password) as opened:
        wanted = pages_wanted(opened, pages)
        return [t for n in wanted for t in layer_tables(opened.plumber.pages[n - 1], n)]


def pages_wanted(opened: OpenedPdf, wanted: list[int] | None) -> list[int]:
    """The pages asked for (all when none are), without skipped ones; a page beyond the
    document is an error naming the range."""
    count = len(opened.pages)
    numbers = wanted or list(range(1, count + 1))
    outside = [n for n in numbers if not 1 <= n <= count]
    if outside:
        raise UsageError(f"page {outside[0]} is outside the document (pages 1-{count})")
    return [n for n in numbers if n not in opened.skipped]


def _values_under_open_header(
    reading: _Reading, lines: list[Line], tables: list[RawTable], number: int, height: float
) -> RawTable | None:
    """A card cut right after its header row: its values open this page above any table,
    sometimes with no lines drawn round them (Kauhava, page 61)."""
    if reading.open_header is None or reading.cards_page != number - 1:
        return None
    top = tables[0].bbox[1] if tables else height
    margin = height * _RUNNING_MARGIN
    above = [ln for ln in lines if margin < ln.top and ln.bottom < top - 1]
    # Up to a heading: a section that opens the page shows the card had no values.
    body = body_size(lines)
    heading = next((i for i, ln in enumerate(above) if stands_out(ln, body)), len(above))
    return values_under(reading.open_header, above[:heading], number)


def _drawn_values_under_open_header(
    reading: _Reading, tables: list[RawTable], number: int
) -> list[RawTable]:
    """A card cut right after its header row whose values open this page as a drawn table
    with no header of its own, in as many columns: they are the card's values."""
    header = reading.open_header
    first = tables[0] if tables else None
    if header is None or first is None or reading.cards_page != number - 1:
        return tables
    if first.card_values or band_header(first) is not None or is_card_table(first):
        return tables
    if first.columns != len(header.roles):
        return tables
    return [replace(first, card_values=True), *tables[1:]]


def _band_rows_atop(
    reading: _Reading, lines: list[Line], tables: list[RawTable], number: int, height: float
) -> RawTable | None:
    """A band left open on the page before goes on in the lines that open this page, above
    any table, drawn neither as cells nor under a header (rows shaded per line, or not at
    all): they are read in the band's columns."""
    band = reading.band
    if band is None or band.last_page != number - 1 or not reading.band_columns:
        return None
    top = tables[0].bbox[1] if tables else height * (1 - _RUNNING_MARGIN)
    margin = height * _RUNNING_MARGIN
    above = [ln for ln in lines if margin < ln.top and ln.bottom < top - 1]
    return rows_in_columns(reading.band_columns, above, body_size(lines), number)


def _band_widened(reading: _Reading, tables: list[RawTable], lines: list[Line]) -> list[RawTable]:
    """The page's first table, when it goes on with a band left open on the page before in
    its last columns only (its first ones, the goal's, undrawn), widened to the band's."""
    band = reading.band
    first = tables[0] if tables else None
    if band is None or first is None or first.page != band.last_page + 1:
        return tables
    missing = band.columns - first.columns
    edges = reading.band_columns
    if missing <= 0 or len(edges) != band.columns or band_header(first) is not None:
        return tables
    if abs(edges[missing][0] - first.bbox[0]) > _WIDENING_SLACK:
        return tables
    return [with_columns_left(first, edges[:missing], lines), *tables[1:]]


def _page_headings(opened: OpenedPdf, number: int) -> list[Heading]:
    """The headings of a page not read for tables: a company's name may stand on the page
    before its cards (Kauhava, page 70)."""
    page = opened.plumber.pages[number - 1]
    lines = group_lines(page_words(page))
    return find_headings(lines, number, float(page.height), body_size(lines), [])


def _ruled_boxes(ruled: list[RawTable]) -> list[BBox]:
    """Where ruled tables leave no text for the unruled finder. A goal table's header row
    shaded alone is drawn, but its body is not: its words stay free, so the unruled finder
    reads the header with the rows under it."""
    return [t.bbox for t in ruled if len(t.rows) >= 2 or band_header(t) is None]


def _is_goal_table(table: RawTable) -> bool:
    return band_header(table) is not None or is_card_table(table)


def _read_again(ruled: RawTable, unruled: list[RawTable]) -> bool:
    """A shaded header row alone that the unruled finder read again (with its body)."""
    top, bottom = ruled.bbox[1], ruled.bbox[3]
    return len(ruled.rows) == 1 and any(u.bbox[1] < bottom and top < u.bbox[3] for u in unruled)


def _page_shapes(opened: OpenedPdf, number: int) -> PageShapes:
    page = opened.plumber.pages[number - 1]
    return PageShapes.of(page, icon_colours(opened.document, number, icon_boxes(page.images)))


def _colour_cells(table: RawTable, shapes: PageShapes) -> None:
    for row in table.rows:
        for cell in row:
            if cell is not None:
                read_colour(cell, shapes)


def _take_table(
    table: RawTable, first_on_page: bool, headings: list[Heading], reading: _Reading
) -> None:
    """A band's next page, a card table, a new band, or no goal table at all."""
    rows = [Row(tuple(r), table.page) for r in table.rows]
    header = band_header(table)
    band = reading.band
    named_above = any(h.page == table.page and heading_name(h.text) for h in headings)
    continues = band and first_on_page and not named_above and not table.card_values
    if reading.band_or_card is not None and is_card_table(table):
        continues = False  # the card read at the page's foot goes on in labels: it was a card
    if band and continues and _continues(band, table, header):
        reading.band_goes_on()
        band.add(rows, continued=True)  # a header repeated on the next page is dropped in add
        band.last_page = table.page
        reading.band_columns = column_edges(table, reading.band_columns)
    elif is_card_table(table) or _rest_of_card(table, header, reading):
        reading.close_band()
        grids_before = len(reading.grids)
        carried = reading.open_header if reading.cards_page == table.page - 1 else None
        roles = carried.roles if carried and first_on_page else None
        _take_cards(unfold_cards(table, roles), table.page, headings, reading)
        reading.open_header = open_header(table)
        if header is not None and len(rows) == 1:
            # A header alone at a page's foot: a card's (its values may open the next page
            # undrawn) or a band's, whose rows go on in the next page's table.
            _open_band(header, rows, headings, table, reading)
        elif header is not None and len(rows) == 2 and len(reading.grids) > grids_before:
            # A header and one row: one goal's card, or a band's first row at a page's foot.
            _open_band(header, rows, headings, table, reading)
            reading.band_or_card = len(reading.grids) - 1
    elif header is not None:
        reading.close_band()
        _open_band(header, rows, headings, table, reading)


def _rest_of_card(table: RawTable, header: list[str] | None, reading: _Reading) -> bool:
    """A header naming measure columns right after a card that has neither measures nor an
    assessment of its own, or naming them as the document's cards do: the last card's
    measures go on (a card cut after its goal row at a page's foot, its measures set as a
    table of their own). A goal assessed on its own row is whole."""
    if (
        header is None
        or not reading.cards
        or reading.cards_page not in (table.page - 1, table.page)
    ):
        return False
    roles = {header_role(text) for text in header} - {None}
    if "measure" not in roles:
        return False
    last = reading.cards[-1]
    if not last.measures and "rating" not in last.fields:
        return True  # a goal with no assessment of its own: its measures were still to come
    return len(roles & reading.measure_roles) >= _SHARED_CARD_ROLES


def _open_band(
    header: list[str], rows: list[Row], headings: list[Heading], table: RawTable, reading: _Reading
) -> None:
    page = table.page
    reading.band = BandBuilder(
        header, table_no=reading.next_table, last_page=page, headings=headings, first_page=page
    )
    reading.band_columns = column_edges(table, [])
    reading.band.add(rows[1:], continued=False)


def _continues(band: BandBuilder, table: RawTable, header: list[str] | None) -> bool:
    """The next page's table with as many columns and no header of its own, or the same."""
    same_header = header is None or header == band.header
    return table.page == band.last_page + 1 and table.columns == band.columns and same_header


def _take_cards(cards: list[Card], page: int, headings: list[Heading], reading: _Reading) -> None:
    """Cards become a grid; a first card without a goal is the rest of the last card of the
    page before (a card cut by a page break), whose grid is then rebuilt."""
    if cards and not cards[0].has_goal and reading.cards and reading.cards_page >= page - 1:
        continue_card(reading.cards[-1], cards.pop(0))
        last = reading.grids[-1]
        rebuilt = cards_grid(reading.cards, last.table)
        reading.grids[-1] = replace(
            rebuilt, heading_area=last.heading_area, heading_sector=last.heading_sector
        )
    reading.measure_roles |= {role for card in cards for row in card.measures for role in row}
    if cards:
        reading.add_grid(cards_grid(cards, reading.next_table), headings, page)
        reading.cards, reading.cards_page = cards, page


def _describe(doc: DocumentInfo, opened: OpenedPdf) -> DocumentInfo:
    """Title, organisation, sector, year and phase; notes of what was skipped. The running
    header ("Tilinpäätös 2024" on every page, page numbers aside) is the surest title, and the
    first source of the sector; then the title page (the first page with text: page 1 may be
    an empty cover or a signature stamp) and the file's properties."""
    texts = [p.text.replace(PDFIUM_HYPHEN, "") for p in opened.pages]
    title_page = next((t for t in texts if t.strip()), "")
    first_page = [ln.strip() for ln in title_page.split("\n") if ln.strip()][:_TITLE_LINES]
    running = [ln for ln in running_lines(texts) if looks_like_title(ln)]
    properties = _properties(opened)
    described = describe(
        doc, "pdf", running + first_page, "\n".join(texts), running or None, "", properties
    )
    problems = (*described.problems, *opened.notes)
    return replace(described, pages=len(opened.pages), problems=problems)


def _properties(opened: OpenedPdf) -> list[str]:
    """The file's author, title and subject (a committee's name may stand in the author)."""
    info = opened.plumber.metadata or {}
    return [str(info.get(key) or "") for key in ("Author", "Title", "Subject")]
