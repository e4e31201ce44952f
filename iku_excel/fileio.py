"""Writing files safely: through a temporary file in the same folder and an atomic replace.

A crash or a kill at any moment leaves either the old file or the new one, never half of one;
an existing output is only replaced when the caller says so.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from iku_excel.errors import IkuFileError


def write_bytes_atomic(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` atomically. Refuse to replace an existing file unless
    ``overwrite``; every OS error becomes an ``IkuFileError`` with an Indonesian message."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise IkuFileError("berkas sudah ada; pakai --timpa untuk menimpanya", path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise IkuFileError(describe_os_error(exc, "membuat berkas"), path) from exc
    try:
        # mkstemp creates 0600; give the file the mode a plain open() would (or the old one's).
        os.chmod(tmp_name, _mode_for(path))
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        _remove_quietly(tmp_name)
        raise IkuFileError(describe_os_error(exc, "menulis berkas"), path) from exc
    except BaseException:
        _remove_quietly(tmp_name)
        raise


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def describe_os_error(exc: OSError, action: str) -> str:
    """One Indonesian line for an OS error: what happened and what to do."""
    code = exc.errno
    if code == errno.ENOSPC:
        return f"gagal {action}: disk penuh; kosongkan ruang disk lalu ulangi"
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"gagal {action}: tidak ada izin; periksa izin folder, atau tutup berkas "
            "bila sedang dibuka di Excel"
        )
    if code == errno.ENOENT:
        return f"gagal {action}: berkas atau folder tidak ditemukan; periksa jalurnya"
    if code == errno.EISDIR:
        return f"gagal {action}: jalur ini adalah folder, bukan berkas"
    if code == errno.EROFS:
        return f"gagal {action}: disk hanya-baca; simpan ke folder lain"
    return f"gagal {action}: {exc.strerror or exc}"
