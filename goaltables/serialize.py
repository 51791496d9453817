"""Extractions and failures as JSON data, and back, checked field by field against the types.

The cache keeps what a file gave as data, never as pickles: loading a pickle runs whatever code
it names, and a cache folder can come from anyone (output folders are zipped and shared, and
`--cache DIR` points anywhere). Reading data back can only give the record types, with every
field of the type its annotation says; anything else raises `ValueError`."""

from __future__ import annotations

import types
from dataclasses import asdict, fields, is_dataclass
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from goaltables.records import Extraction, Failure

Outcome = Extraction | Failure
_TAGS: dict[str, type[Extraction] | type[Failure]] = {
    "extraction": Extraction,
    "failure": Failure,
}

_INT64 = range(-(2**63), 2**63)  # what a Parquet integer column holds


def outcome_to_data(outcome: Outcome) -> dict[str, Any]:
    """{"extraction": {...}} or {"failure": {...}}: plain JSON values."""
    tag = "extraction" if isinstance(outcome, Extraction) else "failure"
    return {tag: asdict(outcome)}


def outcome_from_data(data: object) -> Outcome:
    """The Extraction or Failure that `outcome_to_data` gave `data`; ValueError otherwise."""
    if not isinstance(data, dict) or len(data) != 1:
        raise ValueError("not one tagged outcome")
    [(tag, value)] = data.items()
    if tag not in _TAGS:
        raise ValueError(f"unknown outcome {tag!r}")
    outcome: Outcome = from_data(_TAGS[tag], value)
    return outcome


def from_data(kind: Any, value: object) -> Any:
    """`value` (parsed JSON) as a `kind`: a record dataclass, a str, an int, None, a Literal,
    a union, a list or a tuple of them; ValueError where it does not fit exactly."""
    if is_dataclass(kind):
        return _dataclass_from_data(kind, value)
    origin, arguments = get_origin(kind), get_args(kind)
    if origin in (Union, types.UnionType):
        return _union_from_data(arguments, value)
    if origin is Literal:
        if any(type(value) is type(a) and value == a for a in arguments):
            return value
        raise ValueError(f"{value!r:.60} is none of {arguments}")
    if origin in (list, tuple):
        if not isinstance(value, list):
            raise ValueError(f"a list expected, found {type(value).__name__}")
        items = [from_data(arguments[0], item) for item in value]
        return items if origin is list else tuple(items)
    if kind is type(None) or kind is None:
        return _exactly(value, type(None))
    if kind is int and type(value) is int and not _INT64.start <= value < _INT64.stop:
        raise ValueError(f"{value} does not fit a 64-bit integer column")
    if kind in (str, int, bool):
        return _exactly(value, kind)
    raise ValueError(f"no rule to read {kind!r}")


def _dataclass_from_data(kind: Any, value: object) -> Any:
    if not isinstance(value, dict):
        raise ValueError(f"{kind.__name__}: an object expected")
    hints = _hints(kind)
    if set(value) != set(hints):
        raise ValueError(f"{kind.__name__}: fields {sorted(value)} are not {sorted(hints)}")
    return kind(**{name: from_data(hints[name], value[name]) for name in hints})


def _union_from_data(arguments: tuple[Any, ...], value: object) -> Any:
    for argument in arguments:
        try:
            return from_data(argument, value)
        except ValueError:
            continue
    raise ValueError(f"{value!r:.60} fits none of {arguments}")


def _exactly(value: object, kind: type) -> object:
    # `type(...) is` rather than isinstance: JSON's true is no year, though bool is an int.
    if type(value) is not kind:
        raise ValueError(f"{kind.__name__} expected, found {type(value).__name__}")
    return value


@cache
def _hints(kind: type) -> dict[str, Any]:
    """A dataclass's fields and their types (records.py writes them as strings)."""
    hints = get_type_hints(kind)
    return {f.name: hints[f.name] for f in fields(kind)}
