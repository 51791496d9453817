from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden_samples import SEEDS, require


@pytest.fixture
def seed_000() -> Path:
    return require(SEEDS / "000_c0525851ec6c3b83.txt")


@pytest.fixture
def seed_001() -> Path:
    return require(SEEDS / "001_c843abbe7468a18f.txt")
