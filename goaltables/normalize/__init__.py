"""Normalize: goal ids within a document (`ids`), then linked across documents (`link`).

`link` loads on first use: it brings numpy and scipy, which reading a single file needs not.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from goaltables.normalize.ids import assign_goal_ids

_LINK = {"LinkSettings", "Linking", "link_documents", "read_decisions"}


def __getattr__(name: str) -> Any:
    if name in _LINK:
        return getattr(import_module("goaltables.normalize.link"), name)
    raise AttributeError(f"module 'goaltables.normalize' has no attribute {name!r}")


__all__ = ["assign_goal_ids", *sorted(_LINK)]
