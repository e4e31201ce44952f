"""Excel formulas that mirror the calculation (``iku_excel.calc``), one builder per method.

Each builder takes cell references (``"E9"``, ``"$E$9"``, ``"'Data IKU'!E9"``, a range such as
``"F9:I9"`` where a list of cells is asked for, or a number written as text) and returns a formula
string starting with ``=``. Evaluated by a spreadsheet, the formula gives the calculator's number,
rounded the same way, or ``""`` where the calculator says "not computable"; tests/test_formulas.py
checks this with LibreOffice. Only functions that Excel 2007, LibreOffice and WPS all know are
used: IF, AND, ISNUMBER, ROUND, MIN, MAX, SUM, AVERAGE, COUNT, IFERROR, RANK. Inputs are guarded
with ISNUMBER, so a blank, "-" or "" input gives "" and never an error value.

Every formula text iku_excel writes is built here: besides the calculator's twins, the units
conversions of ``iku hitung``, the totals of the lampiran, and the rank and conditional-format
rules of the rekap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from iku_excel.calc.anggaran import BATAS_EFISIEN, Efisiensi
from iku_excel.calc.indikator import HasilIndikator
from iku_excel.calc.rules import Metode, RealisasiNolNegatif, SkalaPredikat
from iku_excel.model import Akumulasi
from iku_excel.values import plain_number, round_half_away

KOSONG = '""'  # the empty text a formula shows for "not computable"
SUM_ARGS_MAX = 250  # Excel allows 255 arguments per function; stay below

_ATOM = re.compile(
    r"^(?:(?:'[^']+'|[A-Za-z0-9_.]+)!)?\$?[A-Za-z]{1,3}\$?\d+$"  # a cell reference
    r"|^\d+(?:\.\d+)?$"  # an unsigned number
    r"|^[A-Z]+\([^()]*\)$"  # one function call without nested parentheses: SUM(F9,G9)
)


# --------------------------------------------------------------------------- capaian


def capaian_formula(
    metode: Metode,
    target: str,
    realisasi: str,
    *,
    target_atas: str | None = None,
    batas_atas: Decimal | None = None,
    realisasi_nol: RealisasiNolNegatif = RealisasiNolNegatif.RUMUS,
) -> str:
    """The capaian of one indicator. For a range (``metode.is_rentang``) ``target`` is the lower
    bound and ``target_atas`` the upper bound."""
    return "=" + capaian_expr(
        metode,
        target,
        realisasi,
        target_atas=target_atas,
        batas_atas=batas_atas,
        realisasi_nol=realisasi_nol,
    )


def capaian_formula_for(
    hasil: HasilIndikator, target: str, realisasi: str, target_atas: str | None = None
) -> str:
    """``capaian_formula`` with the method and settings the calculator used for ``hasil``."""
    return capaian_formula(
        hasil.metode,
        target,
        realisasi,
        target_atas=target_atas,
        batas_atas=hasil.aturan.batas_atas,
        realisasi_nol=hasil.aturan.realisasi_nol_negatif,
    )


def capaian_expr(
    metode: Metode,
    target: str,
    realisasi: str,
    *,
    target_atas: str | None = None,
    batas_atas: Decimal | None = None,
    realisasi_nol: RealisasiNolNegatif = RealisasiNolNegatif.RUMUS,
) -> str:
    """``capaian_formula`` without the leading ``=``, to nest in other formulas."""
    t, r = _atom(target), _atom(realisasi)
    cap = batas_atas
    if metode.is_rentang:
        if target_atas is None:
            raise ValueError("metode rentang perlu target_atas (sel batas atas)")
        return _rentang(t, _atom(target_atas), r, metode is Metode.RENTANG_T_R, cap)
    if metode is Metode.POSITIF:
        return _if(_and(_isnumber(t), _isnumber(r), f"{t}>0"), _leaf(f"{r}/{t}*100", cap))
    t_bagi_r = metode is Metode.NEGATIF_T_R
    formula, condition = _negatif(t, r, t_bagi_r, cap)
    if realisasi_nol is RealisasiNolNegatif.SERATUS:
        body = f"IF({r}=0,{_capped('100', cap)},{_if(_and(f'{t}>0', *condition), formula)})"
        return _if(_and(_isnumber(t), _isnumber(r), f"{t}>=0"), body)
    return _if(_and(_isnumber(t), _isnumber(r), f"{t}>0", *condition), formula)


def _negatif(t: str, r: str, t_bagi_r: bool, cap: Decimal | None) -> tuple[str, tuple[str, ...]]:
    """(formula, extra conditions) of the negative method against a positive target ``t``."""
    if t_bagi_r:
        return _leaf(f"{t}/{r}*100", cap), (f"{r}>0",)
    return _leaf(f"(2*{t}-{r})/{t}*100", cap, floor=True), ()


def _rentang(b: str, a: str, r: str, t_bagi_r: bool, cap: Decimal | None) -> str:
    below = _if(f"{b}>0", _leaf(f"{r}/{b}*100", cap))
    above = _if(f"{a}>0", _negatif(a, r, t_bagi_r, cap)[0])  # r > a > 0: T/R is safe
    inside = _capped("100", cap)
    body = f"IF({r}<{b},{below},IF({r}>{a},{above},{inside}))"
    return _if(_and(_isnumber(b), _isnumber(a), _isnumber(r), f"{b}<={a}"), body)


def _leaf(expr: str, cap: Decimal | None, *, floor: bool = False) -> str:
    """A computed capaian: rounded half away (ROUND), floored at 0 and capped when asked."""
    rounded = f"ROUND({expr},2)"
    return _capped(f"MAX(0,{rounded})" if floor else rounded, cap)


def _capped(value: str, cap: Decimal | None) -> str:
    return value if cap is None else f"MIN({number_literal(round_half_away(cap))},{value})"


# --------------------------------------------------------------------------- akumulasi


def akumulasi_expr(akumulasi: Akumulasi, refs: Sequence[str]) -> str:
    """The value of TW I up to the last ref: SUM, AVERAGE (both skip blanks), or the last."""
    if not refs:
        raise ValueError("akumulasi perlu paling sedikit satu sel")
    if akumulasi is Akumulasi.TERAKHIR:
        return _atom(refs[-1])
    function = "SUM" if akumulasi is Akumulasi.JUMLAH else "AVERAGE"
    return f"{function}({','.join(refs)})"


def realisasi_formula(akumulasi: Akumulasi, refs: Sequence[str]) -> str:
    """The year's realisasi from the TW cells (TW I..IV, or a range); "" when nothing (for
    ``terakhir``: TW IV) is reported."""
    if akumulasi is Akumulasi.TERAKHIR:
        last = _atom(refs[-1])
        return f"=IF(ISNUMBER({last}),{last},{KOSONG})"
    count = f"COUNT({','.join(refs)})"
    return f"=IF({count}=0,{KOSONG},{akumulasi_expr(akumulasi, refs)})"


def capaian_tw_formula(
    metode: Metode,
    target: str,
    realisasi_tw: Sequence[str],
    akumulasi: Akumulasi,
    *,
    target_tw: Sequence[str] | None = None,
    target_atas: str | None = None,
    batas_atas: Decimal | None = None,
    realisasi_nol: RealisasiNolNegatif = RealisasiNolNegatif.RUMUS,
) -> str:
    """Capaian s.d. a TW: ``realisasi_tw`` (and ``target_tw``) are the cells of TW I up to that
    TW. Against the accumulated per-TW target when that TW's target cell holds a number, else
    against the annual ``target``; "" while the TW itself is not reported."""
    realisasi = akumulasi_expr(akumulasi, realisasi_tw)

    def against(t: str) -> str:
        return capaian_expr(
            metode,
            t,
            realisasi,
            target_atas=target_atas,
            batas_atas=batas_atas,
            realisasi_nol=realisasi_nol,
        )

    body = against(target)
    if target_tw and not metode.is_rentang:
        per_tw = against(akumulasi_expr(akumulasi, target_tw))
        body = f"IF({_isnumber(_atom(target_tw[-1]))},{per_tw},{body})"
    return "=" + _if(_isnumber(_atom(realisasi_tw[-1])), body)


# --------------------------------------------------------------------------- roll-ups


def predikat_formula(skala: SkalaPredikat, capaian: str) -> str:
    """Nested IFs over the scale's bands, highest first; the last band takes the rest."""
    c = _atom(capaian)
    formula = _text(skala.bands[-1].predikat)
    for band in reversed(skala.bands[:-1]):
        operator = ">=" if band.inklusif else ">"
        bound = number_literal(band.batas_bawah)
        formula = f"IF({c}{operator}{bound},{_text(band.predikat)},{formula})"
    return "=" + _if(_isnumber(c), formula)


