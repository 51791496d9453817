"""Extract many files: in worker processes, each within a time limit, through the cache.

Every input ends as one `Finished`: an Extraction, a Failure (the reason, as data) or a
Duplicate of an earlier input. The order of the list is the input's, whatever order the
workers finish in, so `--jobs 1` and `--jobs 8` give the same dataset.

Worker processes come from pebble: unlike `concurrent.futures`, it kills and replaces a worker
whose file runs past its time limit, so one pathological file costs `--timeout` seconds, not
the run. A worker that dies (a crash in a C library, the kernel's out-of-memory killer) fails
its file only. Bugs in a reader become a Failure of kind "internal-error" for that file."""

from __future__ import annotations

import errno
import hashlib
import multiprocessing
import os
import stat
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeGuard

from goaltables.cache import ExtractionCache, Rejected
from goaltables.errors import GoalTablesError, MissingTool
from goaltables.extract import ReadOptions, extract, unreadable
from goaltables.inputs import InputFile
from goaltables.records import Extraction
from goaltables.records import Failure as Failure  # its home was here: callers may import it
from goaltables.workers import memory_message, start_worker

# Workers read this many files each before a fresh one takes over: readers' caches and
# fragmented memory do not pile up over a run of thousands.
_TASKS_PER_WORKER = 25


@dataclass(frozen=True, slots=True)
class BatchSettings:
    jobs: int = 1  # worker processes; 1 with no timeout reads in this process
    timeout: float | None = None  # seconds per file
    memory_mb: int | None = None  # address space per worker (`workers.DEFAULT_MEMORY_MB`)
    cache_dir: Path | None = None  # None: no cache
    force: bool = False  # read every file again, and renew its cache entry
    strict: bool = False  # stop at the first failure
    verbose: bool = False  # a reader's bug prints its traceback on stderr (`-v`)


@dataclass(frozen=True, slots=True)
class Duplicate:
    first: str  # the source of the earlier input with the same bytes


Outcome = Extraction | Failure | Duplicate


@dataclass(frozen=True, slots=True)
class Finished:
    item: InputFile
    content_hash: str  # sha256 of the bytes; empty when the file could not be read
    outcome: Outcome
    cached: bool = False
    notes: tuple[str, ...] = ()  # about this run's handling of the file (a cache entry passed over)

    @property
    def failed(self) -> bool:
        return isinstance(self.outcome, Failure)


Progress = Callable[[Finished, int, int], None]  # (finished, how many done, of how many)


class Interrupted(Exception):
    """Ctrl-C: the files finished so far are in the cache; nothing else was written."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__(f"interrupted after {done} of {total} files")
        self.done, self.total = done, total


@dataclass(frozen=True, slots=True)
class Identified:
    """An input and the hash of its bytes, or why it could not be read at all."""

    item: InputFile
    content_hash: str  # sha256; empty when unreadable
    unreadable: Failure | None = None


def identify(items: Sequence[InputFile]) -> list[Identified]:
    """Hash every input's bytes (a streamed read: a 50 MB file is not held in memory)."""
    identified = []
    for item in items:
        try:
            identified.append(Identified(item, _hash_file(item.path)))
        except OSError as error:
            failure = unreadable(error, item.path, item.source)
            identified.append(
                Identified(item, "", Failure(failure.kind, _bare(str(failure), item)))
            )
    return identified


def extract_all(
    identified: Sequence[Identified],
    options: ReadOptions,
    settings: BatchSettings,
    progress: Progress | None = None,
) -> list[Finished]:
    """One Finished per input, in input order (with `strict`, up to the first failure)."""
    run = _Run([i.item for i in identified], options, settings, progress)
    run.answer_at_once(identified)
    if not run.stopped:
        run.read_missing()
    return [run.finished[i] for i in sorted(run.finished)]


