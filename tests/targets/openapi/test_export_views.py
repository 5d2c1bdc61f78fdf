"""Request views of models in the OpenAPI export (``generator/targets/openapi/views``).

A body model with required read-only fields, or with nullable fields in a form,
is referred to by a view that describes what the SDK really sends; requests
built as the SDK builds them validate against it with openapi-core.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import yaml
from openapi_core import OpenAPI
from openapi_spec_validator import validate

from generator.spec.normalize import normalize
from generator.targets.openapi.document import build_openapi
from tests.openapi_requests import HttpxOpenAPIRequest

SPEC = """
api:
  name: views
  title: Views API
  version: "1"
  base_url: https://api.views.test
  package: views_client
  client_class: ViewsClient
models:
  Base:
    fields:
      id: {type: string, required: true, read_only: true}
  Task:
    extends: [Base]
    fields:
      title: {type: string, required: true}
      count: {type: integer, nullable: true}
      name: {type: "nullable[string]"}
  TaskRequest:
    description: A spec model that already has the view's natural name.
    fields:
      other: {type: string}
  Plain:
    fields:
      title: {type: string, required: true}
  Login:
    fields:
      user: {type: string, required: true}
      password: {type: string, required: true, write_only: true}
resources:
  task:
    description: Tasks.
    operations:
      create:
        summary: Create.
        auth: []
        method: POST
        path: /tasks
        body: {type: Task}
        returns: Task
      form:
        summary: Form.
        auth: []
        method: POST
        path: /tasks/form
        body: {type: Task, media_type: application/x-www-form-urlencoded}
        returns: Task
      plain:
        summary: Plain.
        auth: []
        method: POST
        path: /plain
        body:
          type: Plain
          media_types: [application/json, application/x-www-form-urlencoded]
        returns: Plain
      login:
        summary: Login.
        auth: []
        method: POST
        path: /logins
        body: {type: Login}
        returns: "list[Login]"
      latest:
        summary: Latest.
        auth: []
        method: GET
        path: /logins/latest
        responses:
          "201": {type: Login}
      search:
        summary: Search.
        auth: []
        method: GET
        path: /tasks
        parameters:
          - {name: since, in: query, type: "nullable[integer]"}
        returns: "list[Task]"
"""


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return build_openapi(normalize(yaml.safe_load(SPEC)), source="views")


def _body_ref(document: dict[str, Any], path: str, media: str) -> str:
    content = document["paths"][path]["post"]["requestBody"]["content"]
    ref: str = content[media]["schema"]["$ref"]
    return ref.rsplit("/", 1)[1]


def test_the_export_with_views_is_valid_openapi(document: dict[str, Any]) -> None:
    validate(document)


def test_a_json_body_leaves_required_read_only_fields_out(
    document: dict[str, Any],
) -> None:
    schemas = document["components"]["schemas"]
    # 'TaskRequest' is a spec model: the view takes the next free name.
    assert _body_ref(document, "/tasks", "application/json") == "TaskRequest2"
    assert schemas["TaskRequest"]["properties"] == {"other": {"type": "string"}}
    view = schemas["TaskRequest2"]
    assert list(view["properties"]) == ["title", "count", "name"]  # inherited id out
    assert view["required"] == ["title"]
    assert view["properties"]["count"] == {"type": ["integer", "null"]}
    # The model itself still describes responses, id required and read-only.
    assert schemas["Base"]["required"] == ["id"]
    assert schemas["Base"]["properties"]["id"]["readOnly"] is True


def test_a_form_body_sends_none_as_an_empty_value(document: dict[str, Any]) -> None:
    name = _body_ref(document, "/tasks/form", "application/x-www-form-urlencoded")
    assert name == "TaskForm"
    properties = document["components"]["schemas"][name]["properties"]
    assert properties["name"] == {"type": "string"}  # "" is a string already
    assert properties["count"] == {"anyOf": [{"type": "integer"}, {"const": ""}]}


def test_a_model_that_needs_no_view_is_referred_to_directly(
    document: dict[str, Any],
) -> None:
    for media in ("application/json", "application/x-www-form-urlencoded"):
        assert _body_ref(document, "/plain", media) == "Plain"
    assert "PlainRequest" not in document["components"]["schemas"]


def test_a_nullable_parameter_is_never_null_on_the_wire(
    document: dict[str, Any],
) -> None:
    (since,) = document["paths"]["/tasks"]["get"]["parameters"]
    assert since["schema"] == {"type": "integer"}


@pytest.mark.parametrize(
    ("form", "valid"),
    [
        ({"title": "t", "count": ""}, True),
        ({"title": "t", "count": "5", "name": ""}, True),
        ({"title": "t"}, True),
        ({"count": "5"}, False),
        ({"title": "t", "count": "many"}, False),
    ],
)
def test_openapi_core_reads_the_form_view(
    document: dict[str, Any], form: dict[str, str], valid: bool
) -> None:
    openapi = OpenAPI.from_dict(document)
    request = httpx.Request("POST", "https://api.views.test/tasks/form", data=form)
    result = openapi.unmarshal_request(HttpxOpenAPIRequest(request))
    assert (not result.errors) is valid, result.errors


def test_openapi_core_accepts_a_json_body_without_read_only_fields(
    document: dict[str, Any],
) -> None:
    openapi = OpenAPI.from_dict(document)
    request = httpx.Request("POST", "https://api.views.test/tasks", json={"title": "t"})
    openapi.validate_request(HttpxOpenAPIRequest(request))


def test_a_response_leaves_required_write_only_fields_out(
    document: dict[str, Any],
) -> None:
    schemas = document["components"]["schemas"]
    view = schemas["LoginResponse"]
    assert list(view["properties"]) == ["user"]
    assert view["required"] == ["user"]
    operation = document["paths"]["/logins"]["post"]
    # The request sends the password: the body is the model itself.
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Login"
    }
    listed = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert listed["items"] == {"$ref": "#/components/schemas/LoginResponse"}
    latest = document["paths"]["/logins/latest"]["get"]["responses"]["201"]
    created = latest["content"]["application/json"]["schema"]
    assert created == {"$ref": "#/components/schemas/LoginResponse"}
