"""Regenerate the bundled workbooks from code: templates/format_iku.xlsx and contoh/legok_2020.xlsx.

Run after changing the template layout or the Legok data: ``python tools/regenerate.py``.
tests/test_template.py fails while the committed files differ from what the code produces.
"""

from __future__ import annotations

import sys
from pathlib import Path

from iku_excel.fileio import write_bytes_atomic
from iku_excel.write.template import build_template

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the Legok data is test data, not part of the package
from legok import LEGOK_2020  # noqa: E402

if __name__ == "__main__":
    write_bytes_atomic(ROOT / "templates" / "format_iku.xlsx", build_template(), overwrite=True)
    write_bytes_atomic(
        ROOT / "contoh" / "legok_2020.xlsx", build_template(LEGOK_2020), overwrite=True
    )
    print("templates/format_iku.xlsx, contoh/legok_2020.xlsx")
