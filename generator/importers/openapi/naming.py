"""Names for the draft: snake_case identifiers, PascalCase models, python_names.

Wire names stay as the document spells them; when one is not a usable Python
name (not an identifier, a keyword, reserved by the generated code) the draft
gives it a ``python_name``. Every scope's names are made unique here.
"""

from __future__ import annotations

import keyword
import re
import unicodedata

from generator.importers.common import names
from generator.naming import RESERVED, pascal_case
from generator.spec.lint.identifiers import CALL_OPTIONS

_MAX = 60
# Names a body field or parameter cannot take as a keyword argument.
ARGUMENT_RESERVED = frozenset(
    CALL_OPTIONS | {"body", "content_type", "max_items", "auth_scheme"}
)
# Signs that tell names apart (Twilio's DateCreated< and DateCreated>), spelled out.
_SIGNS = {"<": "lt", ">": "gt", "=": "eq", "!": "not"}


def ascii_words(text: str) -> str:
    """``Dátum-Créé`` -> ``Datum-Cree``; comparison signs spelled out."""
    spelled = "".join(f" {_SIGNS[c]} " if c in _SIGNS else c for c in text)
    decomposed = unicodedata.normalize("NFKD", spelled)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def snake(text: str, prefix: str) -> str:
    """A schema identifier (``^[a-z][a-z0-9_]*$``), keywords escaped."""
    return names.identifier(ascii_words(text), prefix)[:_MAX]


def model_name(text: str) -> str:
    """A PascalCase model name (``^[A-Z][A-Za-z0-9]*$``)."""
    name = pascal_case("_".join(names.words(ascii_words(text))))
    if not name:
        return "Model"
    if not name[0].isalpha():
        name = "M" + name
    return name[:_MAX]


def python_name(wire: str, taken: set[str], reserved: frozenset[str]) -> str | None:
    """The python_name a wire name needs (None if it can stay), made unique.

    Adds the chosen Python name to ``taken``.
    """
    plain = re.fullmatch(r"[a-z_][a-z0-9_]*", wire) is not None and not (
        wire.startswith("_")
    )
    usable = (
        plain
        and not keyword.iskeyword(wire)
        and not keyword.issoftkeyword(wire)
        and wire not in RESERVED
        and wire not in reserved
        and wire not in taken
    )
    if usable:
        taken.add(wire)
        return None
    candidate = snake(wire, "field")
    if candidate in RESERVED or candidate in reserved or candidate.startswith("_"):
        candidate = candidate.strip("_") + "_"
    chosen = names.unique(candidate, taken)
    taken.add(chosen)
    return chosen


def unique_model(name: str, taken: set[str]) -> str:
    """``name``, or ``Name2``... not yet taken (case-insensitively)."""
    lowered = {t.lower() for t in taken}
    candidate, number = name, 2
    while candidate.lower() in lowered:
        candidate, number = f"{name}{number}", number + 1
    taken.add(candidate)
    return candidate
