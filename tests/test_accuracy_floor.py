"""Real reports nobody here made, held at the level they have reached: each gold in
../shared/real (and our own in tests/gold, and the kept layouts of the randomiser in
samples/layouts and tests/data/layouts) is scored by the shared scorer on a run of the CLI,
exactly as `make accuracy` does. A floor may only rise (tests/accuracy_floor.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.accuracy import REAL, SCORER, GoldScore, golds, run_goaltables, score, scored_documents
from tests.golden_samples import ROOT

FLOORS = json.loads((ROOT / "tests" / "accuracy_floor.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, GoldScore]:
    if not SCORER.exists() or not REAL.exists():
        pytest.fail(f"the real reports and the scorer must lie beside the repository: {REAL}")
    out = tmp_path_factory.mktemp("accuracy") / "out"
    run_goaltables(scored_documents(), out)
    return {gold.name: score(out, gold) for gold in golds()}


def test_every_gold_has_a_floor(scores: dict[str, GoldScore]) -> None:
    assert set(scores) <= set(FLOORS), "give each new gold its floor in tests/accuracy_floor.json"


@pytest.mark.parametrize("gold", sorted(k for k in FLOORS if k.endswith(".gold.json")))
def test_real_document_holds_its_level(scores: dict[str, GoldScore], gold: str) -> None:
    floor, reached = FLOORS[gold], scores[gold]
    assert reached.f1 >= floor["f1"], f"{gold}: F1 fell to {reached.f1} from {floor['f1']}"
    if "status" in floor:
        assert reached.status is not None and reached.status >= floor["status"]
    if "rating" in floor:
        assert reached.rating is not None and reached.rating >= floor["rating"]


def test_no_rows_from_finance_tables_on_gold_pages(scores: dict[str, GoldScore]) -> None:
    # Every predicted row on a covered page matched a gold record: none came from the
    # finance tables the golds list (Simrishamn pages 13 and 33).
    for gold in ("simrishamn_2025.gold.json", "simrishamn_2025_utkast.gold.json"):
        assert scores[gold].predicted == scores[gold].gold_records


def test_floors_name_existing_golds() -> None:
    names = {g.name for g in golds()}
    assert {k for k in FLOORS if k.endswith(".gold.json")} <= names
    assert Path(SCORER).name == "score_real.py"
