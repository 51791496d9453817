"""goaltables: the goal tables of municipal reports as a clean dataset.

>>> from goaltables import extract, run, write_dataset
>>> result = run(["reports/"])
>>> write_dataset(Path("out"), result.documents, result.records, result.problems)
"""

from goaltables.errors import GoalTablesError
from goaltables.export import ExportSettings, write_dataset
from goaltables.extract import extract
from goaltables.pipeline import Result, run
from goaltables.records import DocumentInfo, Problem, Record, Source

__version__ = "0.1.0"

__all__ = [
    "DocumentInfo",
    "ExportSettings",
    "GoalTablesError",
    "Problem",
    "Record",
    "Result",
    "Source",
    "__version__",
    "extract",
    "run",
    "write_dataset",
]
