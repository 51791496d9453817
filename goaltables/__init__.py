"""goaltables: the goal tables of municipal reports as a clean dataset.

import goaltables

data = goaltables.read("reports/")   # goals, documents, problems, links, comparison: DataFrames
data.goals[["area", "goal", "target", "actual", "target_met", "status"]]

The stages one by one, and the files `goaltables run` writes:

from pathlib import Path
from goaltables import extract_file, run, write_dataset

result = run(["reports/"])
write_dataset(Path("out"), result.documents, result.records, result.problems)
"""

from importlib import import_module
from typing import Any

from goaltables.errors import GoalTablesError
from goaltables.records import DocumentInfo, Problem, Record, Source

__version__ = "0.1.0"


# The public names load their stages on first use: a command that reads one text file need not
# import pandas, scipy and every format's library. `extract_file` is not called `extract`: that
# name would hide the `goaltables.extract` stage package.
_LAZY = {
    "ExportSettings": ("goaltables.export.dataset", "ExportSettings"),
    "write_dataset": ("goaltables.export.dataset", "write_dataset"),
    "extract_file": ("goaltables.extract", "extract"),
    "run": ("goaltables.pipeline", "run"),
    "Result": ("goaltables.pipeline", "Result"),
    "read": ("goaltables.reading", "read"),
    "Dataset": ("goaltables.reading", "Dataset"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attribute = _LAZY[name]
        return getattr(import_module(module), attribute)
    raise AttributeError(f"module 'goaltables' has no attribute {name!r}")


__all__ = [
    "Dataset",
    "DocumentInfo",
    "ExportSettings",
    "GoalTablesError",
    "Problem",
    "Record",
    "Result",
    "Source",
    "__version__",
    "extract_file",
    "read",
    "run",
    "write_dataset",
]
