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
        click.echo(f"  {p.line()}", err=True)


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
    from iku_excel.write.template import build_template

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
    from iku_excel.read.workbook import read_workbook

    result = read_workbook(file, sheet=sheet, header_row=header_row)
    if as_json:
        click.echo(json.dumps(result_to_dict(result), ensure_ascii=False, indent=2))
    else:
        from iku_excel.summary import summarize

        click.echo(summarize(result.dokumen))
        _print_problems(result.problems)
    sys.exit(_exit_code(result.problems))


_KERTAS = click.Choice(["F4", "A4", "Legal"], case_sensitive=False)
_JENIS = click.Choice(["semua", "iku", "target", "pk", "pengukuran"], case_sensitive=False)


def _load_aturan(path: Path | None) -> Any:
    from iku_excel.calc import Aturan, load_aturan

    return load_aturan(path) if path is not None else Aturan()


def _write_pdf(xlsx: Path, overwrite: bool) -> Path:
    from iku_excel.errors import IkuFileError
    from iku_excel.libreoffice import to_pdf

    pdf = xlsx.with_suffix(".pdf")
    if pdf.exists() and not overwrite:
        raise IkuFileError("berkas sudah ada; pakai --timpa untuk menimpanya", pdf)
    return to_pdf(xlsx, pdf)


@main.command("lampiran", context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
    help="Berkas lampiran .xlsx yang ditulis.",
)  # fmt: skip
@click.option("--jenis", type=_JENIS, default="semua", show_default=True, help="Lampiran apa.")
@click.option("--kertas", type=_KERTAS, default="F4", show_default=True, help="Ukuran kertas.")
@click.option(
    "--aturan", type=click.Path(dir_okay=False, path_type=Path), help="Berkas aturan .toml."
)
@click.option("--pdf", "with_pdf", is_flag=True, help="Tulis juga PDF-nya (perlu LibreOffice).")
@click.option("--timpa", is_flag=True, help="Timpa berkas keluaran bila sudah ada.")
def lampiran_command(
    file: Path,
    output: Path,
    jenis: str,
    kertas: str,
    aturan: Path | None,
    with_pdf: bool,
    timpa: bool,
) -> None:
    """Tulis lampiran resmi (IKU, target, PK, pengukuran) siap cetak dari sebuah workbook.

    \b
    Contoh:
      iku lampiran data_iku.xlsx -o lampiran.xlsx
      iku lampiran data_iku.xlsx -o lampiran_iku.xlsx --jenis iku --kertas A4 --pdf
    """
    from iku_excel.calc import compute_dokumen
    from iku_excel.fileio import write_bytes_atomic
    from iku_excel.read.workbook import read_workbook
    from iku_excel.write import build_lampiran

    rules = _load_aturan(aturan)
    result = read_workbook(file)
    hasil = compute_dokumen(result.dokumen, rules)
    data = build_lampiran(result.dokumen, jenis, kertas=kertas, hasil=hasil, aturan=rules)
    write_bytes_atomic(output, data, overwrite=timpa)
    click.echo(str(output))
    if with_pdf:
        click.echo(str(_write_pdf(output, timpa)))
    problems = [*result.problems, *hasil.problems]
    _print_problems(problems)
    sys.exit(_exit_code(problems))


@main.command("hitung", context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
    help="Salinan workbook berisi hasil hitung.",
)  # fmt: skip
@click.option(
    "--aturan", type=click.Path(dir_okay=False, path_type=Path), help="Berkas aturan .toml."
)
@click.option("--json", "as_json", is_flag=True, help="Ringkasan hasil sebagai JSON.")
@click.option("--timpa", is_flag=True, help="Timpa berkas keluaran bila sudah ada.")
def hitung_command(
    file: Path, output: Path, aturan: Path | None, as_json: bool, timpa: bool
) -> None:
    """Hitung realisasi tahunan, capaian, dan predikat, lalu tulis ke salinan workbook.

    Hasil ditulis sebagai rumus Excel beserta nilainya ke kolom REALISASI, CAPAIAN, dan
    PREDIKAT tabel itu sendiri (ditambahkan di kanan tabel bila belum ada). Berkas asal tidak
    diubah.

    \b
    Contoh:
      iku hitung pengukuran_tw4.xlsx -o pengukuran_tw4_hasil.xlsx
      iku hitung pengukuran.xlsx -o hasil.xlsx --aturan aturan.toml --json
    """
    from iku_excel.fill.calculated import hitung_workbook
    from iku_excel.summary import hasil_rows, hasil_table

    outcome = hitung_workbook(file, output, aturan=_load_aturan(aturan), overwrite=timpa)
    if as_json:
        click.echo(json.dumps(hasil_rows(outcome.hasil), ensure_ascii=False, indent=2))
    else:
        click.echo(hasil_table(outcome.hasil))
        click.echo(f"\n{output}", err=True)
    _print_problems(outcome.problems)
    sys.exit(_exit_code(outcome.problems))


