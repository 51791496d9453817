"""Headless Chromium for the report page's tests and the README's pictures (`make pictures`)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def browser(*arguments: str) -> str:
    """Run headless Chromium with `arguments`; its stdout (the DOM for --dump-dom)."""
    assert CHROMIUM, "chromium is missing: `make test` installs it (Debian package chromium)"
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def framed(page: Path, width: int, height: int, fragment: str = "") -> Path:
    """A page beside `page` that shows it in a frame `width` px wide, at its top left.

    Headless Chromium's window is never narrower than 500 px: asked for 400, it lays a page out
    at 500 and crops the screenshot. A frame is as narrow as it is told, so a phone's width is
    tried in a frame (and a screenshot of the window's top left is the frame)."""
    frame = page.with_name(f"frame-{width}.html")
    frame.write_text(
        f'<!doctype html><body style="margin:0"><iframe src="{page.name}#{fragment}" '
        f'style="width:{width}px;height:{height}px;border:0;display:block"></iframe></body>',
        "utf-8",
    )
    return frame


def screenshot(page: Path, width: int, height: int, target: Path, fragment: str = "") -> None:
    """A PNG of `page` laid out `width` px wide."""
    frame = framed(page, width, height, fragment)
    browser(
        "--allow-file-access-from-files",
        f"--window-size={width},{height}",
        f"--screenshot={target}",
        frame.as_uri(),
    )
