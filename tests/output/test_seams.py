"""black on a module cut into pieces (generator/output/seams.py) equals black whole.

Checked on what sdkgen renders for the Imgur spec, every golden case and every
example spec (before black and after), on a synthetic spec, and on small modules
built around each rule black applies at a seam: the blank lines between top-level
definitions and assignments, one-line ``...`` bodies, a class holding only a
docstring, decorators, comments in the gap, nested classes and methods.
"""

from __future__ import annotations

import ast
import itertools
import random
from collections.abc import Iterator
from pathlib import Path

import black
import pytest

from generator.model.build import build_model
from generator.output import seams
from generator.output.format import black_mode, header_for
from generator.output.seams import STAND_IN, Piece, join_pieces, split_module
from generator.resources import templates_dir
from generator.spec.validate import validate_path
from generator.targets.render import make_environment, render_all
from tests import paths
from tests.golden import regen


def _black(text: str) -> str:
    return black.format_str(text, mode=black_mode())


def _by_pieces(text: str) -> tuple[str, list[Piece]]:
    plan = split_module(text, ast.parse(text))
    return join_pieces(plan, [_black(piece.text) for piece in plan]), plan


def _rendered_python(spec: Path) -> Iterator[tuple[str, str]]:
    """(path, text black is given) of every Python file sdkgen renders from spec."""
    result = validate_path(spec)
    assert result.typed is not None, spec
    api = build_model(result.typed, spec_label=spec.name)
    for rendered in render_all(api, make_environment(templates_dir()), {}):
        if rendered.path.suffix == ".py" and not rendered.preformatted:
            yield str(rendered.path), header_for(rendered.path, spec.name) + (
                rendered.content
            )


SPECS = [
    paths.REPO / "spec" / "imgur",
    *sorted((paths.REPO / "spec" / "examples").glob("*.yaml")),
    *(paths.GOLDEN / case / "spec.yaml" for case in regen.case_names()),
]


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.parent.name + "/" + p.name)
def test_pieces_give_what_black_gives_on_rendered_modules(spec: Path) -> None:
    cut = 0
    for path, text in _rendered_python(spec):
        whole = _black(text)
        joined, plan = _by_pieces(text)
        assert joined == whole, path
        cut += len(plan) > 1
        # And on black's own output, which a second pass reads.
        assert _by_pieces(whole)[0] == whole, path
    assert cut, "no module was cut: the test would prove nothing"


def test_pieces_give_what_black_gives_on_a_large_synthetic_spec(
    tmp_path: Path,
) -> None:
    from bench.synth import write_spec

    write_spec(tmp_path / "spec", 60)
    for path, text in _rendered_python(tmp_path / "spec"):
        assert _by_pieces(text)[0] == _black(text), path


# Statements that meet at a seam, each as black may find it: formatted or not,
# one-line bodies, docstring-only classes, decorators, long lines black splits.
_TOP_LEVEL = [
    "class Plain:\n    x: int = 1\n",
    "class OnlyDocstring:\n    '''The docstring.'''\n",
    "class Stub: ...\n",
    "def stub(a): ...\n",
    "def f(a,b):\n    return a+b\n",
    "async def g():\n    await f(1, 2)\n",
    "@decorator\ndef decorated():\n    pass\n",
    "@decorator(with_arguments=True)\nclass Decorated:\n    y = 2\n",
    "X = 1\n",
    "Y: int = 2\n",
    "LONG = call(" + ", ".join(f"argument_{i}" for i in range(12)) + ")\n",
    "def long(" + ", ".join(f"parameter_{i}: int" for i in range(9)) + "):\n    ...\n",
    "class WithMethods:\n    '''Doc.'''\n\n    def a(self):\n        return 1\n"
    "\n    @property\n    def b(self): ...\n\n    def c(self):\n        import os\n"
    "\n\n    class Inner:\n        '''Inner doc.'''\n"
    "\n    async def d(self, " + ", ".join(f"p{i}: str" for i in range(14)) + "):\n"
    "        pass\n",
    "class EndsWithStub:\n    def a(self): ...\n    def b(self): ...\n",
    "if CONDITION:\n    Z = 3\n",
    "# a comment between statements\n",
    "'''A string statement.'''\n",
    "import os\n",
    "from typing import Any\n",
]


def _module(rng: random.Random) -> str:
    parts = ['"""Module docstring."""\n']
    for _ in range(rng.randint(2, 14)):
        parts.append("\n" * rng.choice((0, 1, 1, 2, 2, 3)))
        parts.append(rng.choice(_TOP_LEVEL))
    return "".join(parts)


