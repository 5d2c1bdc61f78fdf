"""Explain YAML errors that come from one-line mappings such as ``{type: string}``.

Inside ``{...}`` and ``[...]`` the characters ``[ ] { } ,`` and ``: `` end a plain
(unquoted) value, and `` #`` starts a comment that hides the rest of the line,
closing brace included. So ``{type: list[Label]}``, ``{description: The id: a
string}`` or ``{description: see #3}`` break the parse, and PyYAML's message
("expected ',' or '}', but got '['") does not say why. Part of the load stage:
``load_errors.syntax_error`` asks here for a hint that says which value to quote,
and how.
"""

from __future__ import annotations

import re

import yaml

_FLOW = ("while parsing a flow mapping", "while parsing a flow sequence")
_COMMENT = re.compile(r"\s#")
_KEY = re.compile(r"([^\s{},\[\]][^{},\[\]]*?):\s")


def flow_hint(text: str, err: yaml.YAMLError) -> str | None:
    """A hint for a parse error caused by a one-line mapping, or None."""
    problem = getattr(err, "problem_mark", None)
    if problem is None or not 0 <= problem.index <= len(text):
        return None
    context = getattr(err, "context", None)
    start = getattr(err, "context_mark", None)
    if context in _FLOW and start is not None:
        return _inside_flow(text, start.index, problem.index)
    if text[problem.index : problem.index + 1] == "}":
        return (
            "this '}' closes no one-line mapping: remove it, or quote the value "
            "it belongs to"
        )
    return None


def _inside_flow(text: str, start: int, at: int) -> str | None:
    opener_line = _line_of(text, start)
    # The parser ran past the line (or the text) that opened the mapping.
    if at >= len(text) or _line_start(text, at) > _line_start(text, start):
        comment = _COMMENT.search(opener_line)
        if comment:
            found = _value_at(text, start, start + comment.start(), whole_line=True)
            example = f": write {found[0]}: {quoted(found[1])}" if found else ""
            return (
                "a '#' after a space starts a comment, which hides the rest of the "
                f"line and the closing brace; quote the value that holds it{example}"
            )
        return "close the one-line mapping on its line, or write one key per line"
    found = _value_at(text, start, at)
    if found is None:
        return _GENERAL
    key, value = found
    return (
        f"quote the value: inside {{...}} '{text[at]}' ends a plain value; write "
        f"{key}: {quoted(value)}, or write the mapping one key per line"
    )


_GENERAL = (
    "inside {...} the characters [ ] { } , and ': ' end a plain value: quote the "
    "value, or write the mapping one key per line"
)


def _value_at(
    text: str, start: int, at: int, *, whole_line: bool = False
) -> tuple[str, str] | None:
    """The key whose value the error is in, and the whole value the author meant.

    ``whole_line``: the value runs to the end of the line (a comment hid its end),
    less the brace that closes the mapping.
    """
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    before = text[start + 1 : at]
    keys = list(_KEY.finditer(before))
    if not keys:
        return None
    last = keys[-1]
    value_start = start + 1 + last.end()
    rest = text[value_start:line_end]
    value = rest.rstrip().removesuffix("}") if whole_line else _until_end_of_value(rest)
    return last.group(1).strip(), value.strip()


def _until_end_of_value(rest: str) -> str:
    """``rest`` up to the comma or closing brace that ends the author's value."""
    depth = 0
    for index, char in enumerate(rest):
        if char in "[{":
            depth += 1
        elif char in "]}":
            if depth == 0:
                return rest[:index]
            depth -= 1
        elif char == "," and depth == 0:
            return rest[:index]
    return rest


def quoted(value: str) -> str:
    """``value`` as a YAML string: in double quotes, or single when it needs them."""
    if '"' in value or "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return f'"{value}"'


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_of(text: str, index: int) -> str:
    end = text.find("\n", index)
    return text[index : len(text) if end < 0 else end]


def comma_split(
    pairs: list[tuple[str, object, object]], index: int
) -> tuple[str, str] | None:
    """(The cut value's key, a hint) when key ``index`` is the tail of a cut value.

    ``{description: Page number, from 1.}`` reads as ``description: Page number``
    plus a key ``from 1.`` without a value. Keys of one line (same line number),
    without values, following a text value are taken for its tail.

    Args:
        pairs: the mapping's (key, value, line of the key or None), in document
            order; lines compare equal only within one file.
        index: the unknown key's position in ``pairs``.
    """
    _, value, line = pairs[index]
    if value is not None or line is None:
        return None
    first = index
    while first > 0 and pairs[first - 1][1] is None and pairs[first - 1][2] == line:
        first -= 1
    if first == 0 or pairs[first - 1][2] != line:
        return None
    origin, text, _ = pairs[first - 1]
    if not isinstance(text, str):
        return None
    tail = [str(k) for k, v, n in pairs[first:] if v is None and n == line]
    whole = ", ".join([text, *tail])
    hint = (
        f"a ',' ends a plain value inside {{...}}: quote the value, as in "
        f"{origin}: {quoted(whole)}"
    )
    return origin, hint
