"""Export: the dataset's tables written as files (`dataset`), the contract they follow
(`schema`), and pictures of what was read (`inspect`).

`write_dataset`, `ExportSettings` and `WRITERS` load on first use: they bring pandas and
pyarrow, which commands that only read do not need (a second off every start-up).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {"ExportSettings", "WRITERS", "write_dataset"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module("goaltables.export.dataset"), name)
    raise AttributeError(f"module 'goaltables.export' has no attribute {name!r}")


__all__ = sorted(_LAZY)
