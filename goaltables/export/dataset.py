"""The dataset's tables written as files: one writer per format in `WRITERS`."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from goaltables.errors import OutputError
from goaltables.export.claim import SCRATCH
from goaltables.export.comparison import comparison_frame, links_frame, review_frame
from goaltables.export.datapackage import data_package
from goaltables.export.escaping import encodable, spreadsheet_notes, unencodable_notes
from goaltables.export.files import atomic_path
from goaltables.export.report import report_page
from goaltables.export.report_text import ReportSettings
from goaltables.export.schema import FORMULA_STARTS, WORKBOOK_SHEETS
from goaltables.export.tables import documents_frame, goals_frame, problems_frame
from goaltables.export.workbook import write_workbook
from goaltables.normalize.link import Linking
from goaltables.records import SCHEMA_VERSION, DocumentInfo, Problem, Record


@dataclass(frozen=True, slots=True)
class ExportSettings:
    excel: bool = False  # the CSV Finnish Excel opens as is: UTF-8 with BOM, ";", decimal ","
    report: ReportSettings = field(default_factory=ReportSettings)  # report.html (--lang)


# Numbers as a person writes them: "85", not "85.0"; 15 digits, so no float noise ("0.3").
_FLOAT_FORMAT = "%.15g"


def write_csv(df: pd.DataFrame, path: Path, settings: ExportSettings) -> None:
    # Finnish Excel reads "5,2" as a number and "5.2" as a date: --excel writes decimal commas.
    encoding, separator, decimal = (
        ("utf-8-sig", ";", ",") if settings.excel else ("utf-8", ",", ".")
    )
    if settings.excel:
        df = inert_for_spreadsheets(df)
    df.to_csv(
        path,
        index=False,
        encoding=encoding,
        sep=separator,
        decimal=decimal,
        float_format=_FLOAT_FORMAT,
        lineterminator="\n",
    )


def goals_csv(records: list[Record], settings: ExportSettings) -> str:
    """The goals table as CSV text, for `-o -`: the columns, separator and inert cells of
    goals.csv (no BOM: a stream is no file a spreadsheet opens)."""
    df = goals_frame(records)
    if settings.excel:
        df = inert_for_spreadsheets(df)
    return str(df.to_csv(index=False, sep=";" if settings.excel else ",", lineterminator="\n"))


def inert_for_spreadsheets(df: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as formulas, made inert as OWASP recommends: a single
    quote before them ("'=SUM(A1)" shows as =SUM(A1), as text). Only the --excel CSV does this;
    the plain CSV and Parquet keep every text exactly as read."""

    def inert(value: object) -> object:
        return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value

    text_columns = [c for c in df.columns if df[c].dtype in ("string", object)]
    return df.assign(**{c: df[c].map(inert, na_action="ignore") for c in text_columns})


def write_parquet(df: pd.DataFrame, path: Path, settings: ExportSettings) -> None:
    table = pa.Table.from_pandas(df, preserve_index=False)
    # Plain `string` rather than pandas' `large_string`: older Parquet readers know it.
    table = table.cast(
        pa.schema(
            [
                pa.field(f.name, pa.string() if pa.types.is_large_string(f.type) else f.type)
                for f in table.schema
            ],
            metadata=table.schema.metadata,
        )
    )
    metadata = {
        **(table.schema.metadata or {}),
        b"goaltables_schema_version": SCHEMA_VERSION.encode(),
    }
    pq.write_table(table.replace_schema_metadata(metadata), path)


Writer = Callable[[pd.DataFrame, Path, ExportSettings], None]
WRITERS: dict[str, Writer] = {"csv": write_csv, "parquet": write_parquet}


def write_dataset(
    out_dir: Path,
    documents: list[DocumentInfo],
    records: list[Record],
    problems: list[Problem],
    settings: ExportSettings | None = None,
    linking: Linking | None = None,
) -> list[Path]:
    """Write goals, documents, problems, links and the comparison in every format, review.csv
    for a person to mark, goals.xlsx with every table, datapackage.json describing the CSV
    tables and report.html, the page of how goals fared (`settings.report`); return the files
    written. Text an output cannot hold is escaped there, with a note in problems; a file that
    cannot be written raises OutputError naming it."""
    settings = settings or ExportSettings()
    linking = linking or Linking()
    tables, linking = _tables(documents, records, problems, linking)
    files = _files(out_dir, tables, linking, settings)
    # Every file goes to a temporary name first; only when all are written are they renamed,
    # one after another in a moment: a crash while writing leaves the previous set whole.
    scratch = out_dir / SCRATCH  # one folder for every temporary file (`claim`)
    try:
        with contextlib.ExitStack() as renames:
            for target, write in files.items():
                _write_one(renames, target, write, scratch)
    except OutputError:
        raise
    except OSError as error:
        raise OutputError(
            f"{out_dir}: the outputs could not be put in place ({_why(error)})"
        ) from error
    finally:
        with contextlib.suppress(OSError):
            scratch.rmdir()  # only when empty: a run's workers may still hold files there
    return list(files)


