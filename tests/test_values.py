"""Tests of iku_excel.values: every format staff type (domain.md section 3) and every value of
the seed document (../shared/seed/000_e4a71e80caa44ef4.txt), then properties."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iku_excel.errors import IkuInputError, Problem, Severity
from iku_excel.model import Rentang
from iku_excel.values import (
    BULAN,
    EMPTY_MARKERS,
    Parsed,
    Separators,
    Tanggal,
    clean_text,
    column_separators,
    format_money,
    format_number,
    is_empty,
    parse_money,
    parse_nip,
    parse_number,
    parse_percent,
    parse_tanggal,
    parse_target,
    parse_volume,
    plain_number,
)

D = Decimal
ID, US, UNKNOWN = Separators.INDONESIA, Separators.US, Separators.UNKNOWN
NBSP = "\u00a0"


def codes(parsed: Parsed[Any]) -> tuple[str, ...]:
    return tuple(p.code for p in parsed.problems)


# ------------------------------------------------------------------------------------------
# The seed document: every value in its tables and signature blocks.

SEED_MONEY = [
    ("10,775,000,000", D(10775000000)),
    ("1,907,048,100", D(1907048100)),
    ("795,472,000", D(795472000)),
    ("390,276,100", D(390276100)),
    ("240,000,000", D(240000000)),
    ("65,000,000", D(65000000)),
    ("200,000,000", D(200000000)),
    ("216,300,000", D(216300000)),
    ("1,032,455,000", D(1032455000)),
    ("114,430,000", D(114430000)),
    ("415,575,000", D(415575000)),
    ("352,000,000", D(352000000)),
    ("150,450,000", D(150450000)),
    ("200.000.000", D(200000000)),
]
SEED_VOLUMES = [
    ("65 Titik", D(65), "Titik"),
    ("7 Titik", D(7), "Titik"),
    ("4 Titik", D(4), "Titik"),
    ("2 Titik", D(2), "Titik"),
    ("1 Dokumen", D(1), "Dokumen"),
    ("1 Unit", D(1), "Unit"),
    ("9 Orang", D(9), "Orang"),
    ("5 Orang", D(5), "Orang"),
    ("12 Orang", D(12), "Orang"),
    ("2.345 Lembar", D(2345), "Lembar"),
    ("100 %", D(100), "%"),
    ("100%", D(100), "%"),
    ("90", D(90), ""),
    ("1", D(1), ""),
]
SEED_TARGETS = [("60%", "%", D(60)), ("90", "Indeks", D(90)), ("100 %", "", D(100))]


@pytest.mark.parametrize(("raw", "expected"), SEED_MONEY)
def test_seed_money(raw: str, expected: Decimal) -> None:
    parsed = parse_money(raw, separators=column_separators(raw for raw, _ in SEED_MONEY))
    assert (parsed.value, codes(parsed)) == (expected, ())


def test_seed_money_column_mixes_writings() -> None:
    assert column_separators(raw for raw, _ in SEED_MONEY) is UNKNOWN


@pytest.mark.parametrize(("raw", "number", "unit"), SEED_VOLUMES)
def test_seed_volumes(raw: str, number: Decimal, unit: str) -> None:
    parsed = parse_volume(raw)
    assert (parsed.value, codes(parsed)) == ((number, unit), ())


@pytest.mark.parametrize(("raw", "satuan", "expected"), SEED_TARGETS)
def test_seed_targets(raw: str, satuan: str, expected: Decimal) -> None:
    parsed = parse_target(raw, satuan=satuan)
    assert (parsed.value, codes(parsed)) == (expected, ())


@pytest.mark.parametrize("raw", ["196206201987031006", "NIP. 196206201987031006"])
def test_seed_nip(raw: str) -> None:
    parsed = parse_nip(raw)
    assert (parsed.value, codes(parsed)) == ("196206201987031006", ())


@pytest.mark.parametrize("raw", ["Januari 2020", "2020"])
def test_seed_dates(raw: str) -> None:
    parsed = parse_tanggal(raw)
    assert parsed.value is not None and parsed.problems == ()
    assert parsed.value.format() == raw


@pytest.mark.parametrize("raw", [str(n) for n in range(1, 9)])
def test_seed_column_number_row(raw: str) -> None:
    assert parse_number(raw).value == D(raw)


# ------------------------------------------------------------------------------------------
# Text and emptiness


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("  a \t b\n c\r\n", "a b c"),
        (f"{NBSP}Rp{NBSP}5.000{NBSP}", "Rp 5.000"),
        ("ab\u200bc\ufeff", "abc"),
        (12, "12"),
    ],
)
def test_clean_text(raw: object, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    "raw", [None, "", " ", NBSP, "\t\n", "-", "--", "–", "—", "n/a", "N/A", "NA", "na", " - "]
)
def test_is_empty(raw: object) -> None:
    assert is_empty(raw)


@pytest.mark.parametrize("raw", ["0", 0, 0.0, False, "nihil", "x", "#N/A", date(2020, 1, 1)])
def test_is_not_empty(raw: object) -> None:
    assert not is_empty(raw)


def test_empty_markers_are_empty() -> None:
    assert all(is_empty(marker) for marker in EMPTY_MARKERS)


PARSERS: list[Callable[[object], Parsed[Any]]] = [
    parse_number,
    parse_money,
    parse_percent,
    parse_volume,
    parse_target,
    parse_tanggal,
]


@pytest.mark.parametrize("parse", PARSERS)
@pytest.mark.parametrize("raw", [None, "", "-", "n/a", NBSP, " "])
def test_empty_is_none_without_problem(parse: Callable[[object], Parsed[Any]], raw: object) -> None:
    assert parse(raw) == Parsed(None)


@pytest.mark.parametrize("parse", [*PARSERS, parse_nip])
@pytest.mark.parametrize("raw", ["#DIV/0!", "#N/A", "#VALUE!", "#REF!"])
def test_excel_error_values(parse: Callable[[object], Parsed[Any]], raw: str) -> None:
    parsed = parse(raw)
    assert (parsed.value, codes(parsed), parsed.ok) == (None, ("galat-excel",), False)


# ------------------------------------------------------------------------------------------
# Numbers and money

MONEY = [
    ("10,775,000,000", D(10775000000)),
    ("200.000.000", D(200000000)),
    ("Rp 1.250.000.000", D(1250000000)),
    ("Rp. 250.000.000,00", D(250000000)),
    ("Rp1.000.000,00", D(1000000)),
    ("rp 1.000", D(1000)),
    ("IDR 5.000.000", D(5000000)),
    ("1.500.000,-", D(1500000)),
    ("Rp 1.500.000,-", D(1500000)),
    ("1500000000.00", D(1500000000)),
    ("1500000000,00", D(1500000000)),
    ("1.234,56", D("1234.56")),
    ("1,234.56", D("1234.56")),
    ("(Rp 5.000)", D(-5000)),
    ("Rp (5.000)", D(-5000)),
    ("-Rp5.000,00", D(-5000)),
    ("Rp -5.000", D(-5000)),
    (f"Rp{NBSP}1.250.000", D(1250000)),
    (10775000000.0, D(10775000000)),
    (10775000000, D(10775000000)),
    (D("1907048100.00"), D(1907048100)),
    (1234.56, D("1234.56")),
    (0, D(0)),
    ("0", D(0)),
]


@pytest.mark.parametrize(("raw", "expected"), MONEY)
def test_parse_money(raw: object, expected: Decimal) -> None:
    parsed = parse_money(raw)
    assert (parsed.value, codes(parsed)) == (expected, ())


@pytest.mark.parametrize("raw", ["Rp", "Rp -", "Rp. -", "IDR"])
def test_money_currency_alone_is_empty(raw: str) -> None:
    assert parse_money(raw) == Parsed(None)


def test_numeric_cells_are_tidy() -> None:
    assert str(parse_money(10775000000.0).value) == "10775000000"
    assert str(parse_number(0.1).value) == "0.1"
    assert str(parse_number(-0.0).value) == "0"
    assert str(parse_number(D("1E+3")).value) == "1000"


UNAMBIGUOUS_NUMBERS = [
    ("70,50", D("70.5")),
    ("93,75", D("93.75")),
    ("3.5", D("3.5")),
    ("3,5", D("3.5")),
    ("1.234.567", D(1234567)),
    ("1,234,567", D(1234567)),
    ("1.234.567,89", D("1234567.89")),
    ("1,234,567.89", D("1234567.89")),
    ("10,775,000,000", D(10775000000)),
    ("0.234", D("0.234")),
    ("0,234", D("0.234")),
    ("1234.567", D("1234.567")),
    (",5", D("0.5")),
    ("1234", D(1234)),
    ("+5", D(5)),
    ("-5", D(-5)),
    ("- 5", D(-5)),
    ("(5)", D(-5)),
    ("007", D(7)),
]


@pytest.mark.parametrize("separators", [ID, US, UNKNOWN])
@pytest.mark.parametrize(("raw", "expected"), UNAMBIGUOUS_NUMBERS)
def test_unambiguous_numbers_never_warn(
    raw: str, expected: Decimal, separators: Separators
) -> None:
    parsed = parse_number(raw, separators=separators)
    assert (parsed.value, codes(parsed)) == (expected, ())


@pytest.mark.parametrize(
    ("raw", "separators", "expected"),
    [
        ("1.234", UNKNOWN, D(1234)),
        ("1.234", ID, D(1234)),
        ("1.234", US, D("1.234")),
        ("1,234", UNKNOWN, D("1.234")),
        ("1,234", ID, D("1.234")),
        ("1,234", US, D(1234)),
        ("-1.234", UNKNOWN, D(-1234)),
        ("999,000", US, D(999000)),
    ],
)
def test_ambiguous_numbers_warn(raw: str, separators: Separators, expected: Decimal) -> None:
    parsed = parse_number(raw, separators=separators)
    assert (parsed.value, codes(parsed), parsed.ok) == (expected, ("angka-ambigu",), True)
    assert parsed.problems[0].severity is Severity.WARNING


@pytest.mark.parametrize("separators", [ID, US, UNKNOWN])
@pytest.mark.parametrize("raw", ["Rp 1.234", "Rp 1,234", "1.234,-"])
def test_marked_ambiguous_money_is_thousands(raw: str, separators: Separators) -> None:
    parsed = parse_money(raw, separators=separators)
    assert (parsed.value, codes(parsed)) == (D(1234), ())


@pytest.mark.parametrize("separators", [ID, US, UNKNOWN])
@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1.234", 1234), ("1,234", 1234), ("-5.000", -5000), ("(5.000)", -5000), ("−5.000", -5000)],
)
def test_bare_ambiguous_money_is_thousands_and_reported(
    raw: str, expected: int, separators: Separators
) -> None:
    parsed = parse_money(raw, separators=separators)
    assert (parsed.value, codes(parsed), parsed.ok) == (D(expected), ("angka-ambigu",), True)


BROKEN = [
    ("12.5OO.000", "angka-rusak"),
    ("12..5", "angka-rusak"),
    ("1.23.4", "angka-rusak"),
    ("1,234.567,8", "angka-rusak"),
    ("1.234.56", "angka-rusak"),
    ("12,34,567", "angka-rusak"),
    ("5 5", "angka-rusak"),
    ("5.", "angka-rusak"),
    ("1.0775E+10", "angka-rusak"),
    ("65Titik", "angka-rusak"),
    ("(5", "angka-rusak"),
    ("--5", "angka-rusak"),
    ("(-5)", "angka-rusak"),
    ("5-", "angka-rusak"),
    ("5 000 000", "angka-rusak"),
    ("١٢٣", "bukan-angka"),
    ("１２３", "bukan-angka"),
    ("abc", "bukan-angka"),
    ("Nihil", "bukan-angka"),
    ("+", "bukan-angka"),
    ("....", "bukan-angka"),
    (True, "bukan-angka"),
    (False, "bukan-angka"),
    (datetime(2020, 1, 7), "bukan-angka"),
    (float("nan"), "angka-rusak"),
    (float("inf"), "angka-rusak"),
    (D("NaN"), "angka-rusak"),
    (D("-Infinity"), "angka-rusak"),
    (D("1E+400"), "angka-rusak"),
    (b"123", "nilai-tidak-dikenal"),
    ([1, 2], "nilai-tidak-dikenal"),
    (object(), "nilai-tidak-dikenal"),
]


@pytest.mark.parametrize("parse", [parse_number, parse_money])
@pytest.mark.parametrize(("raw", "code"), BROKEN)
def test_broken_numbers_are_errors(
    parse: Callable[[object], Parsed[Decimal]], raw: object, code: str
) -> None:
    parsed = parse(raw)
    assert (parsed.value, codes(parsed), parsed.ok) == (None, (code,), False)


def test_broken_number_message_quotes_and_suggests() -> None:
    (problem,) = parse_money("12.5OO.000").problems
    assert '"12.5OO.000"' in problem.message and '"12.500.000"' in problem.message


@pytest.mark.parametrize("raw", ["Rp 5.000", "5.000,-"])
def test_money_marks_are_not_plain_numbers(raw: str) -> None:
    assert codes(parse_number(raw)) == ("angka-rusak",)


@pytest.mark.parametrize(
    ("raws", "expected"),
    [
        (["10,775,000,000", "1,907,048,100", 5, None, "1,234"], US),
        (["3.5", "12"], US),
        (["1500000000.00"], US),
        (["200.000.000", "1.234"], ID),
        (["70,50", "93,75%"], ID),
        (["Rp 1.250.000.000", "Rp1.000.000,00"], ID),
        (["2.345.000 Lembar"], ID),
        (["10,775,000,000", "200.000.000"], UNKNOWN),
        (["1.234", "1,234", "12", 3.5, 10775000000.0], UNKNOWN),
        (["12.5OO", "07.01.2022", "Dokumen", "-"], UNKNOWN),
        ([], UNKNOWN),
    ],
)
def test_column_separators(raws: list[object], expected: Separators) -> None:
    assert column_separators(raws) is expected


# ------------------------------------------------------------------------------------------
# Percentages


@pytest.mark.parametrize(
    ("raw", "options", "expected", "problem_codes"),
    [
        ("60%", {}, D(60), ()),
        ("60 %", {}, D(60), ()),
        (f"60{NBSP}%", {}, D(60), ()),
        ("60,5%", {}, D("60.5"), ()),
        ("93,75%", {}, D("93.75"), ()),
        ("0,5%", {}, D("0.5"), ()),
        ("60 persen", {}, D(60), ()),
        ("120%", {}, D(120), ()),
        (0.6, {"number_format": "0%"}, D(60), ()),
        (0.6, {"number_format": "0.00%"}, D(60), ()),
        (0.9375, {"number_format": "0.00%"}, D("93.75"), ()),
        (1, {"number_format": "0%"}, D(100), ()),
        (60, {"percent_column": True}, D(60), ()),
        (60, {"percent_column": True, "number_format": "General"}, D(60), ()),
        ("60", {"percent_column": True}, D(60), ()),
        (0, {"percent_column": True}, D(0), ()),
        (0.6, {"percent_column": True}, D("0.6"), ("persen-ambigu",)),
        (1, {"percent_column": True}, D(1), ("persen-ambigu",)),
        ("0,6", {"percent_column": True}, D("0.6"), ("persen-ambigu",)),
        (0.6, {}, D("0.6"), ("persen-ambigu",)),
        (0.6, {"number_format": '0.0" %"'}, D("0.6"), ("persen-ambigu",)),
        (0.6, {"number_format": "0.0\\%"}, D("0.6"), ("persen-ambigu",)),
        (60, {}, D(60), ("persen-tanpa-tanda",)),
        ("1.234%", {"separators": US}, D("1.234"), ("angka-ambigu",)),
    ],
)
def test_parse_percent(
    raw: object, options: dict[str, Any], expected: Decimal, problem_codes: tuple[str, ...]
) -> None:
    parsed = parse_percent(raw, **options)
    assert (parsed.value, codes(parsed)) == (expected, problem_codes)
    assert parsed.ok


@pytest.mark.parametrize(("raw", "code"), [("%", "bukan-angka"), ("6O%", "angka-rusak")])
def test_broken_percent(raw: str, code: str) -> None:
    assert codes(parse_percent(raw)) == (code,)


def test_unmarked_percent_severities() -> None:
    (doubt,) = parse_percent(0.6).problems
    (note,) = parse_percent(60).problems
    assert (doubt.severity, note.severity) == (Severity.WARNING, Severity.INFO)


# ------------------------------------------------------------------------------------------
# Volumes


@pytest.mark.parametrize(
    ("raw", "options", "expected", "problem_codes"),
    [
        ("Dokumen", {}, (None, "Dokumen"), ()),
        ("2 Unit Kendaraan", {}, (D(2), "Unit Kendaraan"), ()),
        ("2,5 Km", {}, (D("2.5"), "Km"), ()),
        ("2.345 Km", {}, (D(2345), "Km"), ("angka-ambigu",)),
        ("2.345 Km", {"separators": US}, (D("2.345"), "Km"), ("angka-ambigu",)),
        ("2,345 Lembar", {}, (D(2345), "Lembar"), ()),
        ("2.345 lembar", {"separators": US}, (D(2345), "lembar"), ()),
        (f"65{NBSP}Titik", {}, (D(65), "Titik"), ()),
        (65, {}, (D(65), ""), ()),
        (65.0, {}, (D(65), ""), ()),
    ],
)
def test_parse_volume(
    raw: object,
    options: dict[str, Any],
    expected: tuple[Decimal | None, str],
    problem_codes: tuple[str, ...],
) -> None:
    parsed = parse_volume(raw, **options)
    assert (parsed.value, codes(parsed)) == (expected, problem_codes)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("5 5", "angka-rusak"),
        ("12.5OO Lembar", "angka-rusak"),
        ("65Titik", "angka-rusak"),
        ("Dokumen 5", "angka-rusak"),
        ("100% Dokumen", "angka-rusak"),
        (True, "bukan-angka"),
    ],
)
def test_broken_volume(raw: object, code: str) -> None:
    parsed = parse_volume(raw)
    assert (parsed.value, codes(parsed)) == (None, (code,))


# ------------------------------------------------------------------------------------------
# Targets


@pytest.mark.parametrize(
    ("raw", "options", "expected", "problem_codes"),
    [
        ("60%", {}, D(60), ()),
        ("60%", {"satuan": "Indeks"}, D(60), ()),
        (90, {"satuan": "Indeks"}, D(90), ()),
        ("90", {"satuan": "%"}, D(90), ()),
        (90, {"satuan": "persen"}, D(90), ()),
        (0.6, {"number_format": "0%"}, D(60), ()),
        (0.6, {"satuan": "%", "number_format": "0.00%"}, D(60), ()),
        (0.6, {"satuan": "%"}, D("0.6"), ("persen-ambigu",)),
        (0.6, {"satuan": "Indeks"}, D("0.6"), ()),
        ("3,75", {"satuan": "Indeks"}, D("3.75"), ()),
        ("5 Dokumen", {"satuan": "Dokumen"}, D(5), ()),
        ("80-90", {}, Rentang(D(80), D(90)), ()),
        ("80 - 90", {}, Rentang(D(80), D(90)), ()),
        ("80 – 90", {}, Rentang(D(80), D(90)), ()),
        ("80 s.d. 90", {}, Rentang(D(80), D(90)), ()),
        ("80 s.d 90", {}, Rentang(D(80), D(90)), ()),
        ("80 s/d 90", {}, Rentang(D(80), D(90)), ()),
        ("80 S/D 90", {}, Rentang(D(80), D(90)), ()),
        ("80 sd 90", {}, Rentang(D(80), D(90)), ()),
        ("80 sampai dengan 90", {}, Rentang(D(80), D(90)), ()),
        ("80%-90%", {}, Rentang(D(80), D(90)), ()),
        ("80 - 90 %", {"satuan": "%"}, Rentang(D(80), D(90)), ()),
        ("70,5-80,5", {}, Rentang(D("70.5"), D("80.5")), ()),
        ("1.000 - 2.000", {}, Rentang(D(1000), D(2000)), ("angka-ambigu", "angka-ambigu")),
        ("-5 - 5", {}, Rentang(D(-5), D(5)), ()),
        ("90-80", {}, Rentang(D(80), D(90)), ("rentang-terbalik",)),
        ("0,6 - 0,8", {"satuan": "%"}, Rentang(D("0.6"), D("0.8")), ("persen-ambigu",) * 2),
    ],
)
def test_parse_target(
    raw: object,
    options: dict[str, Any],
    expected: Decimal | Rentang,
    problem_codes: tuple[str, ...],
) -> None:
    parsed = parse_target(raw, **options)
    assert (parsed.value, codes(parsed)) == (expected, problem_codes)
    assert parsed.ok


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("WTP", "bukan-angka"),
        ("8O-90", "angka-rusak"),
        ("80-9O", "angka-rusak"),
        (True, "bukan-angka"),
    ],
)
def test_broken_target(raw: object, code: str) -> None:
    parsed = parse_target(raw)
    assert (parsed.value, codes(parsed)) == (None, (code,))


# ------------------------------------------------------------------------------------------
# NIP

NIP = "196206201987031006"


@pytest.mark.parametrize(
    "raw",
    [
        NIP,
        "19620620 198703 1 006",
        "NIP. 196206201987031006",
        "NIP.196206201987031006",
        "NIP : 19620620 198703 1 006",
        "NIP: 196206201987031006",
        "NIP 19620620 198703 1 006",
        "nip. 196206201987031006",
        f"NIP.{NBSP}19620620{NBSP}198703{NBSP}1{NBSP}006",
        f" {NIP}\n",
        f"'{NIP}",
    ],
)
def test_parse_nip(raw: str) -> None:
    parsed = parse_nip(raw)
    assert (parsed.value, codes(parsed)) == (NIP, ())


@pytest.mark.parametrize("raw", [None, "", "-", " ", NBSP, "NIP. -", "NIP : n/a"])
def test_no_nip_is_empty_text(raw: object) -> None:
    assert parse_nip(raw) == Parsed("")


@pytest.mark.parametrize(
    ("raw", "value", "problem_codes"),
    [
        (196206201987031006, None, ("nip-angka",)),
        (1.962062019870310e17, None, ("nip-angka",)),
        (D(NIP), None, ("nip-angka",)),
        ("1.96206E+17", None, ("nip-angka",)),
        ("1962062019870310", None, ("nip-tidak-valid",)),
        ("1962062019870310061", None, ("nip-tidak-valid",)),
        ("19620620198703IOO6", None, ("nip-tidak-valid",)),
        ("19620620-198703-1-006", None, ("nip-tidak-valid",)),
        ("Drs. TISNA HAMBALI", None, ("nip-tidak-valid",)),
        (True, None, ("nilai-tidak-dikenal",)),
        ("NIP.", "", ("nip-kosong",)),
        ("NIP. ......................", "", ("nip-kosong",)),
        ("196213201987031006", "196213201987031006", ("nip-mencurigakan",)),
        ("196206321987031006", "196206321987031006", ("nip-mencurigakan",)),
        ("196206201987131006", "196206201987131006", ("nip-mencurigakan",)),
        ("196206201957031006", "196206201957031006", ("nip-mencurigakan",)),
        ("196206201987033006", "196206201987033006", ("nip-mencurigakan",)),
        ("196213321957133006", "196213321957133006", ("nip-mencurigakan",) * 3),
    ],
)
def test_bad_nip(raw: object, value: str | None, problem_codes: tuple[str, ...]) -> None:
    parsed = parse_nip(raw)
    assert (parsed.value, codes(parsed)) == (value, problem_codes)
    assert parsed.ok == (value is not None)


def test_nip_number_message_says_type_as_text() -> None:
    (problem,) = parse_nip(1.962062019870310e17).problems
    assert "15" in problem.message and "Text" in problem.message


# ------------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Januari 2020", Tanggal(2020, 1)),
        ("7 Januari 2022", Tanggal(2022, 1, 7)),
        ("07 januari 2022", Tanggal(2022, 1, 7)),
        ("7 JANUARI 2022", Tanggal(2022, 1, 7)),
        ("7-Jan-2022", Tanggal(2022, 1, 7)),
        ("7 Agt 2022", Tanggal(2022, 8, 7)),
        ("Nopember 2020", Tanggal(2020, 11)),
        ("12 Pebruari 2020", Tanggal(2020, 2, 12)),
        ("29 Februari 2020", Tanggal(2020, 2, 29)),
        ("31 Desember 2020", Tanggal(2020, 12, 31)),
        ("Senin, 7 Januari 2022", Tanggal(2022, 1, 7)),
        ("Jum'at, 7 Januari 2022", Tanggal(2022, 1, 7)),
        ("....... Januari 2020", Tanggal(2020, 1)),
        (f"7{NBSP}Januari{NBSP}2022", Tanggal(2022, 1, 7)),
        ("2020-01-07", Tanggal(2020, 1, 7)),
        ("2020-01-07 00:00:00", Tanggal(2020, 1, 7)),
        ("07-01-2022", Tanggal(2022, 1, 7)),
        ("07/01/2022", Tanggal(2022, 1, 7)),
        ("7/1/2022", Tanggal(2022, 1, 7)),
        ("31.12.2020", Tanggal(2020, 12, 31)),
        ("2020", Tanggal(2020)),
        (2020, Tanggal(2020)),
        (2020.0, Tanggal(2020)),
        (datetime(2022, 1, 7, 13, 30), Tanggal(2022, 1, 7)),
        (date(2020, 12, 31), Tanggal(2020, 12, 31)),
    ],
)
def test_parse_tanggal(raw: object, expected: Tanggal) -> None:
    parsed = parse_tanggal(raw)
    assert (parsed.value, codes(parsed)) == (expected, ())


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("31 Februari 2020", "tanggal-tidak-valid"),
        ("29 Februari 2021", "tanggal-tidak-valid"),
        ("32 Januari 2020", "tanggal-tidak-valid"),
        ("0 Januari 2020", "tanggal-tidak-valid"),
        ("2020-13-01", "tanggal-tidak-valid"),
        ("31/04/2020", "tanggal-tidak-valid"),
        ("07/01/22", "tanggal-tidak-valid"),
        ("07-01/2022", "tanggal-tidak-valid"),
        ("7 January 2022", "tanggal-tidak-valid"),
        ("Legok, Januari 2020", "tanggal-tidak-valid"),
        ("1800", "tanggal-tidak-valid"),
        ("besok", "tanggal-tidak-valid"),
        (43831, "tanggal-tidak-valid"),
        (43831.5, "tanggal-tidak-valid"),
        (2020.5, "tanggal-tidak-valid"),
        (datetime(1899, 12, 30), "tanggal-tidak-valid"),
        (True, "nilai-tidak-dikenal"),
        (b"2020", "nilai-tidak-dikenal"),
    ],
)
def test_bad_tanggal(raw: object, code: str) -> None:
    parsed = parse_tanggal(raw)
    assert (parsed.value, codes(parsed)) == (None, (code,))


@pytest.mark.parametrize(
    ("tanggal", "text"),
    [
        (Tanggal(2022, 1, 7), "7 Januari 2022"),
        (Tanggal(2020, 1), "Januari 2020"),
        (Tanggal(2020, 11), "November 2020"),
        (Tanggal(2020), "2020"),
    ],
)
def test_tanggal_format(tanggal: Tanggal, text: str) -> None:
    assert tanggal.format() == text == str(tanggal)


def test_tanggal_as_date() -> None:
    assert Tanggal(2022, 1, 7).as_date() == date(2022, 1, 7)
    assert Tanggal(2022, 1).as_date() is None


@pytest.mark.parametrize(
    ("tahun", "bulan", "hari"), [(2020, 13, None), (2020, 2, 30), (2020, None, 1)]
)
def test_impossible_tanggal_cannot_be_built(
    tahun: int, bulan: int | None, hari: int | None
) -> None:
    with pytest.raises(IkuInputError):
        Tanggal(tahun, bulan, hari)


def test_bulan() -> None:
    assert len(BULAN) == 12 and BULAN[0] == "Januari" and BULAN[-1] == "Desember"


# ------------------------------------------------------------------------------------------
# Writing numbers


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (D("1234567.891"), 2, "1.234.567,89"),
        (D("1234567.895"), 2, "1.234.567,90"),
        (D("2.5"), 0, "3"),
        (D("-2.5"), 0, "-3"),
        (D("0.125"), 2, "0,13"),
        (D("-0.001"), 2, "0,00"),
        (D("999.5"), 0, "1.000"),
        (D(10775000000), 0, "10.775.000.000"),
        (D("60"), 2, "60,00"),
        (D("1E+20"), 0, "100.000.000.000.000.000.000"),
        (D(0), 0, "0"),
    ],
)
def test_format_number(value: Decimal, decimals: int, text: str) -> None:
    assert format_number(value, decimals) == text


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (D(1234567), 2, "Rp1.234.567,00"),
        (D("1500000000.00"), 2, "Rp1.500.000.000,00"),
        (D(200000000), 0, "Rp200.000.000"),
        (D(-5000), 2, "-Rp5.000,00"),
        (D("-0.001"), 2, "Rp0,00"),
    ],
)
def test_format_money(value: Decimal, decimals: int, text: str) -> None:
    assert format_money(value, decimals) == text


@pytest.mark.parametrize(("value", "decimals"), [(D("NaN"), 0), (D("Infinity"), 2), (D(1), -1)])
def test_format_number_refuses_nonsense(value: Decimal, decimals: int) -> None:
    with pytest.raises(IkuInputError):
        format_number(value, decimals)


# ------------------------------------------------------------------------------------------
# Problems are plain: no location, Indonesian message quoting the raw value.


@pytest.mark.parametrize(
    ("parse", "raw"),
    [
        (parse_number, "12.5OO.000"),
        (parse_number, "1.234"),
        (parse_money, "abc"),
        (parse_percent, "0,6"),
        (parse_volume, "5 5"),
        (parse_target, "90-80"),
        (parse_nip, "1962062019870310"),
        (parse_tanggal, "31 Februari 2020"),
    ],
)
def test_problems_quote_raw_and_have_no_location(
    parse: Callable[[object], Parsed[Any]], raw: str
) -> None:
    (problem,) = parse(raw).problems
    assert f'"{raw}"' in problem.message
    assert (problem.file, problem.sheet, problem.cell) == (None, None, None)
    assert problem.code == problem.code.lower() and " " not in problem.code


# ------------------------------------------------------------------------------------------
# Properties

FAST = settings(max_examples=150, deadline=None)
money_2 = st.decimals(min_value=-(10**15), max_value=10**15, places=2)
money_0 = st.decimals(min_value=-(10**15), max_value=10**15, places=0)
percents = st.decimals(min_value=0, max_value=1000, places=2)


def us_style(value: Decimal, decimals: int) -> str:
    """How a US-locale Excel shows a number: "," thousands, "." decimals."""
    return f"{value:,.{decimals}f}"


def single_group(value: Decimal) -> bool:
    """True when an integer prints with exactly one thousands separator: "1.234"."""
    return 1000 <= abs(value) < 1_000_000


@FAST
@given(money_2)
def test_money_round_trip(value: Decimal) -> None:
    for separators in (ID, UNKNOWN):
        assert parse_money(format_money(value), separators=separators) == Parsed(value)
        assert parse_money(format_number(value, 2), separators=separators) == Parsed(value)


@FAST
@given(money_0)
def test_whole_money_round_trip(value: Decimal) -> None:
    for separators in (ID, UNKNOWN, US):
        assert parse_money(format_money(value, 0), separators=separators) == Parsed(value)


@FAST
@given(money_0)
def test_whole_number_round_trip(value: Decimal) -> None:
    for separators in (ID, UNKNOWN):
        parsed = parse_number(format_number(value), separators=separators)
        assert parsed.value == value
        assert codes(parsed) == (("angka-ambigu",) if single_group(value) else ())


@FAST
@given(money_2)
def test_decimal_number_round_trip(value: Decimal) -> None:
    assert parse_number(format_number(value, 2)) == Parsed(value)


@FAST
@given(money_2)
def test_us_writing_round_trip(value: Decimal) -> None:
    assert parse_number(us_style(value, 2), separators=US) == Parsed(value)
    assert parse_money(us_style(value, 2), separators=US) == Parsed(value)
    assert parse_money("Rp " + us_style(value, 2)) == Parsed(value)


@FAST
@given(money_0)
def test_us_whole_number_round_trip(value: Decimal) -> None:
    parsed = parse_number(us_style(value, 0), separators=US)
    assert parsed.value == value
    assert codes(parsed) == (("angka-ambigu",) if single_group(value) else ())


@FAST
@given(percents)
def test_percent_round_trip(value: Decimal) -> None:
    for text in (f"{format_number(value, 2)}%", f"{format_number(value, 2)} %"):
        assert parse_percent(text) == Parsed(value)
        assert parse_target(text, satuan="%") == Parsed(value)


@FAST
@given(st.decimals(min_value=-(10**6), max_value=10**6, places=4), st.integers(0, 3))
def test_format_number_rounds_half_away_from_zero(value: Decimal, decimals: int) -> None:
    expected = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    assert parse_number(format_number(value, decimals), separators=ID).value == expected


@FAST
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_float_cells_read_as_excel_shows_them(value: float) -> None:
    # Excel keeps 15 significant digits: the value read is the float rounded to them.
    parsed = parse_number(value)
    assert parsed.value is not None
    assert float(parsed.value) == float(format(value, ".15g"))


@pytest.mark.parametrize(
    ("stored", "shown"),
    [(88.40000000000001, "88.4"), (0.1 + 0.2, "0.3"), (10775000000.0, "10775000000"),
     (1907048100.0, "1907048100"), (103.33, "103.33"), (0.6, "0.6")],
)  # fmt: skip
def test_float_cells_keep_excels_15_digits(stored: float, shown: str) -> None:
    assert parse_number(stored).value == D(shown)


class Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no text")

    __repr__ = __str__


number_like_text = st.text(alphabet="0123456789.,-−–()%+ RpIDOol/sd\u00a0NIPE:#'", max_size=24)
anything = st.one_of(
    st.none(),
    st.text(max_size=30),
    number_like_text,
    st.integers(),
    st.floats(),
    st.decimals(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.builds(object),
    st.builds(Unprintable),
)


def check_result(parsed: object) -> None:
    assert isinstance(parsed, Parsed)
    assert all(isinstance(p, Problem) for p in parsed.problems)
    if not parsed.ok:  # an ERROR means the value is missing
        assert parsed.value is None


@settings(max_examples=300, deadline=None)
@given(anything, st.sampled_from(list(Separators)))
def test_parsers_never_raise(raw: object, separators: Separators) -> None:
    check_result(parse_number(raw, separators=separators))
    check_result(parse_money(raw, separators=separators))
    check_result(parse_volume(raw, separators=separators))
    check_result(parse_nip(raw))
    check_result(parse_tanggal(raw))
    column_separators([raw])


@settings(max_examples=200, deadline=None)
@given(
    anything,
    st.one_of(st.none(), st.text(max_size=8), st.sampled_from(["0%", '0"%"', "0.00%", "[Red]0"])),
    st.booleans(),
    st.text(alphabet="%persnDokumen ", max_size=8),
)
def test_percent_and_target_never_raise(
    raw: object, number_format: str | None, percent_column: bool, satuan: str
) -> None:
    check_result(parse_percent(raw, number_format=number_format, percent_column=percent_column))
    check_result(parse_target(raw, satuan=satuan, number_format=number_format))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("1E+2"), "100"),
        (D("88.40"), "88.4"),
        (D("-0.50"), "-0.5"),
        (D("-0"), "0"),
        (D("10775000000.00"), "10775000000"),
        # 30 significant digits: normalize() would round them to 28
        (D("12345678901234567890123456789.5"), "12345678901234567890123456789.5"),
        (D("9.99999999999999E+307"), "999999999999999" + "0" * 293),
    ],
)
def test_plain_number_keeps_every_digit(value: Decimal, text: str) -> None:
    assert plain_number(value) == text
