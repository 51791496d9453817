"""Goal ids. Until goals are linked across documents, an id names one goal of one document:
`<doc_id>-g<NNN>`, numbered in the order the goals appear, so re-running gives the same ids."""

from __future__ import annotations

from dataclasses import replace

from goaltables.extract.build import goal_key
from goaltables.records import Record


def assign_goal_ids(records: list[Record]) -> list[Record]:
    """Records with `goal_id` set; rows of the same goal in a document share it."""
    numbers: dict[tuple[str, tuple[str, str, str, str]], int] = {}
    per_document: dict[str, int] = {}
    result = []
    for record in records:
        key = (record.doc_id, goal_key(record))
        if key not in numbers:
            per_document[record.doc_id] = per_document.get(record.doc_id, 0) + 1
            numbers[key] = per_document[record.doc_id]
        result.append(replace(record, goal_id=f"{record.doc_id}-g{numbers[key]:03d}"))
    return result
