"""The dataset contract: table names, column order and types. Users build on these names.

No pandas here: the command line reads the contract without paying for pandas' import."""

from __future__ import annotations

from dataclasses import dataclass

from goaltables.normalize.values import parse_value, target_met
from goaltables.records import DocumentInfo, Record

# A spreadsheet runs a text cell that starts with one of these as a formula (CSV injection);
# the --excel CSV and goals.xlsx make such cells inert, the plain CSV and Parquet keep them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# The sheets of goals.xlsx, in order; a workbook of exactly these is goaltables' own output.
WORKBOOK_SHEETS = ("goals", "comparison", "documents", "links", "problems")
# The report page says who made it: a folder walk knows the page as goaltables' own output.
REPORT_GENERATOR = '<meta name="generator" content="goaltables">'


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    dtype: str  # a pandas extension dtype: "string", "Int64", "Float64" or "boolean"
    description: str
    example: str


# The columns a Record gives as read.
RECORD_COLUMNS = (
    Column("doc_id", "string", "Short stable hash of the source file's bytes", "247f295a7dd2"),
    Column(
        "source",
        "string",
        "Input path: below the folder in a one-folder run, else as reached from the input given;"
        " unique in a run",
        "reports/2021-toteuma.txt",
    ),
    Column("page", "Int64", "1-based page; empty where the format has no pages", "12"),
    Column("year", "Int64", "Year the document covers, from its title or file name", "2021"),
    Column(
        "phase",
        "string",
        "plan | interim | outcome; empty when the document does not say",
        "outcome",
    ),
    Column(
        "organisation",
        "string",
        "Municipality or organisation, where the document names it",
        "Kauhavan kaupunki",
    ),
    Column(
        "sector",
        "string",
        "Sector (toimiala) the table belongs to",
        "Sivistys- ja hyvinvointipalvelut",
    ),
    Column("area", "string", "Service area (tulosalue)", "Vapaa-aikapalvelut"),
    Column(
        "strategy",
        "string",
        "Higher-level (strategic) goal the goal serves, where given",
        "Elinvoimainen kunta",
    ),
    Column("goal_no", "string", "The goal's item number as printed", "1"),
    Column(
        "goal",
        "string",
        "The goal's text, its number removed",
        "Vapaa-aikapalvelut toimii laaditun strategian mukaisesti.",
    ),
    Column("measure_no", "string", 'The measure\'s item number as printed ("1", "3.1", "1)")', "1"),
    Column(
        "measure",
        "string",
        "The measure, indicator or action, its number removed",
        "Strategian tavoitteet saavutetaan ...",
    ),
    Column("baseline", "string", "Baseline value as printed (lähtötaso, nykyarvo)", "72 %"),
    Column("target", "string", "Target value as printed (tavoitetaso, tavoitearvo)", "80 %"),
    Column("actual", "string", "Actual value as printed (toteuma-arvo)", "78 %"),
    Column(
        "progress",
        "string",
        "Progress or outcome text (toteutuminen, tilannekuvaus)",
        "Strategisten tavoitteiden toteutumista seurataan ...",
    ),
    Column(
        "rating_raw",
        "string",
        "The assessment as shown, with its colour when colour carries it",
        "● #00B050",
    ),
    Column(
        "rating",
        "Int64",
        "The assessment on the document's own scale; empty when it cannot be known",
        "2",
    ),
    Column(
        "rating_label",
        "string",
        "The legend's words for that rating",
        "tulee todennäköisesti toteutumaan tai on jo toteutunut",
    ),
    Column(
        "status",
        "string",
        "green | yellow | red | grey (not assessable yet); empty when unknown",
        "green",
    ),
    Column("goal_id", "string", "Id of the goal, shared by its measure rows", "247f295a7dd2-g001"),
)


def _value_columns(name: str, number: str, unit: str, comparator: str) -> tuple[Column, ...]:
    """The three columns one printed value gives (`normalize.values`), with their examples."""
    return (
        Column(
            f"{name}_number",
            "Float64",
            f'The number in {name}: decimal comma and space-separated thousands read ("1 150,5"'
            f" is 1150.5); empty unless {name} holds exactly one number (a range or a year in"
            " running text gives none)",
            number,
        ),
        Column(
            f"{name}_unit",
            "string",
            "The unit after that number, as the vocabulary names it (%, €, kpl, henkilöä, st,"
            " kr, päivää ...); empty when none is known",
            unit,
        ),
        Column(
            f"{name}_comparator",
            "string",
            f"≥ > ≤ < or ≈ when {name} says so in words or signs (vähintään, yli, enintään, alle,"
            " noin; minst, över, högst, under, cirka); empty when it does not",
            comparator,
        ),
    )


