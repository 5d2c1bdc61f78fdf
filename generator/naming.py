"""How names from the spec become Python identifiers.

One rule set shared by the semantic checks (which report collisions) and the model
stage (which uses the names), so a name the validator accepts is the name generated.
"""

from __future__ import annotations

import keyword
import re

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# Names that would shadow what every generated class or module relies on: the
# model classes call field() and classmethod in their bodies, resource methods
# use the builtins module, and every method takes **request_options.
RESERVED = frozenset(
    {
        "self",
        "cls",
        "request_options",
        "raw",
        "from_dict",
        "to_dict",
        "to_json",
        "field",
        "classmethod",
        "staticmethod",
        "property",
        "builtins",
    }
)


def python_identifier(name: str) -> str:
    """Return the Python identifier for a spec name.

    Keywords and soft keywords get a trailing underscore (``from`` -> ``from_``), as
    do the few names generated code reserves for itself.

    Raises:
        ValueError: the name cannot be an identifier; the message says why.
    """
    if not _IDENTIFIER.fullmatch(name):
        raise ValueError(
            f"'{name}' is not a valid Python identifier: use letters, digits and "
            "underscores, not starting with a digit (set python_name)"
        )
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in RESERVED:
        return name + "_"
    return name


def pascal_case(name: str) -> str:
    """``gallery_image`` -> ``GalleryImage``."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_") if part)


def snake_case(name: str) -> str:
    """``GalleryItem`` -> ``gallery_item``."""
    return "".join(
        ("_" + c.lower()) if c.isupper() and i else c.lower()
        for i, c in enumerate(name)
    )
