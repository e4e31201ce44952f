"""The ``iku`` command: a thin click layer over the library.

Options are parsed here, the library does the work, results go to stdout and messages to stderr.
Exit codes: 0 fine, 1 data problems, 2 usage error or a file that cannot be read. Without
``--debug`` the user never sees a traceback, only one Indonesian line that says what to do.
Heavy libraries (openpyxl, xlsxwriter, pandas) are imported inside the commands so that
``iku --help`` starts fast.
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from iku_excel.errors import IkuError, Problem, Severity

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _IkuGroup(click.Group):
    """Turns every library error into one Indonesian line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("iku: dihentikan.", err=True)
            sys.exit(130)
        except IkuError as exc:
            _fail(ctx, str(exc), exc)
        except OSError as exc:
            from iku_excel.fileio import describe_os_error

            name = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            _fail(ctx, name + describe_os_error(exc, "memproses berkas"), exc)
        except Exception as exc:  # the promise: no traceback without --debug
            _fail(
                ctx,
                f"kesalahan tak terduga ({type(exc).__name__}: {exc}); jalankan ulang dengan "
                "--debug dan laporkan pesan lengkapnya",
                exc,
            )


def _fail(ctx: click.Context, message: str, exc: BaseException) -> NoReturn:
    if ctx.obj and ctx.obj.get("debug"):
        traceback.print_exception(type(exc), exc, exc.__traceback__)
    click.echo(f"iku: galat: {message}", err=True)
    sys.exit(EXIT_UNUSABLE)


@click.group(cls=_IkuGroup, context_settings=CONTEXT)
@click.version_option(package_name="iku_excel", prog_name="iku", message="%(prog)s %(version)s")
@click.option("--debug", is_flag=True, help="Tampilkan traceback lengkap bila terjadi galat.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """iku: baca, hitung, dan tulis workbook Excel SAKIP (IKU, target, realisasi, capaian).

    \b
    Contoh:
      iku contoh                      # jalankan contoh Kecamatan Legok 2020 ke ./hasil
      iku template -o format_iku.xlsx # format isian kosong
      iku baca data.xlsx              # ringkasan isi dan masalahnya
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _print_problems(problems: Sequence[Problem]) -> None:
    if not problems:
        return
    click.echo(f"\nMasalah ({len(problems)}):", err=True)
    for p in problems:
        where = f"{p.location}: " if p.location else ""
        label = {"error": "GALAT", "warning": "PERINGATAN", "info": "INFO"}[p.severity.value]
        click.echo(f"  [{label}] {where}{p.message} ({p.code})", err=True)


def _exit_code(problems: Sequence[Problem]) -> int:
    serious = [p for p in problems if p.severity is not Severity.INFO]
    return EXIT_PROBLEMS if serious else EXIT_OK


@main.command("template", context_settings=CONTEXT)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("format_iku.xlsx"),
    show_default=True,
    help="Berkas .xlsx yang ditulis.",
)
@click.option("--timpa", is_flag=True, help="Timpa berkas keluaran bila sudah ada.")
def template_command(output: Path, timpa: bool) -> None:
    """Tulis format isian IKU kosong (sama dengan templates/format_iku.xlsx).

    \b
    Contoh:
      iku template -o format_iku.xlsx
    """
    from iku_excel.fileio import write_bytes_atomic
    from iku_excel.template import build_template

    write_bytes_atomic(output, build_template(), overwrite=timpa)
    click.echo(str(output))


@main.command("baca", context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--sheet", help="Baca hanya sheet ini (menimpa deteksi otomatis).")
@click.option(
    "--header-row", type=click.IntRange(min=1), help="Baris judul tabel (1 = baris pertama)."
)
@click.option("--json", "as_json", is_flag=True, help="Keluarkan dokumen sebagai JSON.")
def baca_command(file: Path, sheet: str | None, header_row: int | None, as_json: bool) -> None:
    """Baca workbook SAKIP dan tampilkan isinya beserta masalah yang ditemukan.

    \b
    Contoh:
      iku baca data_iku.xlsx
      iku baca data_iku.xlsx --sheet "IKU 2024" --json > data.json
    """
    from iku_excel.jsonout import result_to_dict
    from iku_excel.reader import read_workbook

    result = read_workbook(file, sheet=sheet, header_row=header_row)
    if as_json:
        click.echo(json.dumps(result_to_dict(result), ensure_ascii=False, indent=2))
    else:
        from iku_excel.summary import summarize

        click.echo(summarize(result.dokumen))
        _print_problems(result.problems)
    sys.exit(_exit_code(result.problems))
