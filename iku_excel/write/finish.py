"""The last touch on a workbook XlsxWriter made: formulas whose result is the empty text.

XlsxWriter stores ``write_formula(..., value="")`` as ``<f>...</f><v></v>`` without a type, which
by the file format is a number with no value: readers rightly take it for a formula whose result
was never stored (``rumus-tanpa-nilai``). Excel and LibreOffice store an empty text result as
``t="str"`` with an empty ``<v>``; so do we, by adding the type to those cells.
"""

from __future__ import annotations

import io
import re
import zipfile

_EMPTY_RESULT = re.compile(
    rb'(<c r="[A-Z]{1,3}[0-9]{1,7}"(?: s="[0-9]+")?)(><f>[^<]*</f><v></v></c>)'
)


def with_text_results(xlsx: bytes) -> bytes:
    """``xlsx`` with every empty formula result typed as text; other members as they were."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = _EMPTY_RESULT.sub(rb'\1 t="str"\2', data)
            # a copy: writestr changes the ZipInfo it is given
            clone = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            clone.compress_type = info.compress_type
            clone.external_attr = info.external_attr
            clone.create_system = info.create_system
            target.writestr(clone, data)
    return out.getvalue()
