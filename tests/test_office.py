"""LibreOffice converts offline and contained: a document's linked URL is never fetched, nothing
is left behind, and a conversion past its time limit is killed with all its processes."""

from __future__ import annotations

import io
import threading
import time
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import docx
import pytest

from goaltables.extract import office

_ODF = 'xmlns:{}="urn:oasis:names:tc:opendocument:xmlns:{}:1.0"'
_NAMESPACES = " ".join(
    [
        *(_ODF.format(p, p) for p in ("office", "text")),
        _ODF.format("draw", "drawing"),
        _ODF.format("svg", "svg-compatible"),
        'xmlns:xlink="http://www.w3.org/1999/xlink"',
    ]
)
_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/"
  manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def odt_linking(url: str) -> bytes:
    """An OpenDocument text whose one image is not in the file but linked at `url`."""
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {_NAMESPACES} office:version="1.2"><office:body><office:text>
<text:p>Tavoite 1: linkitetty kuva</text:p>
<text:p><draw:frame draw:name="kuva" svg:width="2cm" svg:height="2cm"
 text:anchor-type="paragraph"><draw:image xlink:href="{url}" xlink:type="simple"
 xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>
</office:text></office:body></office:document-content>"""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")  # stored, first
        odt.writestr("META-INF/manifest.xml", _MANIFEST, zipfile.ZIP_DEFLATED)
        odt.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return packed.getvalue()


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A web server on localhost: its address, and the paths it was asked for."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *arguments: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", asked
    server.shutdown()
    server.server_close()


@pytest.fixture
def contained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A HOME and a temporary folder of the test's own, to see what a conversion leaves."""
    home, temporary = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    temporary.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    return home, temporary


def _texts(converted: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(converted)).paragraphs if p.text]


@pytest.mark.parametrize("namespace", [True, False], ids=["network-namespace", "profile-only"])
def test_a_linked_image_is_not_fetched(
    listener: tuple[str, list[str]],
    contained: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    namespace: bool,
) -> None:
    address, asked = listener
    if namespace:
        assert office.no_network_prefix(), "unshare --net does not work here"
    else:  # a system without namespaces: the profile's settings alone must hold
        monkeypatch.setattr(office, "no_network_prefix", lambda: ())
    data = odt_linking(f"{address}/x.png")
    converted = office.convert_to_docx(data, "linked.odt", "odt")
    assert asked == []
    assert _texts(converted) == ["Tavoite 1: linkitetty kuva"]
    home, temporary = contained
    assert list(home.iterdir()) == []  # no ~/.cache/dconf, no ~/.config/libreoffice
    assert list(temporary.iterdir()) == []  # the conversion's folder is removed


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


def test_a_conversion_out_of_time_is_killed_with_its_children(tmp_path: Path) -> None:
    started = time.monotonic()
    script = "sleep 60 & echo $! > child; wait"  # as soffice starts soffice.bin and waits
    assert not office.run_contained(["sh", "-c", script], tmp_path, 1)
    assert time.monotonic() - started < 10
    child = int((tmp_path / "child").read_text())
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


def test_the_environment_keeps_home_and_caches_inside(tmp_path: Path) -> None:
    environment = office.contained_environment(tmp_path)
    for variable in ("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "TMPDIR"):
        assert Path(environment[variable]).is_relative_to(tmp_path)
    assert not any("proxy" in name.lower() for name in environment)
