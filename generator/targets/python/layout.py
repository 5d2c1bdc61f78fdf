"""Lay out generated calls and definitions the way black would.

black formats a file a second time whenever its first pass changed anything, so
rendering code black already accepts halves the slowest step of a generation. This
follows black's rules for the few constructs templates emit with a variable number
of items: one line when it fits; for calls and definitions, the items on one
indented line of their own (not a def's lone parameter, which black gives a comma);
otherwise one item per line with a trailing comma (collection literals skip the
middle step).

The package templates are marked ``black_layout``: a piece of their output whose
lines all fit is written as rendered, without black. A rule here that differs from
black's therefore reaches the SDK. ``tests/output/test_black_layout.py`` holds these
helpers to black on drawn inputs, and every generate in the tests has black check
the pieces it skipped (``SDKGEN_SELF_CHECK``). Where a line does not fit, black
still formats the piece, so the layouts of long lines here only save time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

# black's and ruff's line length in the generated SDK: the one definition, read by
# the docstring filter (escaping), the docs' code samples and the formatter
# (output.format, known_layout, long_lines).
LINE_LENGTH = 88
_DEF_HEADS = ("def ", "async def ")

__all__ = [
    "Call",
    "DictLiteral",
    "TupleLiteral",
    "annotated",
    "assignment",
    "bracketed",
    "generic_call_head",
    "import_from",
    "parse_call",
    "wrapped_call",
]


@dataclass(frozen=True, slots=True)
class DictLiteral:
    """A dict display whose entries may need a line each."""

    entries: tuple[str, ...]

    def one_line(self) -> str:
        """The dict on one line."""
        return "{" + ", ".join(self.entries) + "}"

    def exploded(self, indent: int, suffix: str) -> list[str]:
        """The dict one entry a line, as black writes it, with a trailing comma."""
        pad = " " * indent
        inner = " " * (indent + 4)
        return [pad + "{", *(inner + e + "," for e in self.entries), pad + "}" + suffix]


@dataclass(frozen=True, slots=True)
class Call:
    """A call whose arguments may need a line each: ``head`` ends with ``(``."""

    head: str
    arguments: tuple[Item, ...]

    def one_line(self) -> str:
        """The call on one line, its arguments too."""
        return self.head + ", ".join(_text(a) for a in self.arguments) + ")"


@dataclass(frozen=True, slots=True)
class TupleLiteral:
    """A tuple display after ``prefix`` (``fields=``), its items maybe a line each."""

    prefix: str
    items: tuple[Item, ...]

    def one_line(self) -> str:
        """The tuple on one line: a lone item keeps its comma."""
        inner = ", ".join(_text(item) for item in self.items)
        return f"{self.prefix}({inner}{',' * (len(self.items) == 1)})"


Item = str | DictLiteral | Call | TupleLiteral


def _text(item: Item) -> str:
    return item if isinstance(item, str) else item.one_line()


def parse_call(code: str) -> Item:
    """Read ``f(a, g(b, c))`` into nested ``Call`` items; other code stays text.

    Understands the expressions the generator itself writes: names, calls, string
    literals and lambdas, with brackets balanced.
    """
    if not code.endswith(")"):
        return code
    opening = _opening_of_last_bracket(code)
    if opening is None or opening == 0:
        return code
    arguments = _split_arguments(code[opening + 1 : -1])
    return Call(code[: opening + 1], tuple(parse_call(a) for a in arguments))


def _outside_strings(text: str) -> Iterator[tuple[int, str]]:
    """Each character that is not inside a string literal, with its index."""
    quote = ""
    for index, char in enumerate(text):
        if quote:
            if char == quote and text[index - 1] != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        else:
            yield index, char


def _opening_of_last_bracket(text: str) -> int | None:
    """Where the outermost bracket closed by the text's last character opens."""
    stack: list[int] = []
    last_pair: tuple[int, int] | None = None
    for index, char in _outside_strings(text):
        if char in "([{":
            stack.append(index)
        elif char in ")]}" and stack:
            opening = stack.pop()
            if not stack:
                last_pair = (opening, index)
    if last_pair is None or stack or last_pair[1] != len(text) - 1:
        return None
    return last_pair[0]


def _split_arguments(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in _outside_strings(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    tail = text[start:].strip()
    return [*parts, tail] if tail else parts


def assignment(name: str, code: str, indent: int, *, suffix: str = ",") -> str:
    """``name=code`` plus ``suffix``, its trailing call split as black would."""
    one_line = " " * indent + f"{name}={code}{suffix}"
    item = parse_call(code)
    if len(one_line) <= LINE_LENGTH or not isinstance(item, Call):
        return one_line
    return bracketed(f"{name}={item.head}", item.arguments, ")" + suffix, indent)


def bracketed(
    head: str,
    items: Sequence[Item],
    tail: str,
    indent: int,
    *,
    literal: bool = False,
    exploded: bool = False,
    parameters: bool = False,
) -> str:
    """``head`` + items joined by commas + ``tail``, split as black splits it.

    Args:
        head: text up to and including the opening bracket, e.g. ``def get(``.
        items: the comma-separated items.
        tail: the closing bracket and what follows it, e.g. ``) -> Image:``.
        indent: the indentation of the first line.
        literal: a tuple, list or dict display, which black never hugs.
        exploded: never on one line (a one-tuple, whose comma the one-line
            form would lose).
        parameters: a def's parameters, whose long annotations black puts in
            parentheses of their own (``annotated_parameter``).
    """
    pad = " " * indent
    inner = " " * (indent + 4)
    texts = [_text(item) for item in items]
    one_line = pad + head + ", ".join(texts) + tail
    if len(one_line) <= LINE_LENGTH and not exploded:
        return one_line
    hugged = inner + ", ".join(texts)
    # A def's lone parameter gets a trailing comma from black, which then splits.
    lone_parameter = len(items) == 1 and head.lstrip().startswith(_DEF_HEADS)
    if not literal and not lone_parameter and len(hugged) <= LINE_LENGTH:
        return "\n".join([pad + head, hugged, pad + tail])
    lines = [pad + head]
    for item, text in zip(items, texts, strict=True):
        if len(inner + text + ",") <= LINE_LENGTH:
            lines.append(inner + text + ",")
        elif isinstance(item, str):
            split = annotated_parameter(text, indent + 4) if parameters else None
            lines.append(split or inner + text + ",")
        elif isinstance(item, DictLiteral):
            lines.extend(item.exploded(indent + 4, ","))
        elif isinstance(item, TupleLiteral):
            lone = len(item.items) == 1  # one a line keeps it a tuple
            opening = item.prefix + "("
            lines.append(
                bracketed(
                    opening, item.items, "),", indent + 4, literal=True, exploded=lone
                )
            )
        else:
            lines.append(bracketed(item.head, item.arguments, "),", indent + 4))
    lines.append(pad + tail)
    return "\n".join(lines)


def annotated_parameter(parameter: str, indent: int) -> str | None:
    """A parameter too long for its line, laid out as black does (else None).

    ``name: T = default`` as ``split_annotation`` lays it out, with a comma after.
    """
    match = _PARAMETER.fullmatch(parameter)
    if match is None:
        return None
    name, annotation, default = match.groups()
    return split_annotation(name, annotation, default, indent, ",")


def annotated(
    name: str, annotation: str, default: str | None, indent: int, suffix: str = ""
) -> str:
    """``name: annotation = default`` + ``suffix`` (a model field), as black writes it.

    One line when it fits; else ``split_annotation``'s lines, or the long line for
    black to lay out when the annotation is not one that function knows.
    """
    pad = " " * indent
    one_line = f"{pad}{name}: {annotation}" + _default(default) + suffix
    if len(one_line) <= LINE_LENGTH or not _PARAMETER.fullmatch(
        f"{name}: {annotation}" + _default(default)
    ):
        return one_line
    if default is not None and not suffix:
        # An assignment: black splits after ``= (`` when all before it fits.
        head = f"{pad}{name}: {annotation} = ("
        if len(head) <= LINE_LENGTH:
            return "\n".join([head, f"{pad}    {default}", pad + ")"])
    return split_annotation(name, annotation, default, indent, suffix) or one_line


def split_annotation(
    name: str, annotation: str, default: str | None, indent: int, suffix: str
) -> str | None:
    """A long annotated name over several lines, as black lays it out (else None).

    black puts a long union in parentheses of its own: ``name: (``, the union, and
    ``) = default``; the union on one line when it fits, else split before each
    top-level ``|``, a first operand ``X[a, b]`` still too long exploded at its
    bracket. A lone ``X[a, b]`` is exploded at its bracket without parentheses.
    black keeps no parentheses for one ``|`` beside a bracket that ends or starts
    the annotation: left to black, like anything that does not fit this way.
    Getting it wrong would cost time, never output: ``format_all`` sends pieces
    with lines too long to black, and the tests check these layouts against it.
    """
    pad = " " * indent
    inner = pad + "    "
    unions = _top_level_unions(annotation)
    if unions is None:
        return None
    closing = _default(default) + suffix
    if unions == 0:
        exploded = _exploded_subscript(annotation, indent)
        if exploded is None:
            return None
        head, *rest = exploded
        lines = [f"{pad}{name}: {head.lstrip()}", *rest[:-1], rest[-1] + closing]
    else:
        if unions == 1 and (annotation[0] in "([{" or annotation[-1] in ")]}"):
            return None
        body = [inner + annotation]
        if len(body[0]) > LINE_LENGTH:
            # black splits before each top-level ``|`` (a delimiter split adds no
            # comma, so nothing here can be magic).
            first, *others = _top_level_operands(annotation)
            opening = [inner + first]
            if len(opening[0]) > LINE_LENGTH:
                exploded = _exploded_subscript(first, indent + 4)
                if exploded is None:
                    return None
                opening = exploded
            body = [*opening, *(inner + "| " + other for other in others)]
        lines = [f"{pad}{name}: (", *body, pad + ")" + closing]
    if any(len(line) > LINE_LENGTH for line in lines):
        return None
    return "\n".join(lines)


def generic_call_head(name: str, generic: str, argument: str) -> str:
    """``name: generic[argument] = generic(``, opening an exploded call, as black.

    Too long, it is split at the ``[`` (the argument on a line of its own). Where
    ``name: generic[argument] = (`` fits, black puts the call in parentheses of its
    own instead; that, and a line still too long, are left for black.
    """
    one_line = f"{name}: {generic}[{argument}] = {generic}("
    if (
        len(one_line) <= LINE_LENGTH
        or len(f"{name}: {generic}[{argument}] = (") <= LINE_LENGTH
        or len("    " + argument) > LINE_LENGTH
    ):
        return one_line
    return f"{name}: {generic}[\n    {argument}\n] = {generic}("


def _default(default: str | None) -> str:
    return f" = {default}" if default is not None else ""


def _exploded_subscript(code: str, indent: int) -> list[str] | None:
    """``X[a, b]`` at ``indent`` as black splits it at its bracket (None: not so).

    The items on one line of their own when they fit, else one a line with a
    trailing comma (a lone item too long is left to black).
    """
    opening = _opening_of_last_bracket(code)
    if opening is None or code[opening] != "[" or not code[:opening].isidentifier():
        return None
    items = _split_arguments(code[opening + 1 : -1])
    pad = " " * indent
    inner = pad + "    "
    hugged = inner + ", ".join(items)
    if len(hugged) <= LINE_LENGTH:
        return [pad + code[: opening + 1], hugged, pad + "]"]
    if len(items) < 2:
        return None  # black splits a lone item further: left to black
    return [
        pad + code[: opening + 1],
        *(inner + item + "," for item in items),
        pad + "]",
    ]


# ``name: annotation`` or ``name: annotation = default``, the annotation made of
# names, subscripts and string literals (what the generator writes): no calls or
# attribute access, whose priorities in black differ.
_PARAMETER = re.compile(
    r"([A-Za-z_][A-Za-z0-9_]*): ((?:[A-Za-z0-9_\[\], |]|\"[^\"\\]*\")+?)"
    r"(?: = ([A-Za-z0-9_]+))?"
)


def _top_level_operands(annotation: str) -> list[str]:
    """The annotation's parts between its top-level ``|``."""
    parts, depth, start = [], 0, 0
    for index, char in _outside_strings(annotation):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(annotation[start:index].strip())
            start = index + 1
    return [*parts, annotation[start:].strip()]


def _top_level_unions(annotation: str) -> int | None:
    """How many ``|`` the annotation has outside brackets; None if unbalanced.

    None too for a comma outside brackets, a delimiter black ranks above ``|``.
    """
    depth = unions = 0
    for _index, char in _outside_strings(annotation):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth < 0:
                return None
        elif char == "|" and depth == 0:
            unions += 1
        elif char == "," and depth == 0:
            return None
    return unions if depth == 0 else None


def import_from(module: str, names: Sequence[str]) -> str:
    """``from module import names``: one line, or one name per line in parentheses."""
    one_line = f"from {module} import {', '.join(names)}"
    if len(one_line) <= LINE_LENGTH:
        return one_line
    return bracketed(f"from {module} import (", names, ")", 0, literal=True)


def wrapped_call(head: str, argument: str, indent: int) -> str:
    """``head`` + ``(argument)``, hugged onto its own line when too long.

    When even ``target = function(`` is too long, black puts the call in
    parentheses of its own under ``target = (``, when it then fits.
    """
    target, equals, function = head.rpartition(" = ")
    if not equals or len(" " * indent + head + "(") <= LINE_LENGTH:
        return bracketed(head + "(", [argument], ")", indent)
    if not function.isidentifier():
        return bracketed(head + "(", [argument], ")", indent)
    pad = " " * indent
    call = bracketed(function + "(", [argument], ")", indent + 4)
    if any(len(line) > LINE_LENGTH for line in call.split("\n")):
        return bracketed(head + "(", [argument], ")", indent)  # black's other ways
    return f"{pad}{target} = (\n{call}\n{pad})"
