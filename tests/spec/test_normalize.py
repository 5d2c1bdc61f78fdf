"""The typed Spec: every default of the format is applied once, in normalize.

The rules, the model builder and the OpenAPI export read only this, so each default
is asserted here, where a change to it would show first.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.spec.normalize import normalize
from generator.spec.types import Spec
from generator.spec.validate import validate_path
from tests import paths

MINIMAL = paths.FIXTURES / "specs" / "valid" / "minimal.yaml"


def document(**changes: Any) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    loaded.update(changes)
    return loaded


def operation(spec: Spec, name: str = "get") -> Any:
    return next(op for op in spec.operations if op.name == name)


def test_api_defaults_derive_from_the_package_and_version() -> None:
    api = normalize(document()).api
    assert (api.distribution, api.sdk_version) == ("demo-client", "0.1.0")
    assert api.user_agent == "demo-client/0.1.0"
    raw = document()
    raw["api"] |= {"distribution": "demo", "sdk_version": "2.0.0"}
    assert normalize(raw).api.user_agent == "demo/2.0.0"


def test_client_defaults_when_the_section_is_absent() -> None:
    spec = normalize(document())
    assert (spec.defaults.timeout, spec.defaults.max_retries) == (60.0, 2)
    assert spec.envelope is None
    assert spec.errors.message_paths == ("error", "message")


def test_an_operation_takes_the_default_auth_unless_it_names_its_own() -> None:
    raw = document(defaults={"auth": ["key"]})
    ops = raw["resources"]["item"]["operations"]
    ops["open"] = {"method": "GET", "path": "/open", "summary": "s.", "auth": []}
    spec = normalize(raw)
    assert operation(spec).auth == ("key",)
    assert "auth" not in operation(spec).written
    assert operation(spec, "open").auth == ()


@pytest.mark.parametrize(
    ("raw", "required"),
    [
        ({"name": "id", "in": "path", "type": "string"}, True),
        ({"name": "id", "in": "path", "type": "string", "default": "x"}, False),
        ({"name": "q", "in": "query", "type": "string"}, False),
        ({"name": "q", "in": "query", "type": "string", "required": True}, True),
    ],
)
def test_a_parameter_is_required_when_a_path_must_be_filled(
    raw: dict[str, Any], required: bool
) -> None:
    spec_doc = document()
    spec_doc["resources"]["item"]["operations"]["get"]["parameters"] = [raw]
    [parameter] = operation(normalize(spec_doc)).parameters
    assert parameter.required is required
    assert parameter.python_name == raw["name"]
    assert parameter.element == f"parameter '{raw['name']}' of item.get"


def test_envelope_defaults_on_and_paths_locate_every_element() -> None:
    spec = normalize(document())
    op = operation(spec)
    assert op.envelope is True
    assert op.where == ("resources", "item", "operations", "get")
    assert op.parameters[0].where == (*op.where, "parameters", 0)
    field = spec.models["Item"].fields[0]  # type: ignore[index]
    assert field.where == ("models", "Item", "fields", "id")


def test_the_spec_is_immutable() -> None:
    spec = normalize(document())
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.api = spec.api  # type: ignore[misc]
    with pytest.raises(TypeError):
        spec.models["Other"] = spec.models["Item"]  # type: ignore[index]


def test_validation_hands_on_the_typed_spec_only_when_the_schema_passed(
    tmp_path: Path,
) -> None:
    assert validate_path(MINIMAL).typed is not None
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINIMAL.read_text().replace("summary:", "summry:"), "utf-8")
    assert validate_path(broken).typed is None


@pytest.mark.parametrize(
    ("raw", "media_types", "required"),
    [
        ({"type": "Item"}, ("application/json",), True),
        ({"type": "file", "media_type": "text/plain"}, ("text/plain",), True),
        (
            {"type": "Item", "media_types": ["a/b+json", "a/c"], "required": False},
            ("a/b+json", "a/c"),
            False,
        ),
    ],
)
def test_a_body_defaults_to_a_required_json_body(
    raw: dict[str, Any], media_types: tuple[str, ...], required: bool
) -> None:
    spec_doc = document()
    spec_doc["resources"]["item"]["operations"]["get"]["body"] = raw
    body = operation(normalize(spec_doc)).body
    assert (body.type, body.media_types, body.required) == (
        raw["type"],
        media_types,
        required,
    )
    assert body.where == ("resources", "item", "operations", "get", "body")
    assert operation(normalize(document())).body is None


def test_fields_are_neither_read_only_nor_write_only_by_default() -> None:
    spec_doc = document()
    fields = spec_doc["models"]["Item"]["fields"]
    fields["secret"] = {"type": "string", "write_only": True}
    fields["id"]["read_only"] = True
    item = normalize(spec_doc).models["Item"]
    assert [(f.name, f.read_only, f.write_only) for f in item.fields or ()] == [
        ("id", True, False),
        ("secret", False, True),
    ]
    plain = normalize(document()).models["Item"].fields or ()
    assert (plain[0].read_only, plain[0].write_only) == (False, False)


def test_auth_kinds_default_their_header_and_format() -> None:
    raw = document(
        auth={
            "basic": {"type": "http_basic"},
            "bearer": {"type": "http_bearer", "argument": "token"},
            "query": {"type": "api_key", "in": "query", "name": "k", "argument": "k"},
            "service": {
                "type": "oauth2",
                "argument": "access_token",
                "token_url": "https://auth.test/token",
                "grants": ["client_credentials"],
            },
        }
    )
    auth = normalize(raw).auth
    basic = auth["basic"]
    assert (basic.header, basic.format, basic.argument) == (
        "Authorization",
        "Basic {value}",
        "username",
    )
    assert basic.password_argument == "password"
    assert (auth["bearer"].header, auth["bearer"].format) == (
        "Authorization",
        "Bearer {value}",
    )
    query = auth["query"]
    assert (query.location, query.key_name, query.header) == ("query", "k", "")
    assert auth["service"].format == "Bearer {value}"
    assert auth["bearer"].password_argument is None


def test_auth_lists_keep_alternatives_and_groups() -> None:
    raw = document(defaults={"auth": ["a", ["b", "c"]]})
    raw["resources"]["item"]["operations"]["get"]["auth"] = [["c", "a"], "b"]
    spec = normalize(raw)
    assert spec.defaults.auth_options == (("a",), ("b", "c"))
    assert spec.defaults.auth == ("a", "b", "c")
    op = operation(spec)
    assert op.auth_options == (("c", "a"), ("b",))
    assert op.auth == ("c", "a", "b")


def test_headers_servers_and_base_url() -> None:
    raw = document()
    raw["api"]["headers"] = {"X-Version": "1"}
    raw["api"]["servers"] = [
        {
            "name": "prod",
            "url": "https://{r}.x.test",
            "variables": {"r": {"default": "eu", "enum": ["eu"]}},
        }
    ]
    get = raw["resources"]["item"]["operations"]["get"]
    get |= {"headers": {"Accept": "text/csv"}, "base_url": "https://other.test"}
    spec = normalize(raw)
    assert spec.api.headers == (("X-Version", "1"),)
    (server,) = spec.api.servers
    assert (server.name, server.url) == ("prod", "https://{r}.x.test")
    assert server.variables[0].enum == ("eu",)
    assert server.variables[0].where == ("api", "servers", 0, "variables", "r")
    op = operation(spec)
    assert (op.headers, op.base_url) == (
        (("Accept", "text/csv"),),
        "https://other.test",
    )
