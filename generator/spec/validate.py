"""Validate a spec: the second stage of load -> validate -> model -> render -> write.

Three layers, each collecting every problem before the next one runs:
1. loading (``generator.spec.load``): files, encoding, YAML syntax, duplicate keys;
2. the JSON Schema (``generator.spec.schema.check``): shapes, types, allowed values;
3. semantic rules (``generator.spec.lint``): what a schema cannot say, such as path
   placeholders matching path parameters or models that exist.
A layer runs only when the one before it found no errors. Between the schema and the
semantic rules the document is normalised once into the typed ``Spec``
(``generator.spec.normalize``), which the rules and every later stage read. Nothing
here raises for user input.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, Location, Severity, SpecError
from generator.spec.elements import JsonPath
from generator.spec.load import FileContent, LoadedSpec, load_spec, merge_files
from generator.spec.types import Spec
from generator.spec.yaml_compose import MAX_DEPTH
from generator.spec.yaml_nodes import MAX_NODES

MISSING_SECTION = "SPEC028"
REQUIRED_SECTIONS = ("api", "resources")


@dataclass(frozen=True)
class ValidationResult:
    """What validation found; ``spec`` is None when the spec could not be loaded."""

    spec: LoadedSpec | None
    diagnostics: list[Diagnostic]
    root_name: str = ""
    typed: Spec | None = None  # set when the schema layer passed

    @property
    def errors(self) -> list[Diagnostic]:
        """The diagnostics that make the spec unusable."""
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        """The diagnostics that fail only a strict run."""
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def ok(self, strict: bool = False) -> bool:
        """No errors (and, when strict, no warnings either)."""
        return not self.errors and not (strict and self.warnings)

    @property
    def name(self) -> str:
        """How to name the spec in messages, e.g. ``spec/imgur``."""
        return self.spec.display_root() if self.spec else self.root_name

    @property
    def operation_count(self) -> int:
        """How many operations the spec declares (0 when it did not load)."""
        return _count_operations(self.spec.document) if self.spec else 0

    @property
    def model_count(self) -> int:
        """How many models the spec declares (0 when it did not load)."""
        return _count_models(self.spec.document) if self.spec else 0

    def summary(self) -> str:
        """E.g. ``spec/imgur: 75 operations, 18 models, 0 errors, 1 warning``."""
        counts = [
            _plural(len(self.errors), "error"),
            _plural(len(self.warnings), "warning"),
        ]
        if self.spec is not None:
            counts.insert(0, _plural(self.model_count, "model"))
            counts.insert(0, _plural(self.operation_count, "operation"))
        return f"{self.name}: {', '.join(counts)}"


def validate_path(path: Path) -> ValidationResult:
    """Load and check the spec at ``path``; problems come back as diagnostics."""
    try:
        spec = load_spec(path)
    except SpecError as err:
        return ValidationResult(None, _sorted(err.diagnostics), str(path))
    diagnostics, typed = check_spec(spec)
    return ValidationResult(spec, _sorted(diagnostics), spec.display_root(), typed)


def validate_documents(
    root: Path, documents: dict[Path, dict[str, Any]]
) -> ValidationResult:
    """Check a folder spec held in memory (each file's data), as if loaded from it.

    For a writer that checks what it just wrote without parsing its own YAML back:
    positions name only the file and section, and the loader's limits are not
    applied.
    """
    spec, problems = merge_documents(root, documents)
    if problems:
        return ValidationResult(None, _sorted(problems), str(root))
    diagnostics, typed = check_spec(spec)
    return ValidationResult(spec, _sorted(diagnostics), spec.display_root(), typed)


def far_from_loader_limits(document: Any) -> bool:
    """Whether a file's data is well within what the loader reads (values, depth).

    A writer checking from memory (``validate_documents``) falls back to reading
    its files when not: the loader's own limits decide then.
    """
    return nests_within(document, MAX_DEPTH // 2, values=MAX_NODES // 2)


def nests_within(value: Any, depth: int, *, values: int | None = None) -> bool:
    """Whether JSON-like data nests at most ``depth`` levels (and ``values`` values).

    Values count containers and scalars, the top one included. A scalar or an empty
    container is one level; a container holding anything is one more than its
    deepest item. Walked level by level, only the containers of each level kept for
    the next: a large description has a few hundred thousand scalars and no reason
    to visit them one by one.
    """
    levels, count, level = 1, 1, [value]
    while True:
        inner: list[Any] = []
        deeper = False  # a container of this level holds something: one level more
        for item in level:
            if isinstance(item, (dict, list)) and item:
                deeper = True
                children = item.values() if isinstance(item, dict) else item
                count += len(children)
                inner += [c for c in children if isinstance(c, (dict, list))]
        if not deeper:
            return levels <= depth and (values is None or count <= values)
        levels += 1
        if levels > depth or (values is not None and count > values):
            return False
        level = inner


def merge_documents(
    root: Path, documents: dict[Path, dict[str, Any]]
) -> tuple[LoadedSpec, list[Diagnostic]]:
    """The files' data merged as the loader merges a folder (theirs left as is)."""
    problems: list[Diagnostic] = []
    ordered = sorted(documents, key=lambda p: p.relative_to(root).as_posix())
    contents = []
    for path in ordered:
        # Merging adds to the first file's sections: copies, not the caller's dicts.
        data = {
            k: dict(v) if isinstance(v, dict) else v for k, v in documents[path].items()
        }
        # No positions: a finding names the file of its section's entry.
        here = Location(str(path), 1, 1)
        where: dict[JsonPath, Location] = {(section,): here for section in data}
        for section, value in data.items():
            if isinstance(value, dict):
                where.update({(section, name): here for name in value})
        contents.append(FileContent(path, data, where, {}))
    return merge_files(root, tuple(ordered), contents, problems), problems


def check_spec(spec: LoadedSpec) -> tuple[list[Diagnostic], Spec | None]:
    """Every problem in a loaded spec, and its typed Spec when the schema passed."""
    # Imported here: jsonschema takes a noticeable share of a short CLI run, and
    # callers that only load a spec should not pay for it.
    from generator.spec.lint import run_rules
    from generator.spec.normalize import normalize
    from generator.spec.schema.check import check_schema

    found = check_schema(spec) + _missing_sections(spec)
    if any(d.is_error for d in found):
        return found, None
    typed = normalize(spec.document)
    return found + run_rules(typed, spec), typed


def _missing_sections(spec: LoadedSpec) -> list[Diagnostic]:
    # A folder spec has no single root node: point at its first file.
    where = spec.locate(()) or Location(str(spec.files[0]), 1, 1)
    return [
        Diagnostic(
            code=MISSING_SECTION,
            severity=Severity.ERROR,
            message=f"the spec has no '{section}' section",
            location=where,
            hint=f"add '{section}:' at the top level of a spec file",
            json_path="$",
        )
        for section in REQUIRED_SECTIONS
        if section not in spec.document
    ]


def _sorted(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    def key(d: Diagnostic) -> tuple[str, int, int, str, str]:
        loc = d.location
        where = (loc.file, loc.line, loc.column) if loc else ("", 0, 0)
        return (*where, d.code, d.message)

    return sorted(diagnostics, key=key)


def _count_operations(document: dict[str, Any]) -> int:
    resources = document.get("resources")
    if not isinstance(resources, dict):
        return 0
    return sum(
        len(r["operations"])
        for r in resources.values()
        if isinstance(r, dict) and isinstance(r.get("operations"), dict)
    )


def _count_models(document: dict[str, Any]) -> int:
    models = document.get("models")
    return len(models) if isinstance(models, dict) else 0


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
