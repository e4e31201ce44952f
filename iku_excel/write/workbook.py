"""The one workbook setup of every workbook iku_excel writes: the lampiran, the rekap and the
template all start with ``new_workbook``.

It applies the XlsxWriter options (text stays text: never turned into a formula, a URL or a
number), the document properties, and a fixed creation date: the same input gives the same
bytes, so outputs can be diffed and the committed template compared with the code.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook

from iku_excel.write.style import FONT, SIZE_BODY

FIXED_DATE = dt.datetime(2000, 1, 1)  # document dates fixed: identical input, identical bytes
SUBJECT = "Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)"
TEXT_STAYS_TEXT = {
    "in_memory": True,
    "strings_to_formulas": False,  # text that starts with "=" stays text
    "strings_to_urls": False,
}
WORKBOOK_OPTIONS: dict[str, Any] = {
    **TEXT_STAYS_TEXT,
    "strings_to_numbers": False,
    # Arial 10 as the Normal style: LibreOffice then sizes columns with Arial's digit width
    # (with Calibri missing it used a wider substitute and shrank every page by a quarter).
    "default_format_properties": {"font_name": FONT, "font_size": SIZE_BODY},
    "default_row_height": 17,  # Arial 10 rows: 12.75 pt
}


def new_workbook(
    buffer: io.BytesIO,
    *,
    title: str,
    author: str,
    comments: str,
    subject: str | None = SUBJECT,
    company: str = "",
    created: dt.datetime = FIXED_DATE,
    print_layout: bool = True,
) -> Workbook:
    """A new XlsxWriter workbook writing into ``buffer``, with its properties set.

    ``subject`` None: no subject property. ``created``: the fixed creation date (the committed
    template keeps the date it was first made with). ``print_layout``: Arial 10 as the Normal
    style and its row height, the metrics the lampiran and the rekap lay their pages out with;
    False keeps XlsxWriter's Calibri 11 (the template, a form to type into)."""
    # A copy: XlsxWriter adds keys to the options it is given, and a shared dict changed by an
    # earlier workbook would change the bytes of the next one.
    options = copy.deepcopy(WORKBOOK_OPTIONS if print_layout else TEXT_STAYS_TEXT)
    workbook = xlsxwriter.Workbook(buffer, options)
    properties: dict[str, Any] = {"title": title}
    if subject is not None:
        properties["subject"] = subject
    properties.update(author=author, company=company, comments=comments, created=created)
    workbook.set_properties(properties)
    return workbook
