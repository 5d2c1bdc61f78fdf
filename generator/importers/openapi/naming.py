"""Names for the draft: snake_case identifiers, PascalCase models, python_names.

Wire names stay as the document spells them; when one is not a usable Python
name (not an identifier, a keyword, reserved by the generated code) the draft
gives it a ``python_name``. Every scope's names are made unique here.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from generator.importers.common import names
from generator.importers.openapi.model_names import ModelNames
from generator.naming import pascal_case, python_identifier
from generator.spec.lint.identifiers import CALL_OPTIONS

_MAX = 60
_SNAKE = re.compile(r"[a-z][a-z0-9_]{0,63}")
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")
# Names a body field or parameter cannot take as a keyword argument.
ARGUMENT_RESERVED = frozenset(
    CALL_OPTIONS | {"body", "content_type", "max_items", "auth_scheme"}
)
# Signs that tell names apart (Twilio's DateCreated< and DateCreated>), spelled out.
# Names a parameter cannot take (the per-call options every method accepts).
PARAMETER_RESERVED = frozenset(CALL_OPTIONS | {"max_items", "auth_scheme"})
_SIGNS = {"<": "lt", ">": "gt", "=": "eq", "!": "not"}


def ascii_words(text: str) -> str:
    """``Dátum-Créé`` -> ``Datum-Cree``; comparison signs spelled out."""
    spelled = "".join(f" {_SIGNS[c]} " if c in _SIGNS else c for c in text)
    decomposed = unicodedata.normalize("NFKD", spelled)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def snake(text: str, prefix: str) -> str:
    """A schema identifier (``^[a-z][a-z0-9_]*$``), keywords escaped."""
    return names.identifier(ascii_words(text), prefix)[:_MAX]


def spec_name(text: str, prefix: str) -> str:
    """A resource or operation name: snake_case, a keyword left as it is.

    The generator escapes keywords itself (``import`` -> ``import_``), so the
    spec keeps the API's word.
    """
    name = names.snake(ascii_words(text))
    if not name:
        return prefix
    if not name[0].isalpha():
        name = f"{prefix}_{name}"
    return name[:_MAX].rstrip("_") or prefix


@functools.lru_cache(maxsize=65_536)
def model_name(text: str) -> str:
    """A PascalCase model name (``^[A-Z][A-Za-z0-9]*$``).

    Remembered: a large description asks for the same few thousand names tens of
    thousands of times (each reference to a schema names its model).
    """
    if re.fullmatch(r"[A-Z][A-Za-z0-9]{0,59}", text):
        return text  # already a model name: keep its spelling (OAuthToken)
    name = pascal_case("_".join(names.words(ascii_words(text))))
    if not name:
        return "Model"
    if not name[0].isalpha():
        name = "M" + name
    return name[:_MAX]


def python_name(
    wire: str,
    taken: set[str],
    reserved: frozenset[str],
    declared: object = None,
) -> str | None:
    """The python_name a wire name needs (None if it can stay), made unique.

    ``declared`` is the document's own ``x-python-name`` (sdkgen's export writes
    it), used when it is a free identifier. A wire name that is an identifier
    stays (keywords get their trailing underscore from the generator); any other
    becomes snake_case. The chosen Python name is added to ``taken``.
    """
    if isinstance(declared, str) and _SNAKE.fullmatch(declared):
        final = python_identifier(declared)
        if final not in taken and final not in reserved:
            taken.add(final)
            return None if declared == wire else declared
    if _IDENTIFIER.fullmatch(wire) and wire not in reserved:
        final = python_identifier(wire)
        if final not in taken and final not in reserved:
            taken.add(final)
            return None
    candidate = snake(wire, "name")
    while python_identifier(candidate) in taken or candidate in reserved:
        candidate = names.unique(candidate, taken | reserved)
        if python_identifier(candidate) in taken:
            candidate += "_2"
    taken.add(python_identifier(candidate))
    return candidate


def unique_model(name: str, taken: set[str]) -> str:
    """``name``, or ``Name2``... not yet taken (case-insensitively)."""
    # A plain set is folded here; ModelNames keeps its names folded as it goes.
    folded = taken if isinstance(taken, ModelNames) else ModelNames(taken)
    candidate, number = name, 2
    while folded.folded_in(candidate):
        candidate, number = f"{name}{number}", number + 1
    taken.add(candidate)
    return candidate
