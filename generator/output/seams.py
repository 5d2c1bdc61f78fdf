"""Cut a Python module into pieces black formats alone, with the same result.

black formats a module line by line, looking back only: a statement's layout
depends on the statement itself, and the blank lines before it on the line just
before and on the definitions still open (black's ``EmptyLineTracker``). Between
two statements of the kinds below, separated by blank lines only, those blank
lines are fixed by the kinds alone, so black's result for the whole module is its
result for each piece, joined with that many blank lines:

- at the top level, a class or function and a class, function or assignment (in
  either order): two blank lines, since black puts two around a top-level
  definition (a definition after a one-line ``...`` body keeps none only when the
  source has none, and a seam needs at least one);
- at the top level, two assignments: as many as the source has, at most two;
- inside a top-level class, two methods (or classes): one blank line.

A piece that starts inside a class is formatted under a stand-in ``class _:`` line,
so black sees the same depth, and the stand-in is dropped from the result. A seam
never has a comment in its gap (black moves blank lines around comments before a
definition), and a module holding what black treats as special (``# fmt:``
regions, form feeds, line breaks other than a newline) is not cut at all.

Why bother: black's second pass reformats a whole module when its first pass
changed anything; per piece, only the pieces it changed are formatted twice, and
the pieces of one large module keep every core busy. ``tests/output/test_seams.py``
proves the joined result equals black's on every golden case, the Imgur SDK and the
examples, and on the cases black's rules single out.
"""

from __future__ import annotations

import ast
import hashlib
import itertools
from dataclasses import dataclass

__all__ = [
    "STAND_IN",
    "Piece",
    "join_pieces",
    "piece_key",
    "piece_record",
    "recover_pieces",
    "split_module",
]

# Formatted before a piece that starts inside a class, and dropped after.
STAND_IN = "class _:\n"

_DEFINITIONS = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
_ASSIGNMENTS = (ast.Assign, ast.AnnAssign)
# black treats these specially, or Python and str.splitlines count lines
# differently with them: a module holding one is formatted whole.
_UNSAFE_TEXT = (
    "fmt:",
    "fmt :",
    "yapf:",
    "\r",
    "\f",
    "\v",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x85",
    "\u2028",
    "\u2029",
)
# Below this, one piece is as good as many.
_SMALLEST_MODULE = 2_000


@dataclass(frozen=True, slots=True)
class Piece:
    """One run of statements, as black is given it."""

    text: str
    in_class: bool  # text starts with STAND_IN, which join_pieces drops again
    blank_lines: int  # black's blank lines between the previous piece and this one


def split_module(text: str, tree: ast.Module) -> list[Piece]:
    """``text`` (its syntax tree: ``tree``) in pieces; one piece if it cannot be cut."""
    whole = [Piece(text, in_class=False, blank_lines=0)]
    if len(text) < _SMALLEST_MODULE or any(u in text for u in _UNSAFE_TEXT):
        return whole
    lines = text.split("\n")
    # (first line of the statement, blank lines before it, inside a class), by line
    cuts: dict[int, tuple[int, bool]] = {}
    top = tree.body
    for before, after in itertools.pairwise(top):
        blank = _top_level_blank_lines(before, after, lines)
        if blank is not None:
            cuts[_first_line(after)] = (blank, False)
    for index, statement in enumerate(top):
        last = index == len(top) - 1
        # Pieces inside a class must end where the class does.
        if isinstance(statement, ast.ClassDef) and (
            last or _first_line(top[index + 1]) in cuts
        ):
            for before, after in itertools.pairwise(statement.body):
                if _method_seam(before, after, lines):
                    cuts[_first_line(after)] = (1, True)
    if not cuts:
        return whole
    pieces = []
    starts = [1, *sorted(cuts)]
    ends = [*(_end_before(s, lines) for s in starts[1:]), len(lines)]
    for start, end in zip(starts, ends, strict=True):
        blank, in_class = cuts.get(start, (0, False))
        body = "\n".join(lines[start - 1 : end]).rstrip("\n") + "\n"
        pieces.append(Piece((STAND_IN if in_class else "") + body, in_class, blank))
    return pieces


