"""Schemas -> models and type expressions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.importers.openapi.document import Resolver
from generator.importers.openapi.report import Report
from generator.importers.openapi.schemas import Schemas


def schemas_of(components: dict[str, Any]) -> tuple[Schemas, Report]:
    doc = {"openapi": "3.1.0", "components": {"schemas": components}}
    report = Report("doc.json")
    converter = Schemas(Resolver(Path("doc.json"), doc), report)
    converter.declare_components(components)
    return converter, report


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string"}, "string"),
        ({"type": "string", "format": "date"}, "date"),
        ({"type": "string", "format": "date-time"}, "datetime"),
        ({"type": "string", "format": "uuid"}, "uuid"),
        ({"type": "string", "format": "binary"}, "file"),
        ({"type": "string", "format": "byte"}, "bytes"),
        ({"type": "integer", "format": "int64"}, "integer"),
        ({"type": "number"}, "number"),
        ({"type": "boolean"}, "boolean"),
        ({"type": "array", "items": {"type": "integer"}}, "list[integer]"),
        ({"type": "object", "additionalProperties": {"type": "number"}}, "map[number]"),
        ({"type": "object"}, "map[any]"),
        ({}, "any"),
        ({"type": ["string", "null"]}, "nullable[string]"),
        ({"type": "string", "nullable": True}, "nullable[string]"),
        ({"anyOf": [{"type": "integer"}, {"type": "null"}]}, "nullable[integer]"),
        ({"type": ["string", "integer"]}, "any"),
        ({"enum": ["a", "b"]}, "string"),
        ({"const": True}, "boolean"),
    ],
)
def test_type_expressions(schema: dict[str, Any], expected: str) -> None:
    converter, _ = schemas_of({})
    assert converter.type_of(schema, "#/x", "Thing") == expected


def test_object_fields_keep_required_nullable_enum_read_write_only_and_const() -> None:
    converter, _ = schemas_of(
        {
            "Task": {
                "type": "object",
                "required": ["id", "kind"],
                "properties": {
                    "id": {"type": "string", "readOnly": True, "description": "Id."},
                    "kind": {"type": "string", "const": "task"},
                    "state": {"type": "string", "enum": ["open", "done"]},
                    "secret": {"type": "string", "writeOnly": True},
                    "due": {"type": ["string", "null"], "format": "date"},
                },
            }
        }
    )
    fields = converter.models["Task"]["fields"]
    assert fields["id"] == {
        "type": "string",
        "description": "Id.",
        "read_only": True,
        "required": True,
    }
    assert fields["kind"] == {"type": "string", "const": "task", "required": True}
    assert fields["state"] == {"type": "string", "enum": ["open", "done"]}
    assert fields["secret"] == {"type": "string", "write_only": True}
    assert fields["due"] == {"type": "date", "nullable": True}


def test_recursive_and_mutually_recursive_models_terminate() -> None:
    converter, report = schemas_of(
        {
            "A": {
                "type": "object",
                "properties": {"b": {"$ref": "#/components/schemas/B"}},
            },
            "B": {
                "type": "object",
                "properties": {"a": {"$ref": "#/components/schemas/A"}},
            },
            "Alias": {"$ref": "#/components/schemas/Alias"},
        }
    )
    assert converter.models["A"]["fields"]["b"]["type"] == "B"
    assert converter.models["B"]["fields"]["a"]["type"] == "A"
    assert (
        converter.type_of({"$ref": "#/components/schemas/Alias"}, "#/x", "X") == "any"
    )
    assert any("refers to itself" in d.message for d in report.diagnostics)


def test_discriminated_one_of_becomes_a_union_with_values() -> None:
    converter, _ = schemas_of(
        {
            "Cat": {
                "type": "object",
                "required": ["kind"],
                "properties": {"kind": {"type": "string", "const": "cat"}},
            },
            "Dog": {
                "type": "object",
                "required": ["kind"],
                "properties": {"kind": {"type": "string"}},
            },
            "Pet": {
                "oneOf": [
                    {"$ref": "#/components/schemas/Cat"},
                    {"$ref": "#/components/schemas/Dog"},
                ],
                "discriminator": {
                    "propertyName": "kind",
                    "mapping": {"doggo": "#/components/schemas/Dog"},
                },
            },
        }
    )
    assert converter.models["Pet"]["union"] == {
        "discriminator": "kind",
        "variants": [
            {"model": "Cat", "value": "cat"},
            {"model": "Dog", "value": "doggo"},
        ],
    }


def test_one_of_without_discriminator_is_a_shape_union_widest_first() -> None:
    converter, _ = schemas_of(
        {
            "Small": {"type": "object", "required": ["a"], "properties": {"a": {}}},
            "Big": {
                "type": "object",
                "required": ["a", "b"],
                "properties": {"a": {}, "b": {}},
            },
            "Either": {
                "oneOf": [
                    {"$ref": "#/components/schemas/Small"},
                    {"$ref": "#/components/schemas/Big"},
                ]
            },
        }
    )
    assert converter.models["Either"]["union"] == {
        "variants": [{"model": "Big"}, {"model": "Small"}]
    }


def test_one_of_scalars_degrades_to_any_with_a_warning() -> None:
    converter, report = schemas_of({})
    schema = {"oneOf": [{"type": "string"}, {"type": "integer"}]}
    assert converter.type_of(schema, "#/paths/x", "X") == "any"
    assert report.diagnostics[0].code == "import-schema"
    assert report.diagnostics[0].message.startswith("#/paths/x: oneOf")


def test_all_of_flattens_inline_parts_and_extends_built_bases() -> None:
    converter, _ = schemas_of(
        {
            "Base": {"type": "object", "properties": {"id": {"type": "string"}}},
            "Child": {
                "allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    {
                        "type": "object",
                        "required": ["name"],
                        "properties": {"name": {"type": "string"}},
                    },
                ]
            },
        }
    )
    child = converter.models["Child"]
    assert child["extends"] == ["Base"]
    assert child["fields"] == {"name": {"type": "string", "required": True}}


def test_inline_objects_become_models_named_after_their_place() -> None:
    converter, _ = schemas_of(
        {
            "Order": {
                "type": "object",
                "properties": {
                    "address": {
                        "type": "object",
                        "properties": {"city": {"type": "string"}},
                    }
                },
            }
        }
    )
    assert converter.models["Order"]["fields"]["address"]["type"] == "OrderAddress"
    assert converter.models["OrderAddress"]["fields"] == {"city": {"type": "string"}}


def test_field_names_the_format_cannot_hold_are_left_out_and_noted() -> None:
    converter, report = schemas_of(
        {
            "Msg": {
                "type": "object",
                "properties": {
                    "DateCreated<": {},
                    "текст": {},
                    "ok": {},
                    "bell\x07": {},
                },
            }
        }
    )
    model = converter.models["Msg"]
    # Keys that are no identifiers stay, named for Python; a control character
    # cannot be written in a spec at all.
    assert list(model["fields"]) == ["DateCreated<", "текст", "ok"]
    assert model["fields"]["DateCreated<"]["python_name"] == "date_created_lt"
    assert model["fields"]["текст"]["python_name"].isascii()
    assert "TODO: #/components/schemas/Msg/properties/bell\\x07" in model["description"]
    assert [d.code for d in report.diagnostics] == ["import-field-name"]


def test_a_discriminator_over_allof_subtypes_is_reported() -> None:
    base = {
        "type": "object",
        "properties": {"kind": {"type": "string"}},
        "discriminator": {"propertyName": "kind"},
    }
    cat = {"allOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "object"}]}
    converter, report = schemas_of(
        {"Pet": base, "Cat": cat, "Rock": {"type": "object"}}
    )
    assert "Pet" in converter.models and "Cat" in converter.models
    (found,) = [d for d in report.diagnostics if "allOf subtypes" in d.message]
    assert found.message.startswith("#/components/schemas/Pet/discriminator: ")
    assert "['Cat']" in found.message and "values typed Pet stay Pet" in found.message


def test_a_union_whose_variants_pin_a_field_is_told_apart_by_it() -> None:
    def rule(kind: str) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["type"],
            "properties": {"type": {"type": "string", "enum": [kind]}},
        }

    info = {"type": "object", "properties": {"ruleset": {"type": "integer"}}}
    detailed = {
        "type": "object",
        "oneOf": [
            {"allOf": [{"$ref": f"#/components/schemas/{k}"}, info]}
            for k in ("Creation", "Deletion")
        ],
    }
    plain = {
        "oneOf": [
            {"$ref": "#/components/schemas/Creation"},
            {"$ref": "#/components/schemas/Other"},
        ]
    }
    converter, _ = schemas_of(
        {
            "Creation": rule("creation"),
            "Deletion": rule("deletion"),
            "Rule": {
                "oneOf": [
                    {"$ref": f"#/components/schemas/{k}"}
                    for k in ("Creation", "Deletion")
                ]
            },
            "Detailed": detailed,
            "Plain": plain,
            "Other": {"type": "object", "properties": {"x": {"type": "string"}}},
        }
    )
    union = converter.models["Rule"]["union"]
    assert union["discriminator"] == "type"
    assert [v["value"] for v in union["variants"]] == ["creation", "deletion"]
    # Pinned through allOf, as GitHub's repository-rule-detailed is.
    detailed_type = converter.type_of(
        {"$ref": "#/components/schemas/Detailed"}, "#/paths", "Detailed"
    )
    inherited = converter.models[detailed_type]["union"]
    assert inherited["discriminator"] == "type"
    assert [v["value"] for v in inherited["variants"]] == ["creation", "deletion"]
    # A variant without the pinned field: decided by shape, as before.
    plain_type = converter.type_of(
        {"$ref": "#/components/schemas/Plain"}, "#/paths", "Plain"
    )
    assert "discriminator" not in converter.models[plain_type]["union"]


def test_a_model_sees_the_fields_it_extends_the_nearest_base_winning() -> None:
    converter, _ = schemas_of({})
    converter.models.update(
        {
            "Thing": {"fields": {"kind": {"type": "string"}, "id": {"type": "int"}}},
            "Animal": {"extends": ["Thing"], "fields": {"kind": {"type": "animal"}}},
            "Cat": {"extends": ["Animal"]},  # nothing of its own
            "Loop": {"extends": ["Loop", "Cat"], "fields": {"id": {"type": "str"}}},
            "Colour": {"enum": ["red"]},
        }
    )
    assert converter._all_fields("Cat") == {
        "kind": {"type": "animal"},
        "id": {"type": "int"},
    }
    assert converter._all_fields("Loop") == {
        "kind": {"type": "animal"},
        "id": {"type": "str"},
    }
    assert converter._all_fields("Colour") is None
