"""Redraw the README's pictures from the sample series (`make pictures`): the report page with
one goal opened (headless Chromium), and the workbook's comparison sheet (LibreOffice Calc)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from tests.golden_samples import SERIES  # run as `python -m docs.make_pictures`

ROOT = Path(__file__).resolve().parent.parent
GOALTABLES = [sys.executable, "-m", "goaltables"]


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


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "out"
        # Relative paths, as a user in the repository would type them: the page shows them.
        series = [str(p.relative_to(ROOT)) for p in SERIES]
        subprocess.run([*GOALTABLES, "run", *series, "-o", str(out)], check=True, cwd=ROOT)
        subprocess.run([*GOALTABLES, "report", str(out)], check=True)
        goals = pd.read_csv(out / "goals.csv", dtype=str, keep_default_na=False)
        reworded = goals[goals["goal"].str.startswith("Kolmiportaisen")]["goal_id"].iloc[0]
        page = f"{(out / 'report.html').as_uri()}#open={reworded}"
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1100,1500",
                f"--screenshot={ROOT / 'docs' / 'report.png'}",
                page,
            ],
            check=True,
            capture_output=True,
        )
        _workbook_picture(out / "goals.xlsx", Path(work), ROOT / "docs" / "workbook.png")
    print("docs/report.png, docs/workbook.png")


if __name__ == "__main__":
    main()
