"""One-line mappings ({type: string}) that YAML reads otherwise get a hint to quote.

Each case is a line a spec author really writes; the hint must name the value and
show it quoted. Without ``flow_pitfalls`` the hints fall back to "check the
indentation and quoting" and the cut value is an unexplained unknown key.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import SpecError
from generator.spec.flow_pitfalls import quoted
from generator.spec.load import load_spec
from generator.spec.validate import validate_path
from tests import paths

MINIMAL = (paths.FIXTURES / "specs" / "valid" / "minimal.yaml").read_text("utf-8")
PARAMETER = "{name: id, in: path, type: string}"


def spec_with(tmp_path: Path, old: str, new: str) -> Path:
    assert old in MINIMAL
    path = tmp_path / "spec.yaml"
    path.write_text(MINIMAL.replace(old, new), encoding="utf-8")
    return path


def syntax_hint(path: Path) -> tuple[str, str | None]:
    with pytest.raises(SpecError) as raised:
        load_spec(path)
    (found,) = raised.value.diagnostics
    assert found.code == "SPEC006"
    return str(found.location), found.hint


@pytest.mark.parametrize(
    ("old", "new", "hint"),
    [
        (
            "{type: string, required: true}",
            "{type: list[Label]}",
            "quote the value: inside {...} '[' ends a plain value; write "
            'type: "list[Label]", or write the mapping one key per line',
        ),
        (
            PARAMETER,
            "{name: id, in: path, type: string, description: The id: a string}",
            "quote the value: inside {...} ':' ends a plain value; write "
            'description: "The id: a string", or write the mapping one key per line',
        ),
        (
            PARAMETER,
            "{name: id, in: path, type: string, description: Use {id} here}",
            "quote the value: inside {...} '{' ends a plain value; write "
            'description: "Use {id} here", or write the mapping one key per line',
        ),
        (
            PARAMETER,
            "{name: id, in: path, type: string, description: see #3}",
            "a '#' after a space starts a comment, which hides the rest of the line "
            "and the closing brace; quote the value that holds it: write "
            'description: "see #3"',
        ),
        (
            PARAMETER,
            "{name: id, in: path, type: string}}",
            "this '}' closes no one-line mapping: remove it, or quote the value it "
            "belongs to",
        ),
        (
            PARAMETER,
            "{name: id, in: path, type: string",
            "close the one-line mapping on its line, or write one key per line",
        ),
    ],
    ids=["bracket", "colon", "brace", "comment", "stray-brace", "unclosed"],
)
def test_parse_errors_in_one_line_mappings_say_what_to_quote(
    tmp_path: Path, old: str, new: str, hint: str
) -> None:
    path = spec_with(tmp_path, old, new)
    assert syntax_hint(path)[1] == hint


def test_the_hint_keeps_the_parsers_position(tmp_path: Path) -> None:
    path = spec_with(tmp_path, "{type: string, required: true}", "{type: list[Label]}")
    location, _ = syntax_hint(path)
    assert location == f"{path}:13:22"  # the '[' PyYAML stopped at


def test_other_syntax_errors_keep_the_general_hint(tmp_path: Path) -> None:
    path = spec_with(tmp_path, "  title: Demo API", "  title: Demo API\n   x: y")
    assert syntax_hint(path)[1] == "check the indentation and quoting at this position"


def test_a_value_cut_at_a_comma_is_named_with_its_quoted_whole(tmp_path: Path) -> None:
    new = "{name: id, in: path, type: string, description: Page number, from 1.}"
    found = validate_path(spec_with(tmp_path, PARAMETER, new)).diagnostics
    assert [(d.code, d.message, d.hint) for d in found] == [
        (
            "SPEC020",
            "unknown key 'from 1.' in parameter 'id' of item.get: the end of "
            "'description', cut off at a comma",
            "a ',' ends a plain value inside {...}: quote the value, as in "
            'description: "Page number, from 1."',
        )
    ]


def test_every_piece_of_a_value_cut_twice_points_to_the_whole(tmp_path: Path) -> None:
    new = "{name: id, in: path, type: string, description: a, b, c}"
    found = validate_path(spec_with(tmp_path, PARAMETER, new)).diagnostics
    assert [d.hint for d in found] == [
        "a ',' ends a plain value inside {...}: quote the value, as in "
        'description: "a, b, c"'
    ] * 2


def test_an_empty_key_on_its_own_line_is_not_taken_for_a_cut_value(
    tmp_path: Path,
) -> None:
    path = spec_with(
        tmp_path, "summary: Get one item.", "summary: Get one.\n        summry:"
    )
    (found,) = validate_path(path).diagnostics
    assert found.message.endswith("did you mean 'summary'?")


def test_quoted_picks_quotes_that_need_no_escapes() -> None:
    assert quoted("list[Label]") == '"list[Label]"'
    assert quoted('say "hi"') == "'say \"hi\"'"
    assert quoted('it\'s \\ "x"') == "'it''s \\ \"x\"'"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("a: {b: c", "close the one-line mapping on its line"),
        ("a: {b: c #x}", "a '#' after a space starts a comment"),
    ],
)
def test_a_mapping_left_open_at_the_end_of_the_file(
    tmp_path: Path, text: str, hint: str
) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")  # no final newline: found by fuzzing
    found = syntax_hint(path)[1]
    assert found is not None and found.startswith(hint)
