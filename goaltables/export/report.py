"""`goaltables report OUT -o report.html`: how goals fared, year by year, as one web page.

One self-contained file (styles and script inline, no network): per organisation, sector and
area a table with the goals down the side and the documents across, each cell a traffic light
whose shape and words say what its colour says, with the value the document printed beside it.
A goal opens to its text in each document, the words changed since the previous one marked,
its measures' targets and actual values, and a link to the file and page it came from. Filters
by organisation, area, status and text; they live in the address's fragment
(`report.html#status=red&q=kirja`), so a filtered view can be bookmarked or sent.

The page speaks the documents' language (Finnish, Swedish or English, `--lang`); its words are
in `report_strings.toml`, its frame in `report_page.py`. It is built from the dataset's goals
and documents tables, not from the reports: it shows exactly what the CSV and Parquet files
hold, and a goal's status in a document is its worst measure's, by the comparison table's own
rule (`comparison.worst_of`)."""

from __future__ import annotations

import difflib
import html
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd

from goaltables.errors import UsageError
from goaltables.export.comparison import document_labels, worst_of
from goaltables.export.report_page import PAGE
from goaltables.export.report_text import LIGHTS, ReportSettings, counted, strings
from goaltables.export.schema import REPORT_GENERATOR
from goaltables.normalize.fold import fold, language
from goaltables.normalize.link import series_order
from goaltables.records import DocumentInfo

Words = dict[str, Any]  # the page's words in its language (`report_text.strings`)
# What rating_raw holds besides what the document printed: the colour read, a ball, a fill.
_NOT_PRINTED = re.compile(r"#[0-9A-Fa-f]{6}|\bfill\b|[●⬤◉•]")


@dataclass(frozen=True)
class Measure:
    """One measure row of a goal in one document, as printed."""

    text: str
    target: str
    actual: str
    status: str
    printed: str  # the rating as the document printed it ("2", "osittain"), without colours
    label: str  # the legend's words for it


@dataclass(frozen=True)
class Version:
    """A goal as one document has it."""

    label: str
    text: str
    measures: list[Measure]
    worst: Measure  # the measure whose light is the goal's
    where: str  # "reports/2022.pdf, sivu 9"
    href: str  # "../reports/2022.pdf#page=9"


@dataclass(frozen=True)
class Context:
    """What every part of one page needs: its words, column labels, folder and settings."""

    words: Words
    labels: dict[str, str]
    folder: Path
    settings: ReportSettings


