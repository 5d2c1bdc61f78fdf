"""``sdkgen diff OLD NEW`` / ``sdkgen diff SPEC --against REF``: what an edit breaks.

Prints every change between two versions of a spec with its kind (breaking, feature,
fix, docs), rule code and whether it breaks the wire, the SDK or both, then the
suggested version bump. Optionally prepends a changelog section to a file and
writes the bumped version into the NEW spec's ``api.sdk_version``.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from pathlib import Path
from typing import Any

from generator.cli.commands.validate import exit_code as validate_exit_code
from generator.cli.exit_codes import ExitCode, epilog
from generator.diff.engine import DiffResult, InvalidSpec, diff_specs
from generator.diff.rules import RULES

_EPILOG = (
    epilog(
        {
            ExitCode.OK: "no breaking change (or each one accepted with --allow)",
            ExitCode.INVALID: "a breaking change, or OLD or NEW is not a valid spec",
            ExitCode.USAGE: "bad arguments, a missing spec, or an unknown git ref",
        }
    )
    + """
examples:
  sdkgen diff old/spec spec/imgur
  sdkgen diff spec/imgur --against origin/main --format github
  sdkgen diff spec/imgur --against v1.2.0 --changelog CHANGELOG.md --apply-bump
"""
)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``diff`` on the CLI's subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "diff",
        help="report what changed between two versions of a spec, and what breaks",
        description="Compare two versions of a spec: each change is breaking, "
        "feature, fix or docs, with a stable code and whether it breaks the wire "
        "(any HTTP client), the generated SDK, or both; then the version bump "
        "it calls for.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "specs",
        type=Path,
        nargs="+",
        metavar="SPEC",
        help="OLD NEW, or a single SPEC with --against",
    )
    parser.add_argument(
        "--against",
        metavar="REF",
        help="compare SPEC with the same spec at this git ref (no checkout)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "github", "markdown"),
        default="text",
        help="text (default), json, github (workflow annotations at NEW's lines) "
        "or markdown (a changelog section)",
    )
    parser.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="CODE",
        help="accept breaking changes with this code (repeatable), e.g. DIFF004",
    )
    parser.add_argument(
        "--changelog",
        type=Path,
        metavar="FILE",
        help="prepend the markdown changelog section to FILE (e.g. the SDK's "
        "CHANGELOG.md; created when missing)",
    )
    parser.add_argument(
        "--apply-bump",
        action="store_true",
        help="write OLD's api.sdk_version, bumped as suggested, into the NEW spec",
    )
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Diff, print the report, write what was asked, and return the exit code."""
    from generator.diff.git import GitError, spec_at_ref

    unknown = [code for code in args.allow if code not in RULES]
    if unknown:
        return _usage(
            f"--allow {unknown[0]}: no such change code{_did_you_mean(unknown[0])}"
        )
    if args.against is not None:
        if len(args.specs) != 1:
            return _usage("with --against, give one SPEC (the NEW version)")
        with tempfile.TemporaryDirectory(prefix="sdkgen-diff-") as folder:
            try:
                old = spec_at_ref(args.specs[0], args.against, Path(folder))
            except GitError as err:
                return _usage(f"--against {args.against}: {err}")
            return _diff(args, old, args.specs[0], f"{args.specs[0]} at {args.against}")
    if len(args.specs) != 2:
        return _usage("give OLD and NEW specs, or one SPEC with --against REF")
    return _diff(args, args.specs[0], args.specs[1], str(args.specs[0]))


def _diff(args: argparse.Namespace, old: Path, new: Path, old_name: str) -> int:
    from generator.cli.diff_report import FORMATTERS, format_markdown
    from generator.diff.edits import EditError, prepend_changelog, set_sdk_version

    outcome = diff_specs(old, new, frozenset(args.allow))
    if isinstance(outcome, InvalidSpec):
        return _invalid(outcome, old_name if outcome.which == "OLD" else str(new), args)
    version = outcome.next_version
    print(FORMATTERS[args.format](outcome, version), end="")
    try:
        if args.changelog is not None:
            prepend_changelog(args.changelog, format_markdown(outcome, version))
            print(
                f"sdkgen diff: wrote the {version} section into {args.changelog}",
                file=sys.stderr,
            )
        if args.apply_bump:
            _apply_bump(outcome, version, set_sdk_version)
    except (EditError, OSError) as err:
        print(f"sdkgen diff: {err}", file=sys.stderr)
        return ExitCode.USAGE
    return ExitCode.INVALID if outcome.blocking else ExitCode.OK


def _apply_bump(outcome: DiffResult, version: str, set_sdk_version: Any) -> None:
    if outcome.bump == "none" or outcome.new_spec is None or version == "Unreleased":
        print("sdkgen diff: no version bump to apply", file=sys.stderr)
        return
    path = set_sdk_version(outcome.new_spec, version)
    print(
        f"sdkgen diff: api.sdk_version {outcome.old_version} -> {version} in {path}",
        file=sys.stderr,
    )


def _invalid(outcome: InvalidSpec, name: str, args: argparse.Namespace) -> int:
    """Report the spec exactly as ``sdkgen validate`` would, and exit as it would."""
    from generator.cli.report import FORMATTERS as VALIDATE_FORMATTERS

    print(f"sdkgen diff: {outcome.which} spec {name} is not valid:", file=sys.stderr)
    shown = args.format if args.format in VALIDATE_FORMATTERS else "text"
    print(VALIDATE_FORMATTERS[shown](outcome.result, False), end="")
    return validate_exit_code(outcome.result, False)


def _did_you_mean(code: str) -> str:
    close = difflib.get_close_matches(code.upper(), list(RULES), n=1)
    return f"; did you mean {close[0]}?" if close else " (see the README's list)"


def _usage(message: str) -> int:
    print(f"sdkgen diff: error: {message}", file=sys.stderr)
    return ExitCode.USAGE
