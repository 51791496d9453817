"""One run at a time in an output folder, and every temporary file in one place inside it.

A run claims OUT before it reads anything: a lock file (`OUT/.goaltables.lock`, holding the
run's process id) that a second run on the same OUT meets and stops at, with one line; and a
clean `OUT/.tmp`, where the outputs are written before they are renamed into place and where
the workers, openpyxl and LibreOffice keep their temporary files (`tempfile.tempdir`, which
forked workers inherit). The folder is removed at the end, and at the start of the next run
when a killed run left it behind.

The lock is `flock`: the system lets it go when its process dies however it dies, so a lock
file left by a killed run (a dead process id) is simply taken over."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from pathlib import Path

from goaltables.errors import Conflict, OutputError
from goaltables.escapes import name_as_text
from goaltables.workers import stop_leftover_groups

LOCK_FILE = ".goaltables.lock"
SCRATCH = ".tmp"


class Claim:
    """OUT held by this run; `release` lets it go and removes the temporary folder."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.lock = _take_lock(out_dir)
        self.previous_tempdir = tempfile.tempdir
        scratch = out_dir / SCRATCH
        clear_scratch(out_dir)
        scratch.mkdir()
        # Absolute: `-o out` is relative, and temporary paths end up in file URIs and in
        # programs started in other folders (LibreOffice's profile: `make run` with LibreOffice).
        tempfile.tempdir = str(scratch.absolute())

    def release(self) -> None:
        tempfile.tempdir = self.previous_tempdir
        clear_scratch(self.out_dir)
        with contextlib.suppress(OSError):
            (self.out_dir / LOCK_FILE).unlink()  # while locked: a waiter sees a new file
        os.close(self.lock)


def claim_folder(out_dir: Path) -> Claim:
    """OUT for this run, made where it is missing; Conflict when another run holds it,
    OutputError when it cannot be made or written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        return Claim(out_dir)
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputError(
            f"{name_as_text(str(out_dir))}: cannot be used as the output folder ({reason})"
        ) from None


def clear_scratch(out_dir: Path) -> None:
    """The temporary folder, and the temporary files older versions left beside the outputs;
    a LibreOffice whose worker was killed outright is killed first."""
    stop_leftover_groups(out_dir / SCRATCH)
    shutil.rmtree(out_dir / SCRATCH, ignore_errors=True)
    for stray in out_dir.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            stray.unlink()


def _take_lock(out_dir: Path) -> int:
    path = out_dir / LOCK_FILE
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(descriptor)
            os.close(descriptor)
            raise Conflict(
                f"{name_as_text(str(out_dir))}: another goaltables run{holder} is writing to "
                "this folder: wait for it to end, or give another -o"
            ) from None
        if _same_file(descriptor, path):  # not a file the run before us has just removed
            break
        os.close(descriptor)
    os.ftruncate(descriptor, 0)
    os.write(descriptor, f"{os.getpid()}\n".encode())
    return descriptor


def _same_file(descriptor: int, path: Path) -> bool:
    try:
        return os.stat(path).st_ino == os.fstat(descriptor).st_ino
    except FileNotFoundError:
        return False


def _holder(descriptor: int) -> str:
    text = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
    return f" (process {text})" if text.isdigit() else ""