class _Run:
    def __init__(
        self,
        items: Sequence[InputFile],
        options: ReadOptions,
        settings: BatchSettings,
        progress: Progress | None,
    ) -> None:
        self.items, self.options, self.settings, self.progress = items, options, settings, progress
        self.cache = ExtractionCache.open(settings.cache_dir) if settings.cache_dir else None
        self.options_key = hashlib.sha256(repr(options).encode()).hexdigest()
        self.finished: dict[int, Finished] = {}
        self.hashes: dict[int, str] = {}
        self.missing: list[int] = []
        self.notes: dict[int, tuple[str, ...]] = {}
        self.stopped = False

    def answer_at_once(self, identified: Sequence[Identified]) -> None:
        """Unreadable files, duplicates and cache hits need no reading."""
        first_of: dict[str, str] = {}
        for index, one in enumerate(identified):
            item, content_hash = one.item, one.content_hash
            self.hashes[index] = content_hash
            if one.unreadable is not None:
                self._finish(index, Finished(item, "", one.unreadable))
            elif content_hash in first_of:
                self._finish(index, Finished(item, content_hash, Duplicate(first_of[content_hash])))
            else:
                first_of[content_hash] = item.source
                self._look_up(index, item, content_hash)
            if self.stopped:
                return

    def _look_up(self, index: int, item: InputFile, content_hash: str) -> None:
        stored = None
        if self.cache is not None and not self.settings.force:
            stored = self.cache.get(self._key(index))
        if isinstance(stored, Extraction | Failure):
            self._finish(index, Finished(item, content_hash, _as(stored, item), cached=True))
            return
        if isinstance(stored, Rejected):
            self.notes[index] = (f"its cache entry was not used ({stored.reason}): read again",)
        self.missing.append(index)

    def read_missing(self) -> None:
        limited = self.settings.timeout is not None or self.settings.memory_mb is not None
        if self.settings.jobs <= 1 and not limited:
            try:
                for index in self.missing:
                    item = self.items[index]
                    outcome = read_one(item.path, item.source, self.options, self.settings.verbose)
                    self._done(index, outcome)
                    if self.stopped:
                        return
            except KeyboardInterrupt:
                raise Interrupted(len(self.finished), len(self.items)) from None
        else:
            self._read_in_workers()

    def _read_in_workers(self) -> None:
        from pebble import ProcessExpired, ProcessPool  # only batches pay for it

        # The largest files first: a long report started last would run on alone at the end.
        order = sorted(self.missing, key=lambda i: -_size(self.items[i].path))
        jobs = max(1, min(self.settings.jobs, len(order)))
        pool: Any = ProcessPool(
            max_workers=jobs,
            max_tasks=_TASKS_PER_WORKER,
            initializer=start_worker,
            initargs=(self.settings.memory_mb,),
            context=worker_context(),
        )
        try:
            pending: dict[Future[Extraction | Failure], int] = {}
            for index in order:
                item = self.items[index]
                arguments = (item.path, item.source, self.options, self.settings.verbose)
                future = pool.schedule(read_one, args=arguments, timeout=self.settings.timeout)
                pending[future] = index
            while pending and not self.stopped:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    outcome = _worker_outcome(future, self.settings, ProcessExpired)
                    self._done(pending.pop(future), outcome)
        except KeyboardInterrupt:
            pool.stop()
            pool.join()
            raise Interrupted(len(self.finished), len(self.items)) from None
        except BaseException:
            pool.stop()
            pool.join()
            raise
        if self.stopped:
            pool.stop()  # --strict: the files still waiting are not read
        else:
            pool.close()
        pool.join()

    def _done(self, index: int, outcome: Outcome) -> None:
        item = self.items[index]
        notes = self.notes.get(index, ())
        if self.cache is not None and _cacheable(outcome):
            try:
                self.cache.put(self._key(index), outcome)
            except OSError as error:  # a full disk or a read-only cache: the run goes on
                notes += (f"not kept in the cache ({error.strerror})",)
        self._finish(index, Finished(item, self.hashes[index], outcome, notes=notes))

    def _finish(self, index: int, finished: Finished) -> None:
        self.finished[index] = finished
        if self.progress is not None:
            self.progress(finished, len(self.finished), len(self.items))
        if self.settings.strict and finished.failed:
            self.stopped = True

    def _key(self, index: int) -> str:
        item = self.items[index]
        return ExtractionCache.key(self.hashes[index], item.path.name, self.options_key)


