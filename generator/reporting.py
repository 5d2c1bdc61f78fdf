"""Format a validation result for people (text), programs (json) and GitHub Actions.

Pure functions from a ValidationResult to the text to print; the ``validate``
command picks one by ``--format`` and prints it. Diagnostics arrive sorted by file,
line and column.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from generator.diagnostics import Diagnostic, Severity
from generator.validate import ValidationResult

Formatter = Callable[[ValidationResult, bool], str]


def format_text(result: ValidationResult, strict: bool = False) -> str:
    """``path:line:col: CODE message`` lines with indented hints, then a summary."""
    lines: list[str] = []
    for diagnostic in result.diagnostics:
        lines.append(text_line(diagnostic))
        if diagnostic.hint:
            lines.append(f"  hint: {one_line(diagnostic.hint)}")
    lines.append(result.summary())
    return "\n".join(lines) + "\n"


def text_line(diagnostic: Diagnostic) -> str:
    where = f"{diagnostic.location}: " if diagnostic.location else ""
    marker = " (warning)" if diagnostic.severity is Severity.WARNING else ""
    return f"{where}{diagnostic.code}{marker} {one_line(diagnostic.message)}"


_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """Control characters and line breaks escaped (``\\n``): one diagnostic, one line.

    Messages quote spec text, and a name ending in a newline must not split the line.
    """
    return _BREAKS.sub(lambda found: repr(found[0])[1:-1], text)


def format_json(result: ValidationResult, strict: bool = False) -> str:
    """One JSON document: every diagnostic, then counts and whether the spec passed."""
    document = {
        "diagnostics": [_json_diagnostic(d) for d in result.diagnostics],
        "summary": {
            "spec": result.name,
            "operations": result.operation_count,
            "models": result.model_count,
            "errors": len(result.errors),
            "warnings": len(result.warnings),
            "strict": strict,
            "ok": result.ok(strict),
            "text": result.summary(),
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _json_diagnostic(diagnostic: Diagnostic) -> dict[str, Any]:
    location = diagnostic.location
    return {
        "file": location.file if location else None,
        "line": location.line if location else None,
        "column": location.column if location else None,
        "code": diagnostic.code,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "hint": diagnostic.hint,
        "json_path": diagnostic.json_path,
    }


def format_github(result: ValidationResult, strict: bool = False) -> str:
    """GitHub workflow commands (``::error file=...::message``), then a summary."""
    lines = [_annotation(d) for d in result.diagnostics]
    lines.append(result.summary())
    return "\n".join(lines) + "\n"


def _annotation(diagnostic: Diagnostic) -> str:
    command = "error" if diagnostic.is_error else "warning"
    properties: list[str] = []
    if diagnostic.location:
        location = diagnostic.location
        properties += [
            f"file={_escape_property(location.file)}",
            f"line={location.line}",
            f"col={location.column}",
        ]
    properties.append(f"title={_escape_property(diagnostic.code)}")
    message = diagnostic.message
    if diagnostic.hint:
        message += f"\nhint: {diagnostic.hint}"
    return f"::{command} {','.join(properties)}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    # GitHub's rules for a command's message: % first, so escapes stay unambiguous.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}
