"""The files a user hands on with the code: the license the package declares, and a changelog
that names what changed."""

from __future__ import annotations

import re
import tomllib

from goaltables.export.schema import VALUES
from goaltables.records import SCHEMA_VERSION
from tests.golden_samples import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
CHANGELOG = (ROOT / "CHANGELOG.md").read_text("utf-8")


def test_the_license_file_is_the_declared_license() -> None:
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in text


def test_the_changelog_starts_on_2026_12_02_with_dated_sections() -> None:
    sections = re.findall(r"^## (.+)$", CHANGELOG, flags=re.M)
    assert sections and all(re.search(r"\(\d{4}-\d{2}-\d{2}\)$", s) for s in sections)
    assert sections[-1].endswith("(2026-12-02)")  # the first entry: the log starts there


def test_the_changelog_names_the_user_visible_changes() -> None:
    for name in [c.name for c in VALUES] + ["goaltables.read(paths)", "landscape", "LICENSE"]:
        assert name in CHANGELOG, name
    assert f"schema version is `{SCHEMA_VERSION}`" in CHANGELOG
