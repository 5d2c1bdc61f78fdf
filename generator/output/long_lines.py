"""Keep rendered Python within the line length black and ruff use (88).

black lays out code but never touches comments, docstrings or string literals, and
spec text (a summary, a deprecation reason) can make any of them long. Rather than
teach every template the column it writes at, one pass over each rendered module
re-wraps what black leaves alone:

- a docstring line is wrapped at spaces; a continuation keeps the line's indent, plus
  four spaces under an ``Args:`` entry (``name: text``) so it stays that entry's;
- a long ``key="text",`` keyword argument becomes a parenthesised implicit
  concatenation of string pieces, one per line;
- a ``#`` comment line is wrapped into several comment lines.

A single word longer than the line (a URL) is left as it is: it cannot be broken,
and ruff's E501 does not count such lines.
"""

from __future__ import annotations

import io
import re
import textwrap
import tokenize

LINE_LENGTH = 88

__all__ = ["LINE_LENGTH", "wrap_long_lines"]

_ARG_ENTRY = re.compile(r"^(\s+)([A-Za-z_][A-Za-z0-9_]*): \S")
_KEYWORD_STRING = re.compile(
    r"""^(\s+)([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'),$"""
)
_COMMENT = re.compile(r"^(\s*)# (.*)$")


def wrap_long_lines(source: str, width: int = LINE_LENGTH) -> str:
    """``source`` with long docstring, string-argument and comment lines wrapped."""
    if all(len(line) <= width for line in source.splitlines()):
        return source
    docstring_lines = _docstring_lines(source)
    out: list[str] = []
    in_args = False
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        text = line.rstrip("\n")
        newline = line[len(text) :]
        if number in docstring_lines:
            stripped = text.strip()
            if stripped in ("Args:", "Arguments:", "Parameters:"):
                in_args = True
            elif not stripped or stripped.startswith('"""'):
                in_args = in_args and bool(stripped)
            if len(text) > width:
                out.append(_wrap_docstring_line(text, width, in_args) + newline)
                continue
        elif len(text) > width:
            out.append(_wrap_code_line(text, width) + newline)
            continue
        out.append(line)
    return "".join(out)


def _docstring_lines(source: str) -> set[int]:
    """Line numbers (from 1) that lie inside a string token spanning lines, or a
    one-line docstring (a string statement of its own)."""
    lines: set[int] = set()
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return lines  # not Python: the syntax check reports it later
    for index, token in enumerate(tokens):
        if token.type != tokenize.STRING:
            continue
        start, end = token.start[0], token.end[0]
        before = tokens[index - 1].type if index else tokenize.NEWLINE
        after = tokens[index + 1].type if index + 1 < len(tokens) else tokenize.NEWLINE
        statement = before in (tokenize.INDENT, tokenize.NEWLINE, tokenize.NL) and (
            after in (tokenize.NEWLINE, tokenize.NL, tokenize.COMMENT)
        )
        if statement and token.string.startswith(('"""', "'''")):
            lines.update(range(start, end + 1))
    return lines


def _wrap_docstring_line(text: str, width: int, in_args: bool) -> str:
    indent = text[: len(text) - len(text.lstrip())]
    body = text.strip()
    opening = '"""' if body.startswith('"""') else ""
    body = body[len(opening) :]
    closing = '"""' if body.endswith('"""') else ""
    follow = indent + ("    " if in_args and _ARG_ENTRY.match(text) else "")
    # The closing quotes count as part of the last word, so a one-line docstring
    # becomes (at least) two lines of text: black joins a lone closing line back
    # onto a single line of text, however long.
    wrapped = textwrap.wrap(
        body,
        width=width,
        initial_indent=indent + opening,
        subsequent_indent=follow,
        break_long_words=False,
        break_on_hyphens=False,
    )
    if len(wrapped) < 2:
        return text
    if opening and closing:
        # PEP 257: a multi-line docstring ends with its quotes on a line of their own.
        wrapped[-1] = wrapped[-1][: -len(closing)].rstrip()
        wrapped.append(indent + closing)
    return "\n".join(wrapped)


def _wrap_code_line(text: str, width: int) -> str:
    keyword = _KEYWORD_STRING.match(text)
    if keyword:
        return _split_keyword_string(keyword, width) or text
    comment = _COMMENT.match(text)
    if comment:
        indent, body = comment.groups()
        lines = textwrap.wrap(
            body,
            width=width,
            initial_indent=indent + "# ",
            subsequent_indent=indent + "# ",
            break_long_words=False,
            break_on_hyphens=False,
        )
        return "\n".join(lines) if lines else text
    return text


def _split_keyword_string(match: re.Match[str], width: int) -> str | None:
    """``key=(`` then the string's pieces, one per line, then ``),``."""
    indent, key, literal = match.groups()
    quote = literal[0]
    inner = indent + "    "
    room = width - len(inner) - 2  # the quotes
    content = literal[1:-1]
    pieces = _string_pieces(content, room)
    if len(pieces) < 2:
        # It would fit on one line of its own, but black would then join a lone
        # string back: split it in two instead.
        pieces = _string_pieces(content, len(content) // 2 + 1)
    if len(pieces) < 2:
        return None
    # Each piece is its own string to black, which picks its quotes separately:
    # ask black's own rule, so a second formatting pass is not needed.
    from black.strings import normalize_string_quotes

    body = "\n".join(
        inner + normalize_string_quotes(f"{quote}{piece}{quote}") for piece in pieces
    )
    return f"{indent}{key}=(\n{body}\n{indent}),"


def _string_pieces(content: str, room: int) -> list[str]:
    """Split a string literal's content at spaces (kept at the end of each piece)
    into pieces of at most ``room`` characters, never inside an escape."""
    words = re.findall(r"(?:[^ \\]|\\.)+ *| +", content)
    pieces: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + len(word) > room:
            pieces.append(current)
            current = ""
        current += word
    if current:
        pieces.append(current)
    return pieces
