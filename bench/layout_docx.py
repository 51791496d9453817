"""Print a generated layout plan as a Word document (python-docx), for LibreOffice to convert.

The table helpers come from samples/make_pdf_samples.py, so the generated documents are made
the way the samples are; only the layouts and encodings here are new.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from layout_content import DocPlan, Goal, Level
from layout_words import COMMENT_LABEL, LEGEND_TITLE, READING_GUIDE

from samples.make_pdf_samples import (
    merge_down,
    new_document,
    new_table,
    page_break,
    para,
    repeat_as_header,
    set_cell,
    shade,
)

PORTRAIT_WIDTH_CM, LANDSCAPE_WIDTH_CM = 17.0, 25.7
WIDE_TABLE_COLUMNS = 7  # from this many band columns on, portrait breaks header words mid-word
LABEL_FILL = {"ruled": "DCE6F1", "unruled": "E7E6E6", "shaded": "1F4E79", "line_shaded": "BDD7EE"}
ZEBRA_FILL = "DEEAF6"
ROLE_WIDTH = {"goal": 4.0, "measure": 4.2, "progress": 5.5, "rating": 2.0}  # values: 2.0
CELL_SIZE = 9


def is_landscape(plan: DocPlan) -> bool:
    """Wide band tables go landscape, as real reports print them."""
    return plan.layout == "band" and len(plan.columns) >= WIDE_TABLE_COLUMNS


def fit_widths(widths: list[float], plan: DocPlan) -> list[float]:
    """Scale column widths (cm) to the page's text width."""
    text_width = LANDSCAPE_WIDTH_CM if is_landscape(plan) else PORTRAIT_WIDTH_CM
    return [w * text_width / sum(widths) for w in widths]


def role_widths(roles: list[str], plan: DocPlan) -> list[float]:
    """Column widths per role; word verdicts need a wider rating column."""
    wide_rating = plan.encoding == "word"
    return fit_widths(
        [ROLE_WIDTH.get(r, 2.0) + 0.8 * (r == "rating" and wide_rating) for r in roles], plan
    )


def shade_lines(cell, fill: str) -> None:
    """Character shading on every run: LibreOffice paints it as one rectangle per text line,
    the way a Word export printed to PDF shades cells (the Simrishamn draft)."""
    for run in (r for p in cell.paragraphs for r in p.runs):
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        run._r.get_or_add_rPr().append(shd)


def fill_cell(cell, fill: str | None, plan: DocPlan) -> None:
    if fill and plan.ruling == "line_shaded":
        shade_lines(cell, fill)
    elif fill:
        shade(cell, fill)


def label_cell(cell, text: str, plan: DocPlan) -> None:
    """A header or card label: bold, shaded; white on dark blue in shaded tables."""
    colour = "FFFFFF" if plan.ruling == "shaded" else None
    set_cell(cell, text, bold=True, size=CELL_SIZE, colour=colour)
    fill_cell(cell, LABEL_FILL[plan.ruling], plan)


def body_cell(cell, text: str, plan: DocPlan, row: int, bold: bool = False) -> None:
    """A value cell; shaded tables stripe every other row."""
    set_cell(cell, text, bold=bold, size=CELL_SIZE)
    if plan.ruling in ("shaded", "line_shaded") and row % 2 == 0:
        fill_cell(cell, ZEBRA_FILL, plan)


def rating_cell(cell, level: Level, plan: DocPlan, images: dict[str, Path], row: int) -> None:
    """Print the level in the plan's encoding (ball_digit prints ball and digit together)."""
    body_cell(cell, "", plan, row)
    run = cell.paragraphs[0].add_run()
    run.font.size = Pt(CELL_SIZE)
    if plan.encoding in ("glyph", "ball_digit"):
        run.text, run.font.size = "●", Pt(14)
        run.font.color.rgb = RGBColor.from_string(level.colour)
        if plan.encoding == "ball_digit":
            cell.paragraphs[0].add_run(f" {level.shown_digit}").font.size = Pt(CELL_SIZE)
    elif plan.encoding == "digit":
        run.text = level.shown_digit
    elif plan.encoding == "word":
        run.text = level.verdict
    elif plan.encoding == "image":
        run.add_picture(str(images[level.colour]), width=Cm(0.38))
    elif plan.encoding == "shading":
        shade(cell, level.colour)


def card_rating_cells(cells, level: Level, plan: DocPlan, images: dict[str, Path]) -> None:
    """Cards end a measure row with a ball and a digit in cells of their own (issue 11)."""
    if plan.encoding != "ball_digit":
        rating_cell(cells[-1], level, plan, images, row=1)
        return
    set_cell(cells[-2], "●", size=14, colour=level.colour, align=WD_ALIGN_PARAGRAPH.CENTER)
    set_cell(cells[-1], level.shown_digit, size=CELL_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER)


