"""``sdkgen validate SPEC``: check a spec and report every problem found.

Prints the diagnostics in the chosen format and a summary line; the exit code says
whether the spec passed (0), failed (1), could not be found or read (2), or
sdkgen itself broke (123).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from generator.cli.exit_codes import ExitCode, epilog
from generator.cli.internal_error import report_internal_error
from generator.cli.report import FORMATTERS
from generator.spec.load import USAGE_CODES
from generator.spec.validate import ValidationResult, validate_path

_EPILOG = epilog(
    {
        ExitCode.OK: "the spec is valid (with --strict: and has no warnings)",
        ExitCode.INVALID: "the spec has errors (with --strict: or warnings)",
        ExitCode.USAGE: "the spec path does not exist or cannot be read",
    }
)


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
    except Exception as exc:  # a bug in sdkgen, never a problem in the spec
        return report_internal_error(f"validating {args.spec} failed", exc)
    print(report, end="")
    return exit_code(result, args.strict)


def exit_code(result: ValidationResult, strict: bool) -> ExitCode:
    """OK, INVALID, or USAGE when the only problem is a spec that cannot be read."""
    if result.ok(strict):
        return ExitCode.OK
    if result.spec is None and all(d.code in USAGE_CODES for d in result.errors):
        return ExitCode.USAGE
    return ExitCode.INVALID
