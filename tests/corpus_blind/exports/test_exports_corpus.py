"""Self-checks of the blind exports corpus. None of them runs the reader.

* every expectation rebuilt by make_exports.py equals the committed one (the inputs' bytes are
  not compared: another openpyxl/XlsxWriter version may write equally valid other bytes);
* every value typed by a builder is in its committed input (openpyxl / csv);
* the comparator's extensions (refusal, severity, without_libreoffice, pk_refused) work.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_exports  # noqa: E402
from corpus import expect  # noqa: E402  (the one comparator, tests/corpus/expect.py)

GENS = make_exports.build_all()


@pytest.mark.parametrize("gen", GENS, ids=lambda g: g.name)
def test_expectation_committed(gen: make_exports.Generated) -> None:
    committed = (HERE / f"{gen.stem}.expected.json").read_text(encoding="utf-8")
    assert committed == make_exports.expectation_text(gen)


@pytest.mark.parametrize("gen", GENS, ids=lambda g: g.name)
def test_committed_input_holds_typed_values(gen: make_exports.Generated) -> None:
    data = (HERE / gen.name).read_bytes()
    if gen.csv_rows is not None:
        make_exports.verify_csv(
            make_exports.Generated(gen.name, data, gen.expected, {}, gen.csv_rows, gen.csv_dialect)
        )
    else:
        make_exports.verify_xlsx(data, gen.typed, gen.name)


def test_xls_committed() -> None:
    data = (HERE / make_exports.XLS_NAME).read_bytes()
    assert data.startswith(b"\xd0\xcf\x11\xe0")  # OLE2 / BIFF
    stem = make_exports.XLS_NAME.rsplit(".", 1)[0]
    committed = json.loads((HERE / f"{stem}.expected.json").read_text(encoding="utf-8"))
    assert committed == make_exports.pengukuran_xls_expected("Pengukuran TW IV")


def test_every_input_has_an_expectation() -> None:
    inputs = {p.name for p in HERE.iterdir() if p.suffix in (".xlsx", ".xls", ".csv")}
    stems = [name.rsplit(".", 1)[0] for name in inputs]
    assert len(stems) == len(set(stems)) == 18
    for stem in stems:
        assert (HERE / f"{stem}.expected.json").exists()


def test_refusal() -> None:
    exp = {"refused": True, "message_contains": ["lke.xlsx", "Evaluasi"]}
    assert expect.check(exp, error="lke.xlsx: ini lembar  evaluasi (LKE)") == []
    assert expect.check(exp, error="lke.xlsx: bukan tabel") != []
    assert expect.check(exp, actual={"sasaran": []}) != []
    assert expect.check({"sasaran": []}, error="refused") != []


def test_severity_and_libreoffice() -> None:
    exp = {
        "problems_expected": [{"code": "xls-dikonversi", "cell": None, "severity": "info"}],
        "without_libreoffice": {"refused": True, "message_contains": ["LibreOffice"]},
    }
    info = {"problems": [{"code": "xls-dikonversi", "severity": "info"}]}
    warn = {"problems": [{"code": "xls-dikonversi", "severity": "warning"}]}
    assert expect.check(exp, info) == []
    assert expect.check(exp, warn) != []
    alt = expect.applicable(exp, libreoffice=False)
    assert expect.check(alt, error="LibreOffice tidak terpasang") == []


def test_partial_lists_and_pk() -> None:
    exp = {"sasaran": [], "pk_refused": True, "problems_forbidden": ["angka-rusak"]}
    assert expect.check(exp, {"sasaran": [], "problems": []}) == []
    assert expect.check(exp, {"sasaran": [{}], "problems": []}) != []
    assert expect.check_pk(exp, pk_refused=False) != []
    assert expect.check_pk(exp, pk_refused=True) == []
