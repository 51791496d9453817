"""One error tree. The library raises; the pipeline turns errors into Problems; the CLI explains."""


class GoalTablesError(Exception):
    """Base of every error goaltables raises on purpose."""

    kind = "error"


class UnreadableFile(GoalTablesError, OSError):
    """The file cannot be opened or read (missing, a folder, no permission)."""

    kind = "unreadable"


class UnknownEncoding(GoalTablesError, ValueError):
    """A text file in none of the encodings archives use (UTF-8, UTF-16, Windows-1252, Latin-1)."""

    kind = "encoding"


class UnsupportedFormat(GoalTablesError, ValueError):
    """The file's content is of a kind goaltables does not read."""

    kind = "format"


class MissingTool(GoalTablesError, RuntimeError):
    """A program the file's format needs (LibreOffice for .doc, .odt, .rtf) is not installed:
    the machine's fault, not the file's, so the file is skipped and tried again next run."""

    kind = "missing-tool"


class NoGoalTable(GoalTablesError, ValueError):
    """The document was read but holds no goal table."""

    kind = "no-goal-table"


class EncryptedFile(GoalTablesError, ValueError):
    """The file is encrypted and no password, or a wrong one, was given."""

    kind = "encrypted"


class DamagedFile(GoalTablesError, ValueError):
    """The file is truncated or corrupt: its format's structure cannot be read."""

    kind = "damaged"


class NoTextLayer(GoalTablesError, ValueError):
    """A PDF whose pages are images only (a scan): there is no text to read without OCR."""

    kind = "no-text"


class UsageError(GoalTablesError, ValueError):
    """What was asked for does not fit the input (a page the document does not have)."""

    kind = "usage"


class OutputError(GoalTablesError, OSError):
    """An output could not be written: its file, and the row where a value in it is the cause."""

    kind = "output"


class OutOfTime(GoalTablesError, TimeoutError):
    """A file ran past its time limit (`--timeout`) and was stopped."""

    kind = "timeout"


class OutOfMemory(GoalTablesError, MemoryError):
    """A file needed more memory than its limit (`--memory`) allows."""

    kind = "memory"


class CrashedFile(GoalTablesError, RuntimeError):
    """The process reading a file died (a crash in a C library, or its memory limit)."""

    kind = "crash"


class TooLarge(GoalTablesError, ValueError):
    """A file past one of the readers' caps (`ReadLimits`): it cannot be a report."""

    kind = "too-large"


class Conflict(UsageError):
    """Another goaltables run is writing to the same output folder (exit 2, as a usage error:
    nothing was read or written)."""

    kind = "conflict"