def read_one(
    path: Path, source: str, options: ReadOptions, verbose: bool = False
) -> Extraction | Failure:
    """Extract one file; every error, foreseen or not, becomes a Failure of that file (and,
    `verbose`, a bug's traceback goes to stderr: the worker's is the terminal's)."""
    try:
        return extract(path, source, options)
    except GoalTablesError as error:
        return Failure(error.kind, str(error).removeprefix(f"{source}: "))
    except MemoryError:
        pass  # answered below, once the failed call's frames and their memory are freed
    except Exception as error:  # a reader's bug must not end the batch
        if verbose:
            traceback.print_exc()
        return Failure(
            "internal-error",
            f"goaltables failed on it ({type(error).__name__}: {error}); please report this "
            "with the file",
        )
    return Failure("memory", memory_message())


def _worker_outcome(
    future: Future[Extraction | Failure], settings: BatchSettings, expired: type[Exception]
) -> Outcome:
    try:
        return future.result()
    except FutureTimeout:
        seconds = settings.timeout or 0
        return Failure("timeout", f"took longer than {seconds:g} s and was stopped (see --timeout)")
    except MemoryError:  # the result itself too large to send back
        return Failure("memory", f"needed more than {settings.memory_mb} MB (see --memory)")
    except expired as error:
        limit = settings.memory_mb
        hint = f"; perhaps at the memory limit of {limit} MB (see --memory)" if limit else ""
        return Failure("crash", f"the worker reading it died ({error}){hint}")
    except Exception as error:  # the pool itself broke (workers that cannot start)
        return Failure("crash", f"no worker could read it ({type(error).__name__}: {error})")


def worker_context() -> Any:
    """Forked workers where the system has fork: they start at once, with the modules already
    loaded, where a fresh interpreter would pay a second of imports per worker."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


# Failures that say more about this run than about the file: tried again on the next run
# (a missing LibreOffice is installed, say), never cached.
PASSING_FAILURES = frozenset({"timeout", "crash", "memory", "internal-error", MissingTool.kind})
# Failures that are no fault of the file nor of goaltables: the file is skipped, the run is not
# failed for it (`make run` on a machine without LibreOffice ends well).
SKIPPED_KINDS = frozenset({MissingTool.kind})


def _cacheable(outcome: Outcome) -> TypeGuard[Extraction | Failure]:
    """What the file itself decides; not a timeout, a crash or a bug, which may not recur."""
    return isinstance(outcome, Extraction) or (
        isinstance(outcome, Failure) and outcome.kind not in PASSING_FAILURES
    )


def _as(stored: Extraction | Failure, item: InputFile) -> Extraction | Failure:
    """A cached outcome under the name the file has in this run."""
    if isinstance(stored, Failure):
        return stored
    doc = replace(stored.document, source=item.source)
    records = [replace(r, source=replace(r.source, path=item.source)) for r in stored.records]
    return Extraction(doc, records)


def _hash_file(path: Path) -> str:
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        os.listdir(path)  # a folder that cannot be listed: PermissionError, "permission denied"
        raise IsADirectoryError(errno.EISDIR, "is a folder")
    if not stat.S_ISREG(mode):  # a pipe or a device would never end
        raise OSError(errno.EINVAL, "not a regular file but a pipe or a device")
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _bare(message: str, item: InputFile) -> str:
    return message.removeprefix(f"{item.source}: ")


def default_jobs() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
