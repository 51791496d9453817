"""Text at the export boundary: what an output cannot hold is written as escapes, and the file
it came from gets a note, so one file's odd character never costs the batch its dataset.

A spreadsheet cannot hold control characters (an HTML cell's `&#27;` aborted a whole run in
openpyxl: issue 17): goals.xlsx shows them as `\\x1b`, while the CSV and Parquet keep them as
read. A lone surrogate (a broken PDF font map; a file name's undecodable byte, had one got
past `escapes.name_as_text`) fits no UTF-8 file, nor even a pandas string column: it is
escaped in the records before any table is made."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

import pandas as pd

from goaltables.escapes import SPREADSHEET_CONTROLS, UNENCODABLE, escape, printable
from goaltables.records import Problem, Record

T = TypeVar("T")
_SHOWN_CHARACTERS = 5  # distinct characters a note names
_IN_WORKBOOK = "written as escapes in goals.xlsx, which cannot hold them; CSV and Parquet keep them"
UNENCODABLE_NOTE = "text no UTF-8 file can hold (a lone surrogate): written as escapes (\\udXXX)"


def spreadsheet_notes(tables: Mapping[str, pd.DataFrame]) -> list[Problem]:
    """A note per file (or per table, where its rows name no file) whose text holds control
    characters a spreadsheet cannot hold, naming the columns and the characters."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for name, df in tables.items():
        for column in _text_columns(df):
            hits = df[column].str.contains(SPREADSHEET_CONTROLS, na=False)
            for row in df.index[hits.to_numpy(dtype=bool)]:
                source = df.at[row, "source"] if "source" in df.columns else f"the {name} table"
                text = str(df.at[row, column])
                found[str(source)][column] |= set(SPREADSHEET_CONTROLS.findall(text))
    return [Problem(source, "note", _note(columns)) for source, columns in found.items()]


def unencodable_notes(records: list[Record]) -> list[Problem]:
    """A note per file whose records hold a lone surrogate."""
    sources = dict.fromkeys(r.source.path for r in records if encodable(r) != r)
    return [Problem(source, "note", UNENCODABLE_NOTE) for source in sources]


def encodable(value: T) -> T:
    """`value` (a record, a list of them, the linking) with lone surrogates in its text
    written as escapes; the same object where there are none."""
    changed: T = _encodable(value)
    return changed


def _encodable(value: Any) -> Any:
    if isinstance(value, str):
        return escape(value, UNENCODABLE) if UNENCODABLE.search(value) else value
    if isinstance(value, list | tuple):
        return type(value)(_encodable(item) for item in value)
    if isinstance(value, dict):
        return {_encodable(k): _encodable(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _encodable(getattr(value, f.name)) for f in fields(value)})
    return value


def _note(columns: Mapping[str, set[str]]) -> str:
    characters = sorted(set().union(*columns.values()))
    shown = printable("".join(characters[:_SHOWN_CHARACTERS]))
    more = ", ..." if len(characters) > _SHOWN_CHARACTERS else ""
    return f"characters {shown}{more} in {', '.join(sorted(columns))}: {_IN_WORKBOOK}"


def _text_columns(df: pd.DataFrame) -> list[str]:
    return [c for c in df.columns if df[c].dtype in ("string", object)]


__all__ = ["encodable", "spreadsheet_notes", "unencodable_notes"]
