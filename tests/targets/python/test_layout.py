"""The layout helper writes code black would leave as it is.

Each case builds a small module around the helper's output (a ``def`` needs a
body, a keyword argument needs a call) and formats it with black; black must give
the text back unchanged. Names grow across the cases so the output crosses each
of black's thresholds: one line, the items hugged on a line of their own, and
one item a line.
"""

from __future__ import annotations

import ast

import black
import pytest

from generator.targets.python.code import _tuple_field
from generator.targets.python.layout import (
    LINE_LENGTH,
    Call,
    DictLiteral,
    assignment,
    bracketed,
    import_from,
    parse_call,
    wrapped_call,
)

MODE = black.Mode(line_length=LINE_LENGTH, target_versions={black.TargetVersion.PY311})
# From short to far past the line: 1 to 12 parameters with names of 3 to 30 letters.
SIZES = [(count, width) for count in (1, 2, 4, 7, 12) for width in (3, 12, 30)]


def unchanged_by_black(source: str) -> None:
    formatted = black.format_str(source, mode=MODE)
    assert formatted == source, f"black changed:\n{source}\ninto:\n{formatted}"


def names(count: int, width: int) -> list[str]:
    return [f"{chr(97 + i % 26)}{'x' * (width - 1)}{i}" for i in range(count)]


@pytest.mark.parametrize(("count", "width"), SIZES)
def test_a_function_definition_stays_as_black_writes_it(count: int, width: int) -> None:
    params = [f"{n}: int | None" for n in names(count, width)]
    code = bracketed("def operation(", params, ") -> Image:", 0)
    unchanged_by_black(code + "\n    return None\n")


@pytest.mark.parametrize(("count", "width"), SIZES)
def test_a_method_definition_in_a_class_stays_as_black_writes_it(
    count: int, width: int
) -> None:
    params = ["self", *(f"{n}: str" for n in names(count, width))]
    code = bracketed("def method(", params, ") -> None:", 4)
    unchanged_by_black(f"class Resource:\n{code}\n        return None\n")


@pytest.mark.parametrize(("count", "width"), SIZES)
def test_an_import_stays_as_black_writes_it(count: int, width: int) -> None:
    module = "package.module_" + "m" * width
    unchanged_by_black(import_from(module, names(count, width)) + "\n")


@pytest.mark.parametrize(("count", "width"), SIZES)
def test_a_keyword_argument_holding_a_nested_call_stays_as_black_writes_it(
    count: int, width: int
) -> None:
    inner = ", ".join(f'Param("{n}", "{n}", "query")' for n in names(count, width))
    code = f"make_operation(name={width}, params=({inner},))"
    line = assignment("parse", code, 4)
    unchanged_by_black(f"x = Operation(\n{line}\n)\n")


@pytest.mark.parametrize(("count", "width"), SIZES)
def test_a_dict_literal_argument_stays_as_black_writes_it(
    count: int, width: int
) -> None:
    entries = tuple(f'"{n}": {n}' for n in names(count, width))
    items = ["first_argument", DictLiteral(entries)]
    code = bracketed("result = build(", items, ")", 0)
    unchanged_by_black(code + "\n")


@pytest.mark.parametrize("width", [3, 30, 60, 80])
def test_a_wrapped_call_stays_as_black_writes_it(width: int) -> None:
    argument = "value_" + "v" * width
    code = wrapped_call("return self._client.request", argument, 4)
    unchanged_by_black(f"def f(value):\n{code}\n")


def test_one_line_when_it_fits_else_one_item_a_line() -> None:
    assert bracketed("f(", ["a", "b"], ")", 0) == "f(a, b)"
    long = names(12, 12)
    lines = bracketed("f(", long, ")", 0).splitlines()
    assert lines == ["f(", *(f"    {n}," for n in long), ")"]


