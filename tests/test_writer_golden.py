"""Golden text dumps of every lampiran of the Legok example (values, formulas with their cached
values, merges, styles, number formats, row heights, column widths, page setup).

Any change to what the writer produces shows up here as a readable diff. After an intended
change, regenerate with ``IKU_UPDATE_GOLDEN=1 pytest tests/test_writer_golden.py`` and review
the diff of tests/golden/ before committing it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers_xlsx import dump
from legok import LEGOK_2020

from iku_excel.write import build_lampiran

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("IKU_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize(
    ("jenis", "kertas"),
    [("iku", "F4"), ("target", "F4"), ("pk", "F4"), ("pengukuran", "F4"), ("iku", "A4")],
)
def test_golden_dump(jenis: str, kertas: str) -> None:
    path = GOLDEN / f"lampiran_{jenis}_{kertas.lower()}.txt"
    actual = dump(build_lampiran(LEGOK_2020, jenis, kertas=kertas))
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        changed = not path.exists() or path.read_text(encoding="utf-8") != actual
        path.write_text(actual, encoding="utf-8")
        # a rewritten file proves nothing: the run that rewrote it must not pass
        assert not changed, f"{path.name} rewritten: review `git diff`, then run the tests again"
    assert path.exists(), f"{path.name} is missing: run with IKU_UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_text(encoding="utf-8"), (
        f"{path.name} differs: if the change is intended, regenerate with IKU_UPDATE_GOLDEN=1 "
        "and review the diff"
    )
