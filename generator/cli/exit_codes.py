"""The exit codes of every ``sdkgen`` command, defined once.

Each command's ``--help`` lists the ones it uses, from ``epilog``, so the help text
and the codes cannot drift apart.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping


class ExitCode(enum.IntEnum):
    """What a command's exit status means, for people and for CI."""

    OK = 0
    INVALID = 1  # the input is invalid, the output stale, or a breaking change
    USAGE = 2  # bad arguments or a file that cannot be read
    INTERNAL = 123  # a bug in sdkgen (black's convention)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)


_DEFAULT_MEANINGS: Mapping[ExitCode, str] = {
    ExitCode.OK: "success",
    ExitCode.INVALID: "the input is invalid, or (check) the output folder is stale",
    ExitCode.USAGE: "usage error: bad arguments or a file that cannot be read",
    ExitCode.INTERNAL: "internal error in sdkgen (please report it with the "
    "command you ran)",
}


def epilog(meanings: Mapping[ExitCode, str] | None = None) -> str:
    """The ``exit codes:`` block of a ``--help`` text; ``meanings`` override ours."""
    merged = {**_DEFAULT_MEANINGS, **(meanings or {})}
    lines = ["exit codes:"]
    for code in sorted(merged):
        first, *rest = merged[code].split("\n")
        lines.append(f"  {int(code):<4} {first}")
        lines += [f"       {line}" for line in rest]
    return "\n".join(lines) + "\n"
