"""The seed document's tables, parsed from its text (tests/data/seed_legok_2020.txt).

Expectations for the bundled example come from here, not from iku_excel's own data, so a
transcription slip in tests/legok.py is caught."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

SEED = Path(__file__).parent / "data" / "seed_legok_2020.txt"


@dataclass(frozen=True)
class SeedIndikator:
    sasaran_no: str
    sasaran: str
    uraian: str
    satuan: str
    alasan: str
    formulasi: str
    sumber_data: str


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def iku_rows() -> list[SeedIndikator]:
    """The 9 indicators of the IKU lampiran (first table), continuation rows joined."""
    text = seed_text()
    start = text.index("NO\tSASARAN STRATEGIS")
    end = text.index("Plt.CAMAT LEGOK", start)
    rows: list[SeedIndikator] = []
    sasaran_no, sasaran = "", ""
    for line in text[start:end].splitlines()[2:]:
        if not line.strip():
            continue
        cells = line.split("\t")
        if not cells[0] and not cells[1] and not cells[2] and len(cells) > 4:
            last = rows[-1]  # a continuation: the ALASAN goes on
            rows[-1] = SeedIndikator(
                **{**last.__dict__, "alasan": f"{last.alasan} {cells[4].strip()}"}
            )
            continue
        if cells[0].strip():
            sasaran_no, sasaran = cells[0].strip().rstrip("."), cells[1].strip()
        rows.append(
            SeedIndikator(
                sasaran_no,
                sasaran,
                *(c.strip() for c in cells[2:7]),  # type: ignore[arg-type]
            )
        )
    return rows


def target_anggaran_amounts() -> list[Decimal]:
    """Every anggaran of the target table, in order (programs and kegiatan)."""
    text = seed_text()
    start = text.index("TARGET INDIKATOR KINERJA UTAMA (IKU)")
    end = text.index("Legok, Januari 2020")
    amounts = re.findall(r"(?<![\d.,])(\d{1,3}(?:[.,]\d{3}){2,})(?![\d.,])", text[start:end])
    return [Decimal(a.replace(",", "").replace(".", "")) for a in amounts]


def kegiatan_rows() -> list[tuple[str, str, str]]:
    """(number, name, output target) of every kegiatan in the target table."""
    text = seed_text()
    start = text.index("TARGET INDIKATOR KINERJA UTAMA (IKU)")
    end = text.index("Legok, Januari 2020")
    found = []
    for line in text[start:end].splitlines():
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if len(cells) < 3 or not re.fullmatch(r"[\d.,]+", cells[-1]):
            continue
        if cells[0].isdigit() and len(cells) == 4:  # "1", "name", "target", "money"
            found.append((cells[0], cells[1], cells[2]))
            continue
        numbered = re.fullmatch(r"(\d) (.+)", cells[-3])
        if numbered and not cells[-3].startswith("- "):
            found.append((numbered.group(1), numbered.group(2), cells[-2]))
    return found
