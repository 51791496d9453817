"""`goaltables report OUT -o report.html`: how goals fared, year by year, as one web page.

One self-contained file (styles and script inline, no network): per organisation, sector and
area a table with the goals down the side and the documents across, each cell a traffic light
with the rating. A goal opens to its text in each document, the words changed since the
previous one marked, each version with the file and page it came from. Filters by organisation,
area, status and text; they live in the address's fragment (`report.html#status=red&q=kirja`),
so a filtered view can be bookmarked or sent.

The page is built from the dataset's goals and documents tables, not from the reports: it shows
exactly what the CSV and Parquet files hold, and a goal's status in a document is its worst
measure's, by the comparison table's own rule (`comparison.worst_of`)."""

from __future__ import annotations

import difflib
import html
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from goaltables.errors import UsageError
from goaltables.export.comparison import document_labels, worst_of
from goaltables.export.schema import REPORT_GENERATOR
from goaltables.normalize.link import series_order
from goaltables.records import DocumentInfo

STATUS_NAMES = {"green": "on track / met", "yellow": "partly", "red": "not met", "grey": "n/a"}


@dataclass(frozen=True)
class Version:
    """A goal as one document has it."""

    label: str
    text: str
    measures: list[tuple[str, str]]  # (measure, status)
    status: str
    rating: str
    where: str  # "reports/2022.pdf, page 9"


def write_report(out_dir: Path, target: Path) -> None:
    """Read the dataset in `out_dir` and write the page to `target`."""
    goals, documents = _read(out_dir, "goals"), _read(out_dir, "documents")
    ordered = series_order([_document(row) for row in documents.to_dict("records")])
    with_goals = set(goals["doc_id"])
    ordered = [d for d in ordered if d.doc_id in with_goals]
    # Columns are named within an organisation: "2022 outcome" needs no file name beside it
    # unless that organisation has two such documents.
    labels: dict[str, str] = {}
    for organisation in {d.organisation for d in ordered}:
        labels |= document_labels([d for d in ordered if d.organisation == organisation])
    page = _page(goals.assign(_row=range(len(goals))), ordered, labels)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")


def _read(out_dir: Path, table: str) -> pd.DataFrame:
    path = out_dir / f"{table}.parquet"
    if not path.exists():
        raise UsageError(f"{out_dir}: no {table}.parquet; make the dataset with `goaltables run`")
    return pd.read_parquet(path)


def _document(row: dict[Any, Any]) -> DocumentInfo:
    year = row.get("year")
    return DocumentInfo(
        doc_id=str(row["doc_id"]),
        source=str(row["source"]),
        format=str(row.get("format") or ""),
        title=str(row.get("title") or ""),
        organisation=str(row.get("organisation") or ""),
        year=None if year is None or year is pd.NA else int(year),
        phase=str(row.get("phase") or ""),  # type: ignore[arg-type]
        series=str(row.get("series") or ""),
    )


Row = dict[str, str]  # a goals row, every cell as the text it shows


def _page(goals: pd.DataFrame, ordered: list[DocumentInfo], labels: dict[str, str]) -> str:
    rows: list[Row] = goals.astype("string").fillna("").to_dict("records")  # type: ignore[assignment]
    seen: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        seen[row["goal_id"]][row["doc_id"]].append(row)
    groups = _groups(seen, ordered)
    sections, areas = [], set()
    for organisation, by_sector in groups.items():
        parts = [f'<section class="organisation"><h2>{_e(organisation)}</h2>']
        for sector, by_area in by_sector.items():
            parts.append(f'<section class="sector"><h3>{_e(sector)}</h3>')
            for area, goal_ids in by_area.items():
                areas.add(area)
                parts.append(_area_table(organisation, area, goal_ids, seen, ordered, labels))
            parts.append("</section>")
        sections.append("".join(parts) + "</section>")
    summary = f"{len(seen)} goals in {len(ordered)} documents"
    return _TEMPLATE.format(
        generator=REPORT_GENERATOR,
        summary=_e(summary),
        organisation_options="".join(f"<option>{_e(o)}</option>" for o in sorted(groups)),
        organisation_hidden=" hidden" if len(groups) < 2 else "",
        area_options="".join(f"<option>{_e(a)}</option>" for a in sorted(areas)),
        sections="\n".join(sections),
        legend="".join(
            f'<span class="dot {s}"></span>{_e(name)} ' for s, name in STATUS_NAMES.items()
        ),
    )


