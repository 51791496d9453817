"""Write tests/data/bad-office/: Word files that must be refused with one clear line.

- encrypted.docx: a real password-protected Word document (password "salasana"), encrypted by
  msoffcrypto-tool as Office encrypts: an OLE compound file with EncryptionInfo and
  EncryptedPackage streams, not a zip.

Run with a Python that has python-docx and msoffcrypto-tool (not project dependencies):
    python -m venv /tmp/fixtures && /tmp/fixtures/bin/pip install python-docx msoffcrypto-tool
    /tmp/fixtures/bin/python tests/data/make_bad_office.py
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-not-found]

OUT = Path(__file__).parent / "bad-office"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    document = docx.Document()
    document.add_heading("Tavoitteet 2024", level=1)
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Tavoite", "Mittari"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "1. Salainen tavoite", "1. Mittari"
    plain = io.BytesIO()
    document.save(plain)
    plain.seek(0)
    encrypted = io.BytesIO()
    office = OOXMLFile(plain)
    office.encrypt("salasana", encrypted)
    (OUT / "encrypted.docx").write_bytes(encrypted.getvalue())
    print(OUT / "encrypted.docx")


if __name__ == "__main__":
    main()
