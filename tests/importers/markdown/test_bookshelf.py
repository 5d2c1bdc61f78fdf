"""Import the bookshelf fixture, raw and rendered: same draft, every defect at its line.

The fixture is a made-up API written for these tests in both forms the importer
reads. Each defect kind the importer knows is planted once; the expected line is
found by searching the fixture for the text that holds the defect, so the test
checks the importer's line against the document itself.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from generator.importers.markdown.draft import ImportResult
from generator.importers.markdown.pipeline import draft_yaml, import_document
from generator.spec.validate import validate_path
from tests import paths

FIXTURES = paths.FIXTURES / "markdown"
FORMS = ["bookshelf.md", "bookshelf.txt"]

# (warning code, text of the document line the warning must name)
DEFECTS = [
    ("import-optional-path-parameter", "the number of the shelf"),
    ("import-trailing-slash", "POST /shelves/"),
    ("import-table-name-mismatch", "Words to find the shelf by"),
    ("import-table-only-parameter", "The colour of the shelf label"),
    ("import-heading-typo", "Reqest:"),
    ("import-duplicate-route", "=shelf-empty"),
    ("import-lowercase-method", "get /shelf/{id}/book/{id}"),
    ("import-duplicate-placeholder", "get /shelf/{id}/book/{id}"),
    ("import-heading-debris", 'book-search" class="anchor">'),
    ("import-repeated-base-prefix", "GET /v2/books/search"),
    ("import-undocumented-parameter", "&[lang={}]"),
    ("import-undocumented-parameter", "&format=json"),
    ("import-constant-parameter", "&format=json"),
    ("import-required-mismatch", "at most this many results"),
    ("import-constant-header", "Content-Type: application/x-www-form-urlencoded"),
]

ROUTES = {
    "shelf.get": "GET /shelf/{shelf_id}",
    "shelf.delete": "DELETE /shelf/{shelf_id}",
    "shelf.empty": "DELETE /shelf/{shelf_id}/empty",
    "shelf.book": "GET /shelf/{id}/book/{id_2}",
    "shelves.list": "GET /shelves",
    "shelves.create": "POST /shelves",
    "books.search": "GET /books/search",
    "books.import_": "POST /books/import",
    "account.operation_2fa_check": "GET /v3/account/2fa",
}


def line_of(document: Path, marker: str) -> int:
    """The one line holding ``marker`` ('=text': the line that is exactly text)."""
    lines = document.read_text(encoding="utf-8").splitlines()
    if marker.startswith("="):
        found = [i for i, t in enumerate(lines, 1) if t.lstrip("# ") == marker[1:]]
    else:
        found = [i for i, text in enumerate(lines, 1) if marker in text]
    assert len(found) == 1, (marker, found)
    return found[0]


@pytest.fixture(scope="module", params=FORMS)
def imported(request: pytest.FixtureRequest) -> tuple[Path, ImportResult]:
    path = FIXTURES / str(request.param)
    return path, import_document(path)


def operation(result: ImportResult, dotted: str) -> dict[str, Any]:
    assert result.draft is not None
    resource, name = dotted.split(".")
    spec: dict[str, Any] = result.draft["resources"][resource]["operations"][name]
    return spec


def params(result: ImportResult, dotted: str) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in operation(result, dotted).get("parameters", [])}


def test_every_function_becomes_an_operation_on_its_route(
    imported: tuple[Path, ImportResult],
) -> None:
    _, result = imported
    found = {
        f"{op.resource}.{op.name}": f"{op.method} {op.path}" for op in result.operations
    }
    assert found == ROUTES


def test_each_defect_is_a_warning_naming_its_line(
    imported: tuple[Path, ImportResult],
) -> None:
    path, result = imported
    reported = {
        (d.code, d.location.line) for d in result.diagnostics if d.location is not None
    }
    expected = {(code, line_of(path, marker)) for code, marker in DEFECTS}
    assert expected <= reported
    assert not any(d.is_error for d in result.diagnostics)


def test_defects_become_todo_departures_on_their_operation(
    imported: tuple[Path, ImportResult],
) -> None:
    path, result = imported
    departures = operation(result, "shelf.delete")["departures"]
    line = line_of(path, "Reqest:")
    assert departures == [
        {
            "document": f"Line {line}: section heading 'Reqest:' is misspelled",
            "spec": "read as the Request section",
            "reason": "TODO: fix the spelling in the document",
        }
    ]
    text = draft_yaml(result, path, None)
    comment = f"      # TODO (line {line}): section heading 'Reqest:' is misspelled;"
    assert f"{comment} read as the Request\n      # section.\n      delete:\n" in text


def test_sections_read_and_skipped_are_all_accounted_for(
    imported: tuple[Path, ImportResult],
) -> None:
    path, result = imported
    assert result.sections_read == 13
    assert len(result.operations) == 9
    skipped = [(s.title, s.line) for s in result.skipped]
    assert skipped == [
        (title, line_of(path, "=" + title))
        for title in ("Bookshelf API", "Authentication", "stats", "shelf-move")
    ]
    assert result.skipped[0].reason == "title section (holds the Endpoint line)"


def test_api_block_comes_from_title_endpoint_and_source(
    imported: tuple[Path, ImportResult],
) -> None:
    _, result = imported
    assert result.draft is not None
    assert result.draft["api"] == {
        "name": "bookshelf_api",
        "title": "Bookshelf API",
        "version": "v2",
        "base_url": "https://api.bookshelf.example/v2",
        "docs_url": "https://docs.bookshelf.example/api",
        "source_document": "https://docs.bookshelf.example/api",
        "description": "A small made-up API for keeping track of the books on a shelf.",
        "package": "bookshelf_api_client",
        "client_class": "BookshelfApiClient",
    }


def test_required_authorization_header_becomes_the_default_auth(
    imported: tuple[Path, ImportResult],
) -> None:
    _, result = imported
    assert result.draft is not None
    assert result.draft["auth"]["authorization"] == {
        "type": "api_key",
        "header": "Authorization",
        "format": "{value}",
        "argument": "authorization",
        "description": "The value the document's request templates send in the "
        "Authorization header.",
    }
    assert result.draft["defaults"] == {"auth": ["authorization"]}
    assert "auth" not in operation(result, "shelf.get")
    assert operation(result, "account.operation_2fa_check")["auth"] == []


def test_parameters_take_location_type_default_and_enum(
    imported: tuple[Path, ImportResult],
) -> None:
    _, result = imported
    listing = params(result, "shelves.list")
    assert listing["page"] == {
        "name": "page",
        "in": "query",
        "type": "integer",
        "default": 0,
        "description": "the page to return, counting from 0",
    }
    assert listing["order"]["enum"] == ["title", "added", "rating"]
    assert listing["order"]["default"] == "added"
    created = params(result, "shelves.create")
    assert {p["in"] for p in created.values()} == {"form"}
    assert created["name"]["required"] is True
    assert created["tags[]"]["python_name"] == "tags"
    assert created["tags[]"]["type"] == "list[string]"
    assert created["private"]["default"] is False
    assert params(result, "shelf.empty")["confirm"]["in"] == "query"


def test_alias_constant_and_header_parameters(
    imported: tuple[Path, ImportResult],
) -> None:
    _, result = imported
    search = params(result, "books.search")
    assert search["q"]["python_name"] == "query"
    assert search["q"]["required"] is True
    assert "required" not in search["limit"]
    assert (search["format"]["default"], search["format"]["enum"]) == ("json", ["json"])
    header = params(result, "books.import_")["X-Request-Id"]
    assert header == {
        "name": "X-Request-Id",
        "python_name": "x_request_id",
        "in": "header",
        "type": "string",
    }


def test_draft_passes_sdkgen_validate_strictly(
    imported: tuple[Path, ImportResult], tmp_path: Path
) -> None:
    path, result = imported
    spec = tmp_path / "draft.yaml"
    spec.write_text(draft_yaml(result, path, spec), encoding="utf-8")
    validation = validate_path(spec)
    assert validation.ok(strict=True), validation.diagnostics


def without_lines(draft: dict[str, Any]) -> dict[str, Any]:
    """The draft with the line numbers in departures blanked out."""
    copied = copy.deepcopy(draft)
    for resource in copied["resources"].values():
        for spec in resource["operations"].values():
            for departure in spec.get("departures", []):
                departure["document"] = re.sub(r"\d+", "N", departure["document"])
    return copied


def test_raw_and_rendered_forms_give_the_same_draft() -> None:
    raw, rendered = (import_document(FIXTURES / name) for name in FORMS)
    assert raw.draft is not None and rendered.draft is not None
    assert without_lines(raw.draft) == without_lines(rendered.draft)


def test_name_option_sets_name_package_and_client_class() -> None:
    result = import_document(FIXTURES / "bookshelf.md", name="shelves")
    assert result.draft is not None
    api = result.draft["api"]
    assert (api["name"], api["package"], api["client_class"]) == (
        "shelves",
        "shelves_client",
        "ShelvesClient",
    )
