"""How ``import-openapi`` writes and checks its spec folder.

The files are dumped by libyaml's emitter when PyYAML has it, else by PyYAML's own
(in worker processes for a large description), and the spec is checked from the
data dumped rather than parsed back; ``SDKGEN_SELF_CHECK=1`` (set for every test in
``tests/conftest.py``) parses it back too and wants the same data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importers.openapi import writer
from generator.spec.validate import validate_documents, validate_path
from tests.importers.openapi.helpers import FIXTURES, run_import


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*.yaml"))
    }


def test_files_dumped_by_workers_are_the_files_dumped_here(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer, "_LIBYAML_DUMPER", None)  # PyYAML's own emitter
    here = run_import(FIXTURES / "petstore.yaml", tmp_path / "here", capsys)
    monkeypatch.setattr(writer, "PARALLEL_OPERATIONS", 1)
    monkeypatch.setattr(writer, "usable_cores", lambda: 2)  # on any machine
    pools = []
    original = writer.ProcessPoolExecutor

    def counted(*args: Any, **kwargs: Any) -> Any:
        pools.append(kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(writer, "ProcessPoolExecutor", counted)
    workers = run_import(FIXTURES / "petstore.yaml", tmp_path / "workers", capsys)
    assert here.code == workers.code == 0
    assert pools == [{"max_workers": 2}]
    assert snapshot(here.folder) == snapshot(workers.folder)
    assert len(snapshot(here.folder)) > 2  # api, models and resource files


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
def test_libyaml_dumps_the_files_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer, "PARALLEL_OPERATIONS", 1)

    def unexpected(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("libyaml needs no worker processes")

    monkeypatch.setattr(writer, "ProcessPoolExecutor", unexpected)
    run = run_import(FIXTURES / "petstore.yaml", tmp_path, capsys)
    assert run.code == 0, run.report
    assert "Pet Store" in (run.folder / "api.yaml").read_text("utf-8")


# Spec text at its worst for an emitter: every kind of line break and space,
# control and format characters, quotes, YAML's indicators, long words.
HOSTILE = st.lists(
    st.one_of(
        st.sampled_from(
            [
                *("\n", "\r\n", "\r", "\x85", "\u2028", "\u2029", " ", "  \n", "\t"),
                *("\x00", "\x07", "\x1b", "\u200b", "\ufeff", "\ud7ff", "\U0001f600"),
                *('"', "'", "\\", ": ", " #", "- ", "|", ">", "&a", "*a", "!t"),
                *("%", "@"),
                *("yes", "null", "~", "0x1F", "1e3", ".inf", "word " * 30, "x" * 120),
            ]
        ),
        st.text(max_size=5),
    ),
    max_size=12,
).map("".join)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
@settings(max_examples=300, derandomize=True, deadline=None, database=None)
@given(values=st.lists(HOSTILE, min_size=1, max_size=4))
def test_both_emitters_write_the_same_data(values: list[str]) -> None:
    data = {"api": {"name": values[0], "notes": values, values[-1]: {"k": values}}}
    with_libyaml = writer.dump(data)
    assert writer._LIBYAML_DUMPER is not None
    monkeypatch = pytest.MonkeyPatch()
    with monkeypatch.context() as patched:
        patched.setattr(writer, "_LIBYAML_DUMPER", None)
        in_python = writer.dump(data)
    assert yaml.safe_load(with_libyaml) == data == yaml.safe_load(in_python)


def test_the_data_dumped_validates_as_the_files_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_import(FIXTURES / "petstore.yaml", tmp_path, capsys)
    assert run.code == 0, run.report
    documents = {
        path: writer.yaml.safe_load(path.read_text("utf-8"))
        for path in run.folder.rglob("*.yaml")
    }
    from_memory = validate_documents(run.folder, documents)
    from_files = validate_path(run.folder)
    assert from_memory.spec is not None and from_files.spec is not None
    assert from_memory.spec.document == from_files.spec.document
    assert from_memory.typed == from_files.typed
    codes = [(d.code, d.message) for d in from_memory.diagnostics]
    assert codes == [(d.code, d.message) for d in from_files.diagnostics]


def test_a_draft_that_fails_its_own_checks_is_an_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SDKGEN_SELF_CHECK")  # the check from memory alone
    original = writer.files

    def broken(draft: dict[str, Any], source: str) -> dict[str, dict[str, Any]]:
        planned = original(draft, source)
        planned["api.yaml"]["api"]["base_url"] = 42  # not a URL: the schema says so
        return planned

    monkeypatch.setattr(writer, "files", broken)
    run = run_import(FIXTURES / "petstore.yaml", tmp_path, capsys)
    assert run.code == 123
    assert "the spec fails its own validation" in run.report


def test_the_self_check_fails_when_the_files_say_something_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    original = writer.dump

    def lossy(value: dict[str, Any]) -> str:
        # A dumper bug: what the file says is not the data that was checked.
        return original(value).replace("Pet Store", "Other Store")

    monkeypatch.setattr(writer, "dump", lossy)
    run = run_import(FIXTURES / "petstore.yaml", tmp_path, capsys)
    assert run.code == 123
    assert "the spec read back differs from the data dumped" in run.report


def test_without_the_self_check_the_files_are_not_read_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SDKGEN_SELF_CHECK")
    from generator.spec import load

    def unexpected(*args: Any) -> Any:
        raise AssertionError("the written spec was parsed back")

    monkeypatch.setattr(load, "load_file", unexpected)
    run = run_import(FIXTURES / "petstore.yaml", tmp_path, capsys)
    assert run.code == 0, run.report


def test_a_spec_near_the_loader_limits_is_read_back_to_be_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SDKGEN_SELF_CHECK")
    from generator.spec import load, validate

    read: list[Path] = []
    original = load.load_file

    def reading(path: Path, problems: list[Any]) -> Any:
        read.append(path)
        return original(path, problems)

    monkeypatch.setattr(load, "load_file", reading)
    monkeypatch.setattr(validate, "far_from_loader_limits", lambda data: False)
    run = run_import(FIXTURES / "petstore.yaml", tmp_path, capsys)
    assert run.code == 0, run.report
    assert sorted(read) == sorted(run.folder.rglob("*.yaml"))


def test_loader_limits_are_judged_from_the_data() -> None:
    from generator.spec.validate import far_from_loader_limits
    from generator.spec.yaml_compose import MAX_DEPTH
    from generator.spec.yaml_nodes import MAX_NODES

    assert far_from_loader_limits({"models": {"A": {"fields": {"x": "int"}}}})
    assert not far_from_loader_limits({"values": list(range(MAX_NODES // 2))})
    deep: dict[str, Any] = {}
    for _ in range(MAX_DEPTH // 2):
        deep = {"nested": deep}
    assert not far_from_loader_limits(deep)
