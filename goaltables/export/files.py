"""Atomic file output: every file is written beside its target and renamed into place, so a
crash leaves the previous output whole, never half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: Path, scratch: Path | None = None) -> Iterator[Path]:
    """A temporary path in `scratch` (a folder on the target's file system; default: the
    target's folder); renamed onto `target` only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = scratch or target.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    temporary = Path(name)
    os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; outputs are shared
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _umask() -> int:
    """The process's umask (it can only be read by setting it)."""
    current = os.umask(0o022)
    os.umask(current)
    return current
