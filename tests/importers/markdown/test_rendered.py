"""The rendered-page splitter on layouts the bookshelf fixture does not have.

A copied page may lose the blank lines between a label, the template and the table
after it, and a Response section's prose may sit between two functions.
"""

from __future__ import annotations

from generator.importers.markdown.rendered_sections import split_rendered
from tests import paths

NOTES = paths.FIXTURES / "markdown" / "notes_compact.txt"


def split(text: str) -> list[tuple[str, int, str]]:
    outline = split_rendered(text.splitlines())
    return [(f.heading, f.heading_line, f.template[0].text) for f in outline.functions]


def test_compact_layout_keeps_templates_and_tables_apart() -> None:
    lines = NOTES.read_text(encoding="utf-8").splitlines()
    outline = split_rendered(lines)
    assert [(f.heading, f.label_line) for f in outline.functions] == [
        ("Note list", lines.index("Request") + 1),
        ("Note get", lines.index("Request:") + 1),
    ]
    listing, single = outline.functions
    assert [line.text.strip() for line in listing.template] == [
        "GET /notes",
        "?[tag={}]",
    ]
    assert listing.rows == []
    assert [line.text for line in single.template] == ["GET /notes/{note_id}"]
    assert [(row.key, row.required) for row in single.rows] == [
        ("note_id", True),
        ("name", True),
    ]


def test_response_prose_between_functions_is_neither_heading_nor_section() -> None:
    outline = split_rendered(NOTES.read_text(encoding="utf-8").splitlines())
    assert outline.functions[1].description == ["Read one note."]
    assert [s.title for s in outline.skipped] == ["Notes API"]
    assert outline.section_count == 3


def test_short_description_after_heading_is_not_taken_for_the_heading() -> None:
    text = (
        "Shop\n\nEndpoint: https://x.example\n\n"
        "first-call\n\nDo the first thing.\n\nRequest\n\nGET /a\n\n"
        "second-call\n\nDo another thing\n\nRequest\n\nGET /b\n"
    )
    assert split(text) == [("first-call", 5, "GET /a"), ("second-call", 13, "GET /b")]


def test_page_chrome_is_cut_before_the_title_and_at_the_footer() -> None:
    text = (
        "Skip to content\nsome-org / docs\nHistory\n12 lines (9 loc) \u00b7 1 KB\n"
        "api.md\nFile metadata and controls\n12 lines (9 loc) \u00b7 1 KB\n\n"
        "Tiny API\n\nEndpoint: https://tiny.example\n\nping\n\nRequest\n\nGET /ping\n\n"
        "Footer\n\u00a9 2026 GitHub, Inc.\nPrivacy Policy\n"
    )
    outline = split_rendered(text.splitlines())
    assert (outline.title, outline.title_line) == ("Tiny API", 9)
    assert outline.endpoint == "https://tiny.example"
    assert [s.title for s in outline.skipped] == ["Tiny API"]
    assert split(text) == [("ping", 13, "GET /ping")]


def test_prose_sections_before_the_first_function_are_reported() -> None:
    text = (
        "Tiny API\n\nEndpoint: https://tiny.example\n\n"
        "Rate limits\n\nBe gentle: ten calls a minute.\n\n"
        "ping\n\nAnswer with pong.\n\nRequest\n\nGET /ping\n\n"
        "Errors\n\nErrors come back as text, one line long.\n"
    )
    outline = split_rendered(text.splitlines())
    assert [(s.title, s.line, s.reason) for s in outline.skipped] == [
        ("Tiny API", 1, "title section (holds the Endpoint line)"),
        ("Rate limits", 5, "no Request section (prose)"),
        ("Errors", 17, "no Request section after it (prose)"),
    ]
    assert [f.heading for f in outline.functions] == ["ping"]


def test_tables_away_from_the_template_still_belong_to_their_function() -> None:
    text = (
        "Tiny API\n\nEndpoint: https://tiny.example\n\n"
        "find\n\nFind things.\n\n"
        "Key Required Description\nq required integer - what\n\n"
        "Request\n\nGET /find\n    ?q={}\n\nResponse\n\nA list.\n\n"
        "Key Required Value\nlimit optional integer - how many\n\n"
        "ping\n\nAnswer.\n\nRequest\n\nGET /ping\n"
    )
    find, ping = split_rendered(text.splitlines()).functions
    assert [(row.key, row.line) for row in find.rows] == [("q", 10), ("limit", 22)]
    assert find.description == ["Find things."]
    assert (ping.heading, ping.rows) == ("ping", [])