def rata_rata_formula(capaian: str) -> str:
    """Sasaran capaian: the mean of the computable indicators' capaian (a range of cells)."""
    return f"=IF(COUNT({capaian})=0,{KOSONG},ROUND(AVERAGE({capaian}),2))"


def jumlah_formula(cells: str) -> str:
    """A total row: the sum of the numbers in ``cells``; "" when there are none."""
    return f"=IF(COUNT({cells})=0,{KOSONG},SUM({cells}))"


def serapan_formula(anggaran: str, realisasi: str) -> str:
    """Serapan anggaran = realisasi / pagu x 100; "" unless pagu > 0 and realisasi is given."""
    a, r = _atom(anggaran), _atom(realisasi)
    return "=" + _if(_and(_isnumber(a), _isnumber(r), f"{a}>0"), f"ROUND({r}/{a}*100,2)")


def serapan_total_formula(anggaran: str, realisasi: str) -> str:
    """Total serapan over ranges of program cells: sum of realisasi / sum of pagu x 100."""
    return "=" + _if(
        _and(f"COUNT({realisasi})>0", f"SUM({anggaran})>0"),
        f"ROUND(SUM({realisasi})/SUM({anggaran})*100,2)",
    )


def sisa_anggaran_formula(anggaran: str, realisasi: str) -> str:
    """Rupiah saved: pagu - realisasi."""
    a, r = _atom(anggaran), _atom(realisasi)
    return "=" + _if(_and(_isnumber(a), _isnumber(r)), f"{a}-{r}")