def write_report(out_dir: Path, target: Path, settings: ReportSettings | None = None) -> None:
    """Read the dataset in `out_dir` and write the page to `target`."""
    goals, documents = _read(out_dir, "goals"), _read(out_dir, "documents")
    page = report_page(goals, documents, target.parent, settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")


def report_page(
    goals: pd.DataFrame,
    documents: pd.DataFrame,
    folder: Path,
    settings: ReportSettings | None = None,
) -> str:
    """The page of the dataset's goals and documents tables, as it is to stand in `folder`
    (its links to the sources are relative to it). `goaltables run` writes it from the tables
    in hand, with its other outputs; `goaltables report` from the Parquet files."""
    settings = settings or ReportSettings()
    ordered = series_order([_document(row) for row in documents.to_dict("records")])
    with_goals = set(goals["doc_id"])
    ordered = [d for d in ordered if d.doc_id in with_goals]
    lang = settings.lang or documents_language(goals)
    words = strings(lang)
    context = Context(words, _labels(ordered, words), folder, settings)
    return _page(goals.assign(_row=range(len(goals))), ordered, context, lang)


def documents_language(goals: pd.DataFrame) -> str:
    """The language most documents are written in ('fi' or 'sv'), each judged by the words of
    its goals and measures; Finnish where none has words."""
    texts: dict[str, list[str]] = defaultdict(list)
    for row in goals[["doc_id", "goal", "measure"]].astype("string").fillna("").itertuples():
        texts[str(row.doc_id)] += fold(f"{row.goal} {row.measure}", stems=False).split()
    votes = Counter(language(words) for words in texts.values())
    return votes.most_common(1)[0][0] if votes else "fi"


def _labels(ordered: list[DocumentInfo], words: Words) -> dict[str, str]:
    """Columns are named within an organisation: "2022 tilinpäätös" needs no file name beside
    it unless that organisation has two such documents."""
    labels: dict[str, str] = {}
    for organisation in {d.organisation for d in ordered}:
        mine = [d for d in ordered if d.organisation == organisation]
        labels |= document_labels(mine, words["phase"])
    return labels


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
Seen = dict[str, dict[str, list[Row]]]  # goal_id -> doc_id -> its rows there


def _page(goals: pd.DataFrame, ordered: list[DocumentInfo], context: Context, lang: str) -> str:
    rows: list[Row] = goals.astype("string").fillna("").to_dict("records")  # type: ignore[assignment]
    seen: Seen = defaultdict(lambda: defaultdict(list))
    for row in rows:
        seen[row["goal_id"]][row["doc_id"]].append(row)
    groups = _groups(seen, ordered, context.words)
    sections = [
        _section(name, by_sector, seen, ordered, context) for name, by_sector in groups.items()
    ]
    areas = {
        area for by_sector in groups.values() for by_area in by_sector.values() for area in by_area
    }
    words = context.words
    summary = words["summary"].format(
        goals=counted(words, "goals", len(seen)),
        documents=counted(words, "documents", len(ordered)),
    )
    return PAGE.format(
        lang=lang,
        generator=REPORT_GENERATOR,
        t=_escaped(context.words),
        summary=_e(summary),
        shown_one=_e(_shown(words, "one")),
        shown_other=_e(_shown(words, "other")),
        legend="".join(
            f"<li>{_light(s, context.words)} {_e(_name(s, context.words))}</li>" for s in LIGHTS
        ),
        organisation_options=_options(sorted(groups)),
        organisation_hidden=" hidden" if len(groups) < 2 else "",
        area_options=_options(sorted(areas)),
        status_options=_status_options(context.words),
        phone_width=context.settings.phone_width,
        sections="\n".join(sections),
    )


def _section(
    organisation: str,
    by_sector: dict[str, dict[str, list[str]]],
    seen: Seen,
    ordered: list[DocumentInfo],
    context: Context,
) -> str:
    """An organisation's part of the page: its sectors, and in each a table per area."""
    parts = [f'<section class="organisation"><h2>{_e(organisation)}</h2>']
    for sector, by_area in by_sector.items():
        parts.append(f'<section class="sector"><h3>{_e(sector)}</h3>')
        for area, goal_ids in by_area.items():
            parts.append(_area_table(organisation, area, goal_ids, seen, ordered, context))
        parts.append("</section>")
    return "".join(parts) + "</section>"


def _shown(words: Words, form: str) -> str:
    """The "goals shown" line for a count in `form`, its number left as {n} for the page's
    script to fill in as the filters change."""
    return str(words["shown"]).format(goals=words["counts"]["goals"][form])


def _escaped(words: Words) -> dict[str, str]:
    return {key: _e(value) for key, value in words.items() if isinstance(value, str)}


def _options(values: list[str]) -> str:
    return "".join(f"<option>{_e(v)}</option>" for v in values)


def _status_options(words: Words) -> str:
    return "".join(
        f'<option value="{s}">{LIGHTS[s]} {_e(_name(s, words))}</option>' for s in LIGHTS
    )


def _name(status: str, words: Words) -> str:
    return str(words["status"][status or "none"])


def _light(status: str, words: Words) -> str:
    """A traffic light: its colour, a shape of its own (print, colour blindness) and its name
    as text for screen readers, and as a tooltip."""
    key, name = status or "none", _e(_name(status, words))
    return (
        f'<span class="light {key}" title="{name}"><span aria-hidden="true">{LIGHTS[key]}</span>'
        f'<span class="vh">{name}</span></span>'
    )


Groups = dict[str, dict[str, dict[str, list[str]]]]  # organisation -> sector -> area -> goals


def _groups(seen: Seen, ordered: list[DocumentInfo], words: Words) -> Groups:
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
        organisation = first["organisation"] or words["no_organisation"]
        sector, area = first["sector"] or words["no_sector"], first["area"] or words["no_area"]
        groups[organisation][sector][area].append(goal_id)
    return {name: groups[name] for name in sorted(groups)}  # organisations by name


def _area_table(
    organisation: str,
    area: str,
    goal_ids: list[str],
    seen: Seen,
    ordered: list[DocumentInfo],
    context: Context,
) -> str:
    present = {doc_id for goal_id in goal_ids for doc_id in seen[goal_id]}
    columns = [d for d in ordered if d.doc_id in present]
    head = "".join(f"<th>{_e(context.labels[d.doc_id])}</th>" for d in columns)
    body = []
    for goal_id in goal_ids:
        versions = _versions(seen[goal_id], columns, context)
        body.append(_goal_row(goal_id, area, versions, columns, context))
    # The table scrolls in its own box: on a phone the page itself never grows wider.
    return (
        f'<div class="area" data-organisation="{_e(organisation)}" data-area="{_e(area)}">'
        f'<h4>{_e(area)}</h4><div class="scroll">'
        f'<table class="goals"><thead><tr><th class="goal">{_e(context.words["goal"])}</th>'
        f"{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div></div>"
    )


def _versions(
    by_doc: dict[str, list[Row]], columns: list[DocumentInfo], context: Context
) -> dict[str, Version]:
    versions = {}
    for doc in columns:
        mine = by_doc.get(doc.doc_id)
        if not mine:
            continue
        first = mine[0]
        page = context.words["page"].format(page=first["page"]) if first["page"] else ""
        versions[doc.doc_id] = Version(
            label=context.labels[doc.doc_id],
            text=first["goal"],
            measures=[_measure(r) for r in mine if r["measure"] or r["target"] or r["actual"]],
            worst=_measure(worst_of(mine, lambda r: r["status"]) or first),
            where=", ".join(part for part in (first["source"], page) if part),
            href=source_link(first["source"], first["page"], context.folder),
        )
    return versions


def _measure(row: Row) -> Measure:
    return Measure(
        text=row["measure"],
        target=row["target"],
        actual=row["actual"],
        status=row["status"],
        printed=printed_rating(row["rating_raw"]),
        label=row["rating_label"],
    )


def printed_rating(raw: str) -> str:
    """The rating as the document printed it: "2", "osittain"; nothing for a coloured ball or
    a shaded cell, whose colour the light shows (rating_raw "● #00B050", "fill #FFC000")."""
    return " ".join(_NOT_PRINTED.sub(" ", raw).split())


def source_link(source: str, page: str, folder: Path) -> str:
    """A relative link to the source file, at its page (`file.pdf#page=9`, as PDF viewers
    open it). A source found from here is linked from the page's folder, so the link opens
    wherever the page was written; one not found is linked as given."""
    path = Path(source)
    if path.exists():
        source = os.path.relpath(path.resolve(), folder.resolve())
    return quote(Path(source).as_posix()) + (f"#page={page}" if page else "")


def _goal_row(
    goal_id: str,
    area: str,
    versions: dict[str, Version],
    columns: list[DocumentInfo],
    context: Context,
) -> str:
    words, latest = context.words, list(versions.values())[-1]
    cells = [_cell(versions.get(d.doc_id), context.labels[d.doc_id], words) for d in columns]
    statuses = " ".join(v.worst.status or "none" for v in versions.values())
    search = " ".join(v.text for v in versions.values()).casefold()
    summary = (
        f'<tr class="goal-row" data-goal="{_e(goal_id)}" data-area="{_e(area)}" '
        f'data-latest="{_e(latest.worst.status or "none")}" data-statuses="{_e(statuses)}" '
        f'data-text="{_e(search)}"><td class="goal"><button class="open" aria-expanded="false">'
        f"{_e(latest.text)}</button></td>{''.join(cells)}</tr>"
    )
    details = "".join(
        _version_html(v, previous, words) for v, previous in _pairs(versions.values())
    )
    return (
        f'{summary}<tr class="history" data-goal="{_e(goal_id)}" hidden>'
        f'<td colspan="{len(columns) + 1}"><div class="goal-id">{_e(goal_id)}</div>'
        f"{details}</td></tr>"
    )


def _cell(version: Version | None, label: str, words: Words) -> str:
    """A document's cell: the goal's light and the rating as printed, or striped if absent."""
    if version is None:
        absent = _e(words["absent"])
        return (
            f'<td class="cell absent" data-label="{_e(label)}" title="{absent}">'
            f'<span class="vh">{absent}</span></td>'
        )
    worst = version.worst
    title = f"{label}: {_name(worst.status, words)}"
    if worst.label:
        title += f" ({worst.label})"
    printed = f'<span class="printed">{_e(worst.printed)}</span>' if worst.printed else ""
    return (
        f'<td class="cell {worst.status or "none"}" data-label="{_e(label)}" title="{_e(title)}">'
        f"{_light(worst.status, words)}{printed}</td>"
    )


def _pairs(versions: Iterable[Version]) -> list[tuple[Version, Version | None]]:
    listed = list(versions)
    return [(v, listed[i - 1] if i else None) for i, v in enumerate(listed)]


def _version_html(version: Version, previous: Version | None, words: Words) -> str:
    text = _changes(previous.text, version.text) if previous else _e(version.text)
    return (
        f'<div class="version"><div class="label">{_light(version.worst.status, words)} '
        f'<b>{_e(version.label)}</b> <a class="where" href="{_e(version.href)}">'
        f'{_e(version.where)}</a></div><p class="text">{text}</p>'
        f"{_measures_table(version.measures, words)}</div>"
    )


def _measures_table(measures: list[Measure], words: Words) -> str:
    """The goal's measures in one document: target, actual value and assessment as printed."""
    if not measures:
        return ""
    head = "".join(f"<th>{_e(words[key])}</th>" for key in _MEASURE_COLUMNS)
    rows = "".join(_measure_row(m, words) for m in measures)
    return f'<table class="measures"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


_MEASURE_COLUMNS = ("measure", "target", "actual", "assessment")  # each a word of the page


def _measure_row(measure: Measure, words: Words) -> str:
    assessment = " ".join(filter(None, (measure.printed, measure.label)))
    values = {
        "target": _e(measure.target),
        "actual": _e(measure.actual),
        "assessment": f"{_light(measure.status, words)} {_e(assessment)}",
    }
    # On a phone each value is named (data-label), the header row being hidden there.
    cells = "".join(
        f'<td class="{key}" data-label="{_e(words[key])}">{value}</td>'
        for key, value in values.items()
    )
    return f'<tr><td class="measure">{_e(measure.text)}</td>{cells}</tr>'


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
