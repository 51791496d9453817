"""The command line: options, messages and exit codes only; the work is in the pipeline.

Exit codes: 0 all inputs read, 1 some input failed, 2 usage error. Data goes to stdout,
messages to stderr."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from goaltables import __version__
from goaltables.errors import GoalTablesError
from goaltables.export import ExportSettings, write_dataset
from goaltables.export.tables import goal_rows
from goaltables.export.text import format_records
from goaltables.extract import extract as extract_file
from goaltables.normalize import assign_goal_ids
from goaltables.pipeline import run as run_pipeline

EXIT_OK, EXIT_SOME_FAILED = 0, 1


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
@click.option(
    "-o",
    "--out",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder for goals, documents and problems (CSV and Parquet).",
)
@click.option(
    "--excel",
    is_flag=True,
    help="Write the CSV that Finnish Excel opens as is (UTF-8 with BOM, ';').",
)
def run(inputs: tuple[Path, ...], out_dir: Path, excel: bool) -> None:
    """Extract, normalize and export every report in INPUTS (files and folders).

    \b
    Example:
      goaltables run reports/ 2021-toteuma.txt -o out/ --excel
    """
    result = run_pipeline(inputs)
    for problem in result.problems:
        click.echo(f"{'note' if problem.kind == 'note' else 'error'}: {problem}", err=True)
    write_dataset(
        out_dir, result.documents, result.records, result.problems, ExportSettings(excel=excel)
    )
    failed = result.failed_sources
    goals = len({r.goal_id for r in result.records})
    click.echo(
        f"{len(result.documents)} files: {len(result.documents) - len(failed)} read, "
        f"{len(failed)} failed; {len(result.records)} rows of {goals} goals -> {out_dir}/",
        err=True,
    )
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="JSON lines: one record per line.")
def extract(file: Path, as_json: bool) -> None:
    """Show the goal rows read from one FILE, as a table (or JSON lines).

    \b
    Example:
      goaltables extract 2021-toteuma.txt
      goaltables extract 2021-toteuma.txt --json | jq .goal
    """
    try:
        extraction = extract_file(file)
    except GoalTablesError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_SOME_FAILED)
    records = assign_goal_ids(extraction.records)
    for note in extraction.document.problems:
        click.echo(f"note: {file}: {note}", err=True)
    if as_json:
        for record, row in zip(records, goal_rows(records), strict=True):
            row |= {"table": record.source.table, "row": record.source.row}
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        click.echo(format_records(records))
