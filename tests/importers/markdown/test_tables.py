"""Parameter tables in their three shapes, and the words that give a type."""

from __future__ import annotations

import pytest

from generator.importers.markdown.outline import SourceLine, TableRow
from generator.importers.markdown.param_types import read_words
from generator.importers.markdown.tables import (
    is_flat_table_header,
    parse_flat_rows,
    parse_html_tables,
    parse_pipe_tables,
)


def numbered(text: str, first: int = 10) -> list[SourceLine]:
    return [SourceLine(first + i, line) for i, line in enumerate(text.splitlines())]


def test_pipe_table_with_and_without_outer_pipes() -> None:
    rows = parse_pipe_tables(
        numbered(
            "| Key | Required | Description |\n"
            "|-----|:--------:|-------------|\n"
            "| page | optional | integer - the page |\n"
            "\n"
            "name | required | text\n"
            "--- | --- | ---\n"
            "q | yes | The query\n"
        )
    )
    assert rows == [
        TableRow("page", False, "integer - the page", 12),
        TableRow("q", True, "The query", 16),
    ]


def test_pipe_table_columns_are_found_by_header_word() -> None:
    rows = parse_pipe_tables(
        numbered("| Description | Name | Required |\n|---|---|---|\n| Text | id | no |")
    )
    assert rows == [TableRow("id", False, "Text", 12)]


def test_html_table_with_th_header_spanning_lines() -> None:
    rows = parse_html_tables(
        numbered(
            "<table>\n"
            "<tr><th>Key</th><th>Required</th><th>Value</th></tr>\n"
            "<tr>\n"
            "  <td><code>ids[]</code></td>\n"
            "  <td>required</td>\n"
            "  <td>The image ids &amp; more</td>\n"
            "</tr>\n"
            "</table>"
        )
    )
    assert rows == [TableRow("ids[]", True, "The image ids & more", 12)]


def test_html_table_whose_header_row_uses_td() -> None:
    rows = parse_html_tables(
        numbered(
            "<table><tr><td>Key</td><td>Required</td><td>Description</td></tr>\n"
            "<tr><td>a</td><td>no</td><td>first</td></tr></table>"
        )
    )
    assert rows == [TableRow("a", False, "first", 11)]


def test_flattened_rows_split_key_required_word_and_text() -> None:
    assert is_flat_table_header("Key Required Description")
    assert is_flat_table_header("key required value")
    assert not is_flat_table_header("The key is required")
    assert not is_flat_table_header("name required The name of the thing")
    rows = parse_flat_rows(
        numbered("page optional integer - the page\nq required Query string\nx odd one")
    )
    assert rows == [
        TableRow("page", False, "integer - the page", 10),
        TableRow("q", True, "Query string", 11),
        TableRow("x", None, "odd one", 12),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "enum", "default", "rest"),
    [
        ("integer - the page number", "integer", None, None, "the page number"),
        (
            "boolean - new ones only. Default is true.",
            "boolean",
            None,
            "true",
            "new ones only. Default is true.",
        ),
        ("string: which kind", "string", None, None, "which kind"),
        ("float", "number", None, None, "float"),
        (
            "viral | score | time - defaults to viral",
            "string",
            ["viral", "score", "time"],
            "viral",
            None,
        ),
        ("1 | 2 | 3", "integer", [1, 2, 3], None, None),
        ("The title of the image", None, None, None, "The title of the image"),
        ("pics - A valid sub-reddit name", None, None, None, None),
    ],
)
def test_words_give_type_enum_and_default(
    text: str,
    kind: str | None,
    enum: list[object] | None,
    default: str | None,
    rest: str | None,
) -> None:
    reading = read_words(text)
    assert (reading.type, reading.enum, reading.default) == (kind, enum, default)
    assert reading.description == (rest or text)
