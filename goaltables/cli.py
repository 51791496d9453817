"""The command line: options, messages and exit codes only; the work is in the pipeline.

Exit codes: 0 all inputs read (files skipped for want of a tool included), 1 some input
failed, 2 usage error, 130 interrupted (Ctrl-C). Data goes to stdout, messages to stderr;
`-q` keeps only the errors, `-v` adds the traceback to an error."""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from goaltables import __version__
from goaltables.errors import GoalTablesError, UsageError
from goaltables.escapes import name_as_text, printable
from goaltables.export.report_text import ReportSettings, languages
from goaltables.export.schema import goal_rows
from goaltables.extract import ReadLimits, ReadOptions, detect_format, extract_bytes, read_bytes
from goaltables.extract import extract as extract_file
from goaltables.extract.tables import NO_BOX, RawTable
from goaltables.extract.textio import clean_cell
from goaltables.normalize import assign_goal_ids
from goaltables.records import Extraction, Record
from goaltables.workers import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, Limits, call_limited

if TYPE_CHECKING:
    from goaltables.console import ProgressReport
    from goaltables.export.dataset import ExportSettings
    from goaltables.export.runstate import LastRun
    from goaltables.inputs import InputFile
    from goaltables.pipeline import Result

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a command ended by Ctrl-C
# As in csvkit and sqlite-utils: `-o -` is stdout (the goals as CSV), `extract -` is stdin.
DASH = Path("-")
STDIN_NAME = "stdin"  # the source of `extract -`
_VERBOSE, _QUIET = "goaltables.verbose", "goaltables.quiet"  # in click's context meta
_LAST_PAGE = ReadLimits().max_pdf_pages

_PASSWORD = click.option("--password", default=None, help="Password that opens encrypted PDFs.")
_PAGES = click.option(
    "--pages",
    "pages",
    default=None,
    metavar="LIST",
    help="Pages, 1-based: '3-5', '1,4,7-9'. Default: all (inspect: the goal-table pages).",
)

_TIMEOUT = click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds one file may take before it is stopped and reported; 0: no limit.",
)
_MEMORY = click.option(
    "--memory",
    "memory_mb",
    type=click.IntRange(min=0),
    default=DEFAULT_MEMORY_MB,
    show_default=True,
    metavar="MB",
    help="Memory one file may take (what the process reading it, and LibreOffice, may map "
    "beyond what it starts with); 0: no limit.",
)

_LANG = click.option(
    "--lang",
    type=click.Choice(languages()),
    default=None,
    help="The report page's language.  [default: the documents' language, fi or sv]",
)


def _limits(timeout: float, memory_mb: int) -> Limits:
    """--timeout and --memory as limits; 0 is no limit."""
    return Limits(timeout=timeout or None, memory_mb=memory_mb or None)


