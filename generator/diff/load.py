"""Load and validate the two specs of a diff, parsing each identical file once.

Two versions of a spec usually differ in a file or two. A file of OLD whose bytes
equal a file of NEW reuses NEW's parsed content (YAML parsing is most of the time a
big spec takes to validate). When either spec has a problem, it is validated again
on its own by ``validate_path``, so it is reported exactly as ``sdkgen validate``
reports it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, SpecError
from generator.spec.load import (
    MAX_FILE_BYTES,
    FileContent,
    LoadedSpec,
    load_file,
    merge_files,
    spec_files,
)
from generator.spec.validate import ValidationResult, check_spec, validate_path

Parsed = dict[bytes, FileContent]


def load_pair(old: Path, new: Path) -> tuple[ValidationResult, ValidationResult]:
    """Both specs validated; a result with errors is exactly ``validate``'s."""
    new_result, parsed = _load(new, {})
    old_result, _ = _load(old, parsed)
    return old_result, new_result


def _load(path: Path, reuse: Parsed) -> tuple[ValidationResult, Parsed]:
    spec = _fast_load(path, reuse)
    if spec is None:
        return validate_path(path), {}
    loaded, parsed = spec
    found, typed = check_spec(loaded)
    if any(d.is_error for d in found):
        return validate_path(path), {}
    return ValidationResult(loaded, found, loaded.display_root(), typed), parsed


def _fast_load(path: Path, reuse: Parsed) -> tuple[LoadedSpec, Parsed] | None:
    """The spec, or None on any problem (then ``validate_path`` words it)."""
    try:
        files = spec_files(path)
    except SpecError:
        return None
    problems: list[Diagnostic] = []
    parsed: Parsed = {}
    contents: list[FileContent] = []
    for file in files:
        try:
            data = file.read_bytes()
        except OSError:
            return None
        if len(data) > MAX_FILE_BYTES:
            return None
        known = reuse.get(data)
        # Positions of a reused file name NEW's copy: only NEW's positions are shown.
        content = replace(known, path=file) if known else load_file(file, problems)
        if content is None or problems:
            return None
        parsed[data] = content
        # Merging fills the first file's sections in place: merge copies of them.
        contents.append(replace(content, document=_copy_sections(content.document)))
    spec = merge_files(path, files, contents, problems)
    return (spec, parsed) if not problems else None


def _copy_sections(document: dict[str, Any]) -> dict[str, Any]:
    return {k: dict(v) if isinstance(v, dict) else v for k, v in document.items()}
