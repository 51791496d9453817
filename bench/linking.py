"""Benchmark of linking: 10 documents of 1,000 goals each, generated as a series changes from
year to year (goals reworded, renumbered, moved, ended, new), linked in one process.

Prints one JSON line: the seconds the linking took (wall clock, and processor time over all
threads) and the links made. `bench/run.py` runs it as its own process to measure its peak
memory as well.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from goaltables.normalize import link_documents
from goaltables.records import DocumentInfo, Rating, Record, Source

DOCUMENTS, GOALS = 10, 1000
_VOCABULARY = (
    "kirjasto käyttö kasvaa palvelu asukas tyytyväisyys paranee henkilöstö osaaminen vahvistuu "
    "talous tasapaino säilyy energia kulutus vähenee katu kunto liikunta harrastus lisääntyy "
    "nuoret työllisyys oppiminen koulu varhaiskasvatus hoito jono lyhenee digitalisaatio asiointi "
    "sähköinen ympäristö päästöt kaavoitus tontti yritys matkailu kulttuuri museo tapahtuma "
    "turvallisuus hyvinvointi terveys vanhus koti tuki perhe lapsi osallisuus vuorovaikutus"
)
WORDS = _VOCABULARY.split()
AREAS = [f"Tulosalue {name}" for name in "ABCDEFGHIJKLMNOPQRST"]


def first_goals(rng: random.Random) -> list[tuple[str, str, str]]:
    """(area, goal, measure) for the series' first document."""
    return [
        (
            AREAS[i % len(AREAS)],
            " ".join(rng.sample(WORDS, 6)).capitalize() + ".",
            " ".join(rng.sample(WORDS, 4)).capitalize() + ".",
        )
        for i in range(GOALS)
    ]


def next_year(goals: list[tuple[str, str, str]], rng: random.Random) -> list[tuple[str, str, str]]:
    """The next document: 10 % reworded, 3 % moved, 5 % ended and replaced by new ones."""
    changed = []
    for area, goal, measure in goals:
        roll = rng.random()
        if roll < 0.05:
            changed.append((area, " ".join(rng.sample(WORDS, 6)).capitalize() + ".", measure))
            continue
        words = goal.rstrip(".").split()
        if roll < 0.15:
            words[rng.randrange(len(words))] = rng.choice(WORDS)
        if 0.15 <= roll < 0.18:
            area = rng.choice(AREAS)
        changed.append((area, " ".join(words).capitalize() + ".", measure))
    rng.shuffle(changed)  # renumbered
    return changed


def records_for(index: int, goals: list[tuple[str, str, str]]) -> tuple[DocumentInfo, list[Record]]:
    doc_id = f"doc{index:02d}"
    doc = DocumentInfo(
        doc_id, f"{doc_id}.pdf", "pdf", organisation="Benchmark", year=2015 + index, phase="outcome"
    )
    records = [
        Record(
            doc_id,
            Source(doc.source, 1, 1, n),
            doc.year,
            "outcome",
            "Benchmark",
            "",
            area,
            "",
            str(n),
            goal,
            "1",
            measure,
            "",
            "",
            "",
            "",
            Rating(),
            f"{doc_id}-g{n:04d}",
        )
        for n, (area, goal, measure) in enumerate(goals, start=1)
    ]
    return doc, records


def main() -> None:
    rng = random.Random(2026)
    goals = first_goals(rng)
    documents, records = [], []
    for index in range(DOCUMENTS):
        doc, rows = records_for(index, goals)
        documents.append(doc)
        records += rows
        goals = next_year(goals, rng)
    start, cpu_start = time.perf_counter(), time.process_time()
    linking = link_documents(documents, records)
    seconds = time.perf_counter() - start
    # The processor time of every thread as well: on a shared machine the wall clock
    # measures the other work too.
    cpu = time.process_time() - cpu_start
    result = {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2)}
    print(json.dumps({**result, "links": len(linking.links)}))


if __name__ == "__main__":
    main()
