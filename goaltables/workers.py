"""Worker processes under limits: a time limit and a memory limit per file.

A hostile file can ask for memory without end (a PDF of 782 KB took 10 GB) or spin for ever
(a charset that is no text encoding): each file is read in a worker process whose address
space may grow by the memory limit and no more (`RLIMIT_AS`, which the LibreOffice it starts
inherits) and which is killed at its time limit. Python meets the cap as a MemoryError, which
becomes the file's `memory` problem; a C library that meets it may end the worker, which
becomes its `crash` problem.
`run` reads a batch in a pool of such workers (`batch`); `extract`, `tables` and `inspect`
read their one file in one (`call_limited`)."""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from goaltables.errors import CrashedFile, OutOfMemory, OutOfTime

DEFAULT_TIMEOUT = 300.0  # seconds per file: a 158-page report takes about 4
# Address space a worker may map beyond what it starts with: the 158-page Kauhava report
# takes about 150 MB more than a worker with every reader loaded (450 MB); LibreOffice
# converts in well under 1 GB.
DEFAULT_MEMORY_MB = 2048
_MB = 1024 * 1024
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Limits:
    """What one file may take; None: no limit."""

    timeout: float | None = None  # seconds
    memory_mb: int | None = None  # address space of the worker, in MiB

    def __post_init__(self) -> None:
        if self.timeout is not None and self.timeout <= 0:
            raise ValueError(f"timeout must be positive or None, not {self.timeout}")
        if self.memory_mb is not None and self.memory_mb < 1:
            raise ValueError(f"memory_mb must be positive or None, not {self.memory_mb}")

    @property
    def limited(self) -> bool:
        return self.timeout is not None or self.memory_mb is not None


# LibreOffice process groups this process started and has not reaped, with their folders.
_CHILD_GROUPS: dict[int, Path] = {}


GROUP_FILE = "process-group"  # in a child's work folder: its group, for `stop_leftover_groups`


def track_group(pid: int, folder: Path) -> None:
    """A process group (and its work folder) to kill if this worker is stopped; the group is
    also written into the folder, for a run to find if its worker is killed outright."""
    _CHILD_GROUPS[pid] = folder
    (folder / GROUP_FILE).write_text(f"{pid}\n", encoding="ascii")


def stop_leftover_groups(scratch: Path) -> None:
    """Kill the process groups of work folders below `scratch` whose workers were killed
    outright (SIGKILL lets no handler run). A group is killed only while its leader still
    works in that folder, so a process id used again by another program is left alone."""
    for marker in scratch.glob(f"*/{GROUP_FILE}"):
        try:
            pid = int(marker.read_text(encoding="ascii"))
            working_in = Path(os.readlink(f"/proc/{pid}/cwd"))
        except (OSError, ValueError):
            continue
        if working_in == marker.parent.resolve():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)


def untrack_group(pid: int) -> None:
    _CHILD_GROUPS.pop(pid, None)


def stop_child_groups() -> None:
    """Kill every tracked process group and remove its folder: nothing outlives a worker."""
    for pid, folder in list(_CHILD_GROUPS.items()):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)
        shutil.rmtree(folder, ignore_errors=True)
        untrack_group(pid)


def limit_memory(megabytes: int | None) -> None:
    """Let this process map `megabytes` more than it has mapped now (its children inherit
    the cap). Over what it starts with: a worker forked from a large process (a test runner,
    a notebook) must not start at its limit."""
    if megabytes is None:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = _address_space() + megabytes * _MB
    soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int:
    """Bytes this process has mapped (0 where /proc does not say)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * resource.getpagesize()


_given_mb: int | None = None  # the limit this worker was started with (`start_worker`)


def memory_message() -> str:
    """Why a file failed with MemoryError, naming the limit and the option that sets it."""
    if _given_mb is None:
        return "ran out of memory while reading it"
    return f"needed more than the memory limit of {_given_mb} MB and was stopped (see --memory)"


def start_worker(memory_mb: int | None) -> None:
    """A worker's first act: the memory cap, and signals that leave nothing running.

    Ctrl-C reaches every process of the terminal's group; the parent alone decides what to do
    with it, so a worker must not die half-way through sending its result. On its time limit
    the pool ends a worker with SIGTERM: the LibreOffice it started (a process group of its
    own, which would outlive it) is killed first."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    previous = signal.getsignal(signal.SIGTERM)

    def on_terminate(number: int, frame: Any) -> None:
        stop_child_groups()
        if callable(previous):
            previous(number, frame)
        raise SystemExit(128 + number)

    signal.signal(signal.SIGTERM, on_terminate)
    global _given_mb
    _given_mb = memory_mb
    limit_memory(memory_mb)


def call_limited(function: Callable[..., T], args: tuple[Any, ...], limits: Limits, name: str) -> T:
    """`function(*args)` in a worker process under `limits` (in this process when there are
    none); its errors are raised here, the time limit as OutOfTime and the memory limit as
    OutOfMemory, each naming the file `name`."""
    if not limits.limited:
        return function(*args)
    from pebble import ProcessExpired, ProcessPool

    from goaltables.batch import worker_context

    pool: Any = ProcessPool(
        max_workers=1,
        initializer=start_worker,
        initargs=(limits.memory_mb,),
        context=worker_context(),
    )
    try:
        arguments = (function, name, *args)
        future = pool.schedule(_guarded, args=arguments, timeout=limits.timeout)
        answer: T = _result(future, limits, name, ProcessExpired)
        return answer
    finally:
        pool.stop()
        pool.join()


def _guarded(function: Callable[..., T], name: str, *args: Any) -> T:
    """`function(*args)`, its MemoryError as OutOfMemory raised once the failed call's frames
    (and the memory they hold) are gone: in the handler, formatting the error would fail too."""
    try:
        return function(*args)
    except MemoryError:
        pass
    raise OutOfMemory(f"{name}: {memory_message()}")


def _result(future: Any, limits: Limits, name: str, expired: type[Exception]) -> Any:
    try:
        return future.result()
    except FutureTimeout:
        raise OutOfTime(
            f"{name}: took longer than {limits.timeout:g} s and was stopped (see --timeout)"
        ) from None
    except OutOfMemory:
        raise
    except MemoryError:  # the result too large to take in
        raise OutOfMemory(
            f"{name}: needed more than the memory limit of {limits.memory_mb} MB (see --memory)"
        ) from None
    except expired as error:
        raise CrashedFile(f"{name}: the process reading it died ({error}){_hint(limits)}") from None


def _hint(limits: Limits) -> str:
    """A C library that meets the memory cap may end the process instead of failing."""
    if limits.memory_mb is None:
        return ""
    return f"; perhaps at the memory limit of {limits.memory_mb} MB (see --memory)"
