"""What a user can tell the readers about a file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadOptions:
    password: str | None = None  # opens encrypted PDFs