def _out_option(what: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return click.option(
        "-o", "--out", "out_dir", required=True, type=click.Path(path_type=Path), help=what
    )


def _remember(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    ctx.meta[f"goaltables.{param.name}"] = value


def _verbosity(command: Callable[..., None]) -> Callable[..., None]:
    """-v and -q on every command: options of the command, not of the group, so they may
    stand anywhere on the line (`goaltables run reports/ -o out/ -q`)."""
    quiet = click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=_remember,
        help="Errors only: no progress, notes or summary.",
    )
    verbose = click.option(
        "-v",
        "--verbose",
        is_flag=True,
        expose_value=False,
        callback=_remember,
        help="Show the traceback of an error.",
    )
    return verbose(quiet(command))


def _flag(name: str) -> bool:
    context = click.get_current_context(silent=True)
    return bool(context and context.meta.get(name))


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
        if int(last or first) > _LAST_PAGE:  # a range of 2e9 pages would fill the memory
            raise click.BadParameter(
                f"{text!r}: no document read has pages past {_LAST_PAGE:,} "
                "(ReadLimits.max_pdf_pages)",
                param_hint="--pages",
            )
        pages += range(int(first), int(last or first) + 1)
    return pages


def _say(line: str) -> None:
    """A message on stderr, one line a terminal shows as it is: a file name's escape codes
    and line breaks are printed as escapes, never run."""
    click.echo(printable(line), err=True)


def _inform(line: str) -> None:
    """A message that is no error: held back by -q."""
    if not _flag(_QUIET):
        _say(line)


def _fail(error: GoalTablesError) -> None:
    if _flag(_VERBOSE):
        click.echo(traceback.format_exc(), err=True, nl=False)
    _say(f"error: {error}")
    sys.exit(EXIT_USAGE if isinstance(error, UsageError) else EXIT_SOME_FAILED)


class _Commands(click.Group):
    """The group: a bug in goaltables is one line, or with -v its traceback, and exit 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:
            if ctx.meta.get(_VERBOSE):
                click.echo(traceback.format_exc(), err=True, nl=False)
            _say(
                f"error: goaltables failed ({type(error).__name__}: {error}); run again with "
                "-v for the traceback, and please report it"
            )
            sys.exit(EXIT_SOME_FAILED)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
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
    "datapackage.json, review.csv and report.html; - writes the goals table to stdout as CSV."
)
@_LANG
@click.option(
    "--excel",
    is_flag=True,
    help="Write the CSV that Finnish Excel opens as is (UTF-8 with BOM, ';').",
)
@click.option(
    "--decisions",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="CSV of from_goal, to_goal and 'same' or 'different' under decision: these win over "
    "the scores. Read with OUT/decisions.csv and the marks in OUT/review.csv; new marks are "
    "added to OUT/decisions.csv, this file is never written.",
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
@_TIMEOUT
@_MEMORY
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
@_verbosity
def run(
    inputs: tuple[Path, ...],
    out_dir: Path,
    excel: bool,
    decisions: Path | None,
    manifest: Path | None,
    strict: bool,
    jobs: int | None,
    timeout: float,
    memory_mb: int,
    cache_dir: Path | None,
    no_cache: bool,
    force: bool,
    password: str | None,
    lang: str | None,
) -> None:
    """Extract, normalize and export every report in INPUTS: files, folders (read
    recursively; a file is taken by its content, whatever its name) and glob patterns.
    The output folder and goaltables' own outputs are never read; an input that matches
    nothing, or inputs that hold no report, replace nothing (exit 2).

    Files are read in worker processes. What each file gave is cached, so a second run reads
    only new and changed files, and a run stopped with Ctrl-C goes on where it stopped.
    The outputs are replaced whole at the end, never left half-written. `-o -` writes the
    goals table to stdout as CSV instead.

    \b
    Example:
      goaltables run reports/ 2021-toteuma.txt -o out/ --excel
      goaltables run reports/ -o out/ --lang sv
      goaltables run 'archive/**/*.pdf' -o out/ --jobs 4 --timeout 120
      goaltables run reports/ -o out/ --decisions my-decisions.csv
      goaltables run archive/ -o out/ --manifest archive/manifest.csv
      goaltables run reports/ -o - -q > goals.csv
    """
    from goaltables.batch import (
        BatchSettings,
        Interrupted,
        default_jobs,
        identify,
    )
    from goaltables.console import ProgressReport, interrupted_message
    from goaltables.export import runstate
    from goaltables.export.claim import claim_folder
    from goaltables.export.decisions import decisions_key, gather_decisions, record_decisions
    from goaltables.inputs import read_manifest, unmatched_manifest_rows

    to_stdout = out_dir == DASH
    try:
        check_output_folder(out_dir, "the goals table as CSV on stdout")
        gathered = gather_decisions(None if to_stdout else out_dir, decisions)
        documents = read_manifest(manifest) if manifest else None
        items = _collect(inputs, None if to_stdout else out_dir)
        claim = None if to_stdout else claim_folder(out_dir)  # after the inputs: no stray OUT
        if not to_stdout:  # a person's new marks outlive the review.csv this run rewrites
            record_decisions(out_dir, gathered.new)
    except GoalTablesError as error:
        _fail(error)
        return
    try:
        identified = identify(items)
        key = runstate.run_key(
            [(i.item.source, i.content_hash, str(i.unreadable)) for i in identified],
            password,
            excel,
            strict,
            _bytes_of(manifest),
            decisions_key(gathered.decisions),
            lang,  # the page's language: another --lang rewrites report.html
        )
        last = None if (force or no_cache or to_stdout) else runstate.current_run(out_dir, key)
        if last is not None:
            _repeat(last)
        # Only a run with work to do pays for pandas, pyarrow and the linking's libraries.
        from goaltables.export.dataset import ExportSettings
        from goaltables.pipeline import run_identified

        default_cache = None if to_stdout else out_dir / ".cache"
        cache = None if no_cache else (cache_dir or default_cache)
        batch = BatchSettings(
            jobs=jobs or default_jobs(),
            timeout=timeout or None,
            memory_mb=memory_mb or None,
            cache_dir=cache,
            force=force,
            verbose=_flag(_VERBOSE),
        )
        progress = ProgressReport(quiet=_flag(_QUIET))
        for problem in unmatched_manifest_rows(documents or {}, items):
            progress.say(f"note: {problem}")
        try:
            result = run_identified(
                identified,
                ReadOptions(password=password),
                decisions=gathered.decisions or None,
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
        settings = ExportSettings(excel=excel, report=ReportSettings(lang=lang))
        _finish(result, out_dir, settings, progress, key if not no_cache else None)
    finally:
        if claim is not None:
            claim.release()


def _finish(
    result: Result,
    out_dir: Path,
    settings: ExportSettings,
    progress: ProgressReport,
    key: str | None,
) -> None:
    """Write the outputs, say how the run went and exit with its code; the run is recorded
    under `key` (None: not recorded) when no failure may pass on the next run."""
    from goaltables.batch import PASSING_FAILURES
    from goaltables.console import nothing_read, summary
    from goaltables.export import runstate

    if not result.read_sources:  # a machine without the tool, a folder of broken files
        _say(f"error: {nothing_read(result)}")
        sys.exit(EXIT_SOME_FAILED)
    written = _write_outputs(result, out_dir, settings)
    place = "stdout" if out_dir == DASH else f"{out_dir}/"
    said = summary(result, place, progress.from_cache)
    _inform(said)
    code = EXIT_SOME_FAILED if result.failed_sources else EXIT_OK
    if written and key and not any(p.kind in PASSING_FAILURES for p in result.problems):
        runstate.record_run(out_dir, key, written, runstate.LastRun(progress.messages, said, code))
    sys.exit(code)


# An -o ending so names a file the user expects, not the folder it would become.
_FILE_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx", ".parquet", ".json", ".html"})


def check_output_folder(out_dir: Path, dash: str = "") -> None:
    """An -o that is a file, or is named like one (`-o result.csv`), is a usage error before
    anything is read; `dash` says what `-o -` does where it does something."""
    if out_dir == DASH or out_dir.is_dir():
        return
    hint = f" (or - for {dash})" if dash else ""
    name = name_as_text(str(out_dir))
    if out_dir.exists():
        raise UsageError(f"{name}: is a file, not a folder: give -o a folder{hint}")
    if out_dir.suffix.lower() in _FILE_SUFFIXES:
        raise UsageError(f"{name}: named like a file, but -o takes a folder{hint}")


def _collect(inputs: Sequence[Path], out_dir: Path | None) -> list[InputFile]:
    """The files to read; UsageError for a typo or inputs that hold no report: a run that
    reads nothing must not replace a dataset with an empty one."""
    from goaltables.inputs import collect_inputs

    items = collect_inputs(inputs, out_dir)
    if not items:
        named = ", ".join(name_as_text(str(i)) for i in inputs)
        raise UsageError(f"{named}: no report file in it: nothing was read, no output replaced")
    return items


def _repeat(last: LastRun) -> None:
    """Nothing changed since the last run: its messages again, and its exit code."""
    from goaltables.console import QUIET_PREFIXES

    for line in last.messages:
        (_inform if line.startswith(QUIET_PREFIXES) else _say)(line)
    _inform(f"{last.summary}; nothing changed since the last run")
    sys.exit(last.exit_code)


def _write_outputs(result: Result, out_dir: Path, settings: ExportSettings) -> list[Path]:
    """The dataset and its page into `out_dir`, or the goals table on stdout (`-o -`: nothing
    written)."""
    from goaltables.export.dataset import goals_csv, write_dataset
    from goaltables.export.runstate import forget_run

    if out_dir == DASH:
        click.echo(goals_csv(result.records, settings), nl=False)
        return []
    forget_run(out_dir)
    try:
        return write_dataset(
            out_dir, result.documents, result.records, result.problems, settings, result.linking
        )
    except GoalTablesError as error:  # an output that cannot be written: its name, one line
        _fail(error)
        raise  # _fail exits; for the type checker


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
@_LANG
@_verbosity
def report(dataset: Path, target: Path | None, lang: str | None) -> None:
    """Write one web page of how goals fared document by document, from a DATASET folder
    that `goaltables run` wrote. The page needs no network: open it, send it, put it online.

    \b
    Example:
      goaltables report out/ -o report.html
      goaltables report out/ --lang en
      (then open report.html#status=red for the goals whose latest status is red)
    """
    from goaltables.export.files import atomic_path
    from goaltables.export.report import write_report

    target = target or dataset / "report.html"
    try:
        if not dataset.is_dir():  # before -o's folder is made: a typo leaves no stray folder
            raise UsageError(f"{name_as_text(str(dataset))}: no such folder")
        with atomic_path(target) as temporary:
            write_report(dataset, temporary, ReportSettings(lang=lang))
    except GoalTablesError as error:
        _fail(error)
        return
    _inform(f"{target}")


@main.command()
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="JSON lines: one record per line.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV with the columns of goals.csv.")
@_PASSWORD
@_TIMEOUT
@_MEMORY
@_verbosity
def extract(
    file: Path, as_json: bool, as_csv: bool, password: str | None, timeout: float, memory_mb: int
) -> None:
    """Show the goal rows read from one FILE (- reads stdin): a table, cut to fit on a
    terminal and whole rows when piped; or CSV, or JSON lines with each row's table and row.

    \b
    Example:
      goaltables extract 2021-toteuma.txt
      goaltables extract tilinpaatos-2024.pdf --json | jq .goal
      goaltables extract tilinpaatos-2024.pdf --csv > goals.csv
      goaltables extract - --csv < 2021-toteuma.txt
    """
    try:
        if as_json and as_csv:
            raise UsageError("give --json or --csv, not both")
        limits = _limits(timeout, memory_mb)
        extraction = _read_one(file, ReadOptions(password=password), limits)
    except GoalTablesError as error:
        _fail(error)
        return
    records = assign_goal_ids(extraction.records)
    for note in extraction.document.problems:
        _inform(f"note: {extraction.document.source}: {note}")
    click.echo(_records_as(records, "json" if as_json else "csv" if as_csv else "table"), nl=False)


def _read_one(file: Path, options: ReadOptions, limits: Limits) -> Extraction:
    """One file read under the time and memory limits (stdin is read here, then handed on)."""
    if file == DASH:  # `-`: stdin here
        data = sys.stdin.buffer.read()
        return call_limited(extract_bytes, (data, STDIN_NAME, options), limits, STDIN_NAME)
    name = name_as_text(str(file))
    return call_limited(extract_file, (file, name, options), limits, name)


def _records_as(records: list[Record], form: str) -> str:
    """The records as JSON lines, CSV or a table (cut on a terminal, whole when piped)."""
    if form == "json":
        lines = []
        for record, row in zip(records, goal_rows(records), strict=True):
            row |= {"table": record.source.table, "row": record.source.row}
            lines.append(json.dumps(row, ensure_ascii=False) + "\n")
        return "".join(lines)
    if form == "csv":
        from goaltables.export.dataset import ExportSettings, goals_csv  # pandas: only here

        return goals_csv(records, ExportSettings())
    from goaltables.export.text import format_records

    return format_records(records, whole=not stdout_is_terminal()) + "\n"


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


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
@_TIMEOUT
@_MEMORY
@_verbosity
def tables(
    file: Path,
    pages: str | None,
    as_json: bool,
    password: str | None,
    timeout: float,
    memory_mb: int,
) -> None:
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
        arguments = (file, parse_pages(pages), password)
        name = name_as_text(str(file))
        found = call_limited(list_file_tables, arguments, _limits(timeout, memory_mb), name)
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
@click.option(
    "--resolution",
    type=click.IntRange(min=10, max=1200),
    default=100,
    show_default=True,
    help="Pixels per inch.",
)
@_PASSWORD
@_TIMEOUT
@_MEMORY
@_verbosity
def inspect(
    file: Path,
    pages: str | None,
    out_dir: Path,
    resolution: int,
    password: str | None,
    timeout: float,
    memory_mb: int,
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
        check_output_folder(out_dir)
        if detect_format(read_bytes(file, str(file)), str(file)) != "pdf":
            raise UsageError(f"{file}: not a PDF; `inspect` draws PDF pages")
        arguments = (file, out_dir, parse_pages(pages), password, resolution)
        name = name_as_text(str(file))
        written = call_limited(inspect_pdf, arguments, _limits(timeout, memory_mb), name)
    except GoalTablesError as error:
        _fail(error)
        return
    for path in written:
        click.echo(str(path))
    _inform(f"{len(written)} pages drawn -> {out_dir}/")