def write_legend(doc, plan: DocPlan, images: dict[str, Path]) -> None:
    """One legend entry per paragraph: marker, then digit and words (or the verdicts)."""
    para(doc, LEGEND_TITLE[plan.lang], bold=True, space_after=2)
    for level in plan.scale.values():
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        if plan.encoding == "image":
            p.add_run().add_picture(str(images[level.colour]), width=Cm(0.38))
        elif plan.encoding in ("glyph", "ball_digit", "shading"):
            marker = p.add_run("■" if plan.encoding == "shading" else "●")
            marker.font.color.rgb = RGBColor.from_string(level.colour)
        if plan.encoding == "word":
            p.add_run(f"{level.verdict}: {level.label}")
        elif plan.legend_digits:
            p.add_run(f" {level.shown_digit} = {level.label}")
        else:
            p.add_run(f" {level.label}")
    para(doc, "", space_after=4)


def band_table(doc, plan: DocPlan, goals: list[Goal], images: dict[str, Path]) -> None:
    """Header row over one row per measure; the goal cell merged over its measures."""
    roles = plan.columns
    rows = sum(len(g.measures) for g in goals)
    table = new_table(doc, rows + 1, role_widths(roles, plan), ruled=plan.ruling == "ruled")
    for cell, role in zip(table.rows[0].cells, roles, strict=True):
        label_cell(cell, plan.headers[role], plan)
    if plan.repeat_header:
        repeat_as_header(table.rows[0])
    r = 1
    for goal in goals:
        first = r
        for m in goal.measures:
            cells = table.rows[r].cells
            for c, role in enumerate(roles):
                if role == "rating":
                    rating_cell(cells[c], m.level, plan, images, r)
                elif role != "goal":
                    body_cell(cells[c], m.text if role == "measure" else _text(m, role), plan, r)
            r += 1
        merge_down(table, roles.index("goal"), first, r - 1, goal.text, size=CELL_SIZE)


def _text(measure, role: str) -> str:
    return measure.progress if role == "progress" else measure.values.get(role, "")


def card_table(doc, plan: DocPlan, goal: Goal, images: dict[str, Path]) -> None:
    """A goal card: label row, goal | progress, label row, then measure rows."""
    values = [r for r in plan.columns if r not in ("goal", "measure")]
    n_rating = 2 if plan.encoding == "ball_digit" else 1
    widths = fit_widths([6.5] + [2.6] * len(values) + [2.4 / n_rating] * n_rating, plan)
    n = len(widths)
    table = new_table(doc, 3 + len(goal.measures), widths, ruled=plan.ruling == "ruled")
    half = (n + 1) // 2
    for row, (left, right) in enumerate(
        ((plan.headers["goal"], plan.headers["card_progress"]), (goal.text, goal.progress))
    ):
        a = table.cell(row, 0).merge(table.cell(row, half - 1))
        b = table.cell(row, half).merge(table.cell(row, n - 1))
        if row == 0:
            label_cell(a, left, plan)
            label_cell(b, right, plan)
        else:
            body_cell(a, left, plan, 1)
            body_cell(b, right, plan, 1)
    labels = [plan.headers["measure"], *(plan.headers[v] for v in values)]
    for c, text in enumerate(labels):
        label_cell(table.cell(2, c), text, plan)
    rating_label = table.cell(2, len(labels)).merge(table.cell(2, n - 1))
    label_cell(rating_label, plan.headers["rating"], plan)
    for r, m in enumerate(goal.measures, start=3):
        cells = table.rows[r].cells
        body_cell(cells[0], m.text, plan, r)
        for c, role in enumerate(values, start=1):
            body_cell(cells[c], m.values[role], plan, r)
        card_rating_cells(cells, m.level, plan, images)
    para(doc, "", space_after=6)


