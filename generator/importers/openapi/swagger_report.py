"""The warnings of a Swagger 2.0 conversion, as the importer's own are reported.

Each is a warning naming the Swagger document's pointer; one about an operation
is also a TODO departure on that operation, as the importer's warnings are.
"""

from __future__ import annotations

import re
from typing import Any

from generator.importers.openapi.document import Document
from generator.importers.openapi.drafts import draft_operations
from generator.importers.openapi.operations import METHODS
from generator.importers.openapi.origins import split_pointer
from generator.importers.openapi.report import Report


def conversion_warnings(
    document: Document, report: Report, draft: dict[str, Any] | None
) -> None:
    """Report what converting ``document`` and its files lost, each warning once.

    A local file's parameter inlined in an operation is converted twice, with
    the document and with its file: the same warning would come twice.
    """
    seen: set[tuple[str, str]] = set()
    conversions = [document.swagger, *document.fragments.values()]
    for conversion in conversions:
        for warning in conversion.warnings if conversion is not None else []:
            if (warning.pointer, warning.problem) in seen:
                continue
            seen.add((warning.pointer, warning.problem))
            report.warn(
                "swagger",
                warning.pointer,
                warning.problem,
                warning.instead,
                "check this against the API",
                _operation_departures(draft, warning.pointer),
                written=True,
            )


def with_todos(draft: dict[str, Any] | None, before: int) -> int:
    """How many operations of ``draft`` have TODOs (``before`` without a draft)."""
    if draft is None:
        return before
    return sum(
        1 for _, op in draft_operations(draft["resources"]) if op.get("departures")
    )


def _operation_departures(
    draft: dict[str, Any] | None, pointer: str
) -> list[dict[str, Any]] | None:
    """The departures of the one operation ``pointer`` is inside, if there is one.

    Found by method and path (placeholders aside: the draft may rename them).
    """
    tokens = split_pointer(pointer)[1] if pointer.startswith("#/paths/") else ()
    if draft is None or len(tokens) < 3 or tokens[2] not in METHODS:
        return None
    found = [
        op
        for _, op in draft_operations(draft.get("resources", {}))
        if op["method"] == tokens[2].upper() and _shape(op["path"]) == _shape(tokens[1])
    ]
    if len(found) != 1:
        return None
    departures: list[dict[str, Any]] = found[0].setdefault("departures", [])
    return departures


def _shape(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", "/" + path.strip("/"))
