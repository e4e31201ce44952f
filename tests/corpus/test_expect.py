"""The comparator of the reader corpus (expect.py), and the corpus's own consistency.

Nothing here runs the reader: these tests check the measuring stick, not what it measures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corpus.expect import PROBLEM_CODES, check, location

HERE = Path(__file__).parent
ACTUAL: dict[str, Any] = {
    "sheet": "IKU",
    "instansi": {"pemerintah": "PEMERINTAH KABUPATEN TANGERANG", "nama": "KECAMATAN LEGOK"},
    "sasaran": [
        {
            "no": "1",
            "uraian": "Meningkatnya kualitas",
            "indikator": [
                {"uraian": "A", "target": 60.0, "realisasi": {"tw1": 0, "tw2": None}},
                {"uraian": "B", "target": {"bawah": 80, "atas": 90}, "polaritas": None},
            ],
        }
    ],
    "problems": [
        {"code": "angka-rusak", "sheet": "Target IKU", "cell": "H15", "message": "rusak"},
        {"code": "nip-kosong", "sheet": None, "cell": None, "message": "kosong"},
    ],
}


def test_a_matching_partial_expectation_gives_nothing() -> None:
    expected = {
        "_about": "notes are not checked",
        "sheet": "IKU",
        "instansi": {"nama": "KECAMATAN LEGOK"},  # pemerintah not asserted
        "sasaran": [{"no": "1", "indikator": [{"target": 60}, {"uraian": "B"}]}],
    }
    assert check(expected, ACTUAL) == []


def test_a_missing_key_is_reported_with_its_path() -> None:
    expected = {"sasaran": [{"indikator": [{"satuan": "%"}, {}]}], "layout": []}
    assert check(expected, ACTUAL) == [
        "sasaran[0].indikator[0].satuan: missing (expected '%')",
        "layout: missing (expected [])",
    ]


def test_lists_must_have_the_same_length_and_are_compared_item_by_item() -> None:
    expected = {"sasaran": [{"indikator": [{"uraian": "A"}]}, {"no": "2"}]}
    assert check(expected, ACTUAL) == [
        "sasaran: expected 2 items, got 1",
        "sasaran[0].indikator: expected 1 items, got 2",
    ]


@pytest.mark.parametrize(
    ("want", "got", "ok"),
    [
        (60, 60.0, True),
        (0.3, 0.1 + 0.2, True),  # binary floating point is forgiven
        (10775000000, 10775000000, True),
        (60, 60.001, False),
        (60, "60", False),  # a number is not a text
        (1, True, False),  # nor a bool
        (0, None, False),  # empty is not zero
        (None, 0, False),  # and zero is not empty
        (None, None, True),
        ("60%", "60%", True),
        ("Plt. CAMAT", "Plt.  CAMAT", False),  # texts are compared exactly
        ({"bawah": 80}, 80, False),
        ([1], {"0": 1}, False),
        (True, True, True),
    ],
)
def test_values(want: Any, got: Any, ok: bool) -> None:
    assert (check({"v": want}, {"v": got}) == []) is ok


def test_a_mismatch_names_the_path_and_both_values() -> None:
    expected = {"sasaran": [{"indikator": [{"realisasi": {"tw1": None, "tw2": None}}, {}]}]}
    assert check(expected, ACTUAL) == [
        "sasaran[0].indikator[0].realisasi.tw1: expected None, got 0"
    ]


def test_expected_problems_are_found_by_code_and_location() -> None:
    expected = {
        "problems_expected": [
            {"code": "angka-rusak", "cell": "Target IKU!H15"},
            {"code": "nip-kosong", "cell": None},  # anywhere
        ]
    }
    assert check(expected, ACTUAL) == []


def test_a_missing_or_misplaced_problem_is_reported() -> None:
    expected = {
        "problems_expected": [
            {"code": "angka-rusak", "cell": "Target IKU!H16"},
            {"code": "rumus-tanpa-nilai", "cell": None},
        ]
    }
    assert check(expected, ACTUAL) == [
        "problems: expected angka-rusak at Target IKU!H16, not reported "
        "(reported at ['Target IKU!H15'])",
        "problems: expected rumus-tanpa-nilai, not reported",
    ]


def test_forbidden_problems_are_reported_with_their_place() -> None:
    assert check({"problems_forbidden": ["angka-ambigu"]}, ACTUAL) == []
    assert check({"problems_forbidden": ["angka-rusak"]}, ACTUAL) == [
        "problems: angka-rusak must not be reported, got it at Target IKU!H15: rusak"
    ]


def test_location_accepts_both_cell_forms() -> None:
    assert location({"sheet": "S", "cell": "A1"}) == "S!A1"
    assert location({"sheet": "S", "cell": "S!A1"}) == "S!A1"
    assert location({"sheet": "S", "cell": None}) == "S"


def test_an_unusable_expectation_is_an_error() -> None:
    with pytest.raises(TypeError):
        check({"v": {1, 2}}, {"v": [1, 2]})


# ---------------------------------------------------------------------------------------------
# The corpus itself


def _expectations() -> dict[str, dict[str, Any]]:
    return {
        path.name.removesuffix(".expected.json"): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(HERE.glob("*.expected.json"))
    }


def test_every_workbook_has_its_expectation() -> None:
    workbooks = {path.stem for path in HERE.glob("*.xlsx")}
    assert workbooks == set(_expectations())
    assert len(workbooks) >= 12


def test_expectations_use_known_problem_codes_and_locations() -> None:
    for name, expected in _expectations().items():
        for problem in expected.get("problems_expected", []):
            assert problem["code"] in PROBLEM_CODES, name
            assert problem["cell"] is None or "!" in problem["cell"], name
        assert set(expected.get("problems_forbidden", [])) <= set(PROBLEM_CODES), name
        assert expected["sheet"], name


def test_committed_expectations_are_what_the_generator_writes() -> None:
    make_corpus = pytest.importorskip("corpus.make_corpus")
    committed = _expectations()
    for make in make_corpus.WORKBOOKS:
        generated = make()
        assert generated.expected == committed[generated.name], (
            f"{generated.name}.expected.json is stale: run python tests/corpus/make_corpus.py"
        )
