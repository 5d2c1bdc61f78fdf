"""remembered_names: names read from sdkgen's own sources, kept per their content."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.caches import remembered_names
from generator.spec.lint import identifiers


def reader(source: Path, calls: list[int]) -> Iterator[str]:
    calls.append(1)
    yield from source.read_text().split()


def test_names_are_read_once_per_content_of_the_sources(
    tmp_path: Path, cache_dir: Path
) -> None:
    source = tmp_path / "module.py"
    source.write_text("alpha beta")
    calls: list[int] = []
    first = remembered_names("t", [source], lambda: reader(source, calls))
    again = remembered_names("t", [source], lambda: reader(source, calls))
    assert first == again == {"alpha", "beta"}
    assert len(calls) == 1
    source.write_text("alpha gamma")
    changed = remembered_names("t", [source], lambda: reader(source, calls))
    assert changed == {"alpha", "gamma"} and len(calls) == 2


def test_without_a_cache_names_are_read_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", "")
    source = tmp_path / "module.py"
    source.write_text("alpha")
    calls: list[int] = []
    for _ in range(2):
        assert remembered_names("t", [source], lambda: reader(source, calls)) == {
            "alpha"
        }
    assert len(calls) == 2


def test_an_unwritable_cache_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(blocker))
    source = tmp_path / "module.py"
    source.write_text("alpha")
    assert remembered_names("t", [source], lambda: reader(source, [])) == {"alpha"}


def test_the_lint_reads_the_same_names_from_the_cache(cache_dir: Path) -> None:
    for function in (identifiers.runtime_names, identifiers.client_members):
        function.cache_clear()
    fresh = (identifiers.runtime_names(), identifiers.client_members(False))
    assert any(cache_dir.rglob("runtime-names-*.txt"))
    for function in (identifiers.runtime_names, identifiers.client_members):
        function.cache_clear()
    assert (identifiers.runtime_names(), identifiers.client_members(False)) == fresh
    assert "SyncAPIClient" in fresh[0] and "with_raw_response" in fresh[1]
    assert "oauth" not in fresh[1] and "oauth" in identifiers.client_members(True)


def test_a_damaged_cache_file_is_read_again_and_replaced(
    tmp_path: Path, cache_dir: Path
) -> None:
    source = tmp_path / "module.py"
    source.write_text("alpha")
    calls: list[int] = []
    remembered_names("t", [source], lambda: reader(source, calls))
    [entry] = cache_dir.rglob("t-*.txt")
    entry.write_bytes(b"\xff\xfe not text")
    assert remembered_names("t", [source], lambda: reader(source, calls)) == {"alpha"}
    assert len(calls) == 2
    assert entry.read_text() == "alpha\n"
