"""The command line: options, messages and exit codes only; the work is in the pipeline.

Exit codes: 0 all inputs read, 1 some input failed, 2 usage error, 130 interrupted (Ctrl-C).
Data goes to stdout, messages to stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

from goaltables import __version__
from goaltables.errors import GoalTablesError, UsageError
from goaltables.escapes import name_as_text, printable
from goaltables.export.schema import goal_rows
from goaltables.extract import ReadOptions, detect_format, read_bytes
from goaltables.extract import extract as extract_file
from goaltables.extract.tables import NO_BOX, RawTable
from goaltables.extract.textio import clean_cell
from goaltables.normalize import assign_goal_ids

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a command ended by Ctrl-C
DEFAULT_TIMEOUT = 300.0  # seconds per file: a 158-page report takes about 4

_PASSWORD = click.option("--password", default=None, help="Password that opens encrypted PDFs.")
_PAGES = click.option(
    "--pages",
    "pages",
    default=None,
    metavar="LIST",
    help="Pages, 1-based: '3-5', '1,4,7-9'. Default: all (inspect: the goal-table pages).",
)


def _out_option(what: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(
        "-o", "--out", "out_dir", required=True, type=click.Path(path_type=Path), help=what
    )


def parse_pages(text: str | None) -> list[int] | None:
    """'3-5,8' -> [3, 4, 5, 8]; None -> None."""
    if not text:
        return None
    pages: list[int] = []
    for part in text.split(","):
        first, _, last = part.strip().partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            raise click.BadParameter(
                f"{text!r}: give pages as 3-5 or 1,4,7-9", param_hint="--pages"
            )
        pages += range(int(first), int(last or first) + 1)
    return pages


def _say(line: str) -> None:
    """A message on stderr, one line a terminal shows as it is: a file name's escape codes
    and line breaks are printed as escapes, never run."""
    click.echo(printable(line), err=True)


def _fail(error: GoalTablesError) -> None:
    _say(f"error: {error}")
    sys.exit(EXIT_USAGE if isinstance(error, UsageError) else EXIT_SOME_FAILED)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="goaltables")
def main() -> None:
    """Turn the goal tables of municipal reports into a clean dataset.

    \b
    Example:
      goaltables run reports/ -o out/
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@_out_option(
    "Folder for goals, documents, links, comparison, problems (CSV, Parquet), goals.xlsx, "
    "datapackage.json and review.csv."
)
@click.option(
    "--excel",
    is_flag=True,
    help="Write the CSV that Finnish Excel opens as is (UTF-8 with BOM, ';').",
)
@click.option(
    "--decisions",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="review.csv with 'same' or 'different' under decision: these win over the scores.",
)
@click.option(
    "--manifest",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="CSV of path, organisation, year, phase, series: overrides what the documents say.",
)
@click.option(
    "--strict", is_flag=True, help="Stop at the first file that fails (files done are kept)."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes that read files at once.  [default: all cores]",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds one file may take before it is stopped and reported; 0: no limit.",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder of the cache of extracted files.  [default: OUT/.cache]",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option("--force", is_flag=True, help="Read every file again, even those in the cache.")
@_PASSWORD
def run(
    inputs: tuple[Path, ...],
    out_dir: Path,
    excel: bool,
    decisions: Path | None,
    manifest: Path | None,
    strict: bool,
    jobs: int | None,
    timeout: float,
    cache_dir: Path | None,
    no_cache: bool,
    force: bool,
    password: str | None,
) -> None:
    """Extract, normalize and export every report in INPUTS: files, folders (read
    recursively; a file is taken by its content, whatever its name) and glob patterns.

    Files are read in worker processes. What each file gave is cached, so a second run reads
    only new and changed files, and a run stopped with Ctrl-C goes on where it stopped.
    The outputs are replaced whole at the end, never left half-written.

    \b
    Example:
      goaltables run reports/ 2021-toteuma.txt -o out/ --excel
      goaltables run 'archive/**/*.pdf' -o out/ --jobs 4 --timeout 120
      goaltables run reports/ -o out/ --decisions out/review.csv
      goaltables run archive/ -o out/ --manifest archive/manifest.csv
    """
    from goaltables.batch import (
        PASSING_FAILURES,
        BatchSettings,
        Interrupted,
        default_jobs,
        identify,
    )
    from goaltables.console import ProgressReport, interrupted_message, summary
    from goaltables.export import runstate
    from goaltables.inputs import collect_inputs, read_manifest
    from goaltables.normalize.link import read_decisions

    try:
        marks = read_decisions(decisions) if decisions else None
        documents = read_manifest(manifest) if manifest else None
    except GoalTablesError as error:
        _fail(error)
        return
    identified = identify(collect_inputs(inputs))
    key = runstate.run_key(
        [(i.item.source, i.content_hash, str(i.unreadable)) for i in identified],
        password,
        excel,
        strict,
        _bytes_of(manifest),
        _bytes_of(decisions),
    )
    last = None if (force or no_cache) else runstate.current_run(out_dir, key)
    if last is not None:
        for line in last.messages:
            _say(line)
        _say(f"{last.summary}; nothing changed since the last run")
        sys.exit(last.exit_code)
    # Only a run with work to do pays for pandas, pyarrow and the linking's libraries.
    from goaltables.export.dataset import ExportSettings, write_dataset
    from goaltables.pipeline import run_identified

    cache = None if no_cache else (cache_dir or out_dir / ".cache")
    batch = BatchSettings(
        jobs=jobs or default_jobs(), timeout=timeout or None, cache_dir=cache, force=force
    )
    progress = ProgressReport()
    try:
        result = run_identified(
            identified,
            ReadOptions(password=password),
            decisions=marks,
            manifest=documents,
            strict=strict,
            batch=batch,
            progress=progress,
        )
    except Interrupted as stop:
        progress.close()
        _say(interrupted_message(stop.done, stop.total, cache))
        sys.exit(EXIT_INTERRUPTED)
    except KeyboardInterrupt:  # before any file was read, or while linking
        progress.close()
        click.echo("interrupted; the outputs were not rewritten", err=True)
        sys.exit(EXIT_INTERRUPTED)
    progress.close()
    runstate.forget_run(out_dir)
    try:
        written = write_dataset(
            out_dir,
            result.documents,
            result.records,
            result.problems,
            ExportSettings(excel=excel),
            result.linking,
        )
    except GoalTablesError as error:  # an output that cannot be written: its name, one line
        _fail(error)
        return
    said = summary(result, out_dir, progress.from_cache)
    _say(said)
    code = EXIT_SOME_FAILED if result.failed_sources else EXIT_OK
    if not no_cache and not any(p.kind in PASSING_FAILURES for p in result.problems):
        runstate.record_run(out_dir, key, written, runstate.LastRun(progress.messages, said, code))
    sys.exit(code)


def _bytes_of(path: Path | None) -> bytes | None:
    return path.read_bytes() if path else None


@main.command()
@click.argument("dataset", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "-o",
    "--out",
    "target",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The HTML file to write.  [default: DATASET/report.html]",
)
def report(dataset: Path, target: Path | None) -> None:
    """Write one web page of how goals fared document by document, from a DATASET folder
    that `goaltables run` wrote. The page needs no network: open it, send it, put it online.

    \b
    Example:
      goaltables report out/ -o report.html
      (then open report.html#status=red for the goals whose latest status is red)
    """
    from goaltables.export.files import atomic_path
    from goaltables.export.report import write_report

    target = target or dataset / "report.html"
    try:
        with atomic_path(target) as temporary:
            write_report(dataset, temporary)
    except GoalTablesError as error:
        _fail(error)
        return
    _say(f"{target}")


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="JSON lines: one record per line.")
@_PASSWORD
def extract(file: Path, as_json: bool, password: str | None) -> None:
    """Show the goal rows read from one FILE, as a table (or JSON lines).

    \b
    Example:
      goaltables extract 2021-toteuma.txt
      goaltables extract tilinpaatos-2024.pdf --json | jq .goal
    """
    try:
        extraction = extract_file(file, name_as_text(str(file)), ReadOptions(password=password))
    except GoalTablesError as error:
        _fail(error)
        return
    records = assign_goal_ids(extraction.records)
    for note in extraction.document.problems:
        _say(f"note: {file}: {note}")
    if as_json:
        for record, row in zip(records, goal_rows(records), strict=True):
            row |= {"table": record.source.table, "row": record.source.row}
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        from goaltables.export.text import format_records  # pandas: only here

        click.echo(format_records(records))


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@_PAGES
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='{"tables": [{"page", "method", "bbox", "rows": [[...]]}]}',
)
@_PASSWORD
def tables(file: Path, pages: str | None, as_json: bool, password: str | None) -> None:
    """Show every table of a file, goal table or not, as grids of cell text.

    PDF: ruled tables from the lines drawn on the page, unruled ones from how the text
    aligns, or both (method and bbox say which). Word (.docx, and .doc, .odt, .rtf through
    LibreOffice), .xlsx (each sheet a page), .html and fixed-width text such as a
    `pdftotext -layout` dump read too. A merged cell's text sits in its top-left place.

    \b
    Example:
      goaltables tables tilinpaatos-2024.pdf --pages 58-60
      goaltables tables tilinpaatos-2024.pdf --pages 58 --json > tables.json
      goaltables tables talousarvio-2024.docx --json
    """
    from goaltables.extract.listing import list_file_tables

    try:
        found = list_file_tables(file, parse_pages(pages), password)
    except GoalTablesError as error:
        _fail(error)
        return
    if as_json:
        click.echo(json.dumps({"tables": [_table_json(t) for t in found]}, ensure_ascii=False))
    else:
        from goaltables.export.text import format_tables

        click.echo(format_tables([(t.page, t.method, _grid(t)) for t in found]))


