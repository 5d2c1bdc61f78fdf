"""The ``sdkgen`` command line: the only module tree that prints or exits.

Exit codes: 0 success; 1 the spec is invalid or the output is stale; 2 usage error
(bad arguments, missing files); 123 internal error (a bug in sdkgen: please report).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from generator import __version__
from generator.commands import diff, generate, import_markdown, validate

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 123

_EPILOG = """exit codes:
  0    success
  1    the spec is invalid, or (check) the output folder is stale
  2    usage error: bad arguments or a file that cannot be read
  123  internal error in sdkgen (please report it with the command you ran)
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sdkgen",
        description="Generate a typed Python SDK, docs and tests from a YAML API spec.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"sdkgen {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    validate.add_parser(commands)
    generate.add_parsers(commands)
    import_markdown.add_parser(commands)
    diff.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("sdkgen: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug of ours: say so instead of a bare traceback
        print(
            f"sdkgen: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in sdkgen, not in your input; please report it with the "
            "command you ran.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
