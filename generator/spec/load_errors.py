"""The diagnostics of the load stage: files that cannot be read or are not YAML.

Kept apart from ``generator.spec.load`` so the loader reads as the steps it takes;
each function here builds one kind of problem with its code, position and hint.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, Location, Severity
from generator.spec.flow_pitfalls import flow_hint
from generator.spec.text_positions import EXACT_MARKS, LineTable

# Codes of problems with the command line rather than the spec's content: the CLI
# exits 2 for these (usage error), 1 for everything else.
PATH_NOT_FOUND = "SPEC001"
NO_YAML_FILES = "SPEC002"
UNREADABLE = "SPEC003"
USAGE_CODES = frozenset({PATH_NOT_FOUND, NO_YAML_FILES, UNREADABLE})


def _file_error(
    code: str, path: Path, message: str, hint: str | None = None
) -> Diagnostic:
    location = Location(str(path), 1, 1) if path.is_file() else None
    return Diagnostic(code, Severity.ERROR, message, location, hint)


def path_not_found(path: Path) -> Diagnostic:
    """The spec path given does not exist."""
    hint = "check the spelling, and the folder the command runs in"
    return _file_error(PATH_NOT_FOUND, path, f"{path} does not exist", hint)


def not_a_file(path: Path) -> Diagnostic:
    """The spec path exists but is neither a file nor a folder (a socket, a device)."""
    hint = "pass a .yaml file or a folder of them"
    return _file_error(UNREADABLE, path, f"{path} is not a file or folder", hint)


def no_yaml_files(path: Path) -> Diagnostic:
    """A spec folder without any YAML file in it."""
    message = f"folder {path} holds no .yaml or .yml files"
    hint = "pass the spec file itself, or the folder that holds the spec's files"
    return _file_error(NO_YAML_FILES, path, message, hint)


def unreadable(path: Path, err: OSError) -> Diagnostic:
    """A spec file the operating system would not let us read, with its reason."""
    reason = err.strerror or type(err).__name__
    message = f"cannot read {path}: {reason}"
    return _file_error(UNREADABLE, path, message, "check the path and permissions")


def too_large(path: Path, size: int, limit: int) -> Diagnostic:
    """A spec file above the size limit, refused before it is read."""
    message = (
        f"{path} is {size / 1024 / 1024:.1f} MiB; spec files may be at most "
        f"{limit // 1024 // 1024} MiB"
    )
    return _file_error(
        "SPEC004", path, message, "split the spec into a folder of files"
    )


def not_utf8(path: Path, data: bytes, err: UnicodeDecodeError) -> Diagnostic:
    """A spec file that is not UTF-8, placed at the first bad byte."""
    before = data[: err.start]
    line = before.count(b"\n") + 1
    column = err.start - (before.rfind(b"\n") + 1) + 1
    return Diagnostic(
        code="SPEC005",
        severity=Severity.ERROR,
        message=f"{path} is not UTF-8 text: byte 0x{data[err.start]:02x} is invalid",
        location=Location(str(path), line, column),
        hint="save the file as UTF-8",
    )


def syntax_error(
    label: str,
    err: yaml.YAMLError,
    lines: LineTable = EXACT_MARKS,
    text: str | None = None,
) -> Diagnostic:
    """PyYAML's parse error, placed at its mark and worded for a spec author.

    With the file's ``text``, an error caused by a one-line mapping (``{type:
    list[Label]}``) gets a hint saying which value to quote.
    """
    problem = getattr(err, "problem", None) or str(err)
    context = getattr(err, "context", None)
    context_mark = getattr(err, "context_mark", None)
    if context and context_mark is not None:
        context += f" that starts at line {lines.location(label, context_mark).line}"
    message = f"not valid YAML: {problem}" + (f" ({context})" if context else "")
    location = lines.location(label, getattr(err, "problem_mark", None))
    hint = flow_hint(text, err) if text is not None else None
    hint = hint or "check the indentation and quoting at this position"
    return Diagnostic("SPEC006", Severity.ERROR, message, location, hint)


def empty_file(path: Path) -> Diagnostic:
    """A spec file that holds no YAML document."""
    hint = "write the spec's sections ('api', 'resources', ...) or delete the file"
    return _file_error("SPEC007", path, f"{path} is empty", hint)


def top_not_mapping(label: str, node: yaml.Node) -> Diagnostic:
    """A spec file whose top level is a list or a scalar instead of sections."""
    kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
    return Diagnostic(
        code="SPEC008",
        severity=Severity.ERROR,
        message=f"the top of a spec file must be a mapping of sections, not {kind}",
        location=mark_location(label, node.start_mark),
        hint="start the file with sections such as 'api:', 'models:', 'resources:'",
    )


def mark_location(label: str, mark: Any) -> Location:
    """A PyYAML or libyaml mark (0-based) as a Location (1-based)."""
    if mark is None:
        return Location(label, 1, 1)
    return Location(label, mark.line + 1, mark.column + 1)
