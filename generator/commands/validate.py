"""``sdkgen validate SPEC``: check a spec and report every problem found.

Prints the diagnostics in the chosen format and a summary line; the exit code says
whether the spec passed (0), failed (1), could not be found or read (2), or
sdkgen itself broke (123).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from typing import Any

from generator.loader import USAGE_CODES
from generator.reporting import FORMATTERS as REPORT_FORMATTERS
from generator.sarif import format_sarif
from generator.validate import ValidationResult, validate_path

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 123

FORMATTERS = {**REPORT_FORMATTERS, "sarif": format_sarif}

_EPILOG = """exit codes:
  0    the spec is valid (with --strict: and has no warnings)
  1    the spec has errors (with --strict: or warnings)
  2    the spec path does not exist or cannot be read
  123  internal error in sdkgen (please report it with the command you ran)
"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``validate`` on the CLI's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "validate",
        help="check a spec and report every problem",
        description="Check a spec (a YAML file or a folder of them): YAML syntax, "
        "the JSON Schema, then semantic rules. Every problem is reported with "
        "file:line:col, a rule code and a hint.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "spec", type=Path, metavar="SPEC", help="spec file or folder, e.g. spec/imgur"
    )
    parser.add_argument(
        "--format",
        choices=sorted(FORMATTERS),
        default="text",
        help="text (default) for people, json for programs, github for "
        "GitHub Actions annotations, sarif for code scanning (SARIF 2.1.0)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="fail on warnings as well as errors"
    )
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Validate, print the report, and return the exit code."""
    try:
        result = validate_path(args.spec)
        report = FORMATTERS[args.format](result, args.strict)
    except Exception:  # a bug in sdkgen, never a problem in the spec
        print(traceback.format_exc(), file=sys.stderr, end="")
        print(
            "sdkgen: internal error while validating; please report it with the "
            "command you ran and the spec",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    print(report, end="")
    return exit_code(result, args.strict)


def exit_code(result: ValidationResult, strict: bool) -> int:
    if result.ok(strict):
        return EXIT_OK
    if result.spec is None and all(d.code in USAGE_CODES for d in result.errors):
        return EXIT_USAGE
    return EXIT_INVALID
