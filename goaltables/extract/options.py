"""What a user can tell the readers about a file, and the caps that keep a reader from
taking what cannot be a report."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Caps past which a file is refused before it is read (problem kind `too-large`): each
    is far beyond a municipal report, and far below what would exhaust a worker's memory
    (issue 17: a 782 KB PDF took 10 GB, an xlsx of a million rows 4.9 GB)."""

    max_text_mb: int = 64  # a text export or a web page (the 50 MB of a log still reads)
    max_xlsx_rows: int = 100_000  # the last row of any sheet
    max_xlsx_columns: int = 1_000  # the last column of any sheet
    max_pdf_pages: int = 5_000
    max_pdf_stream_mb: int = 128  # one stream, unpacked (a page at 600 dpi is about 100 MB)

    def __post_init__(self) -> None:
        for cap in fields(self):
            if getattr(self, cap.name) < 1:
                raise ValueError(f"{cap.name} must be at least 1")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    password: str | None = None  # opens encrypted PDFs
    limits: ReadLimits = field(default_factory=ReadLimits)
