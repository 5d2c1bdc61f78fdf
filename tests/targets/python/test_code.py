"""The Python text of the SDK, from ``generator.targets.python.code``.

Annotations of enum parameters and fields, ``Param(...)`` calls and signatures.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from generator.model.build import build_model
from generator.spec.normalize import normalize
from generator.targets.python.code import PythonCode
from tests import paths

MINIMAL = paths.FIXTURES / "specs" / "valid" / "minimal.yaml"


def python_code(parameters: list[dict[str, Any]], **field: Any) -> PythonCode:
    """The Python target for the minimal spec with these parameters on item.get."""
    document = yaml.safe_load(MINIMAL.read_text("utf-8"))
    document["resources"]["item"]["operations"]["get"]["parameters"] = [
        {"name": "id", "in": "path", "type": "string"},
        *parameters,
    ]
    if field:
        document["models"]["Item"]["fields"]["extra"] = field
    return PythonCode(build_model(normalize(document), spec_label="spec.yaml"))


def annotation_of(parameter: dict[str, Any]) -> str:
    py = python_code([{"name": "p", "in": "query", **parameter}])
    op = py.api.resources[0].operations[0]
    return py.param_annotation(op, next(p for p in op.params if p.wire == "p"))


@pytest.mark.parametrize(
    ("parameter", "expected"),
    [
        ({"type": "string", "enum": ["a", "b"]}, 'Literal["a", "b"] | None'),
        ({"type": "string", "enum": ["a"], "required": True}, 'Literal["a"]'),
        ({"type": "integer", "enum": [1, 2]}, "Literal[1, 2] | None"),
        ({"type": "list[string]", "enum": ["x"]}, 'Sequence[Literal["x"]] | None'),
        # Literal cannot hold floats; a type and values that disagree stay open.
        ({"type": "number", "enum": [1.5]}, "float | None"),
        ({"type": "integer", "enum": [True, 1]}, "int | None"),
        ({"type": "string"}, "str | None"),
    ],
)
def test_enum_parameters_take_only_their_values(
    parameter: dict[str, Any], expected: str
) -> None:
    assert annotation_of(parameter) == expected


def test_an_enum_field_names_its_values_and_still_takes_others() -> None:
    py = python_code([], type="string", enum=["up", "down"])
    [item] = py.api.models
    extra = next(f for f in item.fields if f.json_name == "extra")
    assert py.field_annotation(extra) == 'Literal["up", "down"] | str | None'
    assert py.models_use_literal()


def test_param_calls_name_python_and_wire_names() -> None:
    py = python_code(
        [
            {
                "name": "ids[]",
                "in": "query",
                "type": "list[string]",
                "python_name": "ids",
                "style": "csv",
            }
        ]
    )
    op = py.api.resources[0].operations[0]
    ids = next(p for p in op.params if p.wire == "ids[]")
    assert py.param_call(ids) == (
        'Param(python="ids", wire="ids[]", location="query", style="csv")'
    )


def test_the_signature_keeps_required_first_and_the_options_last() -> None:
    py = python_code([{"name": "q", "in": "query", "type": "string"}])
    op = py.api.resources[0].operations[0]
    assert py.signature_items(op) == [
        "self",
        "id: str",
        "*",
        "q: str | None = None",
        "**request_options: Unpack[RequestOptions]",
    ]


def test_a_body_model_without_fields_is_an_empty_tuple_not_a_syntax_error() -> None:
    document = yaml.safe_load(MINIMAL.read_text("utf-8"))
    document["models"]["Empty"] = {"fields": {}}
    get = document["resources"]["item"]["operations"]["get"]
    get["method"] = "POST"
    get["body"] = {"type": "Empty"}
    py = PythonCode(build_model(normalize(document), spec_label="spec.yaml"))
    op = py.api.resources[0].operations[0]
    line = py.body_field(op)
    assert "fields=()" in line
    compile(f"x = dict(\n{line}\n)", "<body>", "exec")
