"""Print a generated layout plan as an HTML page, for headless Chromium to print to PDF.

The same plan as layout_docx.py, in the markup planning systems export: rowspan for a goal
over its measures, colspan for group and comment rows, inline images for icon ratings.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path

from layout_content import DocPlan, Goal, Level
from layout_words import COMMENT_LABEL, LEGEND_TITLE, READING_GUIDE

BASE_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #222; }
h1 { font-size: 17pt; color: #1F3B5C; } h2 { font-size: 14pt; color: #1F3B5C; }
h3 { font-size: 12pt; color: #1F3B5C; }
p { margin: 0 0 6pt 0; }
table { border-collapse: collapse; width: 100%; margin: 8pt 0 10pt 0; }
th, td { text-align: left; vertical-align: top; padding: 3pt 5pt; font-size: 9pt; }
th.label, td.label { font-weight: bold; }
td.num { text-align: right; }
.legend p { margin: 0; }
.break { break-after: page; }
"""
RULING_CSS = {
    "ruled": "th, td { border: 0.75pt solid #000; } .label { background: #DCE6F1; }",
    "unruled": "th, td { border: none; } .label { background: #E7E6E6; }",
    "shaded": "th, td { border: none; } .label { background: #1F4E79; color: #FFF; } "
    "tr.zebra td { background: #DEEAF6; }",
    # An inline background is painted per line box: one filled rectangle per text line, as
    # the Word export printed to PDF draws shading (the Simrishamn draft).
    "line_shaded": "th, td { border: none; } .label span.t { background: #BDD7EE; } "
    "tr.zebra td span.t { background: #DEEAF6; }",
}
e = html.escape


def image_tag(path: Path) -> str:
    data = base64.b64encode(path.read_bytes()).decode()
    return f'<img src="data:image/png;base64,{data}" width="12" height="12" alt="">'


def glyph(colour: str) -> str:
    return f'<span style="color:#{colour};font-size:12pt">●</span>'


def drawn_ball(colour: str) -> str:
    """A CSS circle: Chromium draws it as a vector shape, not a character."""
    return (
        '<span style="display:inline-block;width:10px;height:10px;border-radius:50%;'
        f'background:#{colour};vertical-align:-1px"></span>'
    )


def rating_html(level: Level, plan: DocPlan, images: dict[str, Path]) -> tuple[str, str]:
    """(cell content, extra style) of a rating cell in the plan's encoding."""
    content = {
        "glyph": glyph(level.colour),
        "ball_digit": f"{drawn_ball(level.colour)} {e(level.shown_digit)}",
        "digit": e(level.shown_digit),
        "word": e(level.verdict),
        "image": image_tag(images[level.colour]) if plan.encoding == "image" else "",
        "shading": "",
    }[plan.encoding]
    style = f"background:#{level.colour}" if plan.encoding == "shading" else ""
    return content, style


def td(content: str, style: str = "", attrs: str = "") -> str:
    styled = f' style="{style}"' if style else ""
    text = f'<span class="t">{content}</span>' if content else ""
    return f"<td{attrs}{styled}>{text}</td>"


def header_row(labels: list[str], plan: DocPlan) -> str:
    cells = "".join(f'<th class="label"><span class="t">{e(label)}</span></th>' for label in labels)
    # A header in <thead> repeats on every printed page; a first body row does not.
    return f"<thead><tr>{cells}</tr></thead>" if plan.repeat_header else f"<tr>{cells}</tr>"


def row(cells: list[str], index: int, plan: DocPlan) -> str:
    striped = plan.ruling in ("shaded", "line_shaded")
    zebra = ' class="zebra"' if striped and index % 2 == 0 else ""
    return f"<tr{zebra}>{''.join(cells)}</tr>"


def legend_html(plan: DocPlan, images: dict[str, Path]) -> str:
    entries = []
    for level in plan.scale.values():
        if plan.encoding == "image":
            marker = image_tag(images[level.colour])
        elif plan.encoding == "ball_digit":
            marker = drawn_ball(level.colour)
        elif plan.encoding in ("glyph", "shading"):
            mark = "■" if plan.encoding == "shading" else "●"
            marker = f'<span style="color:#{level.colour}">{mark}</span>'
        else:
            marker = ""
        if plan.encoding == "word":
            words = f"{level.verdict}: {level.label}"
        elif plan.legend_digits:
            words = f"{level.shown_digit} = {level.label}"
        else:
            words = level.label
        entries.append(f"<p>{marker} {e(words)}</p>")
    return f'<div class="legend"><p><b>{e(LEGEND_TITLE[plan.lang])}</b></p>{"".join(entries)}</div>'


def band_html(plan: DocPlan, goals: list[Goal], images: dict[str, Path]) -> str:
    rows, index = [header_row([plan.headers[r] for r in plan.columns], plan)], 1
    for goal in goals:
        for i, m in enumerate(goal.measures):
            cells = []
            for role in plan.columns:
                if role == "goal" and i == 0:
                    cells.append(td(e(goal.text), attrs=f' rowspan="{len(goal.measures)}"'))
                elif role == "rating":
                    cells.append(td(*rating_html(m.level, plan, images)))
                elif role == "measure":
                    cells.append(td(e(m.text)))
                elif role == "progress":
                    cells.append(td(e(m.progress)))
                elif role != "goal":
                    cells.append(td(e(m.values[role])))
            rows.append(row(cells, index, plan))
            index += 1
    return f"<table>{''.join(rows)}</table>"