def test_pieces_give_what_black_gives_at_every_kind_of_seam(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(seams, "_SMALLEST_MODULE", 0)
    rng = random.Random(20261129)
    kinds_cut: set[tuple[bool, int]] = set()
    tried = 0
    while tried < 400:
        text = _module(rng)
        try:
            whole = _black(text)
        except black.InvalidInput:
            continue  # e.g. a one-line body straight after another statement
        tried += 1
        joined, plan = _by_pieces(text)
        assert joined == whole, text
        kinds_cut |= {(p.in_class, p.blank_lines) for p in plan[1:]}
    # Every rule was used: in a class (1), top level (2), assignments (1 and 2).
    assert kinds_cut == {(True, 1), (False, 1), (False, 2)}


def test_a_module_is_cut_only_where_the_kinds_fix_the_blank_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(seams, "_SMALLEST_MODULE", 0)
    text = (
        "X = 1\n\n\n\nY = 2\nclass A:\n    def a(self):\n        pass\n\n"
        "    def b(self):\n        pass\n\n# note\ndef f():\n    pass\n\n\n"
        "def g(): ...\n"
    )
    plan = split_module(text, ast.parse(text))
    # Y follows X after blank lines; A follows Y without one; f has a comment
    # before it, so A's methods stay whole too (a piece in a class ends with it).
    assert [p.text.split("\n", 1)[0] for p in plan] == [
        "X = 1",
        "Y = 2",
        "def g(): ...",
    ]
    assert [p.blank_lines for p in plan] == [0, 2, 2]
    text = text.replace("# note\n", "\n")
    plan = split_module(text, ast.parse(text))
    assert [p.blank_lines for p in plan] == [0, 2, 1, 2, 2]
    assert plan[2] == Piece(STAND_IN + "    def b(self):\n        pass\n", True, 1)


def test_what_black_treats_specially_keeps_a_module_whole() -> None:
    body = "\n\n".join(f"def f{i}():\n    pass\n" for i in range(300))
    assert len(split_module(body, ast.parse(body))) == 300
    for special in ("# fmt: off\n", "# fmt: skip\n", "\f\n", "x = '\u2028'\n"):
        text = special + body
        assert len(split_module(text, ast.parse(text))) == 1, special


def test_a_stand_in_line_black_changed_is_refused() -> None:
    piece = Piece(STAND_IN + "    def f(self): ...\n", in_class=True, blank_lines=1)
    with pytest.raises(ValueError, match="stand-in"):
        join_pieces([piece], ["class _ :\n    def f(self): ...\n"])


def test_pieces_are_whole_statements_in_order() -> None:
    text = "\n\n\n".join(f"class C{i}:\n    x = {i}\n" for i in range(200))
    plan = split_module(text, ast.parse(text))
    assert len(plan) == 200
    assert "".join(p.text for p in plan) == text.replace("\n\n\n", "")
    assert all(p.blank_lines == 2 for p in plan[1:])
    assert list(itertools.islice((p.text for p in plan), 2)) == [
        "class C0:\n    x = 0\n",
        "class C1:\n    x = 1\n",
    ]


@pytest.mark.parametrize(
    "spec",
    [paths.GOLDEN / "hostile" / "spec.yaml", paths.GOLDEN / "responses" / "spec.yaml"],
    ids=lambda p: p.parent.name,
)
def test_the_format_stage_gives_the_same_files_with_and_without_pieces(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the whole stage: black, the long-line wrap and black once more."""
    from generator import pipeline
    from generator.output import format as formatting

    monkeypatch.setattr(seams, "_SMALLEST_MODULE", 0)  # cut every module there is
    cut = pipeline.build_outputs(spec, tmp_path / "out", use_cache=False)
    monkeypatch.setattr(
        formatting,
        "split_module",
        lambda text, tree: [Piece(text, in_class=False, blank_lines=0)],
    )
    whole = pipeline.build_outputs(spec, tmp_path / "out", use_cache=False)
    assert [(f.path, f.content) for f in cut.files] == [
        (f.path, f.content) for f in whole.files
    ]


def test_a_wrapped_string_that_needs_black_again_gives_the_same_module(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long string in code is split by the wrap, then laid out by black again."""
    from pathlib import PurePosixPath

    from generator.output import format as formatting
    from generator.targets.render import RenderedFile

    long = repr("words that go on " * 8)
    source = "\n\n".join(
        [
            "import os",
            *(
                f"class C{i}:\n    def m(self):\n        return {i}\n"
                for i in range(30)
            ),
            f"X = {{\n    {long}: 1,\n}}\n\nY = os.path.join({long})\n",
            "def f():\n    '''" + "A long docstring line " * 6 + "'''\n",
        ]
    )
    monkeypatch.setattr(seams, "_SMALLEST_MODULE", 0)
    assert len(split_module(source, ast.parse(source))) > 10
    rendered = [RenderedFile(PurePosixPath("m.py"), source, "test")]
    again: list[str] = []
    original = formatting._format_again

    def counting(text: str) -> formatting.Formatted | Exception:
        again.append(text)
        return original(text)

    monkeypatch.setattr(formatting, "_format_again", counting)
    cut = formatting.format_all(rendered, "spec", lambda path, digest: None)
    assert again, "the wrap did not ask for black again: the test proves nothing"
    monkeypatch.setattr(
        formatting,
        "split_module",
        lambda text, tree: [Piece(text, in_class=False, blank_lines=0)],
    )
    whole = formatting.format_all(rendered, "spec", lambda path, digest: None)
    assert cut[0].content == whole[0].content
