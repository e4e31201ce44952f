"""LibreOffice headless: our PDF printer and the spreadsheet engine that checks our formulas.

Each call gets its own fresh profile (concurrent calls must not share one) and runs under a hard
timeout that kills the whole process group: a hung soffice was seen to ignore SIGTERM. With
``recalculate=True`` the profile sets OOXMLRecalcMode=0, so formulas whose cached values are
stale are recalculated on load, not shown as stored (domain.md section 7).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from iku_excel.errors import IkuFileError

INSTALL_HINT = (
    "LibreOffice tidak ditemukan; pasang dengan 'sudo apt-get install libreoffice-calc-nogui' "
    "(Debian/Ubuntu) atau dari libreoffice.org, lalu ulangi"
)
DEFAULT_TIMEOUT = 180.0

_RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def find_soffice() -> str | None:
    """The soffice program, or None when LibreOffice is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(
    files: Sequence[Path],
    target: str,
    outdir: Path,
    *,
    recalculate: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[Path]:
    """Convert ``files`` to ``target`` ("pdf", "xlsx", "csv") into ``outdir`` in one soffice
    call; return the paths written, in the order of ``files``."""
    program = find_soffice()
    if program is None:
        raise IkuFileError(INSTALL_HINT)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="iku-lo-") as profile:
        if recalculate:
            user = Path(profile) / "user"
            user.mkdir()
            (user / "registrymodifications.xcu").write_text(_RECALC_PROFILE, encoding="utf-8")
        command = [
            program,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *(str(f) for f in files),
        ]
        _run(command, timeout, ", ".join(Path(f).name for f in files))
    written = [outdir / f"{Path(f).stem}.{target.split(':')[0]}" for f in files]
    missing = [p.name for p in written if not p.exists()]
    if missing:
        raise IkuFileError(
            f"LibreOffice tidak menghasilkan {', '.join(missing)}; buka berkasnya di "
            "LibreOffice untuk melihat sebabnya"
        )
    return written


def _run(command: list[str], timeout: float, about: str) -> None:
    """Run LibreOffice; ``about`` names the files for the error message."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, so the kill takes its children too
    )
    try:
        _, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise IkuFileError(
            f"LibreOffice tidak selesai dalam {timeout:.0f} detik dan dihentikan; ulangi, "
            "atau tutup LibreOffice yang sedang terbuka",
            about,
        ) from None
    if process.returncode != 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise IkuFileError(
            f"LibreOffice gagal (kode {process.returncode}{': ' + detail[0] if detail[0] else ''});"
            " buka berkasnya di LibreOffice untuk melihat sebabnya, atau pasang ulang LibreOffice",
            about,
        )


def to_pdf(xlsx: Path, pdf: Path, *, timeout: float = DEFAULT_TIMEOUT) -> Path:
    """Print ``xlsx`` to ``pdf`` (written through a temporary folder, then moved)."""
    with tempfile.TemporaryDirectory(prefix="iku-pdf-") as tmp:
        (produced,) = convert([xlsx], "pdf", Path(tmp), timeout=timeout)
        pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(produced, pdf)  # a rename when on the same disk
    return pdf