def card_html(plan: DocPlan, goal: Goal, images: dict[str, Path]) -> str:
    values = [r for r in plan.columns if r not in ("goal", "measure")]
    n_rating = 2 if plan.encoding == "ball_digit" else 1
    n = 1 + len(values) + n_rating
    half = (n + 1) // 2
    left, right = f' colspan="{half}"', f' colspan="{n - half}"'
    label = ' class="label"'
    value_labels = [td(e(plan.headers[r]), attrs=label) for r in ["measure", *values]]
    rows = [
        td(e(plan.headers["goal"]), attrs=label + left)
        + td(e(plan.headers["card_progress"]), attrs=label + right),
        td(e(goal.text), attrs=left) + td(e(goal.progress), attrs=right),
        "".join(value_labels)
        + td(e(plan.headers["rating"]), attrs=f'{label} colspan="{n_rating}"'),
    ]
    rows = [f"<tr>{r}</tr>" for r in rows]
    for m in goal.measures:
        cells = [td(e(m.text)), *(td(e(m.values[r])) for r in values)]
        if n_rating == 2:
            cells += [td(drawn_ball(m.level.colour)), td(e(m.level.shown_digit))]
        else:
            cells.append(td(*rating_html(m.level, plan, images)))
        rows.append(f"<tr>{''.join(cells)}</tr>")
    widths = [34] + [13] * len(values) + [12 // n_rating] * n_rating
    cols = "".join(f'<col style="width:{w}%">' for w in widths)
    return f"<table><colgroup>{cols}</colgroup>{''.join(rows)}</table>"


def group_html(plan: DocPlan, goals: list[Goal], images: dict[str, Path]) -> str:
    roles, span = plan.columns, f' colspan="{len(plan.columns)}"'
    rows = [header_row([plan.headers[r] for r in roles], plan)]
    for goal in goals:
        rows.append(row([td(f"<b>{e(goal.text)}</b>", attrs=span)], 1, plan))
        for m in goal.measures:
            cells = []
            for role in roles:
                if role == "rating":
                    cells.append(td(*rating_html(m.level, plan, images)))
                else:
                    cells.append(td(e(m.text if role == "measure" else m.values[role])))
            rows.append(row(cells, 0, plan))
            comment = f"<b>{e(COMMENT_LABEL[plan.lang])}</b> {e(m.progress)}"
            rows.append(row([td(comment, attrs=span)], 0, plan))
    widths = [60 if r == "measure" else 40 // (len(roles) - 1) for r in roles]
    cols = "".join(f'<col style="width:{w}%">' for w in widths)
    return f"<table><colgroup>{cols}</colgroup>{''.join(rows)}</table>"


def goal_rows_html(plan: DocPlan, goals: list[Goal], images: dict[str, Path]) -> str:
    """`Nämndmål | Bedömning`: one goal per row, its comment in a full-width row below."""
    rows = [header_row([plan.headers[r] for r in plan.columns], plan)]
    for goal in goals:
        rows.append(row([td(e(goal.text)), td(*rating_html(goal.level, plan, images))], 0, plan))
        comment = f"<b>{e(COMMENT_LABEL[plan.lang])}</b> {e(goal.progress)}"
        rows.append(row([td(comment, attrs=' colspan="2"')], 0, plan))
    cols = '<col style="width:82%"><col style="width:18%">'
    return f"<table><colgroup>{cols}</colgroup>{''.join(rows)}</table>"


def finance_html(plan: DocPlan) -> str:
    fin = plan.finance
    head = "".join(td(e(h), attrs=' class="label"') for h in fin.header)
    body = "".join(
        "<tr>"
        + "".join(td(e(c), attrs=' class="num"' if i else "") for i, c in enumerate(r))
        + "</tr>"
        for r in fin.rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def goal_tables_html(plan: DocPlan, goals: list[Goal], images: dict[str, Path]) -> str:
    if plan.layout == "band":
        return band_html(plan, goals, images)
    if plan.layout == "group":
        return group_html(plan, goals, images)
    if plan.layout == "goal_rows":
        return goal_rows_html(plan, goals, images)
    return "".join(card_html(plan, goal, images) for goal in goals)


def build_html(plan: DocPlan, images: dict[str, Path]) -> str:
    """The whole page, in the same order as the Word documents."""
    parts = [f"<h1>{e(plan.title)}</h1>"]
    if plan.legend_at == "earlier":
        parts += [f"<h2>{e(READING_GUIDE[plan.lang])}</h2>", f"<p>{e(plan.intro[0])}</p>"]
        parts += [legend_html(plan, images), '<div class="break"></div>']
        parts += [f"<p>{e(t)}</p>" for t in plan.preamble]
    parts.append(f"<h2>{e(plan.sector)}</h2>")
    parts += [f"<p>{e(t)}</p>" for t in plan.intro]
    for i, area in enumerate(plan.areas):
        parts.append(f"<h3>{e(area.name)}</h3>")
        parts += [f"<p>{e(t)}</p>" for t in area.prose]
        if i == 0 and area.finance_first:
            parts.append(finance_html(plan))
        if i == 0 and plan.legend_at == "before":
            parts.append(legend_html(plan, images))
        parts.append(goal_tables_html(plan, area.goals, images))
        if i == 0 and not area.finance_first:
            parts.append(finance_html(plan))
    css = BASE_CSS + RULING_CSS[plan.ruling]
    lang = "fi" if plan.lang == "fi" else "sv"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{e(plan.title)}</title><style>{css}</style></head>\n<body>\n"
        + "\n".join(parts)
        + "\n</body></html>\n"
    )
