"""Pure detection: a grid of cells -> where the tables are and what each column holds.

No I/O: ``layout.find_tables`` works on ``grid.Grid`` values, so it is tested over plain lists.
"""
