"""The .xlsx file format, one layer for reading and patching.

``container`` (the zip) -> ``xml`` (the safe parser) -> ``package`` (workbook part,
relationships, sheets) -> ``styles`` -> ``workbook`` (one opened file, read once) ->
``read`` (sheets as ``Grid``) and ``patch`` (cells edited in place, everything else copied).
Only the standard library is imported here.
"""
