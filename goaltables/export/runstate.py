"""Whether the outputs already answer this run: a re-run with nothing changed does nothing.

After a run has written its outputs, `OUT/.goaltables-run.json` records a key of everything the
outputs depend on (each input's name and content hash, the settings, the manifest's and the
decisions' bytes, the tool's fingerprint) and the size and time of every output file. The next
run with the same key finds the outputs untouched and only repeats the last run's messages.
The record is written last and removed before outputs are replaced, so it never vouches for a
half-replaced set. A run with failures that may pass (a timeout, a crash) records nothing: the
next run tries those files again."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from goaltables.cache import tool_fingerprint
from goaltables.export.files import atomic_path

STATE_FILE = ".goaltables-run.json"


@dataclass(frozen=True)
class LastRun:
    messages: list[str]  # the problem lines the run printed
    summary: str
    exit_code: int


def run_key(inputs: Sequence[tuple[str, str, str]], *settings: object) -> str:
    """A hash of (source, content hash, why unreadable) per input and the settings given."""
    digest = hashlib.sha256(tool_fingerprint().encode())
    for fields in inputs:
        # surrogatepass: a name's undecodable byte must not end the run (names are escaped
        # when collected; this is for callers that pass raw paths).
        digest.update("\0".join(fields).encode("utf-8", "surrogatepass") + b"\n")
    for setting in settings:
        value = (
            setting
            if isinstance(setting, bytes)
            else repr(setting).encode("utf-8", "surrogatepass")
        )
        digest.update(hashlib.sha256(value).digest())
    return digest.hexdigest()


def current_run(out_dir: Path, key: str) -> LastRun | None:
    """The last run's messages when its key is `key` and its outputs are as it left them."""
    try:
        state = json.loads((out_dir / STATE_FILE).read_text(encoding="utf-8"))
        if state["key"] != key:
            return None
        for name, (size, mtime) in state["files"].items():
            status = (out_dir / name).stat()
            if (status.st_size, status.st_mtime_ns) != (size, mtime):
                return None
        return LastRun(list(state["messages"]), str(state["summary"]), int(state["exit_code"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def forget_run(out_dir: Path) -> None:
    """Before outputs are replaced: the record must not vouch for a mix of old and new."""
    (out_dir / STATE_FILE).unlink(missing_ok=True)


def record_run(out_dir: Path, key: str, written: Sequence[Path], last: LastRun) -> None:
    files = {}
    for path in written:
        status = path.stat()
        files[path.relative_to(out_dir).as_posix()] = [status.st_size, status.st_mtime_ns]
    state = {
        "key": key,
        "files": files,
        "messages": last.messages,
        "summary": last.summary,
        "exit_code": last.exit_code,
    }
    with atomic_path(out_dir / STATE_FILE) as temporary:
        temporary.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
