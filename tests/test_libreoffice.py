"""What the user is told when LibreOffice itself fails: a stand-in ``soffice`` that crashes
or hangs, so these run without LibreOffice."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from iku_excel import libreoffice
from iku_excel.errors import IkuFileError


def fake_soffice(tmp_path: Path, body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "soffice"
    program.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setattr(libreoffice, "find_soffice", lambda: str(program))


def test_a_crash_names_the_file_and_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crash = "echo 'Error: source file could not be loaded' >&2; exit 81"
    fake_soffice(tmp_path, crash, monkeypatch)
    with pytest.raises(IkuFileError) as caught:
        libreoffice.convert([tmp_path / "lampiran.xlsx"], "pdf", tmp_path / "out")
    assert str(caught.value) == (
        "lampiran.xlsx: LibreOffice gagal (kode 81: Error: source file could not be loaded); "
        "buka berkasnya di LibreOffice untuk melihat sebabnya, atau pasang ulang LibreOffice"
    )


def test_a_hang_is_killed_in_time_and_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_soffice(tmp_path, "sleep 30", monkeypatch)
    started = time.monotonic()
    with pytest.raises(IkuFileError) as caught:
        libreoffice.convert([tmp_path / "lampiran.xlsx"], "pdf", tmp_path / "out", timeout=1)
    assert time.monotonic() - started < 10
    assert str(caught.value).startswith("lampiran.xlsx: LibreOffice tidak selesai dalam 1 detik")