@main.command("contoh", context_settings=CONTEXT)
@click.option(
    "-o", "--output", type=click.Path(file_okay=False, path_type=Path), default=Path("hasil"),
    show_default=True, help="Folder hasil.",
)  # fmt: skip
@click.option("--tanpa-pdf", is_flag=True, help="Jangan buat PDF (tanpa LibreOffice).")
@click.option("--timpa", is_flag=True, help="Timpa berkas hasil bila sudah ada.")
def contoh_command(output: Path, tanpa_pdf: bool, timpa: bool) -> None:
    """Jalankan contoh SK IKU Kecamatan Legok 2020 dari awal sampai akhir.

    Membaca workbook contoh bawaan, menghitung capaian, lalu menulis lampiran (semua jenis)
    dan PDF-nya, serta salinan workbook contoh berisi hasil hitung, ke folder hasil.

    \b
    Contoh:
      iku contoh
      iku contoh -o hasil_legok --timpa
    """
    from iku_excel.calc import Aturan, compute_dokumen
    from iku_excel.fileio import write_bytes_atomic
    from iku_excel.fill.calculated import hitung_workbook
    from iku_excel.read.workbook import read_workbook
    from iku_excel.resources import contoh_path
    from iku_excel.write import build_lampiran

    source = contoh_path()
    result = read_workbook(source)
    rules = Aturan()
    hasil = compute_dokumen(result.dokumen, rules)
    lampiran = output / "lampiran_legok_2020.xlsx"
    data = build_lampiran(result.dokumen, "semua", hasil=hasil, aturan=rules)
    write_bytes_atomic(lampiran, data, overwrite=timpa)
    click.echo(str(lampiran))
    dihitung = output / "legok_2020_dihitung.xlsx"
    hitung_workbook(source, dihitung, aturan=rules, overwrite=timpa)
    click.echo(str(dihitung))
    if tanpa_pdf:
        return
    from iku_excel.libreoffice import find_soffice

    if find_soffice() is None:
        from iku_excel.libreoffice import INSTALL_HINT

        click.echo(f"iku: PDF tidak dibuat: {INSTALL_HINT}", err=True)
        return
    click.echo(str(_write_pdf(lampiran, timpa)))


@main.command("isi", context_settings=CONTEXT)
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--realisasi", "realisasi_file", type=click.Path(dir_okay=False, path_type=Path),
    required=True, help="Berkas realisasi .csv atau .xlsx (kolom indikator/kode, tw1..tw4).",
)  # fmt: skip
@click.option(
    "-o", "--output", type=click.Path(file_okay=False, path_type=Path),
    help="Folder hasil (berkas asal tidak diubah).",
)  # fmt: skip
@click.option("--in-place", is_flag=True, help="Ubah berkas asal (dengan cadangan).")
@click.option("--tanpa-cadangan", is_flag=True, help="Dengan --in-place: tanpa cadangan.")
@click.option(
    "--aturan", type=click.Path(dir_okay=False, path_type=Path), help="Berkas aturan .toml."
)
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Jumlah proses paralel.")  # fmt: skip
@click.option("--dry-run", is_flag=True, help="Jangan tulis workbook; hanya tanda terima.")
@click.option(
    "--tanda-terima", type=click.Path(dir_okay=False, path_type=Path),
    help="Berkas tanda terima (.csv atau .json) berisi setiap sel yang diubah.",
)  # fmt: skip
@click.option("-s", "--silent", is_flag=True, help="Tanpa bilah kemajuan.")
@click.option("--timpa", is_flag=True, help="Timpa berkas hasil bila sudah ada.")
def isi_command(
    sources: tuple[str, ...],
    realisasi_file: Path,
    output: Path | None,
    in_place: bool,
    tanpa_cadangan: bool,
    aturan: Path | None,
    jobs: int,
    dry_run: bool,
    tanda_terima: Path | None,
    silent: bool,
    timpa: bool,
) -> None:
    """Isi realisasi per triwulan ke banyak workbook sekaligus, tanpa merusak isinya.

    SOURCES: berkas, folder (beserta subfoldernya), atau pola seperti "data/*.xlsx".
    Hanya sel realisasi, realisasi tahunan, capaian, dan predikat yang ditulis; logo, gambar,
    grafik, dropdown, dan sheet lain tetap utuh.

    \b
    Contoh:
      iku isi data/ --realisasi realisasi_tw2.csv -o hasil/
      iku isi data/*.xlsx --realisasi realisasi.xlsx --in-place --jobs 2
      iku isi data/ --realisasi realisasi.csv --dry-run --tanda-terima cek.csv
    """
    from iku_excel.batch import plan_isi, write_receipt
    from iku_excel.fill.realisasi import read_sumber
    from iku_excel.fill.workbook import fill_batch

    if output is not None and in_place:
        raise click.UsageError("pilih salah satu: -o FOLDER atau --in-place")
    if output is None and not in_place and not dry_run:
        raise click.UsageError("pilih -o FOLDER, --in-place, atau --dry-run")
    sumber = read_sumber(realisasi_file)
    tasks, report = plan_isi(
        sources,
        sumber,
        output=None if dry_run else output,
        in_place=in_place and not dry_run,
        backup=not tanpa_cadangan,
        aturan=_load_aturan(aturan),
        overwrite=timpa,
    )
    with click.progressbar(
        length=len(tasks), label="Mengisi", file=sys.stderr, hidden=silent or not tasks
    ) as bar:
        results = fill_batch(tasks, jobs=jobs, on_done=lambda _: bar.update(1))
    receipt = write_receipt(results, tanda_terima, output, overwrite=timpa)
    for line in report.lines(results):
        click.echo(line, err=True)
    click.echo(f"Tanda terima: {receipt}", err=True)
    sys.exit(report.exit_code(results))


