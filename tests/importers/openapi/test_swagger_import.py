"""Swagger 2.0 through ``sdkgen import-openapi``: converted, imported, generated.

``swagger_petstore.yaml`` is a realistic Swagger 2.0 API (body and form bodies,
a file upload and a file download, query arrays in several collection formats,
response headers, every kind of security definition, x-nullable, a
discriminator); ``swagger2.json`` is a JSON one whose parameters and schemas
live partly in a local Swagger fragment, ``swagger_common.yaml``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from tests.importers.openapi.helpers import FIXTURES, run_import
from tests.importers.openapi.surface import load, surface

# The SDK's public methods and their keyword arguments, per resource; options
# every method takes (timeout, extra_headers...) are left out.
_SIGNATURES = """
import inspect, json, sys
sys.path.insert(0, ".")
import swagger_pet_store_client as sdk
client = sdk.SwaggerPetStoreClient(api_key="k")
found = {}
for resource in ("pets", "photos", "notes", "search"):
    methods = getattr(client, resource)
    for name in dir(methods):
        member = getattr(methods, name)
        if name.startswith(("_", "with_")) or not inspect.ismethod(member):
            continue
        arguments = list(inspect.signature(member).parameters)
        found.setdefault(resource, {})[name] = arguments
shared = set.intersection(*(set(p) for r in found.values() for p in r.values()))
print(json.dumps({r: {m: sorted(set(p) - shared) for m, p in ms.items()}
                  for r, ms in found.items()}))
