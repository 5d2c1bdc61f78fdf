"""The ``sdkgen`` command line: the only module tree that prints or exits.

Exit codes are defined once, in ``generator.cli.exit_codes``; diagnostics are
printed one way, by ``generator.cli.printer``; a bug of ours is reported by
``generator.cli.internal_error``. Each command is a module of ``cli.commands``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from generator import __version__
from generator.cli.commands import (
    diff,
    generate,
    import_markdown,
    import_openapi,
    validate,
)
from generator.cli.exit_codes import ExitCode, epilog
from generator.cli.internal_error import report_internal_error

# The collector's thresholds for a command-line run (CPython's default: 700, 10, 10).
GC_THRESHOLDS = (1_000_000, 1000, 1000)


def build_parser() -> argparse.ArgumentParser:
    """The ``sdkgen`` argument parser, one subcommand per module of ``cli.commands``."""
    parser = argparse.ArgumentParser(
        prog="sdkgen",
        description="Generate a typed Python SDK, docs and tests from a YAML API spec.",
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"sdkgen {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    validate.add_parser(commands)
    generate.add_parsers(commands)
    import_markdown.add_parser(commands)
    import_openapi.add_parser(commands)
    diff.add_parser(commands)
    return parser


def run() -> NoReturn:
    """The ``sdkgen`` command: ``main``, then exit without tearing the heap down.

    Freeing a large run's objects one by one at exit takes a fifth of a second
    for GitHub's description, after everything is written and every worker has
    been joined (mypy leaves the same way). In-process callers use ``main``, and
    keep their own garbage collector settings.
    """
    # A run builds large, long-lived and almost acyclic data (the spec, the model,
    # the rendered files): the collector's default pace walks it again and again,
    # a third of a large generate's time in this process and in the workers that
    # inherit the setting. Peak memory measured the same (bench/big_document.py).
    gc.set_threshold(*GC_THRESHOLDS)
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing to say
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sdkgen`` with ``argv`` (default: the process's); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("sdkgen: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except Exception as exc:  # a bug of ours: say so instead of a bare traceback
        return report_internal_error(f"sdkgen {args.command} failed", exc)
