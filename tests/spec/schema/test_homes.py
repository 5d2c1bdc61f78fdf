"""Unknown keys that are real keys of another part of the format say where they go."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import resources
from generator.spec.schema import homes
from generator.spec.validate import validate_path
from tests import paths

VALID = paths.FIXTURES / "specs" / "valid"


def base() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load((VALID / "minimal.yaml").read_text("utf-8"))
    return spec


def messages(spec: dict[str, Any], tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return [(d.code, d.message) for d in validate_path(path).diagnostics]


def test_a_key_of_operations_at_the_top_level_says_where_it_belongs(
    tmp_path: Path,
) -> None:
    spec = base()
    spec["parameters"] = []
    assert messages(spec, tmp_path) == [
        (
            "SPEC020",
            "unknown key 'parameters' in the top level of the spec; "
            "'parameters' belongs inside an operation",
        )
    ]


def test_a_key_of_several_places_names_them(tmp_path: Path) -> None:
    spec = base()
    spec["envelope"] = {"data": "data", "header": "X-Envelope"}
    assert messages(spec, tmp_path) == [
        (
            "SPEC020",
            "unknown key 'header' in section 'envelope'; 'header' belongs inside "
            "an auth scheme or a 'rate_limits' entry",
        )
    ]


def test_a_misspelling_still_gets_a_guess(tmp_path: Path) -> None:
    spec = base()
    spec["resources"]["item"]["operations"]["get"]["paramters"] = []
    assert messages(spec, tmp_path)[0][1].endswith("did you mean 'parameters'?")


# The format gains operation-level `responses`; at the top level it must not be
# taken for a misspelling of `resources` (the new-user trial's complaint).
@pytest.fixture
def schema_with_responses() -> dict[str, Any]:
    schema = copy.deepcopy(resources.load_schema())
    properties = schema["$defs"]["operation"]["properties"]
    properties.setdefault("responses", {"type": "object"})
    return schema


def test_responses_at_the_top_level_belongs_inside_an_operation(
    schema_with_responses: dict[str, Any],
) -> None:
    found = homes.key_homes(schema_with_responses)
    allowed = sorted(schema_with_responses["properties"])
    assert homes.elsewhere("responses", allowed, found) == (
        "'responses' belongs inside an operation"
    )


def test_a_key_allowed_where_it_is_has_no_other_home() -> None:
    found = homes.key_homes(resources.load_schema())
    assert homes.elsewhere("summary", ["summary"], found) is None
    assert homes.elsewhere("summry", ["summary"], found) is None


def test_many_homes_are_counted_not_listed() -> None:
    found = homes.key_homes(resources.load_schema())
    message = homes.elsewhere("description", ["data"], found)
    # The first three homes in schema order, then a count of the rest.
    assert message is not None
    assert re.fullmatch(
        r"'description' belongs inside the 'api' section, [^,]+, [^,]+ "
        r"or \d+ other places",
        message,
    ), message


def test_a_definition_without_words_is_named_from_its_name() -> None:
    schema = {"$defs": {"serverVariable": {"properties": {"enum": {}}}}}
    assert homes.elsewhere("enum", [], homes.key_homes(schema)) == (
        "'enum' belongs inside a server variable"
    )


def test_a_key_in_the_wrong_place_does_not_hide_a_missing_key(
    tmp_path: Path,
) -> None:
    # 'style' looks like 'type' to difflib, but it is a parameter's key: the field
    # lacks its type, and the author wrote a parameter's key in it.
    spec = base()
    field = spec["models"]["Item"]["fields"]["id"]
    field["style"] = field.pop("type")
    assert sorted(messages(spec, tmp_path)) == [
        (
            "SPEC020",
            "unknown key 'style' in model Item field 'id'; "
            "'style' belongs inside a parameter or an operation's 'paginate'",
        ),
        ("SPEC023", "model Item field 'id' is missing 'type'"),
    ]
