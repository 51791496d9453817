"""The README keeps telling the truth about the commands and the contract."""

from __future__ import annotations

import re

import pytest

from goaltables.export.schema import DOCUMENTS, GOALS, data_dictionary
from tests.golden_samples import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands() -> None:
    head = README.split("\n## ", 1)[0]
    assert "make run" in head and "make test" in head
    assert head.index("make run") < head.index("make test")


def test_the_pictures_are_there() -> None:
    """Issue 14: the report page at a desktop's and a phone's width, and the printed workbook,
    shown in the README from files in the repository (`make pictures` redraws them)."""
    pictures = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", README)
    assert pictures == ["docs/workbook.png", "docs/report.png", "docs/report-phone.png"]
    for picture in pictures:
        assert (ROOT / picture).read_bytes().startswith(b"\x89PNG\r\n"), picture


def test_data_dictionary_lists_every_column_in_order() -> None:
    for table, columns in (("goals", GOALS), ("documents", DOCUMENTS)):
        section = README.split(f"#### `{table}`", 1)[1].split("\n\n", 2)[1]
        listed = [line.split("`")[1] for line in section.splitlines()[2:]]
        assert listed == [c.name for c in columns], table


def test_data_dictionary_is_the_schemas_word_for_word() -> None:
    """The README's tables are schema.py's columns, descriptions and examples: one definition."""
    for table, columns in (("goals", GOALS), ("documents", DOCUMENTS)):
        assert f"#### `{table}`\n\n{data_dictionary(columns)}\n\n" in README, table


def _python_examples() -> list[str]:
    return [block.split("\n```", 1)[0] for block in README.split("```python\n")[1:]]


def test_the_python_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ```python block of the README runs from the checkout's root, and what it says it
    prints is what it prints."""
    import pandas as pd

    examples = _python_examples()
    assert examples, "the README has no Python example"
    monkeypatch.chdir(ROOT)
    for example in examples:
        namespace: dict[str, object] = {}
        exec(compile(example, "README.md", "exec"), namespace)
    data = namespace["data"]
    assert repr(data) in examples[0]  # the printed summary is the one the README shows
    goals = data.goals  # type: ignore[attr-defined]
    assert isinstance(goals, pd.DataFrame) and list(goals.columns) == [c.name for c in GOALS]
    for table in ("documents", "problems", "links", "comparison"):
        assert isinstance(getattr(data, table), pd.DataFrame), table
    assert goals["target_met"].notna().sum() > 0
