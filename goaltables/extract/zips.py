"""Zip containers (.docx, .xlsx, .odt) checked before anything in them is unpacked."""

from __future__ import annotations

import io
import zipfile

from goaltables.errors import DamagedFile

# A zip whose parts would unpack to more than this, or this many times their packed size, is
# refused before anything is unpacked: a "zip bomb".
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200


def check_zip(data: bytes, name: str, required: str, kind: str) -> None:
    """Refuse what is not a zip, a zip bomb, or a zip without the part the format needs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DamagedFile(f"{name}: not a valid {kind} (it is a zip file inside)") from None
    with archive:
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES or unpacked > MAX_RATIO * max(len(data), 1):
            raise DamagedFile(
                f"{name}: refused: would unpack to {unpacked // 1_000_000} MB from "
                f"{len(data) // 1000} kB (a zip bomb?)"
            )
        if required not in archive.namelist():
            raise DamagedFile(f"{name}: a zip file but not a {kind} (no {required})")
