"""Warnings about the OpenAPI document, each naming the JSON pointer it is about.

Same house format as ``import-markdown``: code ``import-<kind>``, the document as
the location, the problem and what the draft does instead, and a hint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostic, Location, Severity


def escape_token(token: str) -> str:
    """One JSON pointer token: ``~`` -> ``~0`` and ``/`` -> ``~1`` (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    """``pointer("paths", "/pets", "get")`` -> ``#/paths/~1pets/get``."""
    return "#/" + "/".join(escape_token(str(t)) for t in tokens)


def printable(text: str, limit: int = 120) -> str:
    """Document text fit for one message line: control characters escaped, cut."""
    cleaned = "".join(
        c if c.isprintable() else repr(c)[1:-1] for c in text[: limit + 1]
    )
    return cleaned if len(text) <= limit else cleaned[:limit] + "..."


@dataclass
class Report:
    """Collects the warnings of one import, and the departures per operation."""

    file: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: The pointer as written for one the importer names, when the document it
    #: reads is a conversion (from Swagger 2.0) of the one written.
    as_written: Callable[[str], str] | None = None

    def warn(
        self,
        code: str,
        where: str,
        problem: str,
        instead: str,
        hint: str = "",
        departures: list[dict[str, Any]] | None = None,
        *,
        written: bool = False,
    ) -> None:
        """Report one construct the draft cannot say as the document does.

        With ``departures`` (an operation's list) it is also a TODO there.
        ``written``: ``where`` already names the document as written. The
        location is DOC's first line until ``located`` places it.
        """
        if self.as_written is not None and not written:
            where = self.as_written(where)
        self.diagnostics.append(
            Diagnostic(
                code=f"import-{code}",
                severity=Severity.WARNING,
                message=f"{printable(where, 200)}: {problem}; {instead}",
                location=Location(self.file, 1, 1),
                hint=hint or None,
                json_path=where,
            )
        )
        if departures is not None:
            departures.append(
                {
                    "document": f"{where}: {problem}",
                    "spec": instead,
                    "reason": f"TODO: {hint or 'check this against the API'}",
                }
            )


def mapping(value: Any) -> dict[str, Any]:
    """``value`` when the document put a mapping there, else ``{}``."""
    return value if isinstance(value, dict) else {}


def sequence(value: Any) -> list[Any]:
    """``value`` when the document put a list there, else ``[]``."""
    return value if isinstance(value, list) else []
