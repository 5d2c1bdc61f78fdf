"""Escaping filters: the only way spec text reaches generated files.

Spec text is untrusted. Each filter makes a value safe for one context: a Python
string literal, a docstring, a comment, a TOML string, Markdown. Templates never
insert raw spec text into code.
"""

from __future__ import annotations

import functools
import json
import math
import re
import textwrap
from typing import Any

from generator.targets.python.layout import LINE_LENGTH

# Control characters, line separators and the bidirectional overrides that make
# text display in another order than it is read ("Trojan Source").
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def pystr(value: Any) -> str:
    """A Python literal for a string (or None): quotes and escapes handled by repr."""
    if value is None:
        return "None"
    if not isinstance(value, str):
        raise TypeError(f"pystr expects a string, got {type(value).__name__}")
    return _string_literal(value)


def _string_literal(text: str) -> str:
    """repr(), in double quotes where that needs no extra escapes, as black writes it.

    Output black leaves unchanged is formatted in one pass instead of two.
    """
    literal = repr(text)
    if literal.startswith('"'):
        return literal
    if '"' not in text:  # the common case: same body, black's quotes
        return '"' + literal[1:-1] + '"'
    return _double_quoted(literal, 0)


# One character of a string literal's body: an escape sequence or a plain character.
_LITERAL_CHARACTER = re.compile(r"\\.|.", re.DOTALL)


def _double_quoted(literal: str, prefix: int) -> str:
    """A single-quoted repr() in double quotes, unless black would keep it as it is.

    black swaps to double quotes when that needs no more backslashes: each ``"`` in
    the text then needs one, and each escaped single quote loses its own.
    ``prefix``: how many letters come before the opening quote (``b``).
    """
    parts = _LITERAL_CHARACTER.findall(literal[prefix + 1 : -1])
    if parts.count('"') > parts.count("\\'"):
        return literal
    swapped = "".join(
        "'" if part == "\\'" else '\\"' if part == '"' else part for part in parts
    )
    return literal[:prefix] + '"' + swapped + '"'


def pybytes(value: bytes) -> str:
    """A bytes literal, in double quotes where black would put them."""
    literal = repr(value)
    if literal.startswith('b"'):
        return literal
    return _double_quoted(literal, 1)


def pyrepr(value: Any) -> str:
    """A Python literal for a scalar from the spec (str, int, float, bool, None)."""
    if isinstance(value, str):
        return _string_literal(value)
    if isinstance(value, float) and not math.isfinite(value):
        # repr() gives 'nan'/'inf', names rather than literals (rule SPEC164).
        raise ValueError(f"pyrepr cannot write {value} as a literal")
    if value is None or isinstance(value, bool | int | float):
        return repr(value)
    raise TypeError(f"pyrepr expects a scalar, got {type(value).__name__}")


def pyliteral(value: Any) -> str:
    """A Python literal for JSON-like data (dicts, lists, scalars), all checked."""
    if isinstance(value, dict):
        items = ", ".join(f"{pystr(k)}: {pyliteral(v)}" for k, v in value.items())
        return "{" + items + "}"
    if isinstance(value, list | tuple):
        inner = ", ".join(pyliteral(v) for v in value)
        return (
            f"({inner},)"
            if isinstance(value, tuple) and len(value) == 1
            else (f"({inner})" if isinstance(value, tuple) else f"[{inner}]")
        )
    return pyrepr(value)


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub(" ", text)


def docstring(
    value: Any, indent: int = 0, first: int | None = None, last: bool = False
) -> str:
    """Text for inside a triple-double-quoted docstring, wrapped to the line length.

    Backslashes are doubled, and quotes are escaped wherever three could meet (a run
    inside the text, or one at either end, next to the quotes around it), so the
    text can neither end the string nor form an escape sequence. Continuation lines
    are indented by ``indent``; the first line starts at column ``first`` (default
    ``indent``), after whatever the template wrote before it on that line. ``last``:
    the closing quotes follow the text: on a line of their own after several lines,
    else right after it (a final quote then gets black's space before them).
    """
    if not value:
        return ""
    return _docstring(str(value), indent, indent if first is None else first, last)


# The sync and async methods, their docs and the models repeat the same texts: each
# is wrapped once (textwrap is most of rendering a resource module).
@functools.lru_cache(maxsize=16_384)
def _docstring(value: str, indent: int, first: int, last: bool) -> str:
    text = _clean(value).strip().replace("\\", "\\\\")
    text = re.sub(r'"(?=")', r'\\"', text)
    text = re.sub(r'^"|"$', r'\\"', text)
    texts = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    paragraphs = [
        _fill_paragraph(p, first if n == 0 else indent, indent)
        for n, p in enumerate(texts)
    ]
    closing_alone = False
    if last and len(paragraphs) == 1 and len(paragraphs[0]) == 1:
        paragraphs[0], closing_alone = _fill_closing_line(texts[0], first, indent)
    lines = [line for paragraph in paragraphs for line in [*paragraph, ""]][:-1]
    body = "\n".join(lines)[first:]  # the template wrote the first columns
    if not last:
        return body
    if len(lines) > 1 or closing_alone:
        return body + "\n" + " " * indent  # PEP 257: closing quotes on a line alone
    return body + " " if body.endswith('"') else body


