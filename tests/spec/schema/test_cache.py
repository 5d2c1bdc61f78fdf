"""The schema layer skips entries that passed before, and only those."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.spec.schema.cache import SchemaCache
from generator.spec.validate import validate_path


def test_entries_that_passed_are_not_checked_again(
    notes_spec: Path, cache_dir: Path
) -> None:
    spec = notes_spec
    first = validate_path(spec)
    assert first.ok() and first.spec is not None
    reduced, fresh = SchemaCache.open().split(first.spec.document)
    assert reduced["resources"] == {} and reduced["models"] == {}
    assert fresh == []


def test_a_changed_entry_is_checked_and_its_error_reported(
    notes_spec: Path, cache_dir: Path
) -> None:
    spec = notes_spec
    assert validate_path(spec).ok()
    spec.write_text(spec.read_text().replace("method: GET", "method: FETCH", 1))
    result = validate_path(spec)
    assert [d.code for d in result.errors] == ["SPEC022"]


def test_a_run_with_schema_errors_remembers_nothing(
    notes_spec: Path, cache_dir: Path
) -> None:
    spec = notes_spec
    spec.write_text(spec.read_text().replace("method: GET", "method: FETCH", 1))
    assert not validate_path(spec).ok()
    assert not list(cache_dir.rglob("valid-*.txt"))


def test_the_cache_can_be_turned_off(
    notes_spec: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", "")
    spec = notes_spec
    assert validate_path(spec).ok()
    result = validate_path(spec)
    assert result.spec is not None
    reduced, fresh = SchemaCache.open().split(result.spec.document)
    assert reduced["resources"] == result.spec.document["resources"]
    assert fresh
