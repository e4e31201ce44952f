"""``python -m iku_excel``: the same as the ``iku`` command."""

from iku_excel.cli import main

if __name__ == "__main__":
    main(prog_name="iku")
