"""Problems found in a spec, as plain data every stage can produce and the CLI prints.

A diagnostic is a user's problem (their spec), never our bug: internal failures are
raised as ``InternalError`` instead, so the CLI can tell the two apart.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    """How bad a diagnostic is: errors stop a run, warnings only a strict one."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a spec file; line and column count from 1."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: a stable rule code, what is wrong, where, and what to do."""

    code: str
    severity: Severity
    message: str
    location: Location | None = None
    hint: str | None = None
    json_path: str = ""

    @property
    def is_error(self) -> bool:
        """Whether this diagnostic stops the run."""
        return self.severity is Severity.ERROR


class SpecError(Exception):
    """The spec cannot be used; carries every diagnostic collected before stopping."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(f"{len(diagnostics)} problem(s) in the spec")
        self.diagnostics = diagnostics


class InternalError(Exception):
    """Our bug (a broken template, a formatter failure); reported with a bug hint."""