@main.command("rekap", context_settings=CONTEXT)
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
    help="Berkas rekap .xlsx yang ditulis.",
)  # fmt: skip
@click.option(
    "--aturan", type=click.Path(dir_okay=False, path_type=Path), help="Berkas aturan .toml."
)
@click.option("--kertas", type=_KERTAS, default="F4", show_default=True, help="Ukuran kertas.")
@click.option("-s", "--silent", is_flag=True, help="Tanpa bilah kemajuan.")
@click.option("--timpa", is_flag=True, help="Timpa berkas rekap bila sudah ada.")
def rekap_command(
    sources: tuple[str, ...],
    output: Path,
    aturan: Path | None,
    kertas: str,
    silent: bool,
    timpa: bool,
) -> None:
    """Gabungkan banyak workbook (mis. semua kecamatan) menjadi satu rekap capaian.

    SOURCES: berkas, folder (beserta subfoldernya), atau pola seperti "kecamatan/*.xlsx".
    Rekap berisi satu baris per instansi dan indikator, capaian per sasaran per instansi dengan
    rata-rata dan peringkat, grafik, dan daftar semua masalah.

    \b
    Contoh:
      iku rekap kecamatan/ -o rekap_kabupaten.xlsx
      iku rekap tw1.xlsx tw2.xlsx tw3.xlsx tw4.xlsx -o rekap_tahunan.xlsx
    """
    from iku_excel.fileio import write_bytes_atomic
    from iku_excel.fill.workbook import expand_sources, explain_unmatched
    from iku_excel.write.rekap import build_rekap

    found, unmatched = expand_sources(sources)
    # A rerun over the same folder must not read the last rekap back in as a source.
    paths = [p for p, _ in found if p.resolve() != output.resolve()]
    why = [f"{argument}: {explain_unmatched(argument)}" for argument in unmatched]
    if not paths:
        from iku_excel.errors import IkuInputError

        reasons = why or [f"{output.name}: hanya berisi hasil rekap ini sendiri"]
        raise IkuInputError("tidak ada workbook .xlsx untuk direkap; " + "; ".join(reasons))
    for line in why:
        click.echo(f"iku: {line}", err=True)
    with click.progressbar(length=len(paths), label="Merekap", file=sys.stderr,
                           hidden=silent) as bar:  # fmt: skip
        data, report = build_rekap(
            paths, aturan=_load_aturan(aturan), kertas=kertas, on_progress=lambda _: bar.update(1)
        )
    write_bytes_atomic(output, data, overwrite=timpa)
    click.echo(str(output))
    for failed in report.files_failed:
        click.echo(f"  [gagal] {failed.file}: {failed.message}", err=True)
    click.echo(report.summary(), err=True)
    sys.exit(max(report.exit_code, EXIT_PROBLEMS if unmatched else EXIT_OK))
