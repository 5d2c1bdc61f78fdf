"""Operations: resources, names, parameters, bodies, responses, auth, paging."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.importers.openapi.helpers import FIXTURES, get_json, minimal, run_import

Capsys = pytest.CaptureFixture[str]


def test_petstore_imports_every_construct(tmp_path: Path, capsys: Capsys) -> None:
    run = run_import(FIXTURES / "petstore.yaml", tmp_path, capsys)
    assert run.code == 0, run.report
    api = run.section("api")
    assert api["base_url"] == "https://eu.pets.example.com/v1"
    assert api["servers"] == [
        {
            "name": "production",
            "url": "https://{region}.pets.example.com/v1",
            "description": "Production",
            "variables": {"region": {"default": "eu", "enum": ["eu", "us"]}},
        }
    ]
    auth = run.section("auth")
    assert auth["api_key"] == {
        "type": "api_key",
        "header": "X-API-Key",
        "argument": "api_key",
    }
    assert auth["bearer"]["type"] == "http_bearer"
    assert auth["basic"] == {"type": "http_basic"}
    assert auth["oauth"]["grants"] == ["client_credentials"]
    assert run.section("defaults") == {"auth": ["api_key", "bearer"]}
    listing = run.operation("pets", "list_pets")
    assert [p["name"] for p in listing["parameters"]] == [
        "page",
        "per_page",
        "from",
        "X-Trace",
    ]
    assert listing["parameters"][3]["python_name"] == "x_trace"
    assert listing["returns"] == "list[Pet]"
    assert listing["responses"] == {
        "default": {"type": "Error", "description": "An error."}
    }
    assert listing["paginate"] == {
        "style": "page",
        "parameter": "page",
        "start": 1,
        "size_parameter": "per_page",
    }
    assert "cookie parameter 'session'" in listing["departures"][0]["document"]
    create = run.operation("pets", "create")
    assert create["body"] == {"type": "NewPet", "required": True}
    assert create["responses"]["201"]["type"] == "Pet"
    assert run.operation("pets", "get_pet")["auth"] == [["basic", "api_key"]]
    # Two operationIds 'getPet': the second is renamed, with a warning and a TODO.
    delete = run.operation("pets", "get_pet_2")
    assert delete["method"] == "DELETE"
    assert delete["departures"][0]["reason"].startswith("TODO: ")
    assert (
        "warning[import-name-collision]: #/paths/~1pets~1{petId}/delete" in run.report
    )
    photo = run.operation("pets", "upload_photo")
    assert photo["body"] == {
        "type": "file",
        "media_type": "image/png",
        "required": False,
    }
    assert photo["responses"]["200"] == {
        "type": "bytes",
        "media_type": "image/png",
        "description": "The photo.",
    }
    pet = run.section("models")["Pet"]["fields"]
    assert pet["class"] == {"type": "string"}
    # A key that is no identifier keeps its wire spelling, with a Python name.
    assert pet["DateCreated<"] == {"type": "string", "python_name": "date_created_lt"}
    assert "inferred-pagination" in run.report
    assert (
        "operations read: 5\n  imported: 5\n  imported with TODOs: 2\n  skipped: 0"
        in run.report
    )


def test_resource_from_first_tag_else_first_segment_and_prefix_removed(
    tmp_path: Path, capsys: Capsys
) -> None:
    ops = {
        "/v1/orders": {
            "get": {
                "operationId": "orders_list",
                "responses": {"204": {"description": "x"}},
            }
        },
        "/things": {
            "post": {
                "tags": ["Stock Items", "x"],
                "operationId": "StockItems.Create",
                "responses": {"204": {"description": "x"}},
            }
        },
        "/": {"get": {"responses": {"204": {"description": "x"}}}},
    }
    run = run_import(minimal(ops), tmp_path, capsys)
    assert run.code == 0, run.report
    resources = run.section("resources")
    assert list(resources["v1"]["operations"]) == ["orders_list"]
    assert list(resources["stock_items"]["operations"]) == ["create"]
    assert list(resources["default"]["operations"]) == ["get"]


def test_no_operation_means_no_spec(tmp_path: Path, capsys: Capsys) -> None:
    run = run_import(minimal({}), tmp_path, capsys)
    assert run.code == 1
    assert "no operation to import" in run.report


def test_trace_and_impossible_paths_are_skipped_with_why(
    tmp_path: Path, capsys: Capsys
) -> None:
    done = {"responses": {"204": {"description": "x"}}}
    ops: dict[str, Any] = {
        "/a": {"trace": {"responses": {}}, "get": done},
        "/b?c={c}": {"get": done},
        "/c/{d": {"get": done},
        "/e^": {"get": done},
    }
    run = run_import(minimal(ops), tmp_path, capsys)
    assert run.code == 0, run.report
    assert "skipped: 4" in run.report
    assert "#/paths/~1a/trace: TRACE is not a method sdkgen generates" in run.report
    assert "carries a query string" in run.report
    for path in ("/c/{d", "/e^"):
        assert f"path '{path}' holds characters a spec path cannot" in run.report


def test_paths_keep_what_rfc_3986_allows(tmp_path: Path, capsys: Capsys) -> None:
    done = {"responses": {"204": {"description": "x"}}}
    param = {"name": "name", "in": "path", "required": True, "schema": {}}
    ops = {
        "/v1/{name}:cancel": {"post": {**done, "parameters": [param]}},
        "/items('{name}')/$value,@me;x=1": {"get": {**done, "parameters": [param]}},
    }
    run = run_import(minimal(ops), tmp_path, capsys)
    assert run.code == 0, run.report
    assert "skipped: 0" in run.report
    paths = sorted(op["path"] for op in run.operations())
    assert paths == ["/items('{name}')/$value,@me;x=1", "/v1/{name}:cancel"]


def test_fragments_are_dropped_and_one_route_is_imported_once(
    tmp_path: Path, capsys: Capsys
) -> None:
    done = {"responses": {"204": {"description": "x"}}}
    param = {"name": "slug", "in": "path", "required": True, "schema": {}}
    ops: dict[str, Any] = {
        "/#Target=Query": {"post": {**done, "operationId": "query"}},
        "/#Target=Tag": {"post": {**done, "operationId": "tag"}},
        "/a/{id}": {"get": {**done, "parameters": [{**param, "name": "id"}]}},
        "/a/{slug}": {"get": {**done, "parameters": [param]}},
    }
    run = run_import(minimal(ops), tmp_path, capsys)
    assert run.code == 0, run.report
    assert "skipped: 2" in run.report
    assert "the fragment '#Target=Query' is never sent" in run.report
    assert "#/paths/~1#Target=Tag/post: same method and path as" in run.report
    assert "#/paths/~1a~1{slug}/get: same method and path as" in run.report
    assert sorted(op["path"] for op in run.operations()) == ["/", "/a/{id}"]


def test_placeholders_are_renamed_to_identifiers(
    tmp_path: Path, capsys: Capsys
) -> None:
    ops = {
        "/sms/{Account-Sid}/": {
            "get": {
                "operationId": "get",
                "parameters": [
                    {
                        "name": "Account-Sid",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {"204": {"description": "x"}},
            }
        }
    }
    run = run_import(minimal(ops), tmp_path, capsys)
    assert run.code == 0, run.report
    op = run.operation("sms", "get")
    assert op["path"] == "/sms/{account_sid}"
    assert op["parameters"][0]["name"] == "account_sid"


def test_form_bodies_become_form_and_file_parameters(
    tmp_path: Path, capsys: Capsys
) -> None:
    schema = {
        "type": "object",
        "required": ["file"],
        "properties": {
            "file": {"type": "string", "format": "binary"},
            "ids[]": {"type": "array", "items": {"type": "string"}},
            "meta": {"type": "object", "properties": {"a": {"type": "string"}}},
        },
    }
    ops = {
        "/upload": {
            "post": {
                "operationId": "upload",
                "requestBody": {"content": {"multipart/form-data": {"schema": schema}}},
                "responses": {"204": {"description": "x"}},
            }
        }
    }
    run = run_import(minimal(ops), tmp_path, capsys)
    assert run.code == 0, run.report
    params = run.operation("upload", "upload")["parameters"]
    assert params[0] == {"name": "file", "in": "file", "type": "file", "required": True}
    assert params[1] == {
        "name": "ids[]",
        "in": "form",
        "type": "list[string]",
        "python_name": "ids",
    }
    assert params[2]["type"] == "string"  # an object has no form encoding here: a TODO
    assert "form field 'meta' of type" in run.report


def test_constant_headers_and_security_alternatives(
    tmp_path: Path, capsys: Capsys
) -> None:
    ops = {
        "/a": {
            "get": {
                "operationId": "get",
                "parameters": [
                    {
                        "name": "Api-Version",
                        "in": "header",
                        "required": True,
                        "schema": {"type": "string", "const": "2024"},
                    },
                ],
                "security": [{}, {"key": []}],
                "responses": {"204": {"description": "x"}},
            }
        }
    }
    schemes = {
        "securitySchemes": {"key": {"type": "apiKey", "in": "query", "name": "api_key"}}
    }
    run = run_import(minimal(ops, components=schemes), tmp_path, capsys)
    assert run.code == 0, run.report
    op = run.operation("a", "get")
    assert op["headers"] == {"Api-Version": "2024"}
    assert op["auth"] == ["key"]
    assert "authentication is optional" in op["departures"][0]["document"]
    assert run.section("auth")["key"] == {
        "type": "api_key",
        "in": "query",
        "name": "api_key",
        "argument": "key",
    }


@pytest.mark.parametrize(
    ("params", "payload", "expected"),
    [
        (
            ["offset", "limit"],
            {"type": "array", "items": {"type": "string"}},
            {"style": "offset", "parameter": "offset", "limit_parameter": "limit"},
        ),
        (
            ["starting_after", "limit"],
            {
                "type": "object",
                "properties": {
                    "data": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {"id": {"type": "string"}},
                        },
                    },
                    "has_more": {"type": "boolean"},
                },
            },
            {
                "style": "cursor",
                "parameter": "starting_after",
                "cursor_from_item": "id",
                "has_more": "has_more",
                "items": "data",
            },
        ),
        (
            ["cursor"],
            {
                "type": "object",
                "properties": {
                    "items": {"type": "array", "items": {"type": "string"}},
                    "next_cursor": {"type": "string"},
                },
            },
            {
                "style": "cursor",
                "parameter": "cursor",
                "next_cursor": "next_cursor",
                "items": "items",
            },
        ),
    ],
)
def test_pagination_is_inferred_and_said_so(
    params: list[str],
    payload: dict[str, Any],
    expected: dict[str, Any],
    tmp_path: Path,
    capsys: Capsys,
) -> None:
    ops = get_json(payload)
    ops["get"]["parameters"] = [
        {
            "name": n,
            "in": "query",
            "schema": {
                "type": "string" if n in ("cursor", "starting_after") else "integer"
            },
        }
        for n in params
    ]
    run = run_import(minimal({"/things": ops}), tmp_path, capsys)
    assert run.code == 0, run.report
    assert run.operation("things", "get_thing")["paginate"] == expected
    assert "warning[import-inferred-pagination]" in run.report


def test_hostile_text_stays_text(tmp_path: Path, capsys: Capsys) -> None:
    run = run_import(FIXTURES / "names.json", tmp_path, capsys)
    assert run.code == 0, run.report
    assert "\x1b" not in run.report and "\x07" not in run.report
    params = run.operation("sms", "list_31m")["parameters"]
    assert params[0]["name"] == "accounte_sid"
    by_name = {p["name"]: p for p in params}
    assert by_name["timeout"]["python_name"] == "timeout_2"
    assert by_name["Time-Zone"]["enum"] == ["Etc/GMT+0", "Etc/GMT-0"]
    # Twilio-like filters: the wire names stay, the Python names are told apart.
    assert by_name["DateCreated"].get("python_name") is None
    assert by_name["DateCreated<"]["python_name"] == "date_created_lt"
    assert by_name["DateCreated>"]["python_name"] == "date_created_gt"
    assert by_name["名前"]["python_name"].isascii()
    assert "名前" not in run.report  # kept, so nothing to warn about


def test_own_servers_headers_callbacks_and_webhooks(
    tmp_path: Path, capsys: Capsys
) -> None:
    created = {
        "description": "Created.",
        "headers": {
            "X-Count": {"schema": {"type": "integer"}, "description": "How many."},
            "Location": {"schema": {"type": "string"}},
            "Bad Header": {"schema": {"type": "string"}},
        },
        "content": {"application/json": {"schema": {"type": "string"}}},
    }
    ops = {
        "/uploads": {
            "servers": [{"url": "https://uploads.example.test/"}],
            "post": {
                "operationId": "create",
                "callbacks": {"done": {}},
                "responses": {"201": created},
            },
        }
    }
    doc = minimal(ops, webhooks={"ping": {"post": {"responses": {}}}})
    run = run_import(doc, tmp_path, capsys)
    assert run.code == 0, run.report
    op = run.operation("uploads", "create")
    assert op["base_url"] == "https://uploads.example.test"
    assert op["responses"]["201"]["headers"] == {
        "X-Count": {"type": "integer", "description": "How many."},
        "Location": {},
    }
    assert "callbacks" in op["departures"][0]["document"]
    assert "warning[import-webhooks]: #/webhooks: 1 webhook(s)" in run.report


def test_a_form_body_on_delete_travels_in_the_query(
    tmp_path: Path, capsys: Capsys
) -> None:
    form = {
        "type": "object",
        "properties": {"expand": {"type": "array", "items": {"type": "string"}}},
    }
    body = {"content": {"application/x-www-form-urlencoded": {"schema": form}}}
    done = {"responses": {"204": {"description": "x"}}}
    ops = {"/a": {"delete": {**done, "operationId": "drop", "requestBody": body}}}
    run = run_import(minimal(ops), tmp_path, capsys)
    assert run.code == 0, run.report
    (op,) = run.operations()
    assert [(p["name"], p["in"]) for p in op["parameters"]] == [("expand", "query")]
    assert "its fields are sent in the query string" in run.report


def test_a_file_upload_on_delete_is_skipped_with_why(
    tmp_path: Path, capsys: Capsys
) -> None:
    form = {
        "type": "object",
        "properties": {"proof": {"type": "string", "format": "binary"}},
    }
    body = {"content": {"multipart/form-data": {"schema": form}}}
    done = {"responses": {"204": {"description": "x"}}}
    ops = {
        "/a": {"delete": {**done, "operationId": "drop", "requestBody": body}},
        "/b": {"get": {**done, "operationId": "keep"}},
    }
    run = run_import(minimal(ops), tmp_path, capsys)
    assert run.code == 0, run.report
    names = [
        name for r in run.section("resources").values() for name in r["operations"]
    ]
    assert names == ["keep"]
    assert "a file upload in the body of a DELETE" in run.report
    assert "skipped: 1" in run.report


def test_a_union_body_is_not_offered_as_a_form(tmp_path: Path, capsys: Capsys) -> None:
    one = {"type": "object", "properties": {"a": {"type": "string"}}}
    two = {"type": "object", "properties": {"b": {"type": "integer"}}}
    schema = {"oneOf": [one, two]}
    content = {
        m: {"schema": schema} for m in ("application/json", "multipart/form-data")
    }
    done = {"responses": {"204": {"description": "x"}}}
    ops = {"/a": {"patch": {**done, "requestBody": {"content": content}}}}
    run = run_import(minimal(ops), tmp_path, capsys)
    assert run.code == 0, run.report
    (op,) = run.operations()
    assert "media_types" not in op["body"]
    assert op["body"].get("media_type", "application/json") == "application/json"
    assert "sent as application/json only" in run.report


def test_text_and_enums_beyond_the_spec_limits_are_cut_with_a_warning(
    tmp_path: Path, capsys: Capsys
) -> None:
    param = {"name": "fmt", "in": "query", "schema": {"enum": ["a", "b", "a", "c"]}}
    ops = {"/a": {"get": {"parameters": [param], "responses": {"204": {}}}}}
    info = {"title": "T", "version": "v" * 80, "description": "d" * 30_000}
    run = run_import({**minimal(ops), "info": info}, tmp_path, capsys)
    assert run.code == 0, run.report
    api = run.section("api")
    assert len(api["version"]) == 50 and api["version"].endswith("[...]")
    assert len(api["description"]) == 20_000
    (op,) = run.operations()
    assert op["parameters"][0]["enum"] == ["a", "b", "c"]
    assert "spec api.description: a description of 30000 characters" in run.report
    assert "an enum list that names a value more than once" in run.report


def test_schemes_sharing_one_header_are_alternatives_not_a_group(
    tmp_path: Path, capsys: Capsys
) -> None:
    flows = {"implicit": {"authorizationUrl": "https://a.test/auth", "scopes": {}}}
    schemes = {
        "Oauth2": {"type": "oauth2", "flows": flows},
        "Oauth2c": {"type": "oauth2", "flows": flows},
        "Key": {"type": "apiKey", "in": "query", "name": "key"},
    }
    security = [{"Oauth2": [], "Oauth2c": [], "Key": []}]
    op = {"security": security, "responses": {"204": {"description": "x"}}}
    document = minimal({"/a": {"get": op}}, components={"securitySchemes": schemes})
    run = run_import(document, tmp_path, capsys)
    assert run.code == 0, run.report
    assert run.operations()[0]["auth"] == [["oauth2", "key"], ["oauth2c", "key"]]
    assert "schemes sent together that use one credential slot" in run.report


def test_what_the_spec_cannot_hold_is_left_out_not_a_crash(
    tmp_path: Path, capsys: Capsys
) -> None:
    schemes = {
        "k": {"type": "apiKey", "in": "query", "name": "api key"},
        "c": {"type": "apiKey", "in": "cookie", "name": "a;b"},
    }
    binary = {"application/json": {"schema": {"type": "string", "format": "binary"}}}
    done = {"responses": {"204": {"description": "ok"}}}
    paths = {
        "/a": {"post": {**done, "requestBody": {"content": binary}}},
        "/b": {"get": {**done, "servers": [{"url": "https://a..b"}]}},
    }
    document = minimal(
        paths, components={"securitySchemes": schemes}, security=[{"k": []}]
    )
    run = run_import(document, tmp_path, capsys)
    assert run.code == 0, run.report  # the draft passed its own validation
    assert "query key name 'api key'; left out" in run.report
    assert "cookie key name 'a;b'; left out" in run.report
    assert "a binary schema under application/json" in run.report
    upload = next(op for op in run.operations() if op["method"] == "POST")
    assert upload["body"]["type"] == "file"
    assert upload["body"]["media_type"] == "application/octet-stream"
    assert "server URL 'https://a..b'" in run.report


def test_a_pipe_delimited_list_is_sent_as_csv_with_a_warning(
    tmp_path: Path, capsys: Capsys
) -> None:
    items = {"type": "array", "items": {"type": "string"}}
    param = {"name": "ids", "in": "query", "style": "pipeDelimited", "schema": items}
    op = {"parameters": [param], "responses": {"204": {"description": "ok"}}}
    run = run_import(minimal({"/a": {"get": op}}), tmp_path, capsys)
    assert run.code == 0, run.report
    assert run.operations()[0]["parameters"][0]["style"] == "csv"
    assert "style pipeDelimited" in run.report


def test_response_headers_of_a_plain_200_are_kept(
    tmp_path: Path, capsys: Capsys
) -> None:
    schema = {"type": "array", "items": {"type": "string"}}
    ok = {
        "description": "ok",
        "headers": {"Link": {"schema": {"type": "string"}}},
        "content": {"application/json": {"schema": schema}},
    }
    run = run_import(
        minimal({"/a": {"get": {"responses": {"200": ok}}}}), tmp_path, capsys
    )
    assert run.code == 0, run.report
    (op,) = run.operations()
    assert "returns" not in op
    assert op["responses"]["200"]["headers"] == {"Link": {}}  # string by default
    assert op["responses"]["200"]["type"] == "list[string]"


def test_a_form_field_named_like_a_parameter_gets_a_snake_case_name(
    tmp_path: Path, capsys: Capsys
) -> None:
    form = {"type": "object", "properties": {"AccountSid": {"type": "string"}}}
    body = {"content": {"application/x-www-form-urlencoded": {"schema": form}}}
    sid = {"name": "AccountSid", "in": "path", "required": True, "schema": {}}
    op = {"parameters": [sid], "requestBody": body, "responses": {"204": {}}}
    run = run_import(minimal({"/a/{AccountSid}": {"post": op}}), tmp_path, capsys)
    assert run.code == 0, run.report  # SPEC024 refused 'AccountSid_'
    names = [p.get("python_name") for p in run.operations()[0]["parameters"]]
    assert names == [None, "account_sid_form"]  # the path one keeps its own name


def test_a_query_parameter_carrying_the_query_key_is_left_to_the_client(
    tmp_path: Path, capsys: Capsys
) -> None:
    schemes = {"api_key": {"type": "apiKey", "in": "query", "name": "key"}}
    key = {"name": "key", "in": "query", "schema": {"type": "string"}}
    other = {"name": "q", "in": "query", "schema": {"type": "string"}}
    op = {"parameters": [key, other], "responses": {"204": {"description": "x"}}}
    document = minimal(
        {"/a": {"get": op}},
        components={"securitySchemes": schemes},
        security=[{"api_key": []}],
    )
    run = run_import(document, tmp_path, capsys)
    assert run.code == 0, run.report  # SPEC219 refused the draft
    assert [p["name"] for p in run.operations()[0]["parameters"]] == ["q"]
    assert "left out (the client sends it)" in run.report


def test_a_declared_link_header_makes_link_pagination(
    tmp_path: Path, capsys: Capsys
) -> None:
    schema = {"type": "array", "items": {"type": "string"}}
    ok = {
        "description": "ok",
        "headers": {"Link": {"schema": {"type": "string"}}},
        "content": {"application/json": {"schema": schema}},
    }
    page = {"name": "page", "in": "query", "schema": {"type": "integer"}}
    op = {"parameters": [page], "responses": {"200": ok}}
    run = run_import(minimal({"/a": {"get": op}}), tmp_path, capsys)
    assert run.code == 0, run.report
    assert run.operations()[0]["paginate"] == {"style": "link"}
    assert "look like link paging" in run.report