"""

_METHODS = {
    "pets": {
        "list_pets": ["limit", "status", "tags", "x_request_id"],
        "create_pet": ["name", "petType", "tag"],
        "get_pet": ["petId"],
        "update_pet": ["name", "petId", "petType", "tag"],
        "delete_pet": ["petId"],
    },
    "photos": {
        "upload_photo": ["caption", "file", "labels", "petId"],
        "get_photo": ["petId"],
    },
    "notes": {"add_note": ["petId", "pinned", "text"]},
    "search": {"pets": ["fields", "q", "sort"]},
}


def test_a_swagger_document_imports_validates_and_becomes_an_sdk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_import(FIXTURES / "swagger_petstore.yaml", tmp_path, capsys)
    assert run.code == 0, run.report
    assert (
        "warning[import-swagger]: #/swagger: a Swagger 2.0 document; "
        "converted to OpenAPI 3.0.3 first" in run.report
    )
    assert main(["validate", "--strict", str(run.folder)]) == 0, capsys.readouterr()
    capsys.readouterr()

    api = run.section("api")
    assert api["base_url"] == "https://petstore.example.com/v2"
    assert [s["url"] for s in api["servers"]] == [
        "https://petstore.example.com/v2",
        "http://petstore.example.com/v2",
    ]
    auth = run.section("auth")
    assert {k: v["type"] for k, v in auth.items()} == {
        "basic_auth": "http_basic",
        "api_key": "api_key",
        "query_key": "api_key",
        "browser": "http_bearer",  # implicit: no flow sdkgen runs
        "trusted": "http_bearer",  # password: likewise
        "service": "oauth2",
        "partner": "oauth2",
    }
    assert auth["service"]["grants"] == ["client_credentials"]
    assert auth["partner"]["grants"] == ["authorization_code"]

    listing = {p["name"]: p for p in run.operation("pets", "list_pets")["parameters"]}
    assert listing["tags"]["type"] == "list[string]" and "style" not in listing["tags"]
    assert listing["status"]["style"] == "csv"
    assert listing["limit"]["type"] == "integer"
    assert listing["X-Request-Id"]["in"] == "header"
    create = run.operation("pets", "create_pet")
    assert create["body"] == {
        "type": "NewPet",
        "required": True,
        "description": "The pet to store.",
    }
    assert create["auth"] == ["basic_auth", "partner"]
    upload = {
        p["name"]: p for p in run.operation("photos", "upload_photo")["parameters"]
    }
    assert (upload["file"]["in"], upload["file"]["type"]) == ("file", "file")
    assert upload["labels"] == {"name": "labels", "in": "form", "type": "list[string]"}
    photo = run.operation("photos", "get_photo")["responses"]["200"]
    assert (photo["type"], photo["media_type"]) == ("bytes", "image/png")
    assert "Content-Disposition" in photo["headers"]
    get = run.operation("pets", "get_pet")
    assert get["returns"] == "Pet" and get["responses"]["404"]["type"] == "Error"
    models = run.section("models")
    assert models["Pet"]["fields"]["tag"] == {"type": "string", "nullable": True}
    assert models["Pet"]["fields"]["owner"]["type"] == "Owner"
    # What Swagger says and the spec cannot is a warning and a TODO on the operation.
    note = run.operation("notes", "add_note")
    assert "allowEmptyValue" in note["departures"][0]["document"]
    search = run.operation("search", "pets")
    notes = [d["document"] for d in search["departures"]]
    tsv = "#/paths/~1search/get/parameters/1/collectionFormat: collectionFormat 'tsv'"
    assert any(note.startswith(tsv) for note in notes)
    # 'pipes' is OpenAPI's pipeDelimited, which the spec sends as csv.
    assert any("style pipeDelimited" in note for note in notes)
    assert "imported with TODOs: 2" in run.report

    assert surface(load(run.folder))["methods"] == _METHODS
    out = tmp_path / "sdk"
    assert main(["generate", str(run.folder), "--out", str(out)]) == 0
    capsys.readouterr()
    found = subprocess.run(
        [sys.executable, "-c", _SIGNATURES],
        cwd=out / "python" / "src",
        capture_output=True,
        text=True,
        check=False,
    )
    assert found.returncode == 0, found.stderr[-3000:]
    # A method whose body is a model also takes the whole model as ``body``.
    expected = {r: {m: list(a) for m, a in ms.items()} for r, ms in _METHODS.items()}
    for method in ("create_pet", "update_pet"):
        expected["pets"][method] = sorted([*expected["pets"][method], "body"])
    assert json.loads(found.stdout) == expected


def test_refs_into_a_local_swagger_fragment_are_converted_with_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_import(FIXTURES / "swagger2.json", tmp_path, capsys)
    assert run.code == 0, run.report
    listing = run.operation("things", "list_things")
    # The fragment's parameter, inlined; its tsv format reported in its own file.
    assert listing["parameters"][0] == {
        "name": "fields",
        "in": "query",
        "type": "list[string]",
        "style": "csv",
        "description": "The fields to answer with.",
    }
    assert "swagger_common.yaml#/parameters/Fields/collectionFormat" in run.report
    # A body typed by the fragment's definition, a field typed by another one.
    assert run.operation("things", "create_thing")["body"]["type"] == "NewThing"
    models = run.section("models")
    assert models["NewThing"]["fields"]["note"] == {"type": "string", "nullable": True}
    assert models["Thing"]["fields"]["owner"] == {"type": "Owner"}
    # Notes on models name the pointers as written, in their own file.
    assert models["Owner"]["description"].startswith(
        r"TODO: swagger_common.yaml#/definitions/Owner/properties/Since\tx: field name"
    )
    assert models["Thing"]["description"].startswith(
        r"TODO: #/definitions/Thing/properties/Made\tx"
    )
    assert main(["validate", "--strict", str(run.folder)]) == 0


def _swagger(paths: Any, **extra: Any) -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "Bad", "version": "1"},
        "host": "api.example.test",
        "paths": paths,
        **extra,
    }


def _get(*parameters: Any, schema: Any = None) -> dict[str, Any]:
    response: dict[str, Any] = {"description": "ok"}
    if schema is not None:
        response["schema"] = schema
    return {
        "get": {
            "operationId": "getThing",
            "parameters": list(parameters),
            "responses": {"200": response},
        }
    }


@pytest.mark.parametrize(
    ("document", "code", "message"),
    [
        (_swagger([1, 2]), 1, "doc.json: 'paths' is not a mapping"),
        (
            _swagger({"/a": _get("limit")}),
            0,
            "#/paths/~1a/get/parameters/0: a parameter that is not an object",
        ),
        (
            _swagger(
                {
                    "/a": {
                        "post": {
                            "parameters": [{"name": "b", "in": "body"}],
                            "responses": {"204": {"description": "ok"}},
                        }
                    }
                }
            ),
            0,
            "#/paths/~1a/post/parameters/0: a body parameter without a schema",
        ),
        (
            _swagger({"/a": _get(schema={"$ref": "#/definitions/Gone"})}),
            0,
            "#/paths/~1a/get/responses/200/schema: $ref '#/components/schemas/Gone'"
            " points to nothing",
        ),
        (
            _swagger({"/a": _get({"$ref": "#/parameters/Gone"})}),
            0,
            "#/paths/~1a/get/parameters/0: $ref '#/parameters/Gone' points to nothing",
        ),
        (
            _swagger({"/a": "nothing"}, definitions=[1], securityDefinitions={"x": 1}),
            1,
            "#/paths/~1a: a path item that is not an object",
        ),
        ({"swagger": "3.0", "paths": {}}, 1, "a Swagger '3.0' document"),
    ],
)
def test_bad_swagger_input_warns_or_exits_1_never_crashes(
    document: dict[str, Any],
    code: int,
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    run = run_import(document, tmp_path, capsys)
    assert run.code == code, run.report
    assert message in run.report
