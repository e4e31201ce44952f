"""One opened workbook file: its bytes, zip container, package, styles and shared strings,
each read at most once, so the reader and the patcher of one run share a single read."""

from __future__ import annotations

import contextlib
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

from iku_excel.errors import IkuFileError, IkuInputError
from iku_excel.xlsx.container import DEFAULT_LIMITS, Archive, Limits, corrupt, read_file
from iku_excel.xlsx.package import Package
from iku_excel.xlsx.styles import Styles, read_styles


class WorkbookFile:
    """A workbook from its bytes. ``styles`` and ``shared_strings`` are read on first use."""

    def __init__(self, data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
        self.data = data
        self.limits = limits
        self.archive = Archive(data, limits)
        self.package = Package(self.archive)
        self._styles: Styles | None = None
        self._strings: list[str] | None = None

    @classmethod
    def open(
        cls, path: Path, *, data: bytes | None = None, limits: Limits = DEFAULT_LIMITS
    ) -> WorkbookFile:
        """The workbook at ``path`` (``data``: its bytes, already read); every failure is one
        ``IkuFileError`` naming the file."""
        with file_errors(path):
            return cls(read_file(path, limits) if data is None else data, limits)

    @property
    def styles(self) -> Styles:
        if self._styles is None:
            self._styles = read_styles(self.archive, self.package.styles_part, self.limits)
        return self._styles

    @property
    def shared_strings(self) -> list[str]:
        if self._strings is None:
            from iku_excel.xlsx.read import read_shared_strings

            self._strings = read_shared_strings(
                self.archive, self.package.shared_strings_part, self.limits
            )
        return self._strings


@contextlib.contextmanager
def file_errors(path: Path) -> Iterator[None]:
    """Turn whatever reading the workbook at ``path`` raises into one ``IkuFileError`` that
    names the file and says what to do (``IkuInputError`` passes: the user's own choice)."""
    try:
        yield
    except IkuFileError as exc:
        if exc.path is None:  # raised deep inside, where the path is not known
            exc.path = path
        raise
    except IkuInputError:
        raise
    except (struct.error, zlib.error, EOFError) as exc:
        raise IkuFileError(corrupt().message, path) from exc
    except MemoryError as exc:
        raise IkuFileError(
            "berkas terlalu besar untuk memori komputer ini; pecah workbook menjadi beberapa "
            "berkas lalu coba lagi",
            path,
        ) from exc
    except Exception as exc:  # a zip or XML oddity no check foresaw: still one clear line
        raise IkuFileError(
            "berkas .xlsx tidak dapat dibaca (isinya rusak atau bukan buatan Excel); buka dan "
            "simpan ulang di Excel atau LibreOffice",
            path,
        ) from exc
