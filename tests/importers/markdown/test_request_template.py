"""The request template notation: every kind of item, header and bad template."""

from __future__ import annotations

import pytest

from generator.importers.markdown.outline import SourceLine
from generator.importers.markdown.request_template import (
    RequestTemplate,
    TemplateError,
    TemplateItem,
    parse_template,
)


def parse(*lines: str) -> RequestTemplate:
    return parse_template([SourceLine(i + 1, text) for i, text in enumerate(lines)])


def item(
    name: str,
    line: int,
    *,
    required: bool = True,
    variable: bool = True,
    alias: str | None = None,
    value: str | None = None,
) -> TemplateItem:
    return TemplateItem(name, required, variable, alias, value, line)


def test_request_line_gives_method_as_written_and_path() -> None:
    template = parse("get /album/{id}")
    assert (template.method, template.path, template.line) == ("get", "/album/{id}", 1)
    assert template.query == [] and template.headers == []


def test_each_kind_of_query_item() -> None:
    template = parse(
        "GET /search",
        "    ?q={}",
        "    &user={user_name}",
        "    &[page={}]",
        "    &format=json",
        "    &[limit=50]",
    )
    assert template.query == [
        item("q", 2),
        item("user", 3, alias="user_name"),
        item("page", 4, required=False),
        item("format", 5, variable=False, value="json"),
        item("limit", 6, required=False, variable=False, value="50"),
    ]


def test_optional_brackets_may_hold_the_ampersand() -> None:
    template = parse("GET /x", "    ?[a={}]", "    [&b={}]", "    &[c=1]")
    assert [(i.name, i.required) for i in template.query] == [
        ("a", False),
        ("b", False),
        ("c", False),
    ]


def test_query_may_start_on_the_request_line() -> None:
    template = parse("GET /v1/pets?[species={}][&limit=25]&kind={}")
    assert template.path == "/v1/pets"
    assert [(i.name, i.required, i.value) for i in template.query] == [
        ("species", False, None),
        ("limit", False, "25"),
        ("kind", True, None),
    ]


def test_several_items_on_one_continuation_line() -> None:
    template = parse("GET /x", "    ?a={}&b={}&[c={}]")
    assert [(i.name, i.required, i.line) for i in template.query] == [
        ("a", True, 2),
        ("b", True, 2),
        ("c", False, 2),
    ]


def test_headers_required_optional_and_constant() -> None:
    template = parse(
        "POST /x",
        "Authorization: Bearer {token}",
        "[X-Trace: {}]",
        "Content-Length: 0",
    )
    assert template.headers == [
        item("Authorization", 2, alias="token", value="Bearer {token}"),
        item("X-Trace", 3, required=False, value="{}"),
        item("Content-Length", 4, variable=False, value="0"),
    ]


def test_blank_lines_are_ignored_and_unknown_lines_kept_for_the_report() -> None:
    template = parse("", "DELETE /x", "", '{"raw": "body"}')
    assert template.line == 2
    assert [line.number for line in template.unread] == [4]


@pytest.mark.parametrize("lines", [[], [""], ["Not a request"], ["GET album"]])
def test_template_without_request_line_is_an_error(lines: list[str]) -> None:
    with pytest.raises(TemplateError, match="expected a request line"):
        parse(*lines)
