"""goaltables: the goal tables of municipal reports as a clean dataset.

from pathlib import Path
from goaltables import extract_file, run, write_dataset

result = run(["reports/"])
write_dataset(Path("out"), result.documents, result.records, result.problems)
"""

from goaltables.errors import GoalTablesError
from goaltables.export import ExportSettings, write_dataset

# Not re-exported as `extract`: that name would hide the `goaltables.extract` stage package
# (`import goaltables.extract.pdf` would then fail).
from goaltables.extract import extract as extract_file
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
    "extract_file",
    "run",
    "write_dataset",
]
