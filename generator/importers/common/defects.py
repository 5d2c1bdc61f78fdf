"""Defects: problems in the source document the importer worked around.

Each defect is reported three ways: a warning naming the document's line, a
``departures`` entry on the operation (document / spec / ``TODO:`` reason) and a
``# TODO`` comment above the operation in the YAML draft.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diagnostics import Diagnostic, Location, Severity


@dataclass(frozen=True, slots=True)
class Defect:
    """What the document says, what the draft does instead, and what to check."""

    code: str
    line: int
    document: str
    spec: str
    todo: str

    def departure(self) -> dict[str, str]:
        """The entry for the operation's ``departures`` list in the draft spec."""
        return {
            "document": f"Line {self.line}: {self.document}",
            "spec": self.spec,
            "reason": f"TODO: {self.todo}",
        }

    def comment(self) -> str:
        """The TODO comment the emitter writes above the operation."""
        return f"TODO (line {self.line}): {self.document}; {self.spec}."

    def diagnostic(self, file: str) -> Diagnostic:
        """The warning printed for this defect, placed at its line in ``file``."""
        return Diagnostic(
            code=f"import-{self.code}",
            severity=Severity.WARNING,
            message=f"{self.document}; {self.spec}",
            location=Location(file, self.line, 1),
            hint=self.todo,
        )


def document_problem(
    file: str, code: str, line: int, message: str, *, error: bool = False
) -> Diagnostic:
    """A problem with the document as a whole (no operation to attach it to)."""
    return Diagnostic(
        code=f"import-{code}",
        severity=Severity.ERROR if error else Severity.WARNING,
        message=message,
        location=Location(file, max(line, 1), 1),
    )
