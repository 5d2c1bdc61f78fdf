"""What every semantic rule needs: the typed Spec to walk and a way to report.

Rules read the normalised ``Spec`` (``generator.spec.types``), never the raw
document; the loaded spec is kept only to turn an element's JSON path into a file,
line and column.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.diagnostics import Diagnostic
from generator.spec.elements import JsonPath, dotted
from generator.spec.lint.codes import RULES
from generator.spec.load import LoadedSpec
from generator.spec.types import Field, Operation, Parameter, Spec


class Context:
    """The spec under check, read-only, plus the report function every rule uses."""

    def __init__(self, spec: Spec, source: LoadedSpec) -> None:
        self.spec = spec
        self.source = source
        self.operations: tuple[Operation, ...] = spec.operations

    def fields(self) -> Iterator[Field]:
        """Every field of every object model, in document order."""
        for model in self.spec.models.values():
            yield from model.fields or ()

    def parameters(self) -> Iterator[tuple[Operation, Parameter]]:
        """(operation, parameter) for every parameter of every operation."""
        for operation in self.operations:
            for parameter in operation.parameters:
                yield operation, parameter

    def report(
        self,
        code: str,
        path: JsonPath,
        message: str,
        hint: str | None = None,
        at_key: bool = False,
    ) -> Diagnostic:
        """A diagnostic for rule ``code`` at ``path`` (its key when ``at_key``)."""
        locate = self.source.locate_key if at_key else self.source.locate
        return Diagnostic(
            code=code,
            severity=RULES[code].severity,
            message=message,
            location=locate(path),
            hint=hint,
            json_path=dotted(path),
        )