def join_pieces(pieces: list[Piece], formatted: list[str]) -> str:
    """The module from each piece's formatted text, as black would write it whole."""
    out: list[str] = []
    for piece, text in zip(pieces, formatted, strict=True):
        if piece.in_class:
            if not text.startswith(STAND_IN):
                raise ValueError("black changed the stand-in class line")
            text = text[len(STAND_IN) :]
        out.append("\n" * piece.blank_lines + text)
    return "".join(out)


def piece_key(piece: Piece) -> str:
    """Names a piece by its exact text (the stand-in class line included)."""
    return hashlib.sha256(piece.text.encode("utf-8")).hexdigest()[:20]


def piece_record(pieces: list[Piece], formatted: list[str]) -> tuple[str, ...]:
    """What the manifest keeps of a joined module, one entry per piece.

    Each piece's key, the blank lines before it and its formatted lines: the next run
    takes unchanged pieces back out of the file (``recover_pieces``) instead of
    formatting them again.
    """
    record = []
    for piece, text in zip(pieces, formatted, strict=True):
        lines = text.count("\n") - (STAND_IN.count("\n") if piece.in_class else 0)
        record.append(f"{piece_key(piece)} {piece.blank_lines} {lines}")
    return tuple(record)


def recover_pieces(record: tuple[str, ...], output: str) -> dict[str, str]:
    """Each recorded piece's formatted text (stand-in line dropped), by key.

    Empty when the record does not describe ``output`` exactly: nothing is reused.
    """
    # By "\n" alone: str.splitlines also breaks at form feeds and the like.
    parts = output.split("\n")
    if parts[-1]:
        return {}  # a formatted module ends with a newline
    lines = [part + "\n" for part in parts[:-1]]
    found: dict[str, str] = {}
    at = 0
    try:
        for entry in record:
            key, blank, count = entry.split(" ")
            gap, size = int(blank), int(count)
            if (
                gap < 0
                or size < 1
                or any(line != "\n" for line in lines[at : at + gap])
            ):
                return {}
            at += gap
            if at + size > len(lines):
                return {}
            found[key] = "".join(lines[at : at + size])
            at += size
    except ValueError:
        return {}
    return found if at == len(lines) else {}


def _first_line(statement: ast.stmt) -> int:
    """Where a statement starts, its decorators included."""
    decorators: list[ast.expr] = getattr(statement, "decorator_list", [])
    return min([statement.lineno, *(d.lineno for d in decorators)])


def _gap(before: ast.stmt, after: ast.stmt, lines: list[str]) -> int | None:
    """How many lines lie between two statements, when all of them are blank."""
    assert before.end_lineno is not None
    gap = lines[before.end_lineno : _first_line(after) - 1]
    if not gap or any(line.strip() for line in gap):
        return None
    return len(gap)


def _top_level_blank_lines(
    before: ast.stmt, after: ast.stmt, lines: list[str]
) -> int | None:
    """black's blank lines between two top-level statements, when the kinds fix it."""
    gap = _gap(before, after, lines)
    if gap is None:
        return None
    if isinstance(before, _DEFINITIONS) and isinstance(
        after, _DEFINITIONS + _ASSIGNMENTS
    ):
        return 2
    if isinstance(before, _ASSIGNMENTS) and isinstance(after, _DEFINITIONS):
        return 2
    if isinstance(before, _ASSIGNMENTS) and isinstance(after, _ASSIGNMENTS):
        return min(gap, 2)
    return None


def _method_seam(before: ast.stmt, after: ast.stmt, lines: list[str]) -> bool:
    """Two definitions in a class body, blank lines only between them."""
    return (
        isinstance(before, _DEFINITIONS)
        and isinstance(after, _DEFINITIONS)
        and _gap(before, after, lines) is not None
    )


def _end_before(start: int, lines: list[str]) -> int:
    """The last non-blank line before line ``start``: where the previous piece ends."""
    end = start - 1
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    return end
