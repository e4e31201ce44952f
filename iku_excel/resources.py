"""Where the bundled files are: the canonical template and the Legok example workbook.

Installed, they are package data (pyproject maps templates/ and contoh/ into the package); in a
source checkout they are read from the repository's own folders.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CONTOH_FILE = "legok_2020.xlsx"
TEMPLATE_FILE = "format_iku.xlsx"
_REPO = Path(__file__).resolve().parent.parent


def _bundled(package: str, folder: str, name: str) -> Path:
    try:
        candidate = Path(str(resources.files(package) / name))
        if candidate.is_file():
            return candidate
    except (ModuleNotFoundError, TypeError):
        pass
    return _REPO / folder / name


def contoh_path() -> Path:
    """The bundled example workbook (the seed's Legok 2020 data in the canonical template)."""
    return _bundled("iku_excel.contoh", "contoh", CONTOH_FILE)


def template_path() -> Path:
    """The committed canonical template."""
    return _bundled("iku_excel.templates", "templates", TEMPLATE_FILE)
