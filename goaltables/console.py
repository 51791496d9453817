"""What a run tells the person watching it, on stderr: a progress bar on a terminal (tqdm), one
plain line per file otherwise (a log, a CI job), and a summary at the end."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from goaltables.batch import SKIPPED_KINDS, Duplicate, Failure, Finished
from goaltables.escapes import printable
from goaltables.records import Problem

if TYPE_CHECKING:
    from goaltables.pipeline import Result


class ProgressReport:
    """Called once per finished file; `close` when the files are done."""

    def __init__(
        self, stream: TextIO | None = None, bar: bool | None = None, quiet: bool = False
    ) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet  # no bar, no line per file, no notes: only the errors
        self.use_bar = not quiet and (self.stream.isatty() if bar is None else bar)
        self.bar: Any = None
        self.from_cache = 0
        self.messages: list[str] = []  # the problem lines said, for the summary of a re-run

    def __call__(self, finished: Finished, done: int, total: int) -> None:
        self.from_cache += finished.cached
        if self.use_bar:
            self._update_bar(finished, total)
        elif not self.quiet:
            width = len(str(total))
            self._say(f"[{done:>{width}}/{total}] {_what_became(finished)}")
        for line in _problem_lines(finished):
            self.say(line)

    def say(self, line: str) -> None:
        """A problem line, kept for a re-run to repeat; when quiet, errors only."""
        self.messages.append(line)
        if not (self.quiet and line.startswith(QUIET_PREFIXES)):
            self._say(line)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def _update_bar(self, finished: Finished, total: int) -> None:
        if self.bar is None:
            import tqdm  # only on a terminal

            tqdm.tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
            self.bar = tqdm.tqdm(total=total, file=self.stream, unit="file", dynamic_ncols=True)
        self.bar.set_postfix_str(printable(finished.item.source[-40:]), refresh=False)
        self.bar.update(1)

    def _say(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(printable(line), file=self.stream)
        else:
            click.echo(printable(line), file=self.stream)


# The lines `--quiet` holds back: what was noted or skipped is in problems.csv all the same.
QUIET_PREFIXES = ("note:", "skipped:")


def _what_became(finished: Finished) -> str:
    outcome, source = finished.outcome, finished.item.source
    cached = " (from the cache)" if finished.cached else ""
    if isinstance(outcome, Failure):
        said = "skipped" if outcome.kind in SKIPPED_KINDS else "failed"
        return f"{source}: {said} ({outcome.kind}){cached}"
    if isinstance(outcome, Duplicate):
        return f"{source}: skipped, the same file as {outcome.first}"
    return f"{source}: {len(outcome.records)} rows{cached}"


def _problem_lines(finished: Finished) -> list[str]:
    outcome, source = finished.outcome, finished.item.source
    notes = [f"note: {source}: {note}" for note in finished.notes]
    if isinstance(outcome, Failure):
        said = "skipped" if outcome.kind in SKIPPED_KINDS else "error"
        return [*notes, f"{said}: {Problem(source, outcome.kind, outcome.message)}"]
    if isinstance(outcome, Duplicate):
        return notes
    return notes + [f"note: {source}: {note}" for note in outcome.document.problems]


def summary(result: Result, target: str, from_cache: int) -> str:
    """'12 files: 10 read, 2 failed (1 encrypted, 1 timeout); 310 rows of 84 goals -> out/'"""
    goals = len({r.goal_id for r in result.records})
    parts = [*_files_counted(result), f"{len(result.records)} rows of {goals} goals -> {target}"]
    if from_cache:
        parts.append(f"{from_cache} from the cache")
    return "; ".join(parts)


def nothing_read(result: Result) -> str:
    """'2 files: 0 read, 2 failed (2 encrypted); nothing was read, so no output was replaced'"""
    return "; ".join([*_files_counted(result), "nothing was read, so no output was replaced"])


def _files_counted(result: Result) -> list[str]:
    failed = result.failed_sources
    failed_set = set(failed)
    kinds = Counter(p.kind for p in result.problems if p.source in failed_set)
    why = f" ({_counted(kinds)})" if kinds else ""
    duplicates = sum(p.kind == "duplicate" for p in result.problems)
    skipped = len(result.skipped_sources)
    parts = [
        f"{len(result.documents)} files: {len(result.documents) - len(failed) - skipped} read, "
        f"{len(failed)} failed{why}"
    ]
    if duplicates:
        parts.append(f"{duplicates} duplicate{'s' * (duplicates > 1)} skipped")
    if skipped:
        parts.append(f"{skipped} skipped for want of a tool (see above)")
    return parts


def _counted(kinds: Counter[str]) -> str:
    return ", ".join(
        f"{n} {kind}" for kind, n in sorted(kinds.items(), key=lambda k: (-k[1], k[0]))
    )


def interrupted_message(done: int, total: int, cache: Path | None) -> str:
    if cache is None:
        return f"interrupted after {done} of {total} files; nothing was written"
    return (
        f"interrupted: {done} of {total} files are done and kept in {cache}/; the outputs were "
        "not rewritten. Run the same command again to go on from there."
    )


__all__: Sequence[str] = ["ProgressReport", "interrupted_message", "nothing_read", "summary"]
