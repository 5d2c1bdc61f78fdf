"""Diff two spec folders (or files): the one entry point the CLI calls."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diff.bump import bumped_version, suggested_bump
from generator.diff.compare import Change, compare
from generator.diff.load import load_pair
from generator.diff.snapshot import Snapshot, take_snapshot
from generator.loader import LoadedSpec
from generator.validate import ValidationResult


@dataclass(frozen=True)
class DiffResult:
    changes: list[Change]
    allowed: frozenset[str] = frozenset()
    old_version: str = ""  # OLD's api.sdk_version
    new_spec: LoadedSpec | None = None

    @property
    def next_version(self) -> str:
        """OLD's SDK version after the suggested bump ('Unreleased' if unparsable)."""
        try:
            return bumped_version(self.old_version, self.bump)
        except ValueError:
            return "Unreleased"

    @property
    def bump(self) -> str:
        return suggested_bump(c.kind for c in self.changes)

    @property
    def blocking(self) -> list[Change]:
        """Breaking changes not accepted with ``--allow``."""
        return [
            c
            for c in self.changes
            if c.kind == "breaking" and c.code not in self.allowed
        ]


@dataclass(frozen=True)
class InvalidSpec:
    """OLD or NEW failed validation; ``which`` is 'OLD' or 'NEW'."""

    which: str
    result: ValidationResult


def diff_specs(
    old: Path, new: Path, allowed: frozenset[str] = frozenset()
) -> DiffResult | InvalidSpec:
    old_result, new_result = load_pair(old, new)
    for which, result in (("OLD", old_result), ("NEW", new_result)):
        if result.errors or result.spec is None:
            return InvalidSpec(which, result)
    assert old_result.spec is not None and new_result.spec is not None
    kept = _differing_resources(old_result.spec.document, new_result.spec.document)
    old_snapshot = _snapshot(old_result.spec, kept)
    new_snapshot = _snapshot(new_result.spec, kept)
    return DiffResult(
        compare(old_snapshot, new_snapshot),
        allowed,
        old_version=old_snapshot.sdk_version,
        new_spec=new_result.spec,
    )


def _differing_resources(old: dict[str, Any], new: dict[str, Any]) -> set[str] | None:
    """Resources whose text differs, or None when every resource must be compared.

    A resource equal in both specs cannot change, unless what operations inherit
    (``defaults``) changed; leaving the equal ones out of the model halves the time
    a one-operation edit of a big spec takes to diff.
    """
    if old.get("defaults") != new.get("defaults"):
        return None
    old_resources, new_resources = old["resources"], new["resources"]
    return {
        name
        for name in old_resources.keys() | new_resources.keys()
        if old_resources.get(name) != new_resources.get(name)
    }


def _snapshot(spec: LoadedSpec, kept: set[str] | None) -> Snapshot:
    from generator.model import build_model

    document = spec.document
    if kept is not None:
        resources = {k: v for k, v in document["resources"].items() if k in kept}
        document = {**document, "resources": resources}
    api = build_model(document, spec_label=spec.display_root())
    return take_snapshot(spec, api)
