"""Editing staff workbooks without losing anything: realisasi sources and their matching
(``realisasi``), the cells ``iku isi`` writes into one workbook (``workbook``), and the
calculated columns of ``iku hitung`` (``calculated``). Every write goes through ``xlsx.patch``.
"""
