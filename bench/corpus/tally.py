"""The arithmetic of the results: steps passed, operations dropped, totals.

Pure functions over the results dictionaries (the JSON the runner saves), so that
the numbers in ``CORPUS.md`` can be tested without running anything.

An operation is *dropped silently* when the document declares it, the generated
SDK does not have it, and the tool did not say it skipped it:
``in document - generated - skipped with a warning``. A tool that generates more
operations than the document has (it should not) shows as ``extra``, never as a
negative drop.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

OK = "ok"
FAILED = "failed"
TIMEOUT = "timeout"
NOT_RUN = "not run"  # an earlier step failed
NOT_APPLICABLE = "n/a"  # the step does not apply (mypy above the size limit)
PASSING = frozenset({OK, NOT_APPLICABLE})

OURS_STEPS = (
    "import",
    "generate",
    "black",
    "compile",
    "import-package",
    "tests",
    "mypy",
)
OPC_STEPS = ("generate", "compile", "import-package", "mypy")
MYPY_MAX_OPERATIONS = 150


@dataclass(frozen=True)
class Operations:
    """Where a document's operations went."""

    in_document: int
    generated: int
    warned: int

    @property
    def dropped(self) -> int:
        return max(0, self.in_document - self.generated - self.warned)

    @property
    def extra(self) -> int:
        return max(0, self.generated + self.warned - self.in_document)


def operations(side: Mapping[str, Any], in_document: int) -> Operations | None:
    """The operation counts of one tool's run, None when it produced no SDK."""
    generated = side.get("generated_ops")
    if generated is None:
        return None
    return Operations(in_document, int(generated), int(side.get("warned_ops") or 0))


def passes_every_step(side: Mapping[str, Any], steps: Iterable[str]) -> bool:
    recorded = side.get("steps") or {}
    return all((recorded.get(s) or {}).get("status") in PASSING for s in steps)


def failed_steps(side: Mapping[str, Any], steps: Iterable[str]) -> list[str]:
    """The steps that failed or timed out (not those never run after them)."""
    recorded = side.get("steps") or {}
    return [
        s for s in steps if (recorded.get(s) or {}).get("status") in (FAILED, TIMEOUT)
    ]


@dataclass
class Totals:
    """The corpus-wide numbers of one tool."""

    documents: int = 0
    passing: int = 0
    complete: int = 0  # passing, and every operation of the document in the SDK
    operations: int = 0
    generated: int = 0
    warned: int = 0
    dropped: int = 0
    no_sdk: int = 0  # documents where the tool produced no SDK at all
    ops_without_sdk: int = 0  # their operations: lost, but not "silently"
    internal_errors: int = 0  # sdkgen exit 123 / a traceback; OPC: crashes


def totals(
    documents: Iterable[Mapping[str, Any]], side_key: str, steps: Iterable[str]
) -> Totals:
    steps = tuple(steps)
    found = Totals()
    for document in documents:
        side = document.get(side_key)
        if not side:
            continue
        found.documents += 1
        in_document = int(document["operations"])
        found.operations += in_document
        if passes_every_step(side, steps):
            found.passing += 1
        if side.get("internal_error"):
            found.internal_errors += 1
        counted = operations(side, in_document)
        if counted is None:
            found.no_sdk += 1
            found.ops_without_sdk += in_document
            continue
        if passes_every_step(side, steps) and counted.warned == counted.dropped == 0:
            found.complete += 1
        found.generated += counted.generated
        found.warned += counted.warned
        found.dropped += counted.dropped
    return found
