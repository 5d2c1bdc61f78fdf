"""Import the pets fixture: the Markdown variants the format allows.

Setext headings, tilde fences, a query on the request line, an optional item
with the ampersand inside its brackets, a pipe table without outer pipes, an HTML
table whose header row uses <td>, a Bearer header with a named variable, a second
credential header, a method the spec cannot express, and two parameters whose
Python names clash.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.importers.markdown.draft import ImportResult
from generator.importers.markdown.pipeline import draft_yaml, import_document
from generator.spec.validate import validate_path
from tests import paths

PETS = paths.FIXTURES / "markdown" / "pets.md"


@pytest.fixture(scope="module")
def result() -> ImportResult:
    return import_document(PETS)


def operations(result: ImportResult) -> dict[str, dict[str, Any]]:
    assert result.draft is not None
    return {
        f"{resource}.{name}": spec
        for resource, body in result.draft["resources"].items()
        for name, spec in body["operations"].items()
    }


def test_setext_sections_become_operations(result: ImportResult) -> None:
    found = {name: (s["method"], s["path"]) for name, s in operations(result).items()}
    assert found == {
        "pets.list_pets": ("GET", "/v1/pets"),
        "pets.rename_pet": ("PATCH", "/v1/pets/{pet_id}"),
        "adoptions.adopt": ("POST", "/v1/adoptions"),
    }
    summaries = [spec["summary"] for spec in operations(result).values()]
    assert summaries == [
        "Every pet in the shop.",
        "Give a pet a new name.",
        "Adopt a pet.",
    ]


def test_base_url_loses_brackets_and_slash_and_version_comes_from_paths(
    result: ImportResult,
) -> None:
    assert result.draft is not None
    api = result.draft["api"]
    assert (api["base_url"], api["version"]) == ("https://pets.example", "v1")
    assert api["docs_url"] == "https://pets.example/docs"
    assert "description" not in api


def test_query_on_the_request_line_and_pipe_table(result: ImportResult) -> None:
    listed = operations(result)["pets.list_pets"]["parameters"]
    assert listed == [
        {
            "name": "species",
            "in": "query",
            "type": "string",
            "description": "which kind of pet to list",
        },
        {
            "name": "limit",
            "in": "query",
            "type": "integer",
            "default": 25,
            "description": "at most this many",
        },
    ]


def test_patch_sends_form_fields_and_path_names_become_identifiers(
    result: ImportResult,
) -> None:
    renamed = {
        p["name"]: p for p in operations(result)["pets.rename_pet"]["parameters"]
    }
    assert renamed["pet_id"] == {
        "name": "pet_id",
        "in": "path",
        "type": "integer",
        "description": "the pet's number",
    }
    assert {p["in"] for name, p in renamed.items() if name != "pet_id"} == {"form"}
    assert renamed["page-size"]["python_name"] == "page_size"
    assert renamed["page_size"]["python_name"] == "page_size_2"
    assert "python_name" not in renamed["from"]


def test_python_name_clash_is_reported_at_the_second_parameter(
    result: ImportResult,
) -> None:
    line = PETS.read_text(encoding="utf-8").splitlines().index("    &[page_size={}]")
    clashes = [
        d for d in result.diagnostics if d.code == "import-parameter-name-collision"
    ]
    assert [d.location.line if d.location else 0 for d in clashes] == [line + 1]


def test_bearer_header_and_second_credential_header_are_two_schemes(
    result: ImportResult,
) -> None:
    assert result.draft is not None
    schemes = result.draft["auth"]
    assert {
        name: (s["header"], s["format"], s["argument"]) for name, s in schemes.items()
    } == {
        "authorization": ("Authorization", "Bearer {value}", "token"),
        "x_api_key": ("X-Api-Key", "{value}", "x_api_key"),
    }
    assert result.draft["defaults"] == {"auth": ["authorization"]}
    ops = operations(result)
    assert "auth" not in ops["pets.list_pets"]
    assert ops["pets.rename_pet"]["auth"] == ["authorization", "x_api_key"]
    assert ops["adoptions.adopt"]["auth"] == []


def test_unsupported_method_skips_the_function_with_a_warning(
    result: ImportResult,
) -> None:
    lines = PETS.read_text(encoding="utf-8").splitlines()
    assert [(s.title, s.line) for s in result.skipped] == [
        ("Pet Shop API", 1),
        ("Check pet", lines.index("Check pet") + 1),
    ]
    skipped = [d for d in result.diagnostics if d.code == "import-skipped-function"]
    assert len(skipped) == 1
    assert (
        "method 'HEAD' is not one of GET, POST, PUT, PATCH, DELETE"
        in skipped[0].message
    )
    assert result.sections_read == 5


def test_draft_validates(result: ImportResult, tmp_path: Path) -> None:
    spec = tmp_path / "pets.yaml"
    spec.write_text(draft_yaml(result, PETS, spec), encoding="utf-8")
    validation = validate_path(spec)
    assert validation.ok(strict=True), validation.diagnostics
