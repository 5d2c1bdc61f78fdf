"""``sdkgen import-markdown DOC [-o SPEC] [--name NAME]``: document in, spec draft out.

The draft goes to SPEC (or stdout); the report (warnings with the document's line
numbers, then what was read and skipped) goes to stderr. Exit codes: 0 draft
written, 1 the document gives no usable draft, 2 bad arguments or an unreadable
document, 123 a bug in the importer (a draft that fails its own self-check is one).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.cli.exit_codes import ExitCode, epilog
from generator.cli.internal_error import report_internal_error
from generator.cli.printer import print_diagnostics

if TYPE_CHECKING:
    from generator.importers.markdown.draft import ImportResult

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}\Z")


_EPILOG = """how the document is read:
  raw Markdown when any line has Markdown syntax (# heading, fence, <table>),
  otherwise the text of a rendered page (page chrome around it is cut off).

decisions (where the draft differs from the document, also a warning and a
TODO departure on the operation):
  - query items of POST/PUT/PATCH become form fields; GET/DELETE keep them in
    the query. A constant item (format=json) becomes an optional parameter whose
    default and only value is the constant: a spec has no constants.
  - a required header with a variable and a credential-like name
    (Authorization: {}) becomes an api_key auth scheme named after the header;
    query keys (key={}, api_key={}) stay parameters: auth schemes are headers.
  - a second function on the same method and path gets a made-up path
    (<path>/<operation-name>) so the draft validates; find the real route.
  - trailing slashes and a repeated base-URL prefix are removed; a repeated
    placeholder {id} becomes {id_2}; a table key ids[] for a template ids
    makes one list parameter sent as ids[].

""" + epilog(
    {
        ExitCode.OK: "draft written (warnings are in the report)",
        ExitCode.INVALID: "no draft (no Endpoint line, no function)",
        ExitCode.USAGE: "bad arguments, or a document that cannot be read",
        ExitCode.INTERNAL: "internal error in the importer, or a draft that fails\n"
        "its own validation (please report it with the document)",
    }
)


def add_parser(subparsers: Any) -> None:
    """Register the ``import-markdown`` subcommand."""
    parser = subparsers.add_parser(
        "import-markdown",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        help="turn webapi-markdown API documentation into a spec draft",
        description=(
            "Read API documentation in the webapi-markdown format (raw Markdown, or "
            "the text of its rendered page) and write a spec draft. Every defect "
            "found in the document is reported with its line and noted as a TODO "
            "on the operation in the draft."
        ),
    )
    parser.add_argument("document", type=Path, metavar="DOC", help="the document")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="SPEC", help="write here (default: stdout)"
    )
    parser.add_argument(
        "--name", help="API name (snake_case); default: from the document's title"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import, print the report to stderr, write the draft; return the exit code."""
    if args.name is not None and not _NAME.match(args.name):
        _error(
            f"--name {args.name!r}: use snake_case, a letter first, 40 chars at most"
        )
        return ExitCode.USAGE
    # Imported here so other commands do not pay for the importer at start-up.
    from generator.importers.markdown.document import DocumentError

    try:
        return _import(args.document, args.output, args.name)
    except DocumentError as exc:
        _error(str(exc))
        return ExitCode.USAGE
    except OSError as exc:
        _error(f"cannot write {args.output}: {exc.strerror}")
        return ExitCode.USAGE
    except Exception as exc:  # any other failure is our bug: report it as one
        return report_internal_error(f"importing {args.document} failed", exc)


def _import(document: Path, output: Path | None, name: str | None) -> ExitCode:
    from generator.importers.common.self_check import draft_problems
    from generator.importers.markdown.pipeline import draft_yaml, import_document

    result = import_document(document, name)
    print_diagnostics(result.diagnostics)
    _print_summary(result, document)
    if result.draft is None:
        _error(f"{document}: no draft written")
        return ExitCode.INVALID
    text = draft_yaml(result, document, output)
    problems = draft_problems(text)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        print(f"wrote {output}", file=sys.stderr)
    if problems:
        listed = "; ".join(problems)
        return report_internal_error(f"the draft fails its own validation: {listed}")
    return ExitCode.OK


def _print_summary(result: ImportResult, document: Path) -> None:
    warnings = sum(1 for d in result.diagnostics if not d.is_error)
    lines = [
        f"{document}: read as {result.kind} text",
        f"  sections read: {result.sections_read}",
        f"  operations: {len(result.operations)}",
        f"  warnings: {warnings}",
        f"  sections skipped: {len(result.skipped)}",
    ]
    lines += [f"    line {s.line}: {s.title!r}: {s.reason}" for s in result.skipped]
    print("\n".join(lines), file=sys.stderr)


def _error(message: str) -> None:
    print(f"sdkgen import-markdown: error: {message}", file=sys.stderr)
