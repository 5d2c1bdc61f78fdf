"""Report a bug of sdkgen's own: one message, the bug-report request, exit 123.

A failure that is not the user's (a broken template, a formatter crash, an
importer writing an invalid draft) must never look like a problem in their input,
and never be a bare traceback. Set ``SDKGEN_TRACEBACK=1`` to see the traceback
when reporting one.
"""

from __future__ import annotations

import os
import sys
import traceback

from generator.cli.exit_codes import ExitCode

TRACEBACK_VARIABLE = "SDKGEN_TRACEBACK"


def report_internal_error(what: str, exc: BaseException | None = None) -> ExitCode:
    """Print ``sdkgen: internal error: ...`` to stderr; return ``ExitCode.INTERNAL``."""
    if exc is not None and os.environ.get(TRACEBACK_VARIABLE):
        traceback.print_exception(exc, file=sys.stderr)
    detail = f": {type(exc).__name__}: {exc}" if exc is not None else ""
    print(
        f"sdkgen: internal error: {what}{detail}\n"
        "This is a bug in sdkgen, not in your input; please report it with the "
        f"command you ran (set {TRACEBACK_VARIABLE}=1 to include the traceback).",
        file=sys.stderr,
    )
    return ExitCode.INTERNAL