def group_table(doc, plan: DocPlan, goals: list[Goal], images: dict[str, Path]) -> None:
    """Header row; per goal a bold full-width row, then per activity its row and a full-width
    comment row holding its progress text (the Simrishamn activity tables)."""
    roles = plan.columns
    widths = fit_widths([8.5 if r == "measure" else 2.4 for r in roles], plan)
    rows = 1 + sum(1 + 2 * len(g.measures) for g in goals)
    table = new_table(doc, rows, widths, ruled=plan.ruling == "ruled")
    for cell, role in zip(table.rows[0].cells, roles, strict=True):
        label_cell(cell, plan.headers[role], plan)
    if plan.repeat_header:
        repeat_as_header(table.rows[0])
    last, r = len(roles) - 1, 1
    for goal in goals:
        body_cell(table.cell(r, 0).merge(table.cell(r, last)), goal.text, plan, 1, bold=True)
        r += 1
        for m in goal.measures:
            for c, role in enumerate(roles):
                cell = table.cell(r, c)
                if role == "rating":
                    rating_cell(cell, m.level, plan, images, 0)
                else:
                    body_cell(cell, m.text if role == "measure" else m.values[role], plan, 0)
            comment_row(table.cell(r + 1, 0).merge(table.cell(r + 1, last)), m.progress, plan)
            r += 2


def comment_row(cell, text: str, plan: DocPlan) -> None:
    """A full-width `Kommentar:` row: a bold label, then the progress text of the row above."""
    body_cell(cell, "", plan, 0)
    cell.paragraphs[0].add_run(COMMENT_LABEL[plan.lang] + " ").bold = True
    cell.paragraphs[0].add_run(text)
    for run in cell.paragraphs[0].runs:
        run.font.size = Pt(CELL_SIZE)
    if plan.ruling == "line_shaded":
        shade_lines(cell, ZEBRA_FILL)


def goal_rows_table(doc, plan: DocPlan, goals: list[Goal], images: dict[str, Path]) -> None:
    """`Nämndmål | Bedömning`: one goal per row, its comment in a full-width row below."""
    table = new_table(
        doc, 1 + 2 * len(goals), fit_widths([13.0, 2.6], plan), plan.ruling == "ruled"
    )
    for cell, role in zip(table.rows[0].cells, plan.columns, strict=True):
        label_cell(cell, plan.headers[role], plan)
    if plan.repeat_header:
        repeat_as_header(table.rows[0])
    for i, goal in enumerate(goals):
        r = 1 + 2 * i
        body_cell(table.cell(r, 0), goal.text, plan, 0)
        rating_cell(table.cell(r, 1), goal.level, plan, images, 0)
        comment_row(table.cell(r + 1, 0).merge(table.cell(r + 1, 1)), goal.progress, plan)


def finance_table(doc, plan: DocPlan) -> None:
    """The non-goal table: a finance header over three rows of figures."""
    fin = plan.finance
    widths = [5.0] + [2.6] * (len(fin.header) - 1)
    table = new_table(doc, len(fin.rows) + 1, widths, ruled=plan.ruling == "ruled")
    for cell, text in zip(table.rows[0].cells, fin.header, strict=True):
        label_cell(cell, text, plan)
    for r, row in enumerate(fin.rows, start=1):
        for c, text in enumerate(row):
            align = WD_ALIGN_PARAGRAPH.RIGHT if c else None
            set_cell(table.cell(r, c), text, size=CELL_SIZE, align=align)
    para(doc, "", space_after=6)


def goal_tables(doc, plan: DocPlan, goals: list[Goal], images: dict[str, Path]) -> None:
    if plan.layout == "band":
        band_table(doc, plan, goals, images)
    elif plan.layout == "group":
        group_table(doc, plan, goals, images)
    elif plan.layout == "goal_rows":
        goal_rows_table(doc, plan, goals, images)
    else:
        for goal in goals:
            card_table(doc, plan, goal, images)
    para(doc, "", space_after=6)


def build_docx(plan: DocPlan, images: dict[str, Path]):
    """The whole document: title, optional reading guide with the legend pages earlier, the
    sector's intro, then per area its heading, prose, finance table and goal tables."""
    doc = new_document(size=10, landscape=is_landscape(plan))
    doc.core_properties.author = doc.core_properties.last_modified_by = plan.org
    para(doc, plan.title, style="Title")
    if plan.legend_at == "earlier":
        para(doc, READING_GUIDE[plan.lang], style="Heading 1")
        para(doc, plan.intro[0])
        write_legend(doc, plan, images)
        page_break(doc)
        for text in plan.preamble:
            para(doc, text)
    para(doc, plan.sector, style="Heading 1")
    for text in plan.intro:
        para(doc, text)
    for i, area in enumerate(plan.areas):
        para(doc, area.name, style="Heading 2")
        for text in area.prose:
            para(doc, text)
        if i == 0 and area.finance_first:
            finance_table(doc, plan)
        if i == 0 and plan.legend_at == "before":
            write_legend(doc, plan, images)
        goal_tables(doc, plan, area.goals, images)
        if i == 0 and not area.finance_first:
            finance_table(doc, plan)
    return doc