Groups = dict[str, dict[str, dict[str, list[str]]]]  # organisation -> sector -> area -> goals


def _groups(seen: dict[str, dict[str, list[Row]]], ordered: list[DocumentInfo]) -> Groups:
    """Each goal under the organisation, sector and area its latest document gives it (as in
    the comparison table: a goal that moved, or whose area was renamed, sits where it is now).
    Organisations by name; areas and goals in the newest document's order, goals that ended
    after them."""
    rank = {doc.doc_id: number for number, doc in enumerate(ordered)}
    placed = []
    for goal_id, by_doc in seen.items():
        latest_doc = max(by_doc, key=lambda doc_id: rank.get(doc_id, -1))
        first = by_doc[latest_doc][0]
        placed.append((-rank.get(latest_doc, -1), int(first["_row"]), goal_id, first))
    groups: Groups = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for _, _, goal_id, first in sorted(placed):
        organisation = first["organisation"] or "(organisation not named)"
        sector, area = first["sector"] or "(no sector)", first["area"] or "(no area)"
        groups[organisation][sector][area].append(goal_id)
    return {name: groups[name] for name in sorted(groups)}  # organisations by name


def _area_table(
    organisation: str,
    area: str,
    goal_ids: list[str],
    seen: dict[str, dict[str, list[Row]]],
    ordered: list[DocumentInfo],
    labels: dict[str, str],
) -> str:
    present = {doc_id for goal_id in goal_ids for doc_id in seen[goal_id]}
    columns = [d for d in ordered if d.doc_id in present]
    head = "".join(f"<th>{_e(labels[d.doc_id])}</th>" for d in columns)
    body = []
    for goal_id in goal_ids:
        versions = _versions(seen[goal_id], columns, labels)
        body.append(_goal_row(goal_id, area, versions, columns, len(columns)))
    return (
        f'<div class="area" data-organisation="{_e(organisation)}" data-area="{_e(area)}">'
        f"<h4>{_e(area)}</h4>"
        f'<table><thead><tr><th class="goal">goal</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _versions(
    by_doc: dict[str, list[Row]], columns: list[DocumentInfo], labels: dict[str, str]
) -> dict[str, Version]:
    versions = {}
    for doc in columns:
        mine = by_doc.get(doc.doc_id)
        if not mine:
            continue
        worst, first = worst_of(mine, lambda r: r["status"]), mine[0]
        page = f", page {first['page']}" if first["page"] else ""
        versions[doc.doc_id] = Version(
            label=labels[doc.doc_id],
            text=first["goal"],
            measures=[(r["measure"], r["status"]) for r in mine if r["measure"]],
            status=worst["status"] if worst else "",
            rating=worst["rating"] if worst else "",
            where=f"{first['source']}{page}",
        )
    return versions


def _goal_row(
    goal_id: str,
    area: str,
    versions: dict[str, Version],
    columns: list[DocumentInfo],
    width: int,
) -> str:
    latest = list(versions.values())[-1]
    cells = []
    for doc in columns:
        version = versions.get(doc.doc_id)
        if version is None:
            cells.append('<td class="cell absent" title="not in this document"></td>')
        else:
            rating = version.rating or ("●" if version.status else "")
            title = f"{version.label}: {version.status or 'no rating'}"
            cells.append(
                f'<td class="cell {version.status or "none"}" title="{_e(title)}">{_e(rating)}</td>'
            )
    statuses = " ".join(v.status or "none" for v in versions.values())
    search = " ".join(v.text for v in versions.values()).casefold()
    summary = (
        f'<tr class="goal-row" data-goal="{_e(goal_id)}" data-area="{_e(area)}" '
        f'data-latest="{_e(latest.status or "none")}" data-statuses="{_e(statuses)}" '
        f'data-text="{_e(search)}"><td class="goal"><button class="open" aria-expanded="false">'
        f"{_e(latest.text)}</button></td>{''.join(cells)}</tr>"
    )
    details = "".join(_version_html(v, previous) for v, previous in _pairs(versions.values()))
    return (
        f'{summary}<tr class="history" data-goal="{_e(goal_id)}" hidden>'
        f'<td colspan="{width + 1}"><div class="goal-id">{_e(goal_id)}</div>{details}</td></tr>'
    )