# The printed values read as data. Their columns come after the columns of schema version 1,
# so scripts built on version 1's order still run.
_VALUE_EXAMPLES = {
    "baseline": ("72", "%", ""),
    "target": ("80", "%", "≥"),
    "actual": ("78", "%", ""),
}
READ_AS_NUMBERS = tuple(_VALUE_EXAMPLES)
VALUES = (
    *(c for name, example in _VALUE_EXAMPLES.items() for c in _value_columns(name, *example)),
    Column(
        "target_met",
        "boolean",
        "Whether actual_number meets target_number by the target's comparator; without one, a"
        " target above the baseline counts as at least and one below as at most; empty when"
        " either number is missing, the units differ, the actual has a comparator, or the"
        " direction is unknown (no comparator, no baseline or one equal to the target, ≈); in"
        " an interim report, met so far",
        "False",
    ),
)
GOALS = (*RECORD_COLUMNS, *VALUES)

DOCUMENTS = (
    Column("doc_id", "string", "Short stable hash of the file's bytes", "247f295a7dd2"),
    Column(
        "source",
        "string",
        "Input path: below the folder in a one-folder run, else as reached from the input given;"
        " unique in a run",
        "reports/2021-toteuma.txt",
    ),
    Column("format", "string", "How the file was read", "text/pdf-dump"),
    Column(
        "title",
        "string",
        "The document's title as printed",
        "Sivistys- ja hyvinvointipalvelualueen tavoitteet 2021/toteutuma",
    ),
    Column("organisation", "string", "Municipality or organisation", "Kauhavan kaupunki"),
    Column(
        "sector",
        "string",
        "Sector, when the whole document is one sector's",
        "Sivistys- ja hyvinvointipalvelut",
    ),
    Column("year", "Int64", "Year the document covers", "2021"),
    Column("phase", "string", "plan | interim | outcome", "outcome"),
    Column(
        "series",
        "string",
        "The manifest's series: goals are linked only within one organisation's series",
        "sivistys",
    ),
    Column(
        "duplicate_of",
        "string",
        "The doc_id of the same report in another file (same year and phase, every goal word for"
        " word): left out of the comparison",
        "69e06717a538",
    ),
    Column("pages", "Int64", "Number of pages; empty where the format has none", "158"),
    Column("tables_found", "Int64", "Goal tables found", "1"),
    Column("goals_found", "Int64", "Distinct goals found", "10"),
    Column(
        "problems",
        "string",
        'What went wrong or was lost, "; "-separated; empty when nothing',
        "the rating column has no values in the text ...",
    ),
)


# How the data dictionary names each dtype.
TYPE_NAMES = {"string": "text", "Int64": "integer", "Float64": "number", "boolean": "boolean"}


def data_dictionary(columns: tuple[Column, ...]) -> str:
    """The columns as the README's data dictionary lists them: a Markdown table."""
    lines = ["| column | type | meaning | example |", "|---|---|---|---|"]
    lines += [
        f"| `{c.name}` | {TYPE_NAMES[c.dtype]} | {c.description} | {c.example} |" for c in columns
    ]
    return "\n".join(lines)


def goal_rows(records: list[Record]) -> list[dict[str, object]]:
    return [
        {
            "doc_id": r.doc_id,
            "source": r.source.path,
            "page": r.source.page,
            "year": r.year,
            "phase": r.phase,
            "organisation": r.organisation,
            "sector": r.sector,
            "area": r.area,
            "strategy": r.strategy,
            "goal_no": r.goal_no,
            "goal": r.goal,
            "measure_no": r.measure_no,
            "measure": r.measure,
            "baseline": r.baseline,
            "target": r.target,
            "actual": r.actual,
            "progress": r.progress,
            "rating_raw": r.rating.raw,
            "rating": r.rating.value,
            "rating_label": r.rating.label,
            "status": r.rating.status,
            "goal_id": r.goal_id,
            **value_fields(r),
        }
        for r in records
    ]


def value_fields(record: Record) -> dict[str, object]:
    """The `VALUES` columns of one record: its printed values read as numbers."""
    values = {name: parse_value(getattr(record, name)) for name in READ_AS_NUMBERS}
    fields: dict[str, object] = {}
    for name, value in values.items():
        fields[f"{name}_number"] = value.number
        fields[f"{name}_unit"] = value.unit
        fields[f"{name}_comparator"] = value.comparator
    fields["target_met"] = target_met(values["baseline"], values["target"], values["actual"])
    return fields


def document_rows(documents: list[DocumentInfo]) -> list[dict[str, object]]:
    return [
        {
            "doc_id": d.doc_id,
            "source": d.source,
            "format": d.format,
            "title": d.title,
            "organisation": d.organisation,
            "sector": d.sector,
            "year": d.year,
            "phase": d.phase,
            "series": d.series,
            "duplicate_of": d.duplicate_of,
            "pages": d.pages,
            "tables_found": d.tables_found,
            "goals_found": d.goals_found,
            "problems": "; ".join(d.problems),
        }
        for d in documents
    ]
