"""``sdkgen import-openapi DOC -o SPEC_DIR [--name NAME]``: OpenAPI in, spec out.

The report (warnings naming DOC's JSON pointers, then a summary) goes to stderr.
Exit codes: 0 spec written, 1 the document gives no spec (not OpenAPI, unreadable,
no operation), 2 bad arguments, 123 a bug in the importer (a spec that fails its
own validation is one).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import self_check
from generator.cli.exit_codes import ExitCode, epilog
from generator.cli.internal_error import report_internal_error
from generator.cli.printer import print_diagnostics

if TYPE_CHECKING:
    from generator.diagnostics import Diagnostic
    from generator.importers.openapi.pipeline import ImportResult

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}\Z")

_EPILOG = epilog(
    {
        ExitCode.OK: "spec folder written (warnings are in the report)",
        ExitCode.INVALID: "no spec: not an OpenAPI 3 or Swagger 2.0 document,\n"
        "unreadable,\n"
        "or without any operation",
        ExitCode.USAGE: "bad arguments, or an output folder that is not empty",
        ExitCode.INTERNAL: "internal error in the importer, or a spec that fails\n"
        "its own validation (please report it with the document)",
    }
)


def add_parser(subparsers: Any) -> None:
    """Register the ``import-openapi`` subcommand."""
    parser = subparsers.add_parser(
        "import-openapi",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help="turn an OpenAPI 3.0/3.1 or Swagger 2.0 document into a spec folder",
        description=(
            "Read an OpenAPI 3.0 or 3.1 document, or a Swagger 2.0 one (converted "
            "first), in JSON or YAML, and write an sdkgen "
            "spec folder. What the spec format cannot say is reported with the "
            "document's JSON pointer and noted as a TODO on the operation. Remote "
            "$refs are never fetched."
        ),
    )
    parser.add_argument("document", type=Path, metavar="DOC", help="the document")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="SPEC_DIR",
        required=True,
        help="the spec folder to write (must not exist, or be empty)",
    )
    parser.add_argument(
        "--name", help="API name (snake_case); default: from info.title"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import, report to stderr, write the folder; return the exit code."""
    if args.name is not None and not _NAME.match(args.name):
        _error(
            f"--name {args.name!r}: use snake_case, a letter first, 40 chars at most"
        )
        return ExitCode.USAGE
    output: Path = args.output
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        _error(f"{output} exists and is not an empty folder")
        return ExitCode.USAGE
    from generator.importers.openapi.document import DocumentError

    try:
        return _import(args.document, output, args.name)
    except DocumentError as exc:
        _error(str(exc))
        return ExitCode.INVALID
    except OSError as exc:
        _error(f"cannot write {output}: {exc.strerror}")
        return ExitCode.USAGE
    except Exception as exc:  # any other failure is our bug: report it as one
        return report_internal_error(f"importing {args.document} failed", exc)


def _import(document: Path, output: Path, name: str | None) -> ExitCode:
    from generator.importers.openapi.pipeline import import_document
    from generator.importers.openapi.writer import write_folder

    result = import_document(document, name)
    print_diagnostics(result.diagnostics)
    _print_summary(result, document)
    if result.draft is None:
        _error(f"{document}: no operation to import; no spec written")
        return ExitCode.INVALID
    written = write_folder(result.draft, output, document.name)
    print(f"wrote {output}", file=sys.stderr)
    errors = _check_written(output, written)
    if errors:
        listed = "; ".join(f"{d.code} {d.message}" for d in errors[:5])
        return report_internal_error(f"the spec fails its own validation: {listed}")
    return ExitCode.OK


def _check_written(
    output: Path, written: dict[Path, dict[str, Any]]
) -> list[Diagnostic]:
    """What is wrong with the spec just written (nothing, unless sdkgen has a bug).

    Checked from the data dumped: parsing 3 MB of our own YAML back would cost a
    third of importing a large description. ``SDKGEN_SELF_CHECK=1`` reads the
    files back too, as ``validate`` would, and wants the same data.
    """
    from generator.diagnostics import SpecError
    from generator.spec.load import MAX_FILE_BYTES, load_spec
    from generator.spec.validate import (
        far_from_loader_limits,
        validate_documents,
        validate_path,
    )

    if any(
        path.stat().st_size > MAX_FILE_BYTES or not far_from_loader_limits(data)
        for path, data in written.items()
    ):
        return validate_path(output).errors  # the loader's limits, as validate says
    if self_check.enabled():
        try:
            read_back = load_spec(output).document
        except SpecError as exc:
            return exc.diagnostics
        if read_back != _merged(output, written):
            raise AssertionError("the spec read back differs from the data dumped")
    return validate_documents(output, written).errors


def _merged(output: Path, written: dict[Path, dict[str, Any]]) -> dict[str, Any]:
    from generator.spec.validate import merge_documents

    spec, problems = merge_documents(output, written)
    assert not problems, problems
    return spec.document


def _print_summary(result: ImportResult, document: Path) -> None:
    lines = [
        f"{document}: imported",
        f"  operations read: {result.read}",
        f"  imported: {result.imported}",
        f"  imported with TODOs: {result.with_todos}",
        f"  skipped: {len(result.skipped)}",
    ]
    lines += [f"    {where}: {why}" for where, why in result.skipped]
    print("\n".join(lines), file=sys.stderr)


def _error(message: str) -> None:
    print(f"sdkgen import-openapi: error: {message}", file=sys.stderr)
