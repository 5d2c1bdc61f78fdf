"""The benchmark's synthetic specs are valid specs, with valid OpenAPI exports."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from openapi_spec_validator import validate

from generator.spec.validate import validate_path
from generator.targets.openapi.document import build_openapi
from tests import paths

SYNTH = paths.REPO / "bench" / "synth.py"


@pytest.fixture(scope="module")
def synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_synth", SYNTH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_synth"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_hundred_operation_spec_is_valid(synth: ModuleType, tmp_path: Path) -> None:
    written = synth.write_spec(tmp_path / "spec", 100)
    result = validate_path(tmp_path / "spec")
    assert result.diagnostics == []
    assert result.operation_count == 100
    assert result.model_count == written.models
    assert written.resources == 10
    assert result.typed is not None
    validate(build_openapi(result.typed, source="spec"))


@pytest.mark.parametrize("operations", [1, 7, 23])
def test_odd_sizes_are_valid(
    synth: ModuleType, tmp_path: Path, operations: int
) -> None:
    synth.write_spec(tmp_path, operations)
    result = validate_path(tmp_path)
    assert result.diagnostics == []
    assert result.operation_count == operations


def test_same_size_gives_same_bytes(synth: ModuleType, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    synth.write_spec(first, 30)
    synth.write_spec(second, 30)
    names = sorted(p.relative_to(first) for p in first.rglob("*.yaml"))
    assert names == sorted(p.relative_to(second) for p in second.rglob("*.yaml"))
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_one_operation_edit_target_exists(synth: ModuleType, tmp_path: Path) -> None:
    written = synth.write_spec(tmp_path, 20)
    path, summary = written.first_summary()
    assert path.read_text("utf-8").count(summary) == 1