def _files(
    out_dir: Path, tables: dict[str, pd.DataFrame], linking: Linking, settings: ExportSettings
) -> dict[Path, Callable[[Path], None]]:
    """Each output file and how to write it, in the order they are written."""
    files = {
        out_dir / f"{name}.{suffix}": _bound(writer, df, settings)
        for name, df in tables.items()
        for suffix, writer in WRITERS.items()
    }
    # The review file is a form for a person: CSV only, read back with --decisions.
    files[out_dir / "review.csv"] = _bound(write_csv, review_frame(linking), settings)
    sheets = {name: tables[name] for name in WORKBOOK_SHEETS}
    files[out_dir / "goals.xlsx"] = lambda path: write_workbook(path, sheets)
    package = json.dumps(data_package(tables, settings.excel), ensure_ascii=False, indent=1)
    files[out_dir / "datapackage.json"] = _text_writer(package + "\n")
    # The page from the tables in hand, not from the files: it is written, and replaces the
    # last run's page, together with them or not at all. Its links lead from OUT.
    files[out_dir / "report.html"] = _page_writer(tables, out_dir, settings.report)
    return files


def _page_writer(
    tables: dict[str, pd.DataFrame], out_dir: Path, settings: ReportSettings
) -> Callable[[Path], None]:
    """report.html, made when it is written: a page that cannot be made is an OutputError
    naming it, and nothing is replaced."""

    def write(path: Path) -> None:
        page = report_page(tables["goals"], tables["documents"], out_dir, settings)
        path.write_text(page, encoding="utf-8")

    return write


def _bound(writer: Writer, df: pd.DataFrame, settings: ExportSettings) -> Callable[[Path], None]:
    return lambda path: writer(df, path, settings)


def _text_writer(text: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    return write


def dataset_tables(
    documents: list[DocumentInfo],
    records: list[Record],
    problems: list[Problem],
    linking: Linking | None = None,
) -> dict[str, pd.DataFrame]:
    """The dataset's tables as the files hold them: goals, documents, problems, links and the
    comparison, by name."""
    return _tables(documents, records, problems, linking or Linking())[0]


def _tables(
    documents: list[DocumentInfo], records: list[Record], problems: list[Problem], linking: Linking
) -> tuple[dict[str, pd.DataFrame], Linking]:
    """The dataset's tables, and the linking they were made with (its text escaped, where a
    lone surrogate, which no string column holds, made it so); the notes on what was escaped
    are in problems."""
    try:
        return _frames(documents, records, problems, linking), linking
    except UnicodeEncodeError:
        notes = unencodable_notes(records)
        fit = encodable((documents, records, [*problems, *notes], linking))
        return _frames(*fit), fit[3]


def _frames(
    documents: list[DocumentInfo], records: list[Record], problems: list[Problem], linking: Linking
) -> dict[str, pd.DataFrame]:
    tables = {
        "goals": goals_frame(records),
        "documents": documents_frame(documents),
        "links": links_frame(linking),
        "comparison": _typed(comparison_frame(documents, records, linking)),
    }
    tables["problems"] = problems_frame([*problems, *spreadsheet_notes(tables)])
    order = ("goals", "documents", "problems", "links", "comparison")
    return {name: tables[name] for name in order}


def _write_one(
    renames: contextlib.ExitStack, target: Path, write: Callable[[Path], None], scratch: Path
) -> Path:
    """Write `target` (to a temporary name in `scratch`, renamed when all are written); any
    failure as an OutputError naming the file, and the row where the writer knows it."""
    try:
        write(renames.enter_context(atomic_path(target, scratch)))
    except Exception as error:
        raise OutputError(f"{target}: could not be written ({_why(error)})") from error
    return target


_REASON_LENGTH = 300  # an error may quote a whole cell: the one line stays readable


def _why(error: Exception) -> str:
    if isinstance(error, OutputError):
        reason = str(error)
    elif isinstance(error, OSError) and error.strerror:
        reason = error.strerror
    else:
        reason = f"{type(error).__name__}: {error}"
    return reason if len(reason) <= _REASON_LENGTH else reason[:_REASON_LENGTH] + "..."


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """Comparison columns typed for Parquet: ratings nullable integers, flags booleans."""
    types = {
        c: "Int64" if c.endswith(" rating") else "boolean" if df[c].dtype == bool else "string"
        for c in df.columns
    }
    return df.astype(types) if not df.empty else df


__all__ = ["WRITERS", "ExportSettings", "dataset_tables", "write_dataset"]
