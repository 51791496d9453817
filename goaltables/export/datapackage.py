"""`OUT/datapackage.json`: the dataset describes itself as a Frictionless Data Package.

One tabular resource per CSV table, each with a Table Schema: the columns' types (from the
written tables' types), their meanings (from the contract in `schema.py` and here), the closed
value sets as enums (status, phase, link kinds), and the keys (a document per source, a goal
per comparison row, every goal row's document among the documents). Tools that read data
packages (frictionless, the Open Data Editor, R's frictionless) load and check it as it is; the
test suite validates it with frictionless."""

from __future__ import annotations

import datetime as dt
from typing import Any, get_args

import pandas as pd

from goaltables import __version__
from goaltables.export.schema import DOCUMENTS, GOALS, VALUES
from goaltables.normalize.values import value_words
from goaltables.records import SCHEMA_VERSION, Phase, Status

STATUSES = [s for s in get_args(Status) if s]  # the record types' values, none empty
PHASES = [p for p in get_args(Phase) if p]

_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "goals": {c.name: c.description for c in GOALS},
    "documents": {c.name: c.description for c in DOCUMENTS},
    "problems": {
        "source": "The input the problem is about",
        "kind": "unreadable, encoding, format, damaged, encrypted, no-text, no-goal-table, "
        "timeout, crash, memory, internal-error; duplicate; note (read, with a loss or a guess)",
        "message": "What went wrong, in one line",
    },
    "links": {
        "goal_id": "The linked goal's id",
        "from_doc": "The earlier document",
        "from_goal_no": "The goal's number in the earlier document",
        "to_doc": "The later document",
        "to_goal_no": "The goal's number in the later document",
        "score": "The combined score, 0-100",
        "goal_score": "The goal texts' score, 0-100",
        "measure_score": "The measures' score, 0-100",
        "area_score": "The areas' score, 0-100",
        "pass": "The pass that made the link",
        "kind": "How the goal went on",
        "decision": "auto, or manual (a person's mark)",
        "from_goal": "The goal's id within the earlier document",
        "to_goal": "The goal's id within the later document",
    },
    "comparison": {
        "goal_id": "Id of the goal across documents",
        "organisation": "Organisation, as the latest document has it",
        "sector": "Sector, as the latest document has it",
        "area": "Service area, as the latest document has it",
        "goal_no": "The goal's number in the latest document",
        "goal": "The goal's text in the latest document",
        "first_seen": "The first document the goal is in",
        "last_seen": "The last document the goal is in",
        "new": "Not in its series' first document",
        "ended": "Not in its series' last document",
        "reworded": "Its text changed between two documents",
        "moved": "It moved to another area",
        "better": "Its last status is better than the one before",
        "worse": "Its last status is worse than the one before",
    },
}
_ENUMS: dict[tuple[str, str], list[str]] = {
    ("goals", "status"): STATUSES,
    ("goals", "phase"): PHASES,
    ("documents", "phase"): PHASES,
    ("links", "kind"): ["continues", "moved", "split", "merged"],
    ("links", "decision"): ["auto", "manual"],
    **{
        ("goals", c.name): list(value_words().comparators)
        for c in VALUES
        if c.name.endswith("_comparator")
    },
}
_KEYS: dict[str, dict[str, Any]] = {
    "documents": {"primaryKey": ["source"]},
    "comparison": {"primaryKey": ["goal_id"]},
    "goals": {
        "foreignKeys": [
            {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}
        ]
    },
}


def data_package(tables: dict[str, pd.DataFrame], excel: bool) -> dict[str, Any]:
    """The descriptor of the CSV tables as written (`excel`: UTF-8 with BOM, ';')."""
    return {
        "name": "goaltables-dataset",
        "title": "Goals, measures and ratings from municipal reports",
        "description": "Written by goaltables: goal tables of Finnish and Swedish municipal "
        "reports (budgets, interim and annual reports) as data. The same tables are in "
        "Parquet beside the CSV files, and in goals.xlsx.",
        "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "goaltables_version": __version__,
        "goaltables_schema_version": SCHEMA_VERSION,
        "resources": [_resource(name, frame, excel) for name, frame in tables.items()],
    }


def _resource(name: str, frame: pd.DataFrame, excel: bool) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(name, column, frame[column], excel) for column in frame.columns],
        "missingValues": [""],
        **_KEYS.get(name, {}),
    }
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig" if excel else "utf-8",
        "dialect": {"delimiter": ";" if excel else ",", "header": True},
        "schema": schema,
    }


def _field(table: str, column: str, values: pd.Series, excel: bool) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column, "type": _type(values)}
    if excel and field["type"] == "number":
        field["decimalChar"] = ","  # as write_csv writes numbers for Finnish Excel
    description = _DESCRIPTIONS.get(table, {}).get(column) or _document_column(column)
    if description:
        field["description"] = description
    enum = _ENUMS.get((table, column))
    if enum is None and table == "comparison" and column.endswith(" status"):
        enum = STATUSES
    if enum is not None:
        field["constraints"] = {"enum": enum}
    return field


def _document_column(column: str) -> str:
    """The comparison's per-document columns: '2022 outcome status', '2022 outcome rating'."""
    document, _, what = column.rpartition(" ")
    if what == "status":
        return f"The goal's status in {document} (its worst measure's)"
    if what == "rating":
        return f"The goal's rating in {document}, on that document's scale"
    return ""


def _type(values: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(values):
        return "boolean"
    if pd.api.types.is_integer_dtype(values):
        return "integer"
    if pd.api.types.is_float_dtype(values):
        return "number"
    return "string"
