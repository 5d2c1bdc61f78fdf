"""The one way a diagnostic is printed as text, by every command.

``file:line:col: severity[CODE]: message``, then the hint indented on its own line:
the shape compilers and linters use, so editors and CI logs link the location.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import TextIO

from generator.diagnostics import Diagnostic

HINT_PREFIX = "  hint: "
_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def one_line(text: str) -> str:
    r"""Control characters and line breaks escaped (``\n``): one diagnostic, one line.

    Messages quote spec text, and a name ending in a newline must not split the line.
    """
    return _BREAKS.sub(lambda found: repr(found[0])[1:-1], text)


def diagnostic_line(diagnostic: Diagnostic) -> str:
    """``spec.yaml:3:5: error[SPEC020]: unknown key 'summry'`` (no hint)."""
    where = f"{diagnostic.location}: " if diagnostic.location else ""
    kind = diagnostic.severity.value
    return f"{where}{kind}[{diagnostic.code}]: {one_line(diagnostic.message)}"


def diagnostic_text(diagnostic: Diagnostic) -> str:
    """The diagnostic's line, then its hint on the next line when it has one."""
    line = diagnostic_line(diagnostic)
    hint = diagnostic.hint
    return f"{line}\n{HINT_PREFIX}{one_line(hint)}" if hint else line


def print_diagnostics(
    diagnostics: Iterable[Diagnostic], stream: TextIO | None = None
) -> None:
    """Print each diagnostic with its hint (to stderr unless told otherwise)."""
    out = stream if stream is not None else sys.stderr
    for diagnostic in diagnostics:
        print(diagnostic_text(diagnostic), file=out)
