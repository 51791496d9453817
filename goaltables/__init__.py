"""goaltables: the goal tables of municipal reports as a clean dataset.

from pathlib import Path
from goaltables import extract_file, run, write_dataset

result = run(["reports/"])
write_dataset(Path("out"), result.documents, result.records, result.problems)
"""

from importlib import import_module
from typing import Any

from goaltables.errors import GoalTablesError

# Not re-exported as `extract`: that name would hide the `goaltables.extract` stage package
# (`import goaltables.extract.pdf` would then fail).
from goaltables.extract import extract as extract_file
from goaltables.pipeline import Result, run
from goaltables.records import DocumentInfo, Problem, Record, Source

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """`write_dataset` and `ExportSettings` load pandas and pyarrow on first use."""
    if name in ("ExportSettings", "write_dataset"):
        return getattr(import_module("goaltables.export.dataset"), name)
    raise AttributeError(f"module 'goaltables' has no attribute {name!r}")


__all__ = [
    "DocumentInfo",
    "ExportSettings",
    "GoalTablesError",
    "Problem",
    "Record",
    "Result",
    "Source",
    "__version__",
    "extract_file",
    "run",
    "write_dataset",
]