def _grid(table: RawTable) -> list[list[str]]:
    return [[clean_cell(c.text) if c else "" for c in row] for row in table.rows]


def _table_json(table: RawTable) -> dict[str, object]:
    """A table in the tablebench form; a format without pages (Word, HTML) has page and
    box null."""
    box = [round(v, 1) for v in table.bbox] if table.bbox != NO_BOX else None
    page = table.page or None
    return {"page": page, "method": table.method, "bbox": box, "rows": _grid(table)}


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@_PAGES
@_out_option("Folder for the PNG pictures.")
@click.option("--resolution", default=100, show_default=True, help="Pixels per inch.")
@_PASSWORD
def inspect(
    file: Path, pages: str | None, out_dir: Path, resolution: int, password: str | None
) -> None:
    """Draw what was found on PDF pages: tables, cells, column roles, decoded ratings.

    Blue outlines are ruled tables, orange ones unruled; purple words name the role a header
    gave its column; a dot beside a rating cell shows the traffic light read from it.

    \b
    Example:
      goaltables inspect tilinpaatos-2024.pdf --pages 58-60 -o pictures/
    """
    from goaltables.export.inspect import inspect_pdf  # Pillow drawing: only here

    try:
        if detect_format(read_bytes(file, str(file)), str(file)) != "pdf":
            raise UsageError(f"{file}: not a PDF; `inspect` draws PDF pages")
        written = inspect_pdf(file, out_dir, parse_pages(pages), password, resolution)
    except GoalTablesError as error:
        _fail(error)
        return
    for path in written:
        click.echo(str(path))
    _say(f"{len(written)} pages drawn -> {out_dir}/")
