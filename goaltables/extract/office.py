"""Older and other office formats (.doc, .odt, .rtf): LibreOffice converts them to .docx, which
the Word reader reads.

LibreOffice is contained: it runs headless in a temporary folder that is removed afterwards and
holds everything it writes (its own profile, so two runs do not fight over the user's; HOME,
the XDG folders and TMPDIR, so nothing lands in ~/.cache). It must not fetch anything a
document links: a linked image made it request the URL while converting (issue 17). Where the
system allows, it runs in a network namespace of its own (`unshare --net`: no network at all);
its profile also blocks linked content, sends any request to a proxy that is not there and
never runs macros, for systems without namespaces. On its time limit the whole process group
is killed: `soffice` starts `oosplash`, which starts `soffice.bin`."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import replace
from functools import cache
from pathlib import Path

from goaltables.errors import DamagedFile, MissingTool
from goaltables.extract.docx import read_docx_report
from goaltables.extract.options import ReadOptions
from goaltables.records import DocumentInfo, Extraction
from goaltables.workers import track_group, untrack_group

CONVERSION_SECONDS = 180
INSTALL_HINT = (
    "install LibreOffice with `make libreoffice` (Debian package libreoffice-writer-nogui)"
)
# Ways to start a program without network, tried in order: as root, then as a user where the
# kernel allows unprivileged user namespaces.
_NO_NETWORK = (["unshare", "--net", "--"], ["unshare", "--net", "--map-root-user", "--"])
# The profile's settings (registrymodifications.xcu): linked content blocked, any request
# sent to a proxy on a closed port, macros never run.
_OFFLINE_SETTINGS = (
    ("Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("Inet/Settings", "ooInetProxyType", "1"),
    ("Inet/Settings", "ooInetNoProxy", ""),
    *(
        ("Inet/Settings", f"ooInet{scheme}Proxy{part}", value)
        for scheme in ("HTTP", "HTTPS", "FTP")
        for part, value in (("Name", "127.0.0.1"), ("Port", "9"))
    ),
)


def read_office_report(
    data: bytes, doc: DocumentInfo, options: ReadOptions, kind: str
) -> Extraction:
    """Records from a .doc, .odt or .rtf file (`kind`), through LibreOffice."""
    converted = convert_to_docx(data, doc.source, kind)
    extraction = read_docx_report(converted, doc, options)
    described = replace(extraction.document, format=f"{kind} (via LibreOffice)")
    return replace(extraction, document=described)


def convert_to_docx(data: bytes, name: str, kind: str) -> bytes:
    """The .docx LibreOffice makes of `data`, converted offline in a folder that is removed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise MissingTool(
            f"{name}: reading .{kind} needs LibreOffice, which is not installed: {INSTALL_HINT}"
        )
    with tempfile.TemporaryDirectory(prefix="goaltables-", ignore_cleanup_errors=True) as work:
        folder = Path(work).absolute()  # a file URI, and LibreOffice's own folder, need it whole
        source = folder / f"report.{kind}"
        source.write_bytes(data)
        profile = folder / "profile"
        write_offline_profile(profile)
        command = [
            *no_network_prefix(),
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(folder),
            str(source),
        ]
        if not run_contained(command, folder, CONVERSION_SECONDS):
            raise DamagedFile(f"{name}: LibreOffice did not convert it in {CONVERSION_SECONDS} s")
        converted = folder / "report.docx"
        if not converted.exists():
            raise DamagedFile(f"{name}: LibreOffice could not read it as .{kind}")
        return converted.read_bytes()


def write_offline_profile(profile: Path) -> None:
    """A LibreOffice user profile whose settings keep a conversion offline and inert."""
    items = "".join(
        f'<item oor:path="/org.openoffice.{path}"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>\n"
        for path, name, value in _OFFLINE_SETTINGS
    )
    user = profile / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}</oor:items>\n",
        encoding="utf-8",
    )


@cache
def no_network_prefix() -> tuple[str, ...]:
    """The command that runs a program without network here, or () where none works."""
    for prefix in _NO_NETWORK:
        try:
            probe = subprocess.run([*prefix, "true"], capture_output=True, timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return tuple(prefix)
    return ()


def run_contained(command: list[str], folder: Path, seconds: float) -> bool:
    """Run `command` with its home, caches and temporary files in `folder`, in a process
    group of its own; False when it ran out of time (the whole group is killed). It inherits
    the worker's memory limit (`--memory`)."""
    process = subprocess.Popen(
        command,
        env=contained_environment(folder),
        cwd=folder,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    # A worker stopped at its time limit kills the group and removes the folder on its way
    # out (`workers.start_worker`): LibreOffice must not outlive the file's time limit.
    track_group(process.pid, folder)
    try:
        process.wait(timeout=seconds)
        return True
    except subprocess.TimeoutExpired:
        return False
    finally:
        if process.returncode is None:  # timed out, or interrupted: not reaped, so its id holds
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        untrack_group(process.pid)


def contained_environment(folder: Path) -> dict[str, str]:
    """The environment with HOME, the XDG folders and TMPDIR inside `folder`, and no proxy
    settings (a proxy in the environment would be a way out)."""
    places = {
        "HOME": "home",
        "XDG_CONFIG_HOME": "home/.config",
        "XDG_CACHE_HOME": "home/.cache",
        "XDG_DATA_HOME": "home/.local/share",
        "XDG_RUNTIME_DIR": "run",
        "TMPDIR": "tmp",
    }
    environment = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    for variable, place in places.items():
        (folder / place).mkdir(parents=True, exist_ok=True, mode=0o700)
        environment[variable] = str(folder / place)
    return environment


def read_doc_report(data: bytes, doc: DocumentInfo, options: ReadOptions) -> Extraction:
    return read_office_report(data, doc, options, "doc")


def read_odt_report(data: bytes, doc: DocumentInfo, options: ReadOptions) -> Extraction:
    return read_office_report(data, doc, options, "odt")


def read_rtf_report(data: bytes, doc: DocumentInfo, options: ReadOptions) -> Extraction:
    return read_office_report(data, doc, options, "rtf")