def selisih_formula(capaian: str, serapan: str) -> str:
    """The efisiensi gap: capaian - serapan, in percentage points, rounded to 2 places."""
    c, s = _atom(capaian), _atom(serapan)
    return "=" + _if(_and(_isnumber(c), _isnumber(s)), f"ROUND({c}-{s},2)")


def efisiensi_formula(selisih: str) -> str:
    """The efisiensi label of a gap: > 5 Efisien, -5..5 Cukup Efisien, < -5 Tidak Efisien."""
    g = _atom(selisih)
    efisien, cukup, tidak = (_text(e.label) for e in Efisiensi)
    inner = f"IF({g}>={number_literal(-BATAS_EFISIEN)},{cukup},{tidak})"
    return "=" + _if(_isnumber(g), f"IF({g}>{number_literal(BATAS_EFISIEN)},{efisien},{inner})")


# --------------------------------------------------------------------------- units, totals, ranks


def percent_from_fraction_expr(ref: str) -> str:
    """A cell holding a percentage as a fraction (0.6 shown as 60%) in percent units (60); ""
    when it holds no number. ``ref`` is used as given (a reference, or an expression in
    parentheses)."""
    return _if(_isnumber(ref), f"{ref}*100")


def fraction_from_percent_expr(expr: str) -> str:
    """A percent-units expression (60) as a fraction (0.6), for a cell formatted as %; an
    expression that gives "" (not computable) stays "", the expression written once."""
    return f"IFERROR({expr}/100,{KOSONG})"


def sum_refs_formula(refs: Sequence[str]) -> str:
    """``=SUM(H5,H7:H9,H14)`` of references; split into several SUMs added together when there
    are more than ``SUM_ARGS_MAX``; ``=0`` for none."""
    if not refs:
        return "=0"
    chunks = [refs[i : i + SUM_ARGS_MAX] for i in range(0, len(refs), SUM_ARGS_MAX)]
    return "=" + "+".join("SUM(" + ",".join(chunk) + ")" for chunk in chunks)


def rank_formula(value: str, cells: str) -> str:
    """The rank of ``value`` among ``cells`` (a range), highest first, as RANK(x, range, 0):
    equal values share a rank; "" when ``value`` holds no number."""
    return "=" + _if(_isnumber(value), f"RANK({value},{cells},0)")


# --------------------------------------------------------------------------- conditional formats


def band_condition_formulas(skala: SkalaPredikat, ref: str) -> list[str]:
    """Per band of ``skala``, highest first, a condition true where ``ref`` holds a capaian of
    that band. The conditions exclude each other, so every program colours a cell alike
    whatever order it applies them in; ISNUMBER first, because "" > 91 is true in Excel."""
    bands = skala.bands
    found = []
    for i, band in enumerate(bands):
        parts = [_isnumber(ref)]
        if i < len(bands) - 1:
            parts.append(f"{ref}{'>=' if band.inklusif else '>'}{number_literal(band.batas_bawah)}")
        if i > 0:
            above = bands[i - 1]
            below = number_literal(above.batas_bawah)
            parts.append(f"{ref}{'<' if above.inklusif else '<='}{below}")
        found.append(f"=AND({','.join(parts)})")
    return found


def text_equals_formula(ref: str, text: str) -> str:
    """A condition true where ``ref`` holds ``text``."""
    return f"={ref}={_text(text)}"


# --------------------------------------------------------------------------- pieces


def _atom(expr: str) -> str:
    """A reference or number as is; anything else in parentheses, safe to nest."""
    expr = expr.strip()
    if expr.startswith("="):
        expr = expr[1:]
    return expr if _ATOM.match(expr) else f"({expr})"


def _if(condition: str, value: str) -> str:
    return f"IF({condition},{value},{KOSONG})"


def _and(*conditions: str) -> str:
    return conditions[0] if len(conditions) == 1 else f"AND({','.join(conditions)})"


def _isnumber(ref: str) -> str:
    return f"ISNUMBER({ref})"


def number_literal(value: Decimal) -> str:
    """A number as a formula literal: 120, 90.5, (-5) (never an exponent)."""
    text = plain_number(value)
    return f"({text})" if text.startswith("-") else text


def _text(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


__all__ = [
    "KOSONG",
    "SUM_ARGS_MAX",
    "akumulasi_expr",
    "band_condition_formulas",
    "capaian_expr",
    "capaian_formula",
    "capaian_formula_for",
    "capaian_tw_formula",
    "efisiensi_formula",
    "fraction_from_percent_expr",
    "jumlah_formula",
    "number_literal",
    "percent_from_fraction_expr",
    "predikat_formula",
    "rank_formula",
    "rata_rata_formula",
    "realisasi_formula",
    "selisih_formula",
    "serapan_formula",
    "serapan_total_formula",
    "sisa_anggaran_formula",
    "sum_refs_formula",
    "text_equals_formula",
]
