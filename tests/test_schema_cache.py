"""The schema layer skips entries that passed before, and only those."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.spec.schema.cache import SchemaCache
from generator.spec.validate import validate_path

FIXTURE = Path(__file__).parent / "fixtures" / "generate" / "notes.yaml"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(folder))
    return folder


def copy_spec(tmp_path: Path) -> Path:
    spec = tmp_path / "notes.yaml"
    shutil.copy(FIXTURE, spec)
    return spec


def test_entries_that_passed_are_not_checked_again(
    tmp_path: Path, cache_dir: Path
) -> None:
    spec = copy_spec(tmp_path)
    first = validate_path(spec)
    assert first.ok() and first.spec is not None
    reduced, fresh = SchemaCache.open().split(first.spec.document)
    assert reduced["resources"] == {} and reduced["models"] == {}
    assert fresh == []


def test_a_changed_entry_is_checked_and_its_error_reported(
    tmp_path: Path, cache_dir: Path
) -> None:
    spec = copy_spec(tmp_path)
    assert validate_path(spec).ok()
    spec.write_text(spec.read_text().replace("method: GET", "method: FETCH", 1))
    result = validate_path(spec)
    assert [d.code for d in result.errors] == ["SPEC022"]


def test_a_run_with_schema_errors_remembers_nothing(
    tmp_path: Path, cache_dir: Path
) -> None:
    spec = copy_spec(tmp_path)
    spec.write_text(spec.read_text().replace("method: GET", "method: FETCH", 1))
    assert not validate_path(spec).ok()
    assert not list(cache_dir.rglob("valid-*.txt"))


def test_the_cache_can_be_turned_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", "")
    spec = copy_spec(tmp_path)
    assert validate_path(spec).ok()
    result = validate_path(spec)
    assert result.spec is not None
    reduced, fresh = SchemaCache.open().split(result.spec.document)
    assert reduced["resources"] == result.spec.document["resources"]
    assert fresh
