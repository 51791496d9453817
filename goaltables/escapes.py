"""Characters that would break an output or fool a terminal, written as visible escapes.

Three places need them, each with its own set:
- a spreadsheet cannot hold most control characters (openpyxl raises IllegalCharacterError on
  one ESC in a cell, which lost a whole batch: issue 17);
- no UTF-8 file can hold a lone surrogate: Python gives one for each byte of a file name that is
  not UTF-8 (`os.fsdecode`'s surrogateescape), and a broken PDF font map can give others;
- a terminal runs the escape sequences in what it prints, and a line break or a carriage
  return in a message would forge the lines after it.
A byte of a name is shown as `\\xff`, a control character as `\\x1b`, anything else as `\\ud800`."""

from __future__ import annotations

import re

# What openpyxl refuses (its ILLEGAL_CHARACTERS_RE) and XML 1.0 cannot hold, beside surrogates.
SPREADSHEET_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
UNENCODABLE = re.compile("[\ud800-\udfff]")
SPREADSHEET_UNSAFE = re.compile(f"{SPREADSHEET_CONTROLS.pattern}|{UNENCODABLE.pattern}")
# C0 and C1 controls (ESC, CSI, BEL, line breaks), DEL and surrogates: never printed as they are.
TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_ESCAPED_BYTES = range(0xDC80, 0xDD00)  # surrogateescape's stand-ins for bytes 0x80-0xFF


def escape(text: str, unsafe: re.Pattern[str]) -> str:
    """`text` with every character `unsafe` matches written as an escape."""
    return unsafe.sub(_escaped, text)


def printable(text: str) -> str:
    """`text` as one line a terminal shows as it is: controls and undecodable bytes escaped."""
    return escape(text, TERMINAL_UNSAFE)


def name_as_text(name: str) -> str:
    """A file name as the dataset stores it: names are bytes, and one that is not UTF-8, or
    holds ESC or BEL, must still be written to every output and printed safely."""
    return escape(name, TERMINAL_UNSAFE)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
