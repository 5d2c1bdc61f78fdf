"""Keep formatted Python within the line length black and ruff use (88).

black lays out code but never touches comments, docstrings or string literals, and
spec text (a summary, a deprecation reason, a discriminator value) can make any of
them long. Rather than teach every template the column it writes at, one pass over
each formatted module re-wraps what black leaves alone:

- a docstring paragraph with a long line is filled again at spaces; a continuation
  keeps the paragraph's indent, plus four spaces under an ``Args:`` entry
  (``name: text``) so it stays that entry's;
- a ``#`` comment line is wrapped into several comment lines;
- a long string literal in code becomes a parenthesised implicit concatenation of
  pieces split at spaces. As a keyword argument (``key="text",``) it is laid out
  here as black would; anywhere else the caller formats the module once more
  (``WrapResult.needs_black``) and black lays it out.

A single word longer than the line (a URL), an f-string, and any line inside a
multi-line string that is not a docstring are left as they are: none can be broken
without changing what the code means.
"""

from __future__ import annotations

import io
import re
import textwrap
import tokenize
from dataclasses import dataclass

from generator.targets.python.layout import LINE_LENGTH

# The longest piece a long string in code is cut into; black then fits the pieces.
_PIECE = 60

__all__ = ["LINE_LENGTH", "WrapResult", "inner_docstring_lines", "wrap_long_lines"]

_ARG_ENTRY = re.compile(r"^(\s+)([A-Za-z_][A-Za-z0-9_]*): \S")
_SECTION = re.compile(r"^\s*[A-Z][A-Za-z ]*:$")
_KEYWORD_STRING = re.compile(
    r"""^(\s+)([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'),$"""
)
_COMMENT = re.compile(r"^(\s*)# (.*)$")
# A string's content in pieces that must stay whole: escapes (\N{NAME} included),
# runs of other characters, and the spaces after them.
_WORDS = re.compile(r"(?:\\N\{[^}]*\}|\\.|[^ \\])+ *| +")


@dataclass(frozen=True, slots=True)
class WrapResult:
    """The wrapped text; ``needs_black`` when a split string must be laid out."""

    text: str
    needs_black: bool = False


@dataclass(frozen=True, slots=True)
class _Strings:
    """What tokenizing found: docstring line ranges and lines to leave alone."""

    docstrings: tuple[tuple[int, int], ...]  # (first, last) line, from 1
    frozen: frozenset[int]  # lines inside other multi-line strings
    literals: dict[int, list[tokenize.TokenInfo]]  # one-line strings in code, by line


def wrap_long_lines(source: str, width: int = LINE_LENGTH) -> WrapResult:
    """``source`` with long docstring, comment and string lines wrapped."""
    lines = source.splitlines(keepends=True)
    if all(len(line.rstrip("\n")) <= width for line in lines):
        return WrapResult(source)
    strings = _scan(source)
    if strings is None:
        return WrapResult(source)  # not Python: the syntax check reports it
    out = list(lines)
    for first, last in strings.docstrings:
        _wrap_docstring(out, first, last, width)
    needs_black = False
    docstring_lines = {n for a, b in strings.docstrings for n in range(a, b + 1)}
    for number, line in enumerate(lines, start=1):
        text = line.rstrip("\n")
        if len(text) <= width or number in docstring_lines or number in strings.frozen:
            continue
        wrapped, black_needed = _wrap_code_line(
            text, strings.literals.get(number, []), width
        )
        out[number - 1] = wrapped + line[len(text) :]
        needs_black = needs_black or black_needed
    return WrapResult("".join(out), needs_black)


def inner_docstring_lines(source: str) -> frozenset[int] | None:
    """The lines of ``source``'s docstrings but their last (the closing quotes).

    black lays out no such line, however long; None when ``source`` does not
    tokenize.
    """
    strings = _scan(source)
    if strings is None:
        return None
    return frozenset(n for a, b in strings.docstrings for n in range(a, b))


def _scan(source: str) -> _Strings | None:
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return None
    docstrings: list[tuple[int, int]] = []
    frozen: set[int] = set()
    literals: dict[int, list[tokenize.TokenInfo]] = {}
    starts = (tokenize.INDENT, tokenize.DEDENT, tokenize.NEWLINE, tokenize.NL)
    ends = (tokenize.NEWLINE, tokenize.NL, tokenize.COMMENT)
    for index, token in enumerate(tokens):
        if token.type != tokenize.STRING:
            continue
        first, last = token.start[0], token.end[0]
        before = tokens[index - 1].type if index else tokenize.NEWLINE
        after = tokens[index + 1].type if index + 1 < len(tokens) else tokenize.NEWLINE
        if before in starts and after in ends and token.string.startswith('"""'):
            docstrings.append((first, last))
        elif first != last:
            frozen.update(range(first, last + 1))
        else:
            literals.setdefault(first, []).append(token)
    return _Strings(tuple(docstrings), frozenset(frozen), literals)


# --- docstrings ------------------------------------------------------------------


