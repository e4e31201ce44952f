"""Reading documents: a workbook (or its grids) -> ``Dokumen`` with every problem located.

``workbook.read_workbook`` opens the file through ``xlsx``, ``detect`` finds the tables,
``tables`` reads their rows and ``surroundings`` the kop, title and signatures around them.
"""
