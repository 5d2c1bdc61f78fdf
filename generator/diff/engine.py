"""Diff two spec folders (or files): the one entry point the CLI calls."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from generator.diff.bump import bumped_version, suggested_bump
from generator.diff.compare import Change, compare
from generator.diff.load import load_pair
from generator.diff.snapshot import Snapshot, take_snapshot
from generator.spec.load import LoadedSpec
from generator.spec.types import Spec
from generator.spec.validate import ValidationResult


@dataclass(frozen=True)
class DiffResult:
    """Every change between two valid specs, and what was accepted."""

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
        """The version bump the changes call for: major, minor, patch or none."""
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
    """Compare spec ``old`` with ``new``; an invalid one comes back as InvalidSpec."""
    old_result, new_result = load_pair(old, new)
    for which, result in (("OLD", old_result), ("NEW", new_result)):
        if result.errors or result.spec is None or result.typed is None:
            return InvalidSpec(which, result)
    assert old_result.spec is not None and new_result.spec is not None
    assert old_result.typed is not None and new_result.typed is not None
    old_doc, new_doc = old_result.spec.document, new_result.spec.document
    kept = _Kept(
        resources=_differing(old_doc, new_doc, "resources"),
        models=_differing(old_doc, new_doc, "models"),
    )
    if old_doc.get("defaults") != new_doc.get("defaults"):
        kept = _Kept(resources=None, models=kept.models)
    elif kept.resources is not None and kept.models:
        # A body model's fields are its operation's arguments: a changed model
        # changes the operations that take it as their body.
        takers = _body_takers(old_result.typed, kept.models)
        takers |= _body_takers(new_result.typed, kept.models)
        kept = _Kept(resources=kept.resources | takers, models=kept.models)
    old_snapshot = _snapshot(old_result.spec, old_result.typed, kept)
    new_snapshot = _snapshot(new_result.spec, new_result.typed, kept)
    return DiffResult(
        compare(old_snapshot, new_snapshot),
        allowed,
        old_version=old_snapshot.sdk_version,
        new_spec=new_result.spec,
    )


@dataclass(frozen=True)
class _Kept:
    """What the snapshots describe: the entries that differ (None: all of them).

    An entry whose text is equal in both specs cannot hold a change, unless what
    operations inherit (``defaults``) changed; leaving equal ones out of the model
    keeps a one-operation edit of a big spec cheap to diff.
    """

    resources: set[str] | None
    models: set[str]


def _body_takers(typed: Spec, models: set[str]) -> set[str]:
    """Resources with an operation whose body is one of ``models``."""
    return {
        op.resource
        for op in typed.operations
        if op.body is not None and op.body.type in models
    }


def _differing(old: dict[str, Any], new: dict[str, Any], section: str) -> set[str]:
    old_entries, new_entries = old.get(section, {}), new.get(section, {})
    return {
        name
        for name in old_entries.keys() | new_entries.keys()
        if old_entries.get(name) != new_entries.get(name)
    }


def _snapshot(spec: LoadedSpec, typed: Spec, kept: _Kept) -> Snapshot:
    from generator.model.build import build_model

    resources = typed.resources
    if kept.resources is not None:
        resources = tuple(r for r in resources if r.name in kept.resources)
    # Unions stay: the model needs all of them to type fields and returns.
    models = {
        name: model
        for name, model in typed.models.items()
        if name in kept.models or model.is_union
    }
    partial = dataclasses.replace(
        typed, resources=resources, models=MappingProxyType(models)
    )
    api = build_model(partial, spec_label=spec.display_root())
    return take_snapshot(spec, typed, api)
