"""Format a validation result: text, json, github, and sarif (from ``sarif.py``).

Pure functions from a ValidationResult to the text to print; the ``validate``
command picks one by ``--format`` and prints it. Diagnostics arrive sorted by file,
line and column.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from generator.cli.printer import diagnostic_text
from generator.cli.sarif import format_sarif
from generator.diagnostics import Diagnostic
from generator.spec.validate import ValidationResult

Formatter = Callable[[ValidationResult, bool], str]


def format_text(result: ValidationResult, strict: bool = False) -> str:
    """``path:line:col: severity[CODE]: message`` with hints, then a summary."""
    lines = [diagnostic_text(d) for d in result.diagnostics]
    lines.append(result.summary())
    return "\n".join(lines) + "\n"


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
            f"file={escape_property(location.file)}",
            f"line={location.line}",
            f"col={location.column}",
        ]
    properties.append(f"title={escape_property(diagnostic.code)}")
    message = diagnostic.message
    if diagnostic.hint:
        message += f"\nhint: {diagnostic.hint}"
    return f"::{command} {','.join(properties)}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """Text made safe for a GitHub workflow command's message."""
    # GitHub's rules for a command's message: % first, so escapes stay unambiguous.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Text made safe for a GitHub workflow command's property (file, title)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
}