def _wrap_docstring(out: list[str], first: int, last: int, width: int) -> None:
    """Re-fill, in place, each paragraph of lines first..last that has a long line."""
    in_args = False
    number = first
    while number <= last:
        text = out[number - 1].rstrip("\n")
        stripped = text.strip()
        if _SECTION.match(text):
            in_args = stripped in ("Args:", "Arguments:", "Parameters:")
        elif not stripped:
            in_args = False  # a blank line ends a section
        if len(text) <= width:
            number += 1
            continue
        entry = in_args and bool(_ARG_ENTRY.match(text))
        follow = _indent(text) + ("    " if entry else "")
        end = _paragraph_end(out, number, last, follow, in_args)
        wrapped = _fill(out, number, end, follow, width)
        if wrapped is not None:
            out[number - 1] = wrapped + "\n"
            for consumed in range(number + 1, end + 1):
                out[consumed - 1] = ""
        number = end + 1


def _paragraph_end(
    out: list[str], number: int, last: int, follow: str, in_args: bool
) -> int:
    """The last line of the paragraph starting at ``number``.

    That is the lines after it at its own or the continuation indent, up to a blank
    line, a section, the closing quotes or (in an ``Args:`` section) the next entry.
    """
    indents = {_indent(out[number - 1]), follow}
    end = number
    while end + 1 <= last:
        text = out[end].rstrip("\n")
        stripped = text.strip()
        if (
            not stripped
            or stripped.startswith('"""')
            or _indent(text) not in indents
            or _SECTION.match(text)
            or (in_args and _ARG_ENTRY.match(text))
        ):
            break
        end += 1
    return end


def _fill(out: list[str], first: int, end: int, follow: str, width: int) -> str | None:
    """Lines first..end as one re-filled paragraph, or None to leave them."""
    head = out[first - 1].rstrip("\n")
    indent = _indent(head)
    body = head.strip()
    opening = '"""' if body.startswith('"""') else ""
    body = body[len(opening) :]
    more = [out[n - 1].strip() for n in range(first + 1, end + 1)]
    closing = '"""' if (more[-1] if more else body).endswith('"""') else ""
    text = " ".join([body, *more])
    # The closing quotes count as part of the last word, so a one-line docstring
    # becomes (at least) two lines of text: black joins a lone closing line back
    # onto a single line of text, however long.
    wrapped = textwrap.wrap(
        text,
        width=width,
        initial_indent=indent + opening,
        subsequent_indent=follow,
        break_long_words=False,
        break_on_hyphens=False,
    )
    if len(wrapped) < 2 and not more:
        return None
    # A line ending in a backslash would join the next one: leave such text alone.
    if any(_odd_backslashes(line) for line in wrapped[:-1]):
        return None
    if opening and closing and len(wrapped) > 1:
        # PEP 257: a multi-line docstring ends with its quotes on a line of their own.
        wrapped[-1] = wrapped[-1][: -len(closing)].rstrip()
        wrapped.append(indent + closing)
    kept = [line for line in wrapped if line.strip()]
    if opening and closing and len(kept) == 2:
        return None  # one line of text: black would join the closing quotes back
    return "\n".join(kept)


def _odd_backslashes(line: str) -> bool:
    return (len(line) - len(line.rstrip("\\"))) % 2 == 1


def _indent(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


# --- code ------------------------------------------------------------------------


def _wrap_code_line(
    text: str, literals: list[tokenize.TokenInfo], width: int
) -> tuple[str, bool]:
    """The line wrapped, and whether black must lay the result out."""
    keyword = _KEYWORD_STRING.match(text)
    if keyword:
        split = _split_keyword_string(keyword, width)
        if split is not None:
            return split, False
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
        return ("\n".join(lines) if lines else text), False
    return _parenthesise_strings(text, literals)


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


def _parenthesise_strings(
    text: str, literals: list[tokenize.TokenInfo]
) -> tuple[str, bool]:
    """Each long plain string on the line as ``("piece " "piece")``, for black."""
    changed = False
    # Right to left, so the columns of the strings not yet replaced stay right.
    for token in sorted(literals, key=lambda t: t.start[1], reverse=True):
        literal = token.string
        prefix = literal[: len(literal) - len(literal.lstrip("rRbBuU"))]
        quoted = literal[len(prefix) :]
        if len(literal) <= _PIECE or quoted[:3] in ('"""', "'''"):
            continue
        if any(c in "fF" for c in prefix) or not quoted or quoted[0] not in "\"'":
            continue
        pieces = _string_pieces(quoted[1:-1], _PIECE)
        if len(pieces) < 2:
            continue
        quote = quoted[0]
        joined = " ".join(f"{prefix}{quote}{p}{quote}" for p in pieces)
        start, end = token.start[1], token.end[1]
        text = f"{text[:start]}({joined}){text[end:]}"
        changed = True
    return text, changed


def _string_pieces(content: str, room: int) -> list[str]:
    """A string literal's content split into pieces of at most ``room`` characters.

    Pieces end at spaces (kept at the end of each piece), never inside an escape.
    """
    pieces: list[str] = []
    current = ""
    for word in _WORDS.findall(content):
        if current and len(current) + len(word) > room:
            pieces.append(current)
            current = ""
        current += word
    if current:
        pieces.append(current)
    return pieces
