"""Write one report in the formats archives hold it in: samples/formats/ (`make samples-formats`).

The report is the 2022 outcome of the PDF corpus (samples/pdf/2022-outcome-landscape-merged-
traffic-lights.docx: one ruled landscape table over four pages, merged area and goal cells,
coloured ● ratings, a legend above it). LibreOffice converts the Word file to ODT, DOC, RTF and
HTML, as a city's staff would save it; openpyxl writes the XLSX a city would keep the same table
in, from the Word file's own cells (merged ranges kept, each ● in its colour), and the CSV that
Finnish Excel saves of that sheet ("CSV UTF-8": a BOM, `;` between cells, a merged cell's text
in its first row only, colours lost). With the PDF and the DOCX beside them in samples/pdf, that
is the one report in eight formats.

Needs LibreOffice (`soffice`) on PATH and python-docx and openpyxl; exits with one line naming
what is missing.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
SOURCE = HERE / "pdf" / "2022-outcome-landscape-merged-traffic-lights.docx"
OUT = HERE / "formats"
STEM = "2022-outcome-merged-traffic-lights"
LIBREOFFICE_FORMATS = {"odt": "odt", "doc": "doc", "rtf": "rtf", "html": "html:HTML (StarWriter)"}


def convert_with_libreoffice() -> None:
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"{STEM}.docx"
        shutil.copy(SOURCE, source)
        for suffix, target in LIBREOFFICE_FORMATS.items():
            subprocess.run(
                ["soffice", "--headless", "--convert-to", target, "--outdir", work, str(source)],
                check=True,
                capture_output=True,
                timeout=300,
            )
            shutil.copy(Path(work) / f"{STEM}.{suffix}", OUT / f"{STEM}.{suffix}")


def write_xlsx() -> None:
    """The Word table as a worksheet: title rows, the legend, then the table with its merges."""
    import docx
    from docx.oxml.ns import qn
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    document = docx.Document(str(SOURCE))
    sheet = Workbook().active
    sheet.title = "Tavoitteet"
    lines = [p.text for p in document.sections[0].header.paragraphs if p.text.strip()]
    lines += [p.text for p in document.paragraphs if p.text.strip()]
    for line in lines:
        colour = _ball_colour(document, line)
        sheet.append([line])
        if colour:
            sheet.cell(sheet.max_row, 1).font = Font(color=colour)
    sheet.append([])
    first = sheet.max_row + 1
    for r, tr in enumerate(document.tables[0]._tbl.tr_lst):
        for c, tc in enumerate(tr.tc_lst):
            merge = tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None
            if merge is not None and merge.get(qn("w:val")) != "restart":
                _extend_merge(sheet, first + r, c + 1)
                continue
            text = "\n".join(p.text for p in _paragraphs(tc)).strip()
            cell = sheet.cell(first + r, c + 1, text or None)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            colour = _run_colour(tc)
            if colour:
                cell.font = Font(color=colour)
    sheet.parent.save(OUT / f"{STEM}.xlsx")


def write_csv() -> None:
    """The worksheet as Finnish Excel saves it as "CSV UTF-8": what a city's staff export."""
    from openpyxl import load_workbook

    sheet = load_workbook(OUT / f"{STEM}.xlsx").active
    with open(OUT / f"{STEM}.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        for row in sheet.iter_rows(values_only=True):
            writer.writerow(["" if value is None else value for value in row])


def _paragraphs(tc):  # type: ignore[no-untyped-def]
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, None) for p in tc.p_lst]


def _run_colour(tc) -> str:  # type: ignore[no-untyped-def]
    from docx.oxml.ns import qn

    for run in tc.iter(qn("w:r")):
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        colour = run.find(f"{qn('w:rPr')}/{qn('w:color')}")
        if "●" in text and colour is not None:
            return "FF" + colour.get(qn("w:val")).upper()
    return ""


def _ball_colour(document, line: str) -> str:  # type: ignore[no-untyped-def]
    for paragraph in document.paragraphs:
        if paragraph.text == line:
            for run in paragraph.runs:
                if "●" in run.text and run.font.color and run.font.color.rgb:
                    return "FF" + str(run.font.color.rgb)
    return ""


def _extend_merge(sheet, row: int, column: int) -> None:  # type: ignore[no-untyped-def]
    """Grow the merged range above (row, column) down to it, or start one with the cell above."""
    for merged in list(sheet.merged_cells.ranges):
        if merged.min_col == column == merged.max_col and merged.max_row == row - 1:
            sheet.unmerge_cells(str(merged))
            top = merged.min_row
            sheet.merge_cells(start_row=top, start_column=column, end_row=row, end_column=column)
            return
    sheet.merge_cells(start_row=row - 1, start_column=column, end_row=row, end_column=column)


def main() -> None:
    if shutil.which("soffice") is None:
        raise SystemExit(
            "make_format_samples: LibreOffice (soffice) is missing; `make samples-formats` "
            "installs it"
        )
    OUT.mkdir(exist_ok=True)
    convert_with_libreoffice()
    write_xlsx()
    write_csv()
    for path in sorted(OUT.glob(f"{STEM}.*")):
        print(path.relative_to(HERE.parent))


if __name__ == "__main__":
    main()
