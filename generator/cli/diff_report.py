"""Format a diff for people (text), programs (json), GitHub Actions and changelogs.

Pure functions from a ``DiffResult`` to text; only the ``diff`` command prints.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from generator.cli.report import escape_data, escape_property
from generator.diff.compare import Change
from generator.diff.engine import DiffResult
from generator.diff.rules import BREAKING, DOCS, FEATURE, FIX, KINDS

Formatter = Callable[[DiffResult, str], str]

_SECTIONS = {
    BREAKING: "Breaking changes",
    FEATURE: "Features",
    FIX: "Fixes",
    DOCS: "Documentation",
}


def summary(result: DiffResult) -> str:
    """E.g. ``3 changes: 1 breaking (1 allowed), 2 feature; suggested bump: major``."""
    if not result.changes:
        return "no changes; suggested bump: none"
    counts = []
    for kind in KINDS:
        count = sum(1 for c in result.changes if c.kind == kind)
        if count:
            allowed = sum(
                1 for c in result.changes if c.kind == kind and c.code in result.allowed
            )
            counts.append(
                f"{count} {kind}" + (f" ({allowed} allowed)" if allowed else "")
            )
    noun = "change" if len(result.changes) == 1 else "changes"
    listed = ", ".join(counts)
    return f"{len(result.changes)} {noun}: {listed}; suggested bump: {result.bump}"


def _breaks(change: Change) -> str:
    parts = [name for name, hit in (("wire", change.wire), ("SDK", change.sdk)) if hit]
    return f" (breaks the {' and the '.join(parts)})" if parts else ""


def _allowed(change: Change, result: DiffResult) -> str:
    return " [allowed]" if change.code in result.allowed else ""


def format_text(result: DiffResult, version: str) -> str:
    """``file:line:col: kind[CODE] message (breaks ...)`` lines, then a summary."""
    lines = []
    for change in result.changes:
        where = f"{change.location}: " if change.location else ""
        lines.append(
            f"{where}{change.kind}[{change.code}] {change.message}"
            f"{_breaks(change)}{_allowed(change, result)}"
        )
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def format_json(result: DiffResult, version: str) -> str:
    """The changes and the bump as one JSON document."""
    document: dict[str, Any] = {
        "bump": result.bump,
        "version": version,
        "changes": [_json_change(c, result) for c in result.changes],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _json_change(change: Change, result: DiffResult) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "code": change.code,
        "operation": change.operation,
        "model": change.model,
        "message": change.message,
        "wire": change.wire,
        "sdk": change.sdk,
        "location": str(change.location) if change.location else None,
        "allowed": change.code in result.allowed,
    }


def format_github(result: DiffResult, version: str) -> str:
    """Workflow commands at the NEW spec's lines.

    Errors for breaks not allowed, warnings for allowed ones, notices for the rest.
    """
    lines = []
    for change in result.changes:
        if change.kind != BREAKING:
            command = "notice"
        elif change.code in result.allowed:
            command = "warning"
        else:
            command = "error"
        properties = []
        if change.location:
            loc = change.location
            properties += [
                f"file={escape_property(loc.file)}",
                f"line={loc.line}",
                f"col={loc.column}",
            ]
        title = f"{change.code} {change.kind}"
        properties.append(f"title={escape_property(title)}")
        message = escape_data(change.message + _breaks(change))
        lines.append(f"::{command} {','.join(properties)}::{message}")
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def format_markdown(result: DiffResult, version: str) -> str:
    """A changelog section: the version heading, then one list per kind."""
    lines = [f"## {version}", ""]
    if not result.changes:
        lines += ["No changes to the API or the SDK.", ""]
    for kind in KINDS:
        changes = [c for c in result.changes if c.kind == kind]
        if not changes:
            continue
        lines += [f"### {_SECTIONS[kind]}", ""]
        lines += [f"- {_markdown_line(c)}" for c in changes]
        lines.append("")
    return "\n".join(lines)


def _markdown_line(change: Change) -> str:
    subject = change.operation or change.model
    message = change.message
    if subject and message.startswith(f"{subject}: "):
        message = message[len(subject) + 2 :]
    head = f"`{subject}`: " if subject else ""
    return f"{head}{_markdown_escape(message)}{_breaks(change)} ({change.code})"


def _markdown_escape(text: str) -> str:
    # Spec text is untrusted: keep it from opening links, HTML or emphasis.
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "markdown": format_markdown,
}
