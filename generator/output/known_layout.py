"""What black and the wrap write for a piece in black's layout, known without black.

Our package templates write black's layout (``PlanEntry.black_layout``): where
every line fits, black returns a piece as it is. A line too long is black's to lay
out, except in two shapes black can do nothing with, whatever their length:

- a line inside a docstring (not its last): black re-indents docstrings, it never
  breaks or joins their lines;
- one element of a bracket held open by its magic trailing comma, with no bracket
  of its own outside strings: ``"text",``, ``name="text",``, ``"key": name,`` or
  ``"key": "text",``. black explodes such a bracket one element a line whatever
  their length, and finds nothing in the element to split at (its only delimiter
  is the comma that ends it; a string is one token).

A piece whose long lines all have one of these shapes is black's output already;
the long-line pass (``long_lines``) then does what it does after black.
``SDKGEN_SELF_CHECK=1`` has black check every piece taken this way, and
``tests/output/test_black_layout.py`` holds the shapes to black on drawn texts.
"""

from __future__ import annotations

import re

from generator.output.long_lines import (
    LINE_LENGTH,
    WrapResult,
    inner_docstring_lines,
    wrap_long_lines,
)

__all__ = ["blank_lines_as_black", "fits", "known_output"]

# A string literal as black quotes it (escaping.pystr writes black's quotes).
_STRING = r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
# One bracket-free element: "text", name="text", "key": name, "key": "text".
_ELEMENT = re.compile(
    rf"^( +)(?:{_STRING}|{_NAME}={_STRING}|{_STRING}: (?:{_NAME}|{_STRING})),$"
)
_CLOSING = {"(": ")", "[": "]", "{": "}"}


def fits(text: str) -> bool:
    """Whether every line is within the limit, and measured as black measures it.

    black counts a wide character twice and a combining one not at all; the
    layout helpers count characters. A line where the two differ might be laid
    out otherwise by black, so it counts as too long: its piece goes to black.
    """
    for line in text.splitlines():
        if len(line) > LINE_LENGTH:
            return False
        if not line.isascii():
            from black.strings import str_width

            if str_width(line) != len(line):
                return False
    return True


def blank_lines_as_black(text: str) -> bool:
    """No run of three blank lines, one newline at the end: black's limits.

    The cut joins pieces with black's blank lines; a module taken whole keeps the
    template's, which these cheap checks hold to black's (the self-check does more).
    """
    return "\n\n\n\n" not in text and text.endswith("\n") and not text.endswith("\n\n")


def known_output(text: str) -> tuple[str, bool] | None:
    """black's text for a piece in black's layout, then wrapped; None if unknown.

    The result is what ``format._format_source`` returns for ``text``: the wrapped
    text, and whether a string the wrap split needs black once more.
    """
    lines = text.split("\n")
    too_long = [number for number, line in enumerate(lines) if not fits(line)]
    if not too_long:
        return text, False
    inside: frozenset[int] | None = None
    for number in too_long:
        if _unsplittable_element(lines, number):
            continue
        if inside is None:
            inside = inner_docstring_lines(text) or frozenset()
        if number + 1 not in inside:  # inner_docstring_lines counts from 1
            return None
    wrapped: WrapResult = wrap_long_lines(text, LINE_LENGTH)
    return wrapped.text, wrapped.needs_black


def _unsplittable_element(lines: list[str], index: int) -> bool:
    """Whether ``lines[index]`` is a bracket-free element of an exploded bracket.

    The bracket opens at the end of the line above the elements (a call's
    parenthesis, a list's square bracket, a dict's or set's brace, never a tuple
    or a subscript, whose trailing comma black may not count as magic), and closes
    on the line after them, one indent back, right after a trailing comma.
    """
    match = _ELEMENT.match(lines[index])
    if match is None:
        return False
    indent = len(match.group(1))
    above = index - 1
    while above >= 0 and _indent(lines[above]) >= indent:
        above -= 1
    below = index + 1
    while below < len(lines) and _indent(lines[below]) >= indent:
        below += 1
    if above < 0 or below >= len(lines):
        return False
    opening, closing = lines[above], lines[below]
    if _indent(opening) != indent - 4 or _indent(closing) != indent - 4:
        return False
    bracket = opening[-1:]
    if bracket not in _CLOSING or not _opens_display_or_call(opening):
        return False
    last = lines[below - 1].strip()
    return (
        closing.strip().startswith(_CLOSING[bracket])
        and _indent(lines[below - 1]) == indent
        and last.endswith(",")
        and not last.startswith("#")
    )


def _opens_display_or_call(line: str) -> bool:
    """A call's ``(``, a list display's ``[`` or a dict or set display's ``{``."""
    bracket, before = line[-1], line[:-1].rstrip()[-1:]
    named = bool(before) and (before.isalnum() or before in "_)]")
    if bracket == "(":
        return named and line[:-1] == line[:-1].rstrip()  # foo(, not "= ("
    if bracket == "[":
        return not named
    return True


def _indent(line: str) -> int:
    """The line's indent; a blank line counts as none, so it ends every scan."""
    stripped = line.lstrip(" ")
    return len(line) - len(stripped) if stripped else -1