def _fill_paragraph(text: str, start: int, indent: int) -> list[str]:
    """A paragraph's lines (indents included), the first starting at ``start``.

    Lines end 4 columns short of the limit, room for closing quotes. A word too
    long for that makes a line too long whatever the fill: then the paragraph is
    filled as ``output/long_lines.py`` fills a long paragraph after black (to the
    limit, never at a hyphen), so that pass finds it already as it would write it.
    """
    width = max(40, LINE_LENGTH - indent - 4) + indent
    lines = textwrap.wrap(
        text,
        width=width,
        initial_indent=" " * start,
        subsequent_indent=" " * indent,
        break_long_words=False,
    )
    if all(len(line) <= LINE_LENGTH for line in lines):
        return lines
    return _as_long_lines_fill(text, start, indent)


def _fill_closing_line(text: str, start: int, indent: int) -> tuple[list[str], bool]:
    """A one-line docstring's text, and whether its closing quotes go below it.

    Too long with its closing quotes, it is filled as ``long_lines`` fills it: the
    quotes count as part of the last word (after black's space, when the text ends
    with a quote), and go on a line of their own when that takes several lines.
    """
    [line] = _fill_paragraph(text, start, indent)
    closing = (" " if line.endswith('"') else "") + '"""'
    if len(line) + len(closing) <= LINE_LENGTH:
        return [line], False
    lines = _as_long_lines_fill(text + closing, start, indent)
    if len(lines) < 2:
        return [line], False  # one unbreakable word: left as it is, by that pass too
    lines[-1] = lines[-1][: -len('"""')].rstrip()
    lines = [line for line in lines if line.strip()]
    if len(lines) < 2:
        return [line], False  # black would join a lone closing line back up
    return lines, True


def _as_long_lines_fill(text: str, start: int, indent: int) -> list[str]:
    return textwrap.wrap(
        text,
        width=LINE_LENGTH,
        initial_indent=" " * start,
        subsequent_indent=" " * indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def docline(value: Any) -> str:
    """One line of docstring text (no wrapping, no newlines)."""
    return docstring(" ".join(_clean(str(value or "")).split()), 0).replace("\n", " ")


def comment(value: Any) -> str:
    """Text for a ``#`` comment: a single line whatever the input."""
    return " ".join(_clean(str(value or "")).split())


def tomlstr(value: Any) -> str:
    """A TOML basic string (JSON string syntax is a subset of it).

    JSON leaves DEL (U+007F) raw, which TOML forbids in a string: escape it too.
    """
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def markdown(value: Any) -> str:
    """Inline Markdown text: HTML and Markdown syntax characters are escaped."""
    text = " ".join(_clean(str(value or "")).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]|#])", r"\\\1", text)


def markdown_code(value: Any) -> str:
    """Inline code span that cannot be broken out of."""
    text = " ".join(_clean(str(value or "")).split())
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


FILTERS = {
    "pystr": pystr,
    "pyrepr": pyrepr,
    "pyliteral": pyliteral,
    "docstring": docstring,
    "docline": docline,
    "comment": comment,
    "tomlstr": tomlstr,
    "md": markdown,
    "mdcode": markdown_code,
}


# --- Filters for the generated Markdown docs -------------------------------------

_BLOCK_START = re.compile(r"^(\d{1,9})([.)])")


def markdown_text(value: Any) -> str:
    """Inline Markdown that may also start a paragraph or a list item.

    ``md`` plus the markers that only mean something at the start of a block (a
    list bullet, an ordered-list number, a thematic break or setext underline)
    and tildes, which open code fences and strike text through.
    """
    text = markdown(value).replace("~", "\\~")
    if text[:1] in ("-", "+", "="):
        return "\\" + text
    return _BLOCK_START.sub(r"\1\\\2", text)


def markdown_cell_code(value: Any) -> str:
    """A code span for a table cell: GitHub splits cells even inside code spans.

    An escaped pipe stays one cell and shows as ``|`` inside the code span.
    """
    return markdown_code(value).replace("|", "\\|")


def markdown_fence(value: Any) -> str:
    """A backtick fence longer than any backtick run in the code it encloses."""
    longest = max((len(run) for run in re.findall(r"`+", str(value))), default=0)
    return "`" * max(3, longest + 1)


_URL_SAFE = re.compile(r"[^A-Za-z0-9\-._~:/?#@!$&'*+,;=%]")


def markdown_url(value: Any) -> str:
    """An http(s) URL usable as a Markdown link destination.

    Characters that could end the destination or the link (parentheses, angle
    brackets, spaces, quotes, pipes, backslashes) are percent-encoded; any other
    scheme (``javascript:``, ``data:``) is refused, since a link must not run code.
    """
    text = str(value or "")
    if not re.match(r"^https?://", text, re.IGNORECASE):
        raise ValueError(f"not an http(s) URL: {text!r}")
    return _URL_SAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m[0].encode()), text)


FILTERS.update(
    {
        "mdtext": markdown_text,
        "mdcellcode": markdown_cell_code,
        "mdfence": markdown_fence,
        "mdurl": markdown_url,
    }
)
