"""The text tables of ``iku baca`` and ``iku hitung``: numbers written the Indonesian way and
rounded as Excel's ROUND does (halves away from zero), never Python's halves-to-even."""

from __future__ import annotations

from decimal import Decimal

import pytest

from iku_excel.model import Dokumen, Indikator, PerTriwulan, Rentang, Sasaran
from iku_excel.summary import summarize


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        (Decimal("0.125"), "0,13"),  # Python's format gives 0,12
        (Decimal("1234.005"), "1.234,01"),
        (Decimal("1234567"), "1.234.567"),
        (Decimal("88.40"), "88,4"),
        (Decimal("-0.001"), "0"),
        (Rentang(Decimal("80"), Decimal("90.5")), "80-90,5"),
    ],
)
def test_targets_are_written_as_excel_rounds_them(target: Decimal | Rentang, shown: str) -> None:
    ind = Indikator("Indeks", satuan="Nilai", target=target, realisasi=PerTriwulan())
    text = summarize(Dokumen(sasaran=(Sasaran("1", "S", (ind,)),)))
    assert f"[Nilai] target {shown};" in text, text
