"""``sdkgen generate`` and ``sdkgen check``: write the output folder, or compare."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cli.exit_codes import ExitCode, epilog
from generator.cli.internal_error import report_internal_error
from generator.cli.printer import print_diagnostics
from generator.diagnostics import InternalError, SpecError
from generator.spec.load import USAGE_CODES

if TYPE_CHECKING:
    from generator.output.write import CheckResult
    from generator.pipeline import Outputs


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``generate`` and ``check`` on the CLI's subparsers."""
    generate = commands.add_parser(
        "generate",
        help="generate the SDK, docs, tests and OpenAPI export from a spec",
        description="Regenerate the output folder from SPEC. Only files that differ "
        "are rewritten; files sdkgen wrote before and no longer produces are removed; "
        "other files in the folder are left alone.",
        epilog=epilog({ExitCode.INVALID: "the spec is invalid"}),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common_arguments(generate)
    generate.set_defaults(run=run_generate)
    check = commands.add_parser(
        "check",
        help="exit 1 when the output folder differs from what the spec gives",
        description="Compare the output folder with what SPEC gives, without writing. "
        "Exit 0 when up to date, 1 when stale (naming stale, missing, extra files).",
        epilog=epilog({ExitCode.INVALID: "the spec is invalid, or the folder stale"}),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common_arguments(check)
    check.add_argument(
        "--diff", action="store_true", help="print a unified diff of stale files"
    )
    check.set_defaults(run=run_check)


def _common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", type=Path, help="spec file or folder, e.g. spec/imgur")
    parser.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path("generated"),
        help="output folder (default: generated)",
    )
    parser.add_argument(
        "--templates",
        type=Path,
        default=None,
        help="folder of templates overriding ours, file by file (same relative names)",
    )


def _templates_problem(args: argparse.Namespace) -> str | None:
    if args.templates is not None and not args.templates.is_dir():
        return (
            f"--templates {args.templates}: not a folder; pass a folder of .jinja files"
        )
    return None


def _run(args: argparse.Namespace, check: bool) -> int:
    problem = _templates_problem(args)
    if problem:
        print(f"sdkgen: {problem}", file=sys.stderr)
        return ExitCode.USAGE
    # Imported here so `sdkgen --help` and `sdkgen validate` do not pay for black.
    from generator import pipeline
    from generator.output.write import OutputPathError

    try:
        if check:
            outputs, compared = pipeline.check(args.spec, args.out, args.templates)
        else:
            outputs, written = pipeline.generate(args.spec, args.out, args.templates)
    except SpecError as exc:
        print_diagnostics(exc.diagnostics)
        usage = any(d.code in USAGE_CODES for d in exc.diagnostics)
        return ExitCode.USAGE if usage else ExitCode.INVALID
    except OutputPathError as exc:
        print(f"sdkgen: {exc}", file=sys.stderr)
        return ExitCode.INVALID
    except OSError as exc:
        print(
            f"sdkgen: cannot write to {args.out}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return ExitCode.USAGE
    except InternalError as exc:
        return report_internal_error(str(exc))
    if outputs.warnings:
        print_diagnostics(outputs.warnings)
    if check:
        return _report_check(args, compared)
    print(
        f"{args.out}: {len(written.written)} written, "
        f"{len(written.unchanged)} unchanged, {len(written.removed)} removed "
        f"({outputs.operations} operations; {_work_done(outputs)})"
    )
    for path in written.kept_modified:
        print(
            f"kept {path}: no longer generated, but edited by hand since; "
            "remove it yourself"
        )
    return ExitCode.OK


def _work_done(outputs: Outputs) -> str:
    if outputs.skipped:
        return "inputs unchanged since the last run, nothing regenerated"
    return f"black formatted {outputs.formatted} files"


def _report_check(args: argparse.Namespace, compared: CheckResult) -> int:
    if compared.ok:
        print(f"{args.out}: up to date with {args.spec}")
        return ExitCode.OK
    for label, paths in (
        ("stale", compared.stale),
        ("missing", compared.missing),
        ("extra", compared.extra),
    ):
        for path in paths:
            print(f"{label}: {args.out / path}")
    if args.diff:
        for path in compared.stale:
            current = (args.out / path).read_text("utf-8", errors="replace")
            sys.stdout.writelines(
                difflib.unified_diff(
                    current.splitlines(keepends=True),
                    compared.expected[path].splitlines(keepends=True),
                    fromfile=f"{args.out / path} (on disk)",
                    tofile=f"{args.out / path} (from spec)",
                )
            )
    print(
        f"{args.out} is out of date with {args.spec}: run `sdkgen generate {args.spec} "
        f"--out {args.out}` (or `make generate`)",
        file=sys.stderr,
    )
    return ExitCode.INVALID


def run_generate(args: argparse.Namespace) -> int:
    """``sdkgen generate``: write the output folder; return the exit code."""
    return _run(args, check=False)


def run_check(args: argparse.Namespace) -> int:
    """``sdkgen check``: compare the output folder; return the exit code."""
    return _run(args, check=True)