def test_a_collection_literal_is_never_hugged() -> None:
    items = names(5, 12)  # fits on one indented line, not after the head
    hugged = bracketed("call_something_rather_long(", items, ")", 0)
    literal = bracketed("VALUES_UNDER_A_LONGER_NAME = (", items, ")", 0, literal=True)
    assert len(hugged.splitlines()) == 3
    assert len(literal.splitlines()) == len(items) + 2


def test_parse_call_reads_nested_calls_and_leaves_strings_alone() -> None:
    parsed = parse_call('f(a, g("x, y)", c), [1, 2])')
    assert parsed == Call("f(", ("a", Call("g(", ('"x, y)"', "c")), "[1, 2]"))
    assert parse_call("name") == "name"
    assert parse_call("(a, b)") == "(a, b)"  # a tuple, not a call


@pytest.mark.parametrize("width", range(60, 100))
def test_a_one_item_tuple_field_stays_a_tuple_at_every_length(width: int) -> None:
    # Found by a spec: one Param a few characters too long for the line with its
    # comma, short enough without it, came out as '(Param(...)),': no tuple.
    item = Call("Param(", (f'python="{"a" * (width - 40)}"', 'wire="b"'))
    source = f"op = Operation(\n{_tuple_field('params', [item])}\n)\n"
    call = ast.parse(source).body[0].value  # type: ignore[attr-defined]
    assert isinstance(call.keywords[0].value, ast.Tuple)
    unchanged_by_black(source)


# Annotations as the generator writes them, from short to far past the line:
# unions of names and subscripts, a Literal of strings, one or several ``|``.
ANNOTATIONS = [
    "{m} | NotGiven",
    "{m} | Mapping[str, Any] | NotGiven",
    "Sequence[{m} | Mapping[str, Any]] | NotGiven",
    'Literal["{m}", "enabled", "disabled"] | None',
    'Literal["{m}", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j"] | None',
    "{m} | {m}Other | {m}Third | None",
    "Sequence[{m}]",
    "{m}",
]


@pytest.mark.parametrize("annotation", ANNOTATIONS)
@pytest.mark.parametrize("width", [5, 30, 50, 64, 72, 90])
@pytest.mark.parametrize("default", [" = NOT_GIVEN", " = None", ""])
def test_a_long_annotated_parameter_is_laid_out_as_black_does_or_left_to_it(
    annotation: str, width: int, default: str
) -> None:
    model = "M" + "x" * width
    parameter = f"argument_name: {annotation.format(m=model)}{default}"
    code = bracketed(
        "def method(", ["self", parameter], ") -> None:", 4, parameters=True
    )
    source = f"class Resource:\n{code}\n        return None\n"
    formatted = black.format_str(source, mode=MODE)
    left_to_black = bracketed("def method(", ["self", parameter], ") -> None:", 4)
    # Either exactly black's layout, or the text black was always given.
    if formatted != source:
        assert code == left_to_black, f"a layout black does not keep:\n{code}"
    # Either way black writes the same module.
    plain = f"class Resource:\n{left_to_black}\n        return None\n"
    assert black.format_str(plain, mode=MODE) == formatted


def test_long_annotations_black_parenthesizes_are_laid_out_here() -> None:
    laid_out = 0
    for annotation in ANNOTATIONS:
        for width in (50, 64, 72):
            model = "M" + "x" * width
            parameter = f"body: {annotation.format(m=model)} = NOT_GIVEN"
            code = bracketed(
                "def m(", ["self", parameter], ") -> None:", 4, parameters=True
            )
            laid_out += "body: (" in code
    assert laid_out >= 8  # the test above proves something


@pytest.mark.parametrize("width", [10, 40, 60, 75, 90])
def test_a_wrapped_assignment_of_a_call_stays_as_black_writes_it(width: int) -> None:
    name = "n" * width
    code = wrapped_call(f"self.{name} = to_raw_response_wrapper", f"resource.{name}", 8)
    unchanged_by_black(f"class Raw:\n    def __init__(self) -> None:\n{code}\n")
