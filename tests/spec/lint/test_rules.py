"""Each semantic rule fires on a spec that breaks it, and only then.

Every case starts from tests/fixtures/specs/valid/minimal.yaml (which validates with
no diagnostics at all), breaks one thing, and expects that rule's code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diagnostics import Diagnostic, Severity
from generator.spec.lint import RULES
from generator.spec.validate import ValidationResult, validate_path
from tests import paths

VALID = paths.FIXTURES / "specs" / "valid"

Spec = dict[str, Any]
Mutation = Callable[[Spec], None]
CASES: list[tuple[str, Mutation]] = []


def case(code: str) -> Callable[[Mutation], Mutation]:
    def register(mutation: Mutation) -> Mutation:
        CASES.append((code, mutation))
        return mutation

    return register


def base() -> Spec:
    spec: Spec = yaml.safe_load((VALID / "minimal.yaml").read_text(encoding="utf-8"))
    return spec


def get(spec: Spec) -> dict[str, Any]:
    operation: dict[str, Any] = spec["resources"]["item"]["operations"]["get"]
    return operation


def add_operation(spec: Spec, name: str, **fields: Any) -> dict[str, Any]:
    operation = {"method": "GET", "path": f"/{name}", "summary": "s.", **fields}
    spec["resources"]["item"]["operations"][name] = operation
    return operation


def add_model(spec: Spec, name: str, **fields: Any) -> None:
    spec["models"][name] = {"fields": fields}


def use_model(spec: Spec, name: str) -> None:
    add_operation(spec, f"get_{name.lower()}", returns=name)


def run(spec: Spec, tmp_path: Path) -> ValidationResult:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return validate_path(path)


def codes(spec: Spec, tmp_path: Path) -> list[str]:
    return [d.code for d in run(spec, tmp_path).diagnostics]


# paths.py


@case("SPEC101")
def placeholder_without_parameter(spec: Spec) -> None:
    get(spec)["path"] = "/item/{id}/{extra}"


@case("SPEC102")
def parameter_without_placeholder(spec: Spec) -> None:
    get(spec)["path"] = "/item"


@case("SPEC103")
def placeholder_twice(spec: Spec) -> None:
    get(spec)["path"] = "/item/{id}/{id}"


@case("SPEC104")
def unbalanced_braces(spec: Spec) -> None:
    get(spec)["path"] = "/item/{id"


@case("SPEC104")
def empty_placeholder(spec: Spec) -> None:
    get(spec)["path"] = "/item/{id}/{}"


@case("SPEC105")
def same_route_twice(spec: Spec) -> None:
    parameter = {"name": "key", "in": "path", "type": "string"}
    add_operation(spec, "again", path="/item/{key}", parameters=[parameter])


# names.py


@case("SPEC111")
def wire_name_not_identifier(spec: Spec) -> None:
    get(spec)["parameters"].append({"name": "ids[]", "in": "query", "type": "string"})


@case("SPEC140")
def header_parameter_named_with_a_colon(spec: Spec) -> None:
    header = {"name": "X:Trace", "python_name": "trace", "in": "header"}
    get(spec)["parameters"].append({**header, "type": "string"})


def test_query_names_in_any_script_are_fine(tmp_path: Path) -> None:
    spec = base()
    query = {"name": "número", "python_name": "numero", "in": "query"}
    get(spec)["parameters"].append({**query, "type": "string"})
    get(spec)["parameters"].append({"name": "X-Trace_Id", "in": "header"})
    get(spec)["parameters"][-1] |= {"python_name": "trace", "type": "string"}
    assert codes(spec, tmp_path) == []


@case("SPEC112")
def parameters_clash_after_keyword_rule(spec: Spec) -> None:
    get(spec)["parameters"] += [
        {"name": "from", "in": "query", "type": "string"},
        {"name": "from_", "in": "query", "type": "string"},
    ]


@case("SPEC112")
def parameter_declared_twice(spec: Spec) -> None:
    get(spec)["parameters"].append({"name": "id", "in": "query", "type": "string"})


@case("SPEC113")
def fields_clash_after_keyword_rule(spec: Spec) -> None:
    spec["models"]["Item"]["fields"]["class"] = {"type": "string"}
    spec["models"]["Item"]["fields"]["class_"] = {"type": "string"}


@case("SPEC113")
def field_python_name_clash(spec: Spec) -> None:
    fields = spec["models"]["Item"]["fields"]
    fields["key"] = {"type": "string", "python_name": "id"}


@case("SPEC114")
def iter_method_clash(spec: Spec) -> None:
    page = {"name": "page", "in": "query", "type": "integer"}
    add_operation(
        spec,
        "list",
        returns="list[Item]",
        parameters=[page],
        paginate={"parameter": "page"},
    )
    add_operation(spec, "iter_list")


@case("SPEC115")
def model_named_keyword(spec: Spec) -> None:
    add_model(spec, "None", x={"type": "string"})
    use_model(spec, "None")


@case("SPEC115")
def model_named_like_client(spec: Spec) -> None:
    add_model(spec, "AsyncDemoClient", x={"type": "string"})
    use_model(spec, "AsyncDemoClient")


@case("SPEC116")
def operations_clash_after_keyword_rule(spec: Spec) -> None:
    add_operation(spec, "import")
    add_operation(spec, "import_")


def _api_key(argument: str) -> dict[str, str]:
    return {
        "type": "api_key",
        "header": "X-Key",
        "format": "{value}",
        "argument": argument,
    }


@case("SPEC117")
def auth_arguments_clash(spec: Spec) -> None:
    spec["auth"] = {"one": _api_key("key"), "two": _api_key("key")}


@case("SPEC118")
def rate_limit_attributes_clash(spec: Spec) -> None:
    spec["rate_limits"] = [
        {"header": "X-A", "attribute": "left"},
        {"header": "X-B", "attribute": "left"},
    ]


@case("SPEC119")
def resources_clash_after_keyword_rule(spec: Spec) -> None:
    for name in ("import", "import_"):
        spec["resources"][name] = {
            "operations": {
                "ping": {"method": "GET", "path": f"/{name}", "summary": "s."}
            }
        }


# references.py


@case("SPEC121")
def type_does_not_parse(spec: Spec) -> None:
    get(spec)["returns"] = "list[item]"


@case("SPEC122")
def returns_unknown_model(spec: Spec) -> None:
    get(spec)["returns"] = "Itme"


@case("SPEC122")
def field_of_unknown_model(spec: Spec) -> None:
    spec["models"]["Item"]["fields"]["owner"] = {"type": "map[User]"}


@case("SPEC122")
def unknown_error_model(spec: Spec) -> None:
    spec["errors"] = {"model": "Failure"}


@case("SPEC122")
def unknown_token_model(spec: Spec) -> None:
    spec["auth"] = {
        "user": {
            "type": "oauth2",
            "header": "Authorization",
            "format": "Bearer {value}",
            "argument": "token",
            "authorize_url": "https://x.test/a",
            "token_url": "https://x.test/t",
            "token_model": "Token",
        }
    }


@case("SPEC123")
def operation_auth_unknown(spec: Spec) -> None:
    spec["auth"] = {"key": _api_key("key")}
    get(spec)["auth"] = ["kee"]


@case("SPEC123")
def default_auth_unknown(spec: Spec) -> None:
    spec["defaults"] = {"auth": ["nobody"]}


@case("SPEC124")
def replacement_missing(spec: Spec) -> None:
    get(spec)["deprecated"] = {"reason": "r", "replacement": "item.fetch"}


@case("SPEC124")
def replacement_is_itself(spec: Spec) -> None:
    get(spec)["deprecated"] = {"reason": "r", "replacement": "item.get"}


@case("SPEC125")
def model_unused(spec: Spec) -> None:
    add_model(spec, "Orphan", x={"type": "string"})


# parameters.py


@case("SPEC131")
def form_on_get(spec: Spec) -> None:
    get(spec)["parameters"].append({"name": "note", "in": "form", "type": "string"})


@case("SPEC131")
def form_on_delete(spec: Spec) -> None:
    get(spec)["method"] = "DELETE"
    get(spec)["parameters"].append({"name": "note", "in": "form", "type": "string"})


@case("SPEC132")
def file_on_get(spec: Spec) -> None:
    get(spec)["parameters"].append({"name": "image", "in": "file", "type": "file"})


@case("SPEC133")
def file_type_outside_file_part(spec: Spec) -> None:
    get(spec)["method"] = "POST"
    get(spec)["parameters"].append({"name": "image", "in": "form", "type": "file"})


@case("SPEC133")
def file_part_without_file_type(spec: Spec) -> None:
    get(spec)["method"] = "POST"
    get(spec)["parameters"].append({"name": "image", "in": "file", "type": "string"})


@case("SPEC134")
def default_of_wrong_type(spec: Spec) -> None:
    get(spec)["parameters"].append(
        {"name": "page", "in": "query", "type": "integer", "default": "first"}
    )


@case("SPEC134")
def boolean_default_for_integer(spec: Spec) -> None:
    get(spec)["parameters"].append(
        {"name": "page", "in": "query", "type": "integer", "default": True}
    )


@case("SPEC135")
def default_outside_enum(spec: Spec) -> None:
    get(spec)["parameters"].append(
        {"name": "sort", "in": "query", "type": "string", "enum": ["a"], "default": "b"}
    )


@case("SPEC136")
def field_enum_of_wrong_type(spec: Spec) -> None:
    spec["models"]["Item"]["fields"]["size"] = {"type": "integer", "enum": [1, "big"]}


@case("SPEC136")
def parameter_enum_of_wrong_type(spec: Spec) -> None:
    get(spec)["parameters"].append(
        {"name": "ids", "in": "query", "type": "list[integer]", "enum": [1, "x"]}
    )


@case("SPEC137")
def required_with_default(spec: Spec) -> None:
    get(spec)["parameters"].append(
        {
            "name": "page",
            "in": "query",
            "type": "integer",
            "required": True,
            "default": 1,
        }
    )


@case("SPEC138")
def upload_kind_on_query(spec: Spec) -> None:
    kind = {"parameter": "id", "values": {"url": "url"}}
    get(spec)["parameters"].append(
        {"name": "image", "in": "query", "type": "string", "upload_kind": kind}
    )


@case("SPEC138")
def upload_kind_names_missing_sibling(spec: Spec) -> None:
    get(spec)["method"] = "POST"
    kind = {"parameter": "type", "values": {"file": "file"}}
    get(spec)["parameters"].append(
        {"name": "image", "in": "file", "type": "file", "upload_kind": kind}
    )


@case("SPEC139")
def optional_path_parameter(spec: Spec) -> None:
    get(spec)["parameters"][0]["required"] = False


# operations.py


def _paginated(spec: Spec, parameter: str, returns: str) -> None:
    page = {"name": "page", "in": "query", "type": "integer"}
    get(spec)["parameters"].append(page)
    get(spec)["paginate"] = {"parameter": parameter}
    get(spec)["returns"] = returns


@case("SPEC141")
def pagination_parameter_missing(spec: Spec) -> None:
    _paginated(spec, "pg", "list[Item]")


@case("SPEC143")
def pagination_size_parameter_missing(spec: Spec) -> None:
    _paginated(spec, "page", "list[Item]")
    get(spec)["paginate"] |= {"page_size": 20, "size_parameter": "perPage"}


@case("SPEC142")
def paginated_single_object(spec: Spec) -> None:
    _paginated(spec, "page", "Item")


# pagination.py


def _styled(spec: Spec, **paginate: Any) -> dict[str, Any]:
    """A cursor-style listing of Items: ``list`` with a query cursor."""
    return add_operation(
        spec,
        "list",
        parameters=[{"name": "cursor", "in": "query", "type": "string"}],
        returns="list[Item]",
        paginate={"style": "cursor", "parameter": "cursor", **paginate},
    )


@case("SPEC144")
def cursor_without_a_next_cursor(spec: Spec) -> None:
    _styled(spec, has_more="has_more")


@case("SPEC144")
def cursor_with_two_sources(spec: Spec) -> None:
    _styled(spec, next_cursor="next_cursor", cursor_from_item="id")


@case("SPEC144")
def token_without_next(spec: Spec) -> None:
    _styled(spec, style="token")


@case("SPEC145")
def key_of_another_style(spec: Spec) -> None:
    _styled(spec, next_cursor="next_cursor", start=1)


@case("SPEC146")
def cursor_in_a_path(spec: Spec) -> None:
    op = _styled(spec, next_cursor="next_cursor")
    op["path"] = "/list/{cursor}"
    op["parameters"][0]["in"] = "path"


@case("SPEC147")
def items_on_a_list(spec: Spec) -> None:
    _styled(spec, next_cursor="next_cursor", items="data")


@case("SPEC147")
def items_to_a_missing_field(spec: Spec) -> None:
    add_model(spec, "Page", data={"type": "list[Item]", "required": True})
    _styled(spec, next_cursor="next_cursor", items="rows")["returns"] = "Page"


@case("SPEC148")
def cursor_from_a_missing_field(spec: Spec) -> None:
    _styled(spec, cursor_from_item="key")


@case("SPEC143")
def offset_limit_parameter_missing(spec: Spec) -> None:
    op = _styled(spec)
    op["paginate"] = {"style": "offset", "parameter": "cursor", "limit_parameter": "n"}
    op["parameters"][0]["type"] = "integer"


@case("SPEC149")
def offset_without_a_limit(spec: Spec) -> None:
    op = _styled(spec)
    op["paginate"] = {"style": "offset", "parameter": "cursor"}
    op["parameters"][0]["type"] = "integer"


@case("SPEC170")
def next_url_on_a_post(spec: Spec) -> None:
    op = _styled(spec)
    op["method"] = "POST"
    op["paginate"] = {"style": "next_url", "next_url": "links.next"}


@case("SPEC171")
def parameter_named_max_items(spec: Spec) -> None:
    op = _styled(spec, next_cursor="next_cursor")
    op["parameters"].append({"name": "max_items", "in": "query", "type": "integer"})


@case("SPEC172")
def own_envelope_without_data(spec: Spec) -> None:
    get(spec)["envelope"] = {"success": "ok", "error": "error"}


@case("SPEC167")
def own_envelope_key_twice(spec: Spec) -> None:
    get(spec)["envelope"] = {"data": "ok", "success": "ok"}


@case("SPEC174")
def own_envelope_error_without_success(spec: Spec) -> None:
    get(spec)["envelope"] = {"data": "item", "error": "error"}


def test_every_style_validates_clean(tmp_path: Path) -> None:
    """Only then: each style written as documented draws no diagnostic."""
    spec = base()
    add_model(spec, "Page", data={"type": "list[Item]", "required": True})
    _styled(spec, cursor_from_item="id", has_more="has_more", items="data")
    listing = spec["resources"]["item"]["operations"]["list"]
    listing["returns"] = "Page"
    limit = {"name": "limit", "in": "query", "type": "integer"}
    offset = {"name": "offset", "in": "query", "type": "integer"}
    add_operation(
        spec,
        "by_offset",
        parameters=[offset, limit],
        returns="list[Item]",
        paginate={"style": "offset", "parameter": "offset", "limit_parameter": "limit"},
    )
    add_operation(
        spec,
        "by_link",
        returns="list[Item]",
        paginate={"style": "link"},
        envelope={"data": "items", "success": "ok", "error": "error"},
    )
    assert codes(spec, tmp_path) == []


# models.py


@case("SPEC151")
def models_require_each_other(spec: Spec) -> None:
    spec["models"]["Item"]["fields"]["box"] = {"type": "Box", "required": True}
    add_model(spec, "Box", item={"type": "Item", "required": True})


@case("SPEC151")
def model_requires_itself(spec: Spec) -> None:
    spec["models"]["Item"]["fields"]["next"] = {"type": "Item", "required": True}


def _union(spec: Spec, *variants: tuple[Any, str]) -> None:
    spec["models"]["Item"]["fields"]["kind"] = {"type": "string"}
    add_model(spec, "Other", kind={"type": "integer"})
    spec["models"]["Choice"] = {
        "union": {
            "discriminator": "kind",
            "variants": [{"value": v, "model": m} for v, m in variants],
        }
    }
    use_model(spec, "Choice")


@case("SPEC152")
def variant_is_union(spec: Spec) -> None:
    _union(spec, ("a", "Item"), (1, "Other"))
    spec["models"]["Outer"] = {
        "union": {
            "discriminator": "kind",
            "variants": [
                {"value": "x", "model": "Choice"},
                {"value": "y", "model": "Item"},
            ],
        }
    }
    use_model(spec, "Outer")


@case("SPEC153")
def variant_without_discriminator(spec: Spec) -> None:
    _union(spec, ("a", "Item"), (1, "Other"))
    add_model(spec, "Plain", x={"type": "string"})
    spec["models"]["Choice"]["union"]["variants"].append(
        {"value": "p", "model": "Plain"}
    )


@case("SPEC154")
def variant_values_repeat(spec: Spec) -> None:
    _union(spec, ("a", "Item"), ("a", "Item"), (1, "Other"))


@case("SPEC155")
def variant_value_of_wrong_type(spec: Spec) -> None:
    _union(spec, ("a", "Item"), ("one", "Other"))


def _upload(spec: Spec, kind: dict[str, Any]) -> None:
    file = {"name": "file", "in": "file", "type": "file", "upload_kind": kind}
    sibling = {"name": "type", "in": "form", "type": "string"}
    add_operation(spec, "upload", method="POST", parameters=[file, sibling])


@case("SPEC138")
def upload_kind_without_a_file_value(spec: Spec) -> None:
    """Issue 15: generate crashed with KeyError: 'file'."""
    _upload(spec, {"parameter": "type", "values": {"url": "url"}})


@case("SPEC138")
def upload_kind_naming_the_file_itself(spec: Spec) -> None:
    _upload(spec, {"parameter": "file", "values": {"file": "file"}})


@case("SPEC156")
def required_cycle_through_a_union(spec: Spec) -> None:
    """Issue 15: the sample builder recursed forever on this (RecursionError)."""
    node = {"type": "Node", "required": True}
    add_model(spec, "Leaf", kind={"type": "string", "required": True}, next=node)
    add_model(spec, "Pair", kind={"type": "string", "required": True}, left=node)
    variants = [{"value": "l", "model": "Leaf"}, {"value": "p", "model": "Pair"}]
    spec["models"]["Node"] = {"union": {"discriminator": "kind", "variants": variants}}
    use_model(spec, "Node")


# identifiers.py (issue 15: each of these generated an SDK that did not work)


@case("SPEC161")
def query_parameter_named_like_a_call_option(spec: Spec) -> None:
    get(spec)["parameters"].append(
        {"name": "timeout", "in": "query", "type": "integer"}
    )


@case("SPEC161")
def parameter_shadowing_an_operation_constant(spec: Spec) -> None:
    get(spec)["parameters"].append({"name": "_GET", "in": "query", "type": "string"})


@case("SPEC161")
def field_with_a_dunder_name(spec: Spec) -> None:
    spec["models"]["Item"]["fields"]["__class__"] = {"type": "string"}


@case("SPEC161")
def auth_argument_named_like_a_client_argument(spec: Spec) -> None:
    scheme = {"type": "api_key", "header": "X-Key", "format": "{value}"}
    spec["auth"] = {"key": {**scheme, "argument": "http_client"}}


@case("SPEC161")
def resource_hiding_a_client_member(spec: Spec) -> None:
    spec["resources"]["with_raw_response"] = spec["resources"].pop("item")


def _oauth_resource(spec: Spec, with_oauth: bool) -> None:
    spec["resources"]["oauth"] = spec["resources"].pop("item")
    if with_oauth:
        spec["auth"] = {
            "app": {
                "type": "oauth2",
                "token_url": "https://a.test/t",
                "grants": ["client_credentials"],
                "argument": "access_token",
            }
        }


@case("SPEC161")
def resource_hiding_the_oauth_helper(spec: Spec) -> None:
    _oauth_resource(spec, with_oauth=True)  # Slack's 'oauth' resource


def test_a_resource_named_oauth_is_fine_without_an_oauth2_scheme(
    tmp_path: Path,
) -> None:
    spec = base()
    _oauth_resource(spec, with_oauth=False)
    assert codes(spec, tmp_path) == []


@case("SPEC161")
def operation_hiding_a_resource_member(spec: Spec) -> None:
    add_operation(spec, "with_raw_response")


@case("SPEC161")
def operation_hiding_the_streaming_member(spec: Spec) -> None:
    add_operation(spec, "with_streaming_response")


@case("SPEC161")
def resource_hiding_the_clients_streaming_member(spec: Spec) -> None:
    spec["resources"]["with_streaming_response"] = spec["resources"].pop("item")


@case("SPEC162")
def model_named_like_a_streaming_resource_class(spec: Spec) -> None:
    add_model(spec, "ItemResourceWithStreamingResponse", x={"type": "string"})
    use_model(spec, "ItemResourceWithStreamingResponse")


@case("SPEC162")
def model_named_like_a_runtime_class(spec: Spec) -> None:
    add_model(spec, "Param", x={"type": "string"})
    use_model(spec, "Param")


@case("SPEC162")
def client_class_named_like_an_exception(spec: Spec) -> None:
    spec["api"]["client_class"] = "SDKError"


@case("SPEC163")
def operations_that_become_one_constant(spec: Spec) -> None:
    add_operation(spec, "get_")


@case("SPEC163")
def unions_that_become_one_constant(spec: Spec) -> None:
    _union(spec, ("a", "Item"), (1, "Other"))
    spec["models"]["CHOICE"] = spec["models"]["Choice"]
    use_model(spec, "CHOICE")


@case("SPEC169")
def two_form_parameters_with_one_wire_name(spec: Spec) -> None:
    """Found by fuzzing import-markdown: the runtime sent only one of them."""
    first = {"name": "size", "in": "form", "type": "string"}
    second = {**first, "python_name": "size_2"}
    add_operation(spec, "resize", method="POST", parameters=[first, second])


# literals.py


@case("SPEC164")
def default_that_is_not_a_number(spec: Spec) -> None:
    parameter = {"name": "x", "in": "query", "type": "number", "default": float("nan")}
    get(spec)["parameters"].append(parameter)


@case("SPEC164")
def enum_value_that_is_infinite(spec: Spec) -> None:
    parameter = {"name": "x", "in": "query", "type": "number", "enum": [float("inf")]}
    get(spec)["parameters"].append(parameter)


# api.py


@case("SPEC165")
def base_url_with_a_port_that_is_not_a_number(spec: Spec) -> None:
    spec["api"]["base_url"] = "https://a.test:x"


@case("SPEC165")
def base_url_host_that_is_not_idna(spec: Spec) -> None:
    spec["api"]["base_url"] = "https://a\u0301.test/"


@case("SPEC166")
def package_named_like_a_dependency(spec: Spec) -> None:
    spec["api"]["package"] = "httpx"


@case("SPEC166")
def package_named_like_a_standard_module(spec: Spec) -> None:
    spec["api"]["package"] = "dataclasses"


@case("SPEC166")
def package_named_like_a_keyword(spec: Spec) -> None:
    spec["api"]["package"] = "break"  # found by make fuzz: 'from break import'


@case("SPEC162")
def client_class_named_like_a_keyword(spec: Spec) -> None:
    spec["api"]["client_class"] = "None"


@case("SPEC167")
def envelope_data_and_success_are_one_key(spec: Spec) -> None:
    spec["envelope"] = {"data": "data", "success": "data"}


@case("SPEC168")
def no_resources_at_all(spec: Spec) -> None:
    spec["resources"] = {}
    spec.pop("models")


# bodies.py


def _body(spec: Spec, method: str = "POST", **body: Any) -> dict[str, Any]:
    """item.get turned into a call with a body of model Item (unless told)."""
    operation = get(spec)
    operation["method"] = method
    operation["body"] = {"type": "Item", **body}
    return operation


@case("SPEC241")
def body_on_get(spec: Spec) -> None:
    _body(spec, "GET")


@case("SPEC242")
def raw_media_type_with_a_model(spec: Spec) -> None:
    _body(spec, media_type="application/octet-stream")


@case("SPEC242")
def text_media_type_with_a_file(spec: Spec) -> None:
    _body(spec, type="file", media_types=["application/json", "text/plain"])


@case("SPEC242")
def file_body_sent_as_json(spec: Spec) -> None:
    _body(spec, type="file")


@case("SPEC250")
def body_field_named_like_a_call_option(spec: Spec) -> None:
    _body(spec)
    spec["models"]["Item"]["fields"]["timeout"] = {"type": "integer"}


@case("SPEC243")
def multipart_without_a_file_field(spec: Spec) -> None:
    _body(spec, media_type="multipart/form-data")


@case("SPEC244")
def body_field_takes_a_parameter_name(spec: Spec) -> None:
    _body(spec)
    spec["models"]["Item"]["fields"]["note"] = {"type": "string"}
    get(spec)["parameters"].append(
        {"name": "n", "python_name": "id_", "in": "query", "type": "string"}
    )
    spec["models"]["Item"]["fields"]["id"]["python_name"] = "id_"


@case("SPEC244")
def body_field_named_like_the_path_parameter(spec: Spec) -> None:
    _body(spec)  # Item's 'id' field and the path parameter 'id'


@case("SPEC245")
def body_field_named_body(spec: Spec) -> None:
    _body(spec)
    spec["models"]["Item"]["fields"]["body"] = {"type": "string"}


@case("SPEC245")
def parameter_named_content_type(spec: Spec) -> None:
    _body(spec, type="list[string]")
    get(spec)["parameters"].append(
        {"name": "content_type", "in": "query", "type": "string"}
    )


@case("SPEC246")
def form_body_of_a_list(spec: Spec) -> None:
    _body(spec, type="list[Item]", media_type="application/x-www-form-urlencoded")


@case("SPEC247")
def model_typed_form_parameter(spec: Spec) -> None:
    get(spec)["method"] = "POST"
    get(spec)["parameters"].append({"name": "item", "in": "form", "type": "Item"})


@case("SPEC247")
def map_typed_query_parameter(spec: Spec) -> None:
    get(spec)["parameters"].append(
        {"name": "metadata", "in": "query", "type": "map[string]"}
    )


@case("SPEC248")
def body_beside_a_form_parameter(spec: Spec) -> None:
    _body(spec, type="list[string]")
    get(spec)["parameters"].append({"name": "note", "in": "form", "type": "string"})


@case("SPEC249")
def field_read_only_and_write_only(spec: Spec) -> None:
    spec["models"]["Item"]["fields"]["id"] |= {"read_only": True, "write_only": True}


# slashes.py


@case("SPEC191")
def base_url_with_a_trailing_slash(spec: Spec) -> None:
    spec["api"]["base_url"] = "https://api.example.test/v1/"


@case("SPEC192")
def path_with_a_trailing_slash(spec: Spec) -> None:
    get(spec)["path"] += "/"


# access.py


@case("SPEC123")
def unknown_scheme_in_an_and_group(spec: Spec) -> None:
    spec["auth"] = {"key": _api_key("key")}
    get(spec)["auth"] = [["key", "app_token"]]


@case("SPEC211")
def http_basic_with_a_format(spec: Spec) -> None:
    spec["auth"] = {"basic": {"type": "http_basic", "format": "Basic {value}"}}


@case("SPEC211")
def query_key_with_a_header(spec: Spec) -> None:
    spec["auth"] = {
        "key": {
            "type": "api_key",
            "in": "query",
            "name": "api_key",
            "header": "X-Key",
            "argument": "key",
        }
    }


def _server(url: str, **variables: Any) -> dict[str, Any]:
    server: dict[str, Any] = {"name": "sandbox", "url": url}
    if variables:
        server["variables"] = variables
    return server


@case("SPEC212")
def server_variable_not_declared(spec: Spec) -> None:
    spec["api"]["servers"] = [_server("https://{region}.example.test")]


@case("SPEC213")
def server_variable_not_used(spec: Spec) -> None:
    spec["api"]["servers"] = [_server("https://example.test", region={"default": "eu"})]


@case("SPEC214")
def server_variable_default_outside_enum(spec: Spec) -> None:
    spec["api"]["servers"] = [
        _server(
            "https://{region}.example.test",
            region={"default": "eu", "enum": ["us", "ap"]},
        )
    ]


@case("SPEC215")
def two_environments_with_one_name(spec: Spec) -> None:
    spec["api"]["servers"] = [
        _server("https://a.example.test"),
        _server("https://b.example.test"),
    ]


@case("SPEC216")
def operation_base_url_with_a_trailing_slash(spec: Spec) -> None:
    get(spec)["base_url"] = "https://other.example.test/v2/"


@case("SPEC216")
def operation_base_url_without_a_host(spec: Spec) -> None:
    get(spec)["base_url"] = "https://:80"


@case("SPEC217")
def api_headers_replace_the_auth_header(spec: Spec) -> None:
    spec["auth"] = {"key": _api_key("key")}
    spec["api"]["headers"] = {"x-key": "fixed"}


@case("SPEC217")
def operation_cookie_header_with_a_cookie_key(spec: Spec) -> None:
    spec["auth"] = {
        "session": {
            "type": "api_key",
            "in": "cookie",
            "name": "sid",
            "argument": "session",
        }
    }
    get(spec)["auth"] = ["session"]
    get(spec)["headers"] = {"Cookie": "a=b"}


@case("SPEC131")
def form_parameter_on_a_head_operation(spec: Spec) -> None:
    op = add_operation(spec, "probe", method="HEAD")
    op["parameters"] = [{"name": "q", "in": "form", "type": "string"}]


@case("SPEC218")
def head_operation_with_a_return_value(spec: Spec) -> None:
    get(spec)["method"] = "HEAD"


@case("SPEC219")
def query_parameter_named_like_the_query_key(spec: Spec) -> None:
    spec["auth"] = {
        "key": {"type": "api_key", "in": "query", "name": "key", "argument": "key"}
    }
    get(spec)["auth"] = ["key"]
    get(spec)["parameters"].append({"name": "key", "in": "query", "type": "string"})


@case("SPEC220")
def two_bearer_schemes_in_one_group(spec: Spec) -> None:
    spec["auth"] = {
        "user": {"type": "http_bearer", "argument": "user_token"},
        "app": {
            "type": "oauth2",
            "token_url": "https://a.test/t",
            "grants": ["client_credentials"],
            "argument": "access_token",
        },
    }
    get(spec)["auth"] = [["user", "app"]]


@case("SPEC220")
def two_query_keys_of_one_name_in_the_default_group(spec: Spec) -> None:
    key = {"type": "api_key", "in": "query", "name": "key"}
    spec["auth"] = {"a": {**key, "argument": "a"}, "b": {**key, "argument": "b"}}
    spec["defaults"] = {"auth": [["a", "b"]]}


def test_and_groups_of_different_places_are_fine(tmp_path: Path) -> None:
    spec = base()
    spec["auth"] = {
        "user": {"type": "http_bearer", "argument": "user_token"},
        "key": {"type": "api_key", "header": "X-Key", "argument": "key"},
    }
    get(spec)["auth"] = [["user", "key"], "user"]
    assert codes(spec, tmp_path) == []


@case("SPEC117")
def basic_password_argument_clashes(spec: Spec) -> None:
    spec["auth"] = {
        "basic": {"type": "http_basic"},
        "key": _api_key("password"),
    }


@case("SPEC161")
def password_argument_named_like_a_client_argument(spec: Spec) -> None:
    spec["auth"] = {"basic": {"type": "http_basic", "password_argument": "environment"}}


# responses_types.py


@case("SPEC122")
def unknown_model_in_a_response(spec: Spec) -> None:
    get(spec).pop("returns")
    get(spec)["responses"] = {"200": {"type": "Item"}, "404": {"type": "Missing"}}


@case("SPEC122")
def unknown_base_model(spec: Spec) -> None:
    spec["models"]["Item"]["extends"] = ["Base"]


@case("SPEC181")
def returns_beside_a_success_response(spec: Spec) -> None:
    get(spec)["responses"] = {"201": {"type": "Item"}}


@case("SPEC182")
def no_content_beside_a_typed_success(spec: Spec) -> None:
    get(spec).pop("returns")
    get(spec)["responses"] = {"200": {"type": "Item"}, "204": {}}


@case("SPEC184")
def shape_union_variant_shadowed(spec: Spec) -> None:
    add_model(spec, "Wide", id={"type": "string", "required": True})
    spec["models"]["Wide"]["fields"]["name"] = {"type": "string", "required": True}
    spec["models"]["Thing"] = {
        "union": {"variants": [{"model": "Item"}, {"model": "Wide"}]}
    }
    use_model(spec, "Thing")


@case("SPEC185")
def extends_cycle(spec: Spec) -> None:
    add_model(spec, "Other", id={"type": "string"})
    spec["models"]["Other"]["extends"] = ["Item"]
    spec["models"]["Item"]["extends"] = ["Other"]


@case("SPEC186")
def extends_a_union(spec: Spec) -> None:
    add_model(spec, "Other", id={"type": "string"})
    spec["models"]["Either"] = {
        "union": {"variants": [{"model": "Item"}, {"model": "Other"}]}
    }
    add_model(spec, "Child", label={"type": "string"})
    spec["models"]["Child"]["extends"] = ["Either"]
    use_model(spec, "Child")


@case("SPEC187")
def const_of_the_wrong_type(spec: Spec) -> None:
    spec["models"]["Item"]["fields"]["kind"] = {"type": "integer", "const": "item"}


@case("SPEC187")
def const_outside_the_enum(spec: Spec) -> None:
    spec["models"]["Item"]["fields"]["kind"] = {
        "type": "string",
        "const": "item",
        "enum": ["thing"],
    }


@case("SPEC188")
def nullable_nullable(spec: Spec) -> None:
    spec["models"]["Item"]["fields"]["note"] = {"type": "nullable[nullable[string]]"}


@case("SPEC189")
def binary_body_typed_as_a_model(spec: Spec) -> None:
    get(spec).pop("returns")
    get(spec)["responses"] = {"200": {"type": "Item", "media_type": "image/png"}}


def test_declared_responses_and_rich_types_are_clean(tmp_path: Path) -> None:
    spec = base()
    get(spec).pop("returns")
    get(spec)["responses"] = {
        "200": {"type": "Item"},
        "202": {"type": "Job"},
        "404": {"type": "Job"},
        "default": {"type": "Job"},
    }
    add_model(spec, "Job", at={"type": "epoch", "required": True})
    spec["models"]["Job"]["fields"]["kind"] = {"type": "string", "const": "job"}
    spec["models"]["Job"]["extends"] = ["Item"]
    spec["models"]["Either"] = {
        "union": {"variants": [{"model": "Job"}, {"model": "Item"}]}
    }
    use_model(spec, "Either")
    add_operation(
        spec, "photo", responses={"200": {"type": "bytes", "media_type": "image/png"}}
    )
    assert codes(spec, tmp_path) == []


def test_variants_with_different_required_fields_are_told_apart(
    tmp_path: Path,
) -> None:
    spec = base()
    add_model(spec, "Other", label={"type": "string", "required": True})
    spec["models"]["Either"] = {
        "union": {"variants": [{"model": "Item"}, {"model": "Other"}]}
    }
    use_model(spec, "Either")
    assert "SPEC184" not in codes(spec, tmp_path)


def test_a_discriminated_union_still_needs_values(tmp_path: Path) -> None:
    spec = base()
    add_model(spec, "Other", id={"type": "string"})
    spec["models"]["Either"] = {
        "union": {
            "discriminator": "id",
            "variants": [{"model": "Item", "value": "a"}, {"model": "Other"}],
        }
    }
    use_model(spec, "Either")
    found = run(spec, tmp_path).diagnostics
    assert any("value" in d.message for d in found), [d.message for d in found]


def test_the_base_spec_is_clean(tmp_path: Path) -> None:
    assert codes(base(), tmp_path) == []


@pytest.mark.parametrize(
    ("code", "mutation"), CASES, ids=[f"{c}-{m.__name__}" for c, m in CASES]
)
def test_rule_fires(code: str, mutation: Mutation, tmp_path: Path) -> None:
    spec = base()
    mutation(spec)
    found = run(spec, tmp_path).diagnostics
    matching = [d for d in found if d.code == code]
    assert matching, f"{code} not reported; got {[d.code for d in found]}"
    assert all(d.severity is RULES[code].severity for d in matching)
    assert all(_located(d) for d in matching)


def _located(diagnostic: Diagnostic) -> bool:
    location = diagnostic.location
    return location is not None and location.line > 1 and diagnostic.json_path != ""


def test_every_rule_has_a_case() -> None:
    assert {code for code, _ in CASES} == set(RULES)


def test_full_feature_spec_passes_strict() -> None:
    result = validate_path(VALID / "full_features.yaml")
    assert result.diagnostics == []
    assert result.ok(strict=True)


@pytest.mark.parametrize(
    "field",
    [
        {"type": "Box"},
        {"type": "Box", "required": True, "nullable": True},
        {"type": "list[Box]", "required": True},
        {"type": "map[Box]", "required": True},
    ],
    ids=["optional", "nullable", "list", "map"],
)
def test_cycles_that_data_can_end_are_fine(
    field: dict[str, Any], tmp_path: Path
) -> None:
    spec = base()
    spec["models"]["Item"]["fields"]["box"] = field
    add_model(spec, "Box", item={"type": "Item", "required": True})
    assert codes(spec, tmp_path) == []


def test_cycle_is_reported_once_with_its_route(tmp_path: Path) -> None:
    spec = base()
    models_require_each_other(spec)
    cycles = [d for d in run(spec, tmp_path).diagnostics if d.code == "SPEC151"]
    assert [d.message for d in cycles] == [
        "models need each other through required fields, so none can be built: "
        "Box.item -> Item.box -> Box"
    ]


def test_path_parameter_with_default_is_optional(tmp_path: Path) -> None:
    spec = base()
    get(spec)["parameters"][0]["default"] = "latest"
    assert codes(spec, tmp_path) == []


def test_true_and_1_are_different_discriminator_values(tmp_path: Path) -> None:
    spec = base()
    _union(spec, (True, "Item"), (1, "Other"))
    spec["models"]["Item"]["fields"]["kind"] = {"type": "boolean"}
    assert "SPEC154" not in codes(spec, tmp_path)


def test_models_reached_only_through_errors_tokens_and_unions_are_used(
    tmp_path: Path,
) -> None:
    spec = base()
    add_model(spec, "Failure", detail={"type": "Detail"})
    add_model(spec, "Detail", x={"type": "string"})
    spec["errors"] = {"model": "Failure"}
    _union(spec, ("a", "Item"), (1, "Other"))
    assert codes(spec, tmp_path) == []


def test_models_only_used_by_unused_models_are_unused(tmp_path: Path) -> None:
    spec = base()
    add_model(spec, "Orphan", child={"type": "Child"})
    add_model(spec, "Child", x={"type": "string"})
    found = run(spec, tmp_path).diagnostics
    assert [(d.code, d.message) for d in found] == [
        ("SPEC125", "model Orphan is not used by any operation"),
        ("SPEC125", "model Child is not used by any operation"),
    ]


def test_warnings_fail_only_when_strict(tmp_path: Path) -> None:
    spec = base()
    model_unused(spec)
    result = run(spec, tmp_path)
    assert [d.severity for d in result.diagnostics] == [Severity.WARNING]
    assert result.ok() and not result.ok(strict=True)


def test_semantic_rules_wait_for_a_schema_clean_spec(tmp_path: Path) -> None:
    spec = base()
    placeholder_without_parameter(spec)
    get(spec)["summry"] = "typo"
    assert codes(spec, tmp_path) == ["SPEC020"]


@pytest.mark.parametrize(
    ("wire_name", "suggestion"),
    [("ids[]", "ids"), ("X-Trace", "x_trace"), ("2x", "value_2x")],
)
def test_invalid_identifier_suggests_a_python_name(
    wire_name: str, suggestion: str, tmp_path: Path
) -> None:
    spec = base()
    get(spec)["parameters"].append({"name": wire_name, "in": "query", "type": "string"})
    [found] = run(spec, tmp_path).diagnostics
    assert (found.code, found.message, found.hint) == (
        "SPEC111",
        f"parameter '{wire_name}' of item.get is not a valid Python identifier",
        f"set python_name, e.g. python_name: {suggestion}",
    )


def test_a_read_only_body_field_takes_no_argument_name(tmp_path: Path) -> None:
    spec = base()
    _body(spec)  # the path parameter 'id' and Item's field 'id'
    spec["models"]["Item"]["fields"]["id"]["read_only"] = True
    assert codes(spec, tmp_path) == []


def test_the_body_type_must_name_a_model_that_exists(tmp_path: Path) -> None:
    spec = base()
    _body(spec, type="Itme")
    found = run(spec, tmp_path).diagnostics
    assert [(d.code, d.message, d.hint) for d in found] == [
        (
            "SPEC122",
            "the body of item.get refers to model 'Itme', which is not defined",
            "did you mean 'Item'?",
        )
    ]


def test_a_model_used_only_as_a_body_is_used(tmp_path: Path) -> None:
    spec = base()
    add_model(spec, "ItemCreate", label={"type": "string"})
    add_operation(spec, "create", method="POST", body={"type": "ItemCreate"})
    assert codes(spec, tmp_path) == []


def test_trailing_slashes_are_named_with_the_spelling_to_use(tmp_path: Path) -> None:
    spec = base()
    spec["api"]["base_url"] = "https://api.example.test/"
    get(spec)["path"] += "/"
    found = [d for d in run(spec, tmp_path).diagnostics if d.code > "SPEC19"]
    assert [(d.code, d.message, d.hint) for d in found] == [
        (
            "SPEC191",
            "base_url 'https://api.example.test/' ends with a slash; operation "
            "paths start with one, so the two would join as '//'",
            "write base_url: https://api.example.test",
        ),
        (
            "SPEC192",
            f"path '{get(spec)['path']}' of item.get ends with a slash",
            f"write path: {get(spec)['path'].rstrip('/')}; keep the slash only if "
            "the API routes on it (then --strict refuses the spec)",
        ),
    ]
    assert run(spec, tmp_path).ok(strict=False)
    assert not run(spec, tmp_path).ok(strict=True)


def test_the_root_path_is_not_a_trailing_slash(tmp_path: Path) -> None:
    spec = base()
    add_operation(spec, "root", path="/")
    assert "SPEC192" not in codes(spec, tmp_path)


def test_a_list_declared_under_responses_can_be_paginated(tmp_path: Path) -> None:
    # Imported OpenAPI documents declare the list under responses, not returns.
    spec = base()
    _paginated(spec, "page", "list[Item]")
    del get(spec)["returns"]
    get(spec)["responses"] = {"200": {"type": "list[Item]"}}
    assert codes(spec, tmp_path) == []
    add_model(spec, "Page", rows={"type": "list[Item]", "required": True})
    get(spec)["responses"] = {"200": {"type": "Page"}}
    get(spec)["paginate"]["items"] = "rows"
    assert codes(spec, tmp_path) == []
    get(spec)["paginate"]["items"] = "data"
    assert codes(spec, tmp_path) == ["SPEC147"]
