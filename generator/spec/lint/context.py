"""What every semantic rule needs: the spec's parts to walk and a way to report.

Rules run only on specs the JSON Schema accepted, so the accessors here index the
document directly instead of checking shapes again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from generator.diagnostics import Diagnostic
from generator.spec.elements import JsonPath, dotted
from generator.spec.lint.codes import RULES
from generator.spec.load import LoadedSpec


@dataclass(frozen=True)
class Operation:
    """One operation with its place in the document."""

    resource: str
    name: str
    data: dict[str, Any]

    @property
    def path(self) -> JsonPath:
        return ("resources", self.resource, "operations", self.name)

    @property
    def label(self) -> str:
        return f"{self.resource}.{self.name}"

    @property
    def method(self) -> str:
        return str(self.data["method"])

    def parameters(self) -> Iterator[tuple[JsonPath, dict[str, Any]]]:
        for index, parameter in enumerate(self.data.get("parameters", [])):
            yield (*self.path, "parameters", index), parameter


class Context:
    """The spec under check, read-only, plus the report function every rule uses."""

    def __init__(self, spec: LoadedSpec) -> None:
        self.spec = spec
        self.document = spec.document

    @cached_property
    def operations(self) -> list[Operation]:
        return [
            Operation(resource, name, data)
            for resource, body in self.document["resources"].items()
            for name, data in body["operations"].items()
        ]

    @cached_property
    def models(self) -> dict[str, dict[str, Any]]:
        models: dict[str, dict[str, Any]] = self.document.get("models", {})
        return models

    def fields(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(model, JSON field name, field) for every field of every object model."""
        for model, body in self.models.items():
            for name, field in body.get("fields", {}).items():
                yield model, name, field

    def report(
        self,
        code: str,
        path: JsonPath,
        message: str,
        hint: str | None = None,
        at_key: bool = False,
    ) -> Diagnostic:
        """A diagnostic for rule ``code`` at ``path`` (its key when ``at_key``)."""
        locate = self.spec.locate_key if at_key else self.spec.locate
        return Diagnostic(
            code=code,
            severity=RULES[code].severity,
            message=message,
            location=locate(path),
            hint=hint,
            json_path=dotted(path),
        )


def field_path(model: str, name: str) -> JsonPath:
    return ("models", model, "fields", name)
