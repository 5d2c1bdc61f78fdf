"""Reading the document: bad input gives a clear error (exit 1), never a crash."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from generator.importers.openapi import document
from tests.importers.openapi.helpers import FIXTURES, get_json, minimal, run_import


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("not_openapi.yaml", "not an OpenAPI 3.0/3.1 document"),
        # Swagger 2.0 is converted (test_swagger_import.py); older ones are not.
        ("swagger12.json", "a Swagger '1.2' document; only Swagger 2.0 and OpenAPI"),
        ("broken.json", "not valid JSON"),
        ("broken.yaml", "not valid YAML (line 3)"),
        ("alias_bomb.yaml", "anchors and aliases multiply"),
    ],
)
def test_unusable_documents_exit_1_with_the_reason(
    fixture: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_import(FIXTURES / fixture, tmp_path, capsys)
    assert run.code == 1
    assert message in run.report
    assert "import-openapi: error:" in run.report
    assert not run.folder.exists()


def test_an_oversized_document_is_refused_before_it_is_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(document, "MAX_BYTES", 100)
    run = run_import(FIXTURES / "petstore.yaml", tmp_path, capsys)
    assert run.code == 1
    assert "more than the 100 this importer reads" in run.report


def test_a_missing_document_and_a_full_output_folder_are_clear_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_import(tmp_path / "nope.yaml", tmp_path, capsys)
    assert run.code == 1 and "cannot read" in run.report
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "keep.txt").write_text("x")
    run = run_import(FIXTURES / "petstore.yaml", tmp_path, capsys)
    assert run.code == 2 and "not an empty folder" in run.report


def test_json_with_nan_or_absurd_nesting_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "nan.json"
    doc.write_text('{"openapi": "3.1.0", "x": NaN}')
    assert run_import(doc, tmp_path, capsys).code == 1
    deep = tmp_path / "deep.json"
    deep.write_text('{"openapi": "3.1.0", "x": ' + "[" * 5000 + "]" * 5000 + "}")
    run = run_import(deep, tmp_path, capsys)
    assert run.code == 1 and "nested" in run.report


def test_json_nested_to_the_limit_is_read_and_one_level_more_is_not(
    tmp_path: Path,
) -> None:
    limit = document._MAX_JSON_DEPTH
    for levels, accepted in ((limit, True), (limit + 1, False)):
        # The top-level mapping is one level, each list one more, the 0 the last.
        lists = levels - 2
        doc = tmp_path / f"{levels}.json"
        doc.write_text('{"x": ' + "[" * lists + "0" + "]" * lists + "}")
        if accepted:
            assert document.read_source(doc).data["x"]
        else:
            with pytest.raises(document.DocumentError, match="nested more than"):
                document.read_source(doc)


def test_refs_local_files_cycles_missing_and_remote_never_fetched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the importer opened a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    run = run_import(FIXTURES / "refs.yaml", tmp_path, capsys)
    assert run.code == 0, run.report
    models = run.section("models")
    # A recursive schema is a recursive model, through a field, a list and a map.
    node = models["Node"]["fields"]
    assert node["parent"]["type"] == "Node"
    assert node["children"]["type"] == "list[Node]"
    assert node["labels"]["type"] == "map[Node]"
    assert node["note"] == {"type": "string", "nullable": True}
    # The local file's parameter and schema are followed.
    get = run.operation("nodes", "get_node")
    assert get["parameters"][0]["type"] == "uuid"
    fields = next(m for m in models.values() if "ok" in m.get("fields", {}))["fields"]
    assert fields["missing"]["type"] == "any"
    assert fields["remote"]["type"] == "any"
    assert fields["remote_file"]["type"] == "any"
    assert fields["shared"]["type"] == "Owner"
    assert fields["ok"]["type"] == "string"
    assert "refers to itself" in run.report
    assert "points to nothing" in run.report
    assert (
        "remote reference 'https://schemas.example.com/thing.json' is not fetched"
        in (run.report)
    )
    assert "warning[import-schema]: #/paths/~1broken/get/responses/200" in run.report


def test_a_ref_to_a_missing_local_file_degrades_that_part_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = minimal(
        {
            "/a": get_json(
                {
                    "type": "object",
                    "properties": {
                        "gone": {"$ref": "missing.yaml#/X"},
                        "name": {"type": "string"},
                    },
                }
            )
        }
    )
    run = run_import(doc, tmp_path, capsys)
    assert run.code == 0, run.report
    fields = run.section("models")["AGetThingResponse"]["fields"]
    assert fields == {"gone": {"type": "any"}, "name": {"type": "string"}}
    assert "missing.yaml" in run.report


def test_a_pointer_walks_escaped_tokens() -> None:
    data = {"paths": {"/a/b": {"get": 1}}, "x~y": [10, 20]}
    assert document.walk_pointer(data, "/paths/~1a~1b/get") == 1
    assert document.walk_pointer(data, "/x~0y/1") == 20
    with pytest.raises(document.RefError, match="points to nothing"):
        document.walk_pointer(data, "/x~0y/7")
    with pytest.raises(document.RefError, match="only JSON pointers"):
        document.walk_pointer(data, "anchor")
