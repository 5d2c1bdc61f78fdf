"""The schema layer: the JSON Schema itself, and its errors rewritten for people."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from generator import resources
from generator.diagnostics import Diagnostic
from generator.spec.path_syntax import SPEC_PATH
from generator.spec.schema.check import _most_relevant
from generator.spec.validate import validate_path
from tests import paths

VALID = paths.FIXTURES / "specs" / "valid"


def base() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load((VALID / "minimal.yaml").read_text("utf-8"))
    return spec


def operation(spec: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = spec["resources"]["item"]["operations"]["get"]
    return found


def diagnostics(spec: dict[str, Any], tmp_path: Path) -> list[Diagnostic]:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return validate_path(path).diagnostics


def only(spec: dict[str, Any], tmp_path: Path) -> Diagnostic:
    found = diagnostics(spec, tmp_path)
    assert len(found) == 1, [(d.code, d.message) for d in found]
    return found[0]


def test_schema_is_valid_draft_2020_12() -> None:
    schema = resources.load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_metaschema_check_would_catch_a_broken_schema() -> None:
    with pytest.raises(SchemaError):
        Draft202012Validator.check_schema({"type": "objekt"})


def test_package_data_is_found_in_a_checkout() -> None:
    assert resources.schema_path().name == "sdkgen.schema.json"
    assert resources.schema_path().is_file()
    assert resources.templates_dir().name in ("templates", "_templates")
    assert resources.load_schema() is resources.load_schema()


def test_unknown_key_with_a_guess(tmp_path: Path) -> None:
    spec = base()
    operation(spec)["summry"] = "typo"
    found = only(spec, tmp_path)
    assert (found.code, found.message) == (
        "SPEC020",
        "unknown key 'summry' in operation item.get; did you mean 'summary'?",
    )
    assert found.hint is not None and found.hint.startswith(
        "allowed keys: anchor, auth"
    )
    assert found.json_path == "$.resources.item.operations.get.summry"
    assert found.location is not None
    lines = Path(found.location.file).read_text("utf-8").splitlines()
    assert lines[found.location.line - 1][found.location.column - 1 :] == "summry: typo"


def test_wrong_type_shows_the_value_and_suggests_quotes(tmp_path: Path) -> None:
    spec = base()
    spec["api"]["version"] = 3
    found = only(spec, tmp_path)
    assert (found.code, found.message, found.hint) == (
        "SPEC021",
        "'version' in section 'api': expected a string, got an integer (3)",
        "put the value in quotes to make it a string",
    )


def test_wrong_type_in_a_parameter(tmp_path: Path) -> None:
    spec = base()
    operation(spec)["parameters"][0]["required"] = "maybe"
    found = only(spec, tmp_path)
    assert found.message == (
        "'required' in parameter 'id' of item.get: expected a boolean "
        "(true or false), got a string ('maybe')"
    )


def test_enum_lists_the_choices(tmp_path: Path) -> None:
    spec = base()
    operation(spec)["method"] = "get"
    found = only(spec, tmp_path)
    assert (found.code, found.message, found.hint) == (
        "SPEC022",
        "'method' in operation item.get must be one of GET, POST, PUT, PATCH, "
        "DELETE, HEAD, OPTIONS; got a string ('get')",
        "did you mean 'GET'?",
    )


def test_missing_key_names_the_element_and_what_the_key_is(tmp_path: Path) -> None:
    spec = base()
    del operation(spec)["summary"]
    found = only(spec, tmp_path)
    assert (found.code, found.message, found.hint) == (
        "SPEC023",
        "operation item.get is missing 'summary'",
        "'summary': One line saying what the call does.",
    )


def test_pattern_in_words(tmp_path: Path) -> None:
    spec = base()
    spec["api"]["base_url"] = "api.example.test"
    found = only(spec, tmp_path)
    assert (found.code, found.message) == (
        "SPEC024",
        "'base_url' in section 'api' must be an absolute http:// or https:// URL, "
        "without spaces; got a string ('api.example.test')",
    )


def test_type_expression_pattern_suggests_a_primitive(tmp_path: Path) -> None:
    spec = base()
    spec["models"]["Item"]["fields"]["id"]["type"] = "str"
    found = only(spec, tmp_path)
    assert found.code == "SPEC024"
    assert found.message.startswith("'type' in model Item field 'id' is not a type: ")
    assert found.hint == "did you mean 'string'?"


def test_bad_name_points_at_the_key(tmp_path: Path) -> None:
    spec = base()
    spec["models"]["item_model"] = spec["models"].pop("Item")
    found = diagnostics(spec, tmp_path)[0]
    assert (found.code, found.message) == (
        "SPEC024",
        "model name 'item_model' must be PascalCase: a capital letter, then letters "
        "and digits",
    )
    assert found.location is not None and found.location.column == 3


def test_out_of_range(tmp_path: Path) -> None:
    spec = base()
    spec["defaults"] = {"max_retries": 11}
    found = only(spec, tmp_path)
    assert (found.code, found.message) == (
        "SPEC025",
        "'max_retries' in section 'defaults' must be at most 10; got an integer (11)",
    )


@pytest.mark.parametrize(
    ("model", "code", "message"),
    [
        (
            {"fields": {}, "union": {"discriminator": "k", "variants": []}},
            "SPEC026",
            "model Item has both 'fields' and 'union'",
        ),
        (
            {"description": "neither"},
            "SPEC023",
            "model Item needs 'fields' (an object) or 'union' (one of several models)",
        ),
    ],
)
def test_model_shape_is_explained_not_dumped(
    model: dict[str, Any], code: str, message: str, tmp_path: Path
) -> None:
    spec = base()
    spec["models"]["Item"] = model
    found = [d for d in diagnostics(spec, tmp_path) if d.json_path == "$.models.Item"]
    assert [(d.code, d.message) for d in found] == [(code, message)]


def test_oauth2_keys_on_an_api_key_scheme(tmp_path: Path) -> None:
    spec = base()
    spec["auth"] = {
        "key": {
            "type": "api_key",
            "header": "X-Key",
            "format": "{value}",
            "argument": "key",
            "token_url": "https://x.test/token",
        }
    }
    found = only(spec, tmp_path)
    assert (found.code, found.message) == (
        "SPEC026",
        "auth scheme 'key' sets 'token_url', which only oauth2 schemes use",
    )


def test_oauth2_scheme_missing_its_urls(tmp_path: Path) -> None:
    spec = base()
    spec["auth"] = {
        "user": {
            "type": "oauth2",
            "header": "Authorization",
            "format": "Bearer {value}",
            "argument": "token",
        }
    }
    found = diagnostics(spec, tmp_path)
    assert [d.message for d in found] == [
        "auth scheme 'user' is missing 'authorize_url' and 'token_url'",
    ]


@pytest.mark.parametrize("section", ["api", "resources"])
def test_required_sections_after_merging(section: str, tmp_path: Path) -> None:
    spec = base()
    del spec[section]
    found = [d for d in diagnostics(spec, tmp_path) if d.code == "SPEC028"]
    assert [d.message for d in found] == [f"the spec has no '{section}' section"]


def test_every_schema_error_is_collected(tmp_path: Path) -> None:
    spec = base()
    spec["api"]["colour"] = "red"
    operation(spec)["method"] = "FETCH"
    spec["models"]["Item"]["fields"]["id"]["required"] = "yes"
    assert [d.code for d in diagnostics(spec, tmp_path)] == [
        "SPEC020",
        "SPEC021",
        "SPEC022",
    ]


def test_one_of_failures_report_the_best_branch_only() -> None:
    schema = {
        "oneOf": [
            {"type": "object", "required": ["name"]},
            {"type": "string", "pattern": "^[a-z]+$"},
        ]
    }
    error = next(Draft202012Validator(schema).iter_errors("ABC"))
    assert error.validator == "oneOf"
    assert _most_relevant(error).validator in ("pattern", "type")


def test_the_path_pattern_is_the_one_the_importers_use() -> None:
    schema = resources.load_schema()
    pattern = schema["$defs"]["operation"]["properties"]["path"]["pattern"]
    assert pattern.removesuffix("$") + r"\Z" == SPEC_PATH.pattern
    for path in ("/v1/{name}:cancel", "/items('{id}')", "/@me", "/a,b;c=d&e"):
        assert SPEC_PATH.match(path), path
    for path in ("/a?b=c", "/a#b", "/a b", "/ä", "a"):
        assert not SPEC_PATH.match(path), path
