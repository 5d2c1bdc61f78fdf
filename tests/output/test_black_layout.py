"""Pieces our templates write in black's layout skip black when every line fits.

``PlanEntry.black_layout`` marks the package templates (models, client, resource
modules). ``format_all`` cuts their output into pieces (``seams``) and sends only the
pieces with a line over 88 columns to black, unless black could not split those
lines anyway (``known_layout``); the others are final as rendered. What
makes that safe is tested three ways: here (the filters and layout helpers that
write spec text and variable-length code, against black, on inputs Hypothesis
draws), by every generate in the test suite (``SDKGEN_SELF_CHECK``, set in
``tests/conftest.py``, has black check each piece taken as rendered: the golden
cases, Imgur, the examples and the fuzzed specs), and by ``make bench-corpus``,
which runs ``black --check`` on the SDK of every real document.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path, PurePosixPath

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.diagnostics import InternalError
from generator.model.api import ApiModel
from generator.model.build import build_model
from generator.output.format import LINE_LENGTH, black_mode, format_all
from generator.output.known_layout import fits as _fits
from generator.output.long_lines import wrap_long_lines
from generator.resources import templates_dir
from generator.spec.validate import validate_path
from generator.targets.python.escaping import docstring, pystr
from generator.targets.python.layout import (
    Call,
    DictLiteral,
    TupleLiteral,
    annotated,
    bracketed,
    generic_call_head,
)
from generator.targets.render import RenderedFile, make_environment, render_all
from tests import paths

EXAMPLES = settings(max_examples=300, derandomize=True, deadline=None, database=None)


def no_cache(path: PurePosixPath, digest: str) -> None:
    return None


def fits(text: str) -> bool:
    """What format_all trusts: lines within the limit, as black measures them."""
    return _fits(text)


def black_keeps(text: str) -> bool:
    return black.format_str(text, mode=black_mode()) == text


# A module long enough to be cut: functions in black's layout, one piece that is
# not (short, so it fits) and one with a line too long.
IN_LAYOUT = "".join(
    f"def function_{n}(value: int) -> int:\n    return value + {n}\n\n\n"
    for n in range(60)
)
NOT_IN_LAYOUT = "def odd( value ):\n    return  value\n"
TOO_LONG = (
    "def long(value: int) -> int:\n    return value + "
    + " + ".join(["value"] * 20)
    + "\n"
)


def module(*parts: str) -> RenderedFile:
    return RenderedFile(
        PurePosixPath("pkg/module.py"),
        "\n\n".join(parts),
        "template python/package/module.py.jinja for api",
        black_layout=True,
    )


def test_a_piece_that_fits_is_taken_as_rendered_and_a_long_one_goes_to_black(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SDKGEN_SELF_CHECK")
    [formatted] = format_all(
        [module(IN_LAYOUT, NOT_IN_LAYOUT, TOO_LONG)], "spec.yaml", no_cache
    )
    # Taken as rendered, so black never saw it: the proof that it was skipped.
    assert "def odd( value ):\n    return  value\n" in formatted.content
    assert IN_LAYOUT.rstrip("\n") in formatted.content
    # The long piece was black's.
    assert "    return (\n        value\n        + value\n" in formatted.content
    assert formatted.by_black


def test_verification_fails_on_a_piece_black_would_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SDKGEN_SELF_CHECK", "1")  # as tests/conftest.py sets it
    with pytest.raises(InternalError) as caught:
        format_all([module(IN_LAYOUT, NOT_IN_LAYOUT)], "spec.yaml", no_cache)
    message = str(caught.value)
    assert "template python/package/module.py.jinja for api" in message
    assert "not in black's layout" in message
    assert "-def odd( value ):\n-    return  value\n+def odd(value):" in message


def test_a_render_not_in_black_layout_goes_through_black(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SDKGEN_SELF_CHECK")
    rendered = dataclasses.replace(module(IN_LAYOUT, NOT_IN_LAYOUT), black_layout=False)
    [formatted] = format_all([rendered], "spec.yaml", no_cache)
    assert "def odd(value):\n    return value\n" in formatted.content


def test_a_broken_render_that_fits_whole_is_reported_as_our_bug() -> None:
    rendered = module("def ok() -> None: ...\n", "def broken(:\n    pass\n")
    with pytest.raises(InternalError) as caught:
        format_all([rendered], "spec.yaml", no_cache)
    assert "template python/package/module.py.jinja for api" in str(caught.value)
    assert "produced invalid Python in pkg/module.py" in str(caught.value)


def test_a_nul_in_a_render_is_reported_as_our_bug_like_a_syntax_error() -> None:
    for parts in (("x = 1\x00\n",), (IN_LAYOUT, "x = 1\x00\n", TOO_LONG)):
        with pytest.raises(InternalError) as caught:
            format_all([module(*parts)], "spec.yaml", no_cache)
        assert "produced invalid Python in pkg/module.py" in str(caught.value)


def test_a_line_black_measures_otherwise_does_not_fit() -> None:
    # black counts a combining accent as nothing and a wide character twice; the
    # layout helpers count characters, so such a line goes to black.
    assert _fits('x = "e\u0301"\n') is False
    assert _fits('x = "\u8a9e"\n') is False
    assert _fits('x = "\u00e9"\n') is True  # one character, one column


@pytest.fixture(scope="module")
def imgur() -> ApiModel:
    result = validate_path(paths.REPO / "spec" / "imgur")
    assert result.typed is not None
    return build_model(result.typed, spec_label="spec/imgur")


@pytest.fixture(scope="module")
def imgur_files(imgur: ApiModel) -> list[RenderedFile]:
    return render_all(imgur, make_environment(templates_dir()), {})


def test_our_package_templates_are_marked(imgur_files: list[RenderedFile]) -> None:
    marked = {f.path.name for f in imgur_files if f.black_layout}
    assert {"models.py", "_client.py", "__init__.py", "album.py"} <= marked
    assert "_config.py" not in marked  # laid out by black


def test_an_override_of_the_macros_takes_the_layout_back_to_black(
    tmp_path: Path, imgur: ApiModel
) -> None:
    macros = tmp_path / "python" / "macros"
    macros.mkdir(parents=True)
    ours = templates_dir() / "python" / "macros" / "operation.jinja"
    (macros / "operation.jinja").write_text(ours.read_text("utf-8"), "utf-8")
    files = render_all(imgur, make_environment(templates_dir(), tmp_path), {})
    assert not [f.path for f in files if f.black_layout]


def test_an_override_of_another_template_keeps_ours_in_black_layout(
    tmp_path: Path, imgur: ApiModel
) -> None:
    (tmp_path / "python").mkdir()
    (tmp_path / "python" / "README.md.jinja").write_text("# ours\n", "utf-8")
    files = render_all(imgur, make_environment(templates_dir(), tmp_path), {})
    assert any(f.path.name == "models.py" and f.black_layout for f in files)


# --- the filters and helpers that write variable text, against black ---

# Spec text at its worst: quotes of both kinds, backslashes, whitespace runs, wide
# and combining characters, words longer than a line.
SPEC_TEXT = st.lists(
    st.sampled_from(
        [
            '"',
            "'",
            "\\",
            " ",
            "\n",
            "\n\n",
            "\t",
            "a",
            "é",
            "語",
            "\u0301",
            "x" * 30,
            "y" * 90,
            "word",
            "Z",
            ".",
            "`",
            "{",
            "}",
            "#",
        ]
    ),
    max_size=40,
).map("".join)
# Names of every length up to 44 ("n" first: never a keyword), so that lines near
# the limit, on either side of it, are common.
NAMES = st.tuples(st.text("abcdefghij_", max_size=6), st.integers(0, 37)).map(
    lambda t: "n" + t[0] + "x" * t[1]
)


@EXAMPLES
@given(text=SPEC_TEXT, indent=st.sampled_from([0, 4, 8]))
def test_a_docstring_that_fits_is_what_black_writes(text: str, indent: int) -> None:
    pad = " " * indent
    opening = docstring(text, indent, indent + 3, last=True)
    if not opening:
        return
    # The shapes our templates write: the whole docstring, and text after an
    # ``Args:`` entry's name inside a longer one.
    body = f'{pad}"""{opening}"""\n'
    entry = docstring(text, indent + 8, indent + 4 + len("name: "))
    args = f'{pad}"""Summary.\n\n{pad}Args:\n{pad}    name: {entry}\n{pad}"""\n'
    for doc in (body, args):
        source = _in_block(doc.rstrip("\n"), indent)
        # Long or not: black lays out no docstring line.
        assert black_keeps(source), source
        # The wrap pass finds a paragraph with a word too long for any line filled
        # its way, but for an Args entry whose first word is already too long: the
        # wrap would move it under ``name:`` (the piece then goes to black).
        lines = source.splitlines()
        if doc is args:
            entry = next(line for line in lines if line.strip().startswith("name:"))
            if len(entry) > LINE_LENGTH:
                continue
        assert wrap_long_lines(source).text == source, source


@EXAMPLES
@given(value=SPEC_TEXT)
def test_a_string_literal_is_what_black_writes(value: str) -> None:
    literal = pystr(value)
    assert eval(literal) == value
    source = f"x = {literal}\n"
    if fits(source):
        assert black_keeps(source), source


PARAMETERS = st.lists(
    st.one_of(
        NAMES.map(lambda n: f"{n}: int"),
        NAMES.map(lambda n: f"{n}: int | None = None"),
        st.tuples(NAMES, st.lists(NAMES, min_size=1, max_size=12)).map(
            lambda t: f"{t[0]}: Literal[{', '.join(map(pystr, t[1]))}] | None = None"
        ),
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda p: p.split(":")[0],
)
ARGUMENTS = st.lists(
    st.one_of(NAMES, NAMES.map(pystr), NAMES.map(lambda n: f"{n}={n}")),
    min_size=1,
    max_size=8,
).map(lambda items: sorted(items, key=lambda item: "=" in item))


@EXAMPLES
@given(name=NAMES, items=PARAMETERS, indent=st.sampled_from([0, 4]))
def test_a_def_laid_out_by_bracketed_is_what_black_writes(
    name: str, items: list[str], indent: int
) -> None:
    head = f"def {name}("
    code = bracketed(head, items, ") -> None: ...", indent, parameters=True)
    source = _in_block(code, indent)
    if fits(source):
        assert black_keeps(source), source


@EXAMPLES
@given(name=NAMES, items=ARGUMENTS, indent=st.sampled_from([0, 4, 8]))
def test_a_call_laid_out_by_bracketed_is_what_black_writes(
    name: str, items: list[str], indent: int
) -> None:
    code = bracketed(f"value = {name}(", items, ")", indent)
    source = _in_block(code, indent)
    if fits(source):
        assert black_keeps(source), source


@EXAMPLES
@given(name=NAMES, entries=st.lists(NAMES, min_size=1, max_size=10))
def test_a_dict_argument_laid_out_by_bracketed_is_what_black_writes(
    name: str, entries: list[str]
) -> None:
    arguments = DictLiteral(tuple(f"{pystr(e)}: {e}" for e in entries))
    code = bracketed("return self.call(", [name, arguments, "options"], ")", 8)
    source = _in_block(code, 8)
    if fits(source):
        assert black_keeps(source), source


def _in_block(code: str, indent: int) -> str:
    """``code`` written at ``indent``, inside as many blocks as that takes."""
    opening = ["class _:\n", "    def f(self) -> None:\n"][: indent // 4]
    return "".join(opening) + code + "\n"


# Enum values as the spec spells them: accents composed and combining, wide.
VALUES = st.one_of(
    NAMES, NAMES.map(lambda n: n + "\u00e9"), NAMES.map(lambda n: n + "e\u0301語")
)
ANNOTATIONS = st.one_of(
    st.lists(VALUES, min_size=1, max_size=14).map(
        lambda names: f"Literal[{', '.join(map(pystr, names))}]"
    ),
    NAMES,
    NAMES.map(lambda n: f"list[{n}]"),
    NAMES.map(lambda n: f"Sequence[{n} | Mapping[str, Any]]"),
)


@EXAMPLES
@given(
    name=NAMES,
    operands=st.lists(ANNOTATIONS, min_size=1, max_size=4),
    default=st.sampled_from([None, "None", "NOT_GIVEN"]),
    method=st.booleans(),
)
def test_a_long_annotation_laid_out_by_annotated_is_what_black_writes(
    name: str, operands: list[str], default: str | None, method: bool
) -> None:
    annotation = " | ".join(operands)
    # A model field, in a class body.
    field = annotated(name, annotation, default, 4)
    # The same annotated name as a parameter of a function or a method.
    items = ["self", _flat(name, annotation, default)]
    indent = 4 if method else 0
    parameter = bracketed("def f(", items, ") -> None: ...", indent, parameters=True)
    for code, at in ((field, 4), (parameter, indent)):
        source = _in_block(code, at)
        if fits(source):
            assert black_keeps(source), source


def _flat(name: str, annotation: str, default: str | None) -> str:
    return f"{name}: {annotation}" + (f" = {default}" if default else "")


@EXAMPLES
@given(
    name=NAMES.map(str.upper),
    argument=st.lists(NAMES, min_size=1, max_size=3).map(" | ".join),
    keywords=st.lists(
        st.tuples(NAMES, st.lists(NAMES, max_size=4)), min_size=1, max_size=4
    ),
)
def test_an_operation_definition_is_what_black_writes(
    name: str, argument: str, keywords: list[tuple[str, list[str]]]
) -> None:
    """The head of a definition, its keywords one a line (nested calls laid out too)."""
    lines = [generic_call_head(f"_{name}", "Operation", argument)]
    for keyword, arguments in keywords:
        parts = [pystr(a) for a in arguments]
        lines.append(bracketed(f"{keyword}=Call(", parts, "),", 4))
    # body=Body(...) with a tuple of calls (one, several, or none).
    fields = TupleLiteral(
        "fields=",
        tuple(
            Call(
                "BodyField(", (pystr(a), pystr(a), *(["required=True"] * (len(a) % 2)))
            )
            for _, arguments in keywords
            for a in arguments[:2]
        ),
    )
    lines.append(bracketed("body=Body(", ['media_types=("a/b",)', fields], "),", 4))
    source = "\n".join([*lines, ")"]) + "\n"
    if fits(source):
        assert black_keeps(source), source


# --- long lines black cannot split: known without black (known_layout) ---

LONG_TEXT = st.tuples(SPEC_TEXT, st.integers(0, 120)).map(lambda t: t[0] + "w" * t[1])
# The bracket-free elements of each kind of bracket, long or not.
ELEMENTS = {
    "keyword": st.tuples(NAMES, LONG_TEXT).map(lambda t: f"{t[0]}={pystr(t[1])}"),
    "entry": st.one_of(
        st.tuples(LONG_TEXT, NAMES).map(lambda t: f"{pystr(t[0])}: {t[1]}"),
        st.tuples(LONG_TEXT, LONG_TEXT).map(lambda t: f"{pystr(t[0])}: {pystr(t[1])}"),
    ),
    "plain": LONG_TEXT.map(pystr),
}
# Exploded brackets as our templates write them: the statement's head and tail,
# the kind of their elements, and short elements black would keep exploded.
OPENINGS = [
    ("_GET_THING: Operation[Thing] = Operation(", ")", "keyword", 'method="GET"'),
    ("return self._call(", ")", "keyword", "options=options"),
    ("params={", "},", "entry", '"page": page'),
    ("value = [", "]", "plain", "first"),
    ("value = {", "}", "entry", '"key": key'),
    ("assert names == {", "}", "plain", "first"),
]


@EXAMPLES
@given(
    data=st.data(),
    opening=st.sampled_from(OPENINGS),
    indent=st.sampled_from([0, 4, 8]),
    short=st.integers(0, 2),
)
def test_a_long_element_of_an_exploded_bracket_is_what_black_writes(
    data: st.DataObject, opening: tuple[str, str, str, str], indent: int, short: int
) -> None:
    """A bracket-free element of an exploded bracket is black's, however long.

    ``"text",``, ``name="text",``, ``"key": value,``: black leaves them as they are,
    and the wrap then does what it does after black (``known_layout``).
    """
    from generator.output.format import _format_source
    from generator.output.known_layout import known_output

    head, tail, kind, fitting = opening
    elements = data.draw(st.lists(ELEMENTS[kind], min_size=1, max_size=3))
    items = [fitting] * short + elements
    pad, inner = " " * indent, " " * (indent + 4)
    if head.startswith("params="):  # a dict as a keyword argument of a call
        lines = [f"{pad}return self._call(", f"{inner}{head}"]
        lines += [f"{inner}    {item}," for item in items]
        lines += [f"{inner}{tail}", f"{pad})"]
    else:
        lines = [f"{pad}{head}", *(f"{inner}{item}," for item in items), pad + tail]
    source = _in_block("\n".join(lines), indent)
    known = known_output(source)
    # Every element here is of a shape black cannot split: none of it needs black.
    assert known is not None, source
    assert known == _format_source(source), source


@pytest.mark.parametrize(
    "code",
    [
        # A tuple's and a subscript's trailing comma may not be magic.
        'value = (\n    "{long}",\n)',
        'value = things[\n    "{long}",\n]',
        # No magic trailing comma: black may join or add one.
        'value = call(\n    "{long}"\n)',
        'value = call(\n    a,\n    "{long}",\n    b\n)',
        # Brackets of its own: black may split there.
        'value = call(\n    name=f("{long}"),\n)',
        # Not one string: an implicit concatenation, an f-string.
        'value = call(\n    "{long}" "x",\n)',
        'value = call(\n    f"{long}",\n)',
    ],
)
def test_a_long_line_in_any_other_shape_goes_to_black(code: str) -> None:
    from generator.output.known_layout import known_output

    source = code.replace("{long}", "word " * 20) + "\n"
    assert known_output(source) is None