def _pairs(versions: Iterable[Version]) -> list[tuple[Version, Version | None]]:
    listed = list(versions)
    return [(v, listed[i - 1] if i else None) for i, v in enumerate(listed)]


def _version_html(version: Version, previous: Version | None) -> str:
    text = _changes(previous.text, version.text) if previous else _e(version.text)
    measures = "".join(
        f'<li><span class="dot {s or "none"}"></span>{_e(m)}</li>' for m, s in version.measures
    )
    return (
        f'<div class="version"><div class="label"><span class="dot {version.status or "none"}">'
        f'</span><b>{_e(version.label)}</b> <span class="where">{_e(version.where)}</span></div>'
        f'<p class="text">{text}</p>{f"<ul>{measures}</ul>" if measures else ""}</div>'
    )


def _changes(before: str, after: str) -> str:
    """`after` with the words not in `before` marked <ins>, and those dropped marked <del>."""
    old, new = before.split(), after.split()
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            out.append(f"<del>{_e(' '.join(old[i1:i2]))}</del>")
        if tag in ("replace", "insert"):
            out.append(f"<ins>{_e(' '.join(new[j1:j2]))}</ins>")
        if tag == "equal":
            out.append(_e(" ".join(new[j1:j2])))
    return " ".join(out)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


_TEMPLATE = """<!doctype html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{generator}
<title>Goals year by year</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }}
h1 {{ font-size: 1.4em; margin: 0 0 .2em; }}
h2 {{ font-size: 1.25em; margin: 1.5em 0 .3em; border-bottom: 2px solid #bbb; }}
h3 {{ font-size: 1.1em; margin: 1.2em 0 .3em; border-bottom: 1px solid #ddd; }}
h4 {{ font-size: 1em; margin: 1em 0 .3em; }}
.filters {{ position: sticky; top: 0; background: #fff; padding: .5em 0;
  border-bottom: 1px solid #ddd; z-index: 1; }}
.filters label {{ margin-right: 1em; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #ddd; padding: 3px 6px; vertical-align: top; }}
th {{ background: #f4f4f4; font-weight: 600; font-size: .85em; }}
td.goal, th.goal {{ width: 36em; text-align: left; }}
button.open {{ all: unset; cursor: pointer; display: block; }}
button.open:hover {{ text-decoration: underline; }}
td.cell {{ width: 4.5em; text-align: center; font-weight: 600; }}
.green {{ background: #C6EFCE; color: #006100; }}
.yellow {{ background: #FFEB9C; color: #9C5700; }}
.red {{ background: #FFC7CE; color: #9C0006; }}
.grey {{ background: #D9D9D9; color: #3F3F3F; }}
td.none {{ background: #fff; color: #999; }}
td.absent {{ background: repeating-linear-gradient(45deg, #fafafa, #fafafa 4px, #eee 4px,
  #eee 8px); }}
.dot {{ display: inline-block; width: .8em; height: .8em; border-radius: 50%; margin-right: .3em;
  border: 1px solid #aaa; vertical-align: -1px; }}
.dot.none {{ background: #fff; }}
tr.history td {{ background: #fcfcfc; }}
.version {{ margin: .3em 0 .8em; }}
.version p {{ margin: .2em 0 .2em 1.2em; }}
.version ul {{ margin: 0 0 0 1.2em; padding-left: 1em; }}
.where, .goal-id {{ color: #777; font-size: .85em; }}
ins {{ background: #d4f7d4; text-decoration: none; }}
del {{ background: #fbd3d3; }}
[hidden] {{ display: none !important; }}
</style>
</head>
<body>
<h1>Goals year by year</h1>
<p class="summary">{summary}. Colours: {legend}; a striped cell: the goal is not in that document.
Click a goal for its text in each document, the changes marked, and where it came from.</p>
<div class="filters">
<label{organisation_hidden}>Organisation <select id="organisation"><option value="">all</option>
{organisation_options}</select></label>
<label>Area <select id="area"><option value="">all</option>{area_options}</select></label>
<label>Latest status <select id="status"><option value="">any</option>
<option value="green">green</option><option value="yellow">yellow</option>
<option value="red">red</option><option value="grey">grey</option>
<option value="none">no rating</option></select></label>
<label>Text <input id="q" type="search" placeholder="words in the goal"></label>
<span id="shown"></span>
</div>
{sections}
<script>
(function () {{
  var organisation = document.getElementById("organisation"),
      area = document.getElementById("area"), status = document.getElementById("status"),
      q = document.getElementById("q"), shown = document.getElementById("shown");
  function fromHash() {{
    var params = new URLSearchParams(location.hash.slice(1));
    organisation.value = params.get("organisation") || "";
    area.value = params.get("area") || ""; status.value = params.get("status") || "";
    q.value = params.get("q") || "";
  }}
  function apply() {{
    var words = q.value.toLowerCase().split(/\\s+/).filter(Boolean), count = 0;
    document.querySelectorAll("tr.goal-row").forEach(function (row) {{
      var box = row.closest("div.area");
      var show = (!organisation.value || box.dataset.organisation === organisation.value) &&
        (!area.value || row.dataset.area === area.value) &&
        (!status.value || row.dataset.latest === status.value) &&
        words.every(function (w) {{ return row.dataset.text.indexOf(w) >= 0; }});
      row.hidden = !show;
      var history = row.nextElementSibling;
      if (!show) {{ history.hidden = true; }}
      if (show) {{ count++; }}
    }});
    document.querySelectorAll("div.area").forEach(function (box) {{
      box.hidden = !box.querySelector("tr.goal-row:not([hidden])");
    }});
    document.querySelectorAll("section.sector, section.organisation").forEach(function (box) {{
      box.hidden = !box.querySelector("div.area:not([hidden])");
    }});
    shown.textContent = count + " goals shown";
  }}
  function toHash() {{
    var params = new URLSearchParams();
    if (organisation.value) params.set("organisation", organisation.value);
    if (area.value) params.set("area", area.value);
    if (status.value) params.set("status", status.value);
    if (q.value) params.set("q", q.value);
    history.replaceState(null, "", "#" + params.toString());
    apply();
  }}
  [organisation, area, status].forEach(function (el) {{
    el.addEventListener("change", toHash);
  }});
  q.addEventListener("input", toHash);
  window.addEventListener("hashchange", function () {{ fromHash(); apply(); }});
  document.querySelectorAll("button.open").forEach(function (button) {{
    button.addEventListener("click", function () {{
      var history = button.closest("tr").nextElementSibling;
      history.hidden = !history.hidden;
      button.setAttribute("aria-expanded", String(!history.hidden));
    }});
  }});
  function openGoal(goalId) {{
    var row = document.querySelector('tr.goal-row[data-goal="' + CSS.escape(goalId) + '"]');
    if (!row) return;
    row.nextElementSibling.hidden = false;
    row.querySelector("button.open").setAttribute("aria-expanded", "true");
    row.scrollIntoView({{block: "nearest"}});
  }}
  fromHash(); apply();
  var wanted = new URLSearchParams(location.hash.slice(1)).get("open");
  if (wanted) openGoal(wanted);
}})();
</script>
</body>
</html>
"""
