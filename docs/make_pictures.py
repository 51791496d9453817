"""Redraw the README's pictures from the sample series (`make pictures`): the report page with
one goal opened at a desktop's and a phone's width (headless Chromium), and the workbook's
comparison sheet (LibreOffice Calc)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from tests.browser import screenshot
from tests.golden_samples import SERIES  # run as `python -m docs.make_pictures`

ROOT = Path(__file__).resolve().parent.parent
GOALTABLES = [sys.executable, "-m", "goaltables"]
# The report page's pictures: name, width and height in CSS px.
REPORT_PICTURES = (("report.png", 1280, 1300), ("report-phone.png", 400, 1500))


def _workbook_picture(workbook: Path, work: Path, target: Path) -> None:
    """The comparison sheet as Calc prints it (this LibreOffice has no PNG export for Calc):
    a copy with that sheet alone (the workbook's own page setup: landscape, one page wide) to
    PDF, page 1 drawn by pdfium."""
    import openpyxl
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    book = openpyxl.load_workbook(workbook)
    for name in book.sheetnames:
        if name != "comparison":
            del book[name]
    copy = work / "comparison.xlsx"
    book.save(copy)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(copy),
        ],
        check=True,
        capture_output=True,
    )
    from PIL import ImageChops

    page = pdfium.PdfDocument(str(work / "comparison.pdf"))[0]
    image = page.render(scale=4).to_pil().convert("RGB")
    margin = ImageChops.invert(image).getbbox()  # the printed part, without the paper around it
    image.crop(margin).save(target) if margin else image.save(target)


def _report_pictures(out: Path) -> None:
    """The page with the goal whose measures have targets and actuals opened."""
    goals = pd.read_csv(out / "goals.csv", dtype=str, keep_default_na=False)
    opened = goals[goals["goal"].str.startswith("Tietosuoja-")]["goal_id"].iloc[0]
    for name, width, height in REPORT_PICTURES:
        target = ROOT / "docs" / name
        screenshot(out / "report.html", width, height, target, f"open={opened}")


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "out"
        # Relative paths, as a user in the repository would type them: the page shows them.
        series = [str(p.relative_to(ROOT)) for p in SERIES]
        # The run writes out/report.html with the rest.
        subprocess.run([*GOALTABLES, "run", *series, "-o", str(out)], check=True, cwd=ROOT)
        _report_pictures(out)
        if "--report-only" not in sys.argv:
            _workbook_picture(out / "goals.xlsx", Path(work), ROOT / "docs" / "workbook.png")
    print(", ".join(f"docs/{name}" for name, _, _ in REPORT_PICTURES) + ", docs/workbook.png")


if __name__ == "__main__":
    main()
