"""Which part of the document as written each part of a converted document came from.

A Swagger 2.0 document is converted to OpenAPI 3 before import, so the importer
names pointers of the converted document (``#/components/schemas/Pet``). The
user reads the Swagger document (``#/definitions/Pet``): warnings and TODOs are
worded with the pointer as written, found here by the longest converted prefix
the converter recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.importers.openapi.report import escape_token

Tokens = tuple[str, ...]


def split_pointer(pointer: str) -> tuple[str, Tokens]:
    """``"a.yaml#/x/b~1c"`` -> ``("a.yaml", ("x", "b/c"))``; ``""`` is the document."""
    location, _, fragment = pointer.partition("#")
    if not fragment.startswith("/"):
        return location, ()
    return location, tuple(
        raw.replace("~1", "/").replace("~0", "~") for raw in fragment[1:].split("/")
    )


def join_pointer(location: str, tokens: Tokens) -> str:
    """The inverse of ``split_pointer``."""
    return location + "#" + "".join("/" + escape_token(t) for t in tokens)


@dataclass
class PointerMap:
    """Converted pointer prefixes -> the pointer as written (of one file).

    A prefix recorded ``inside=True`` maps what is under it token for token
    (a schema moved from ``definitions`` keeps its inner shape); with
    ``inside=False`` everything under it comes from the one place recorded (the
    ``flows`` built out of a Swagger ``oauth2`` scheme's flat keys).
    """

    _origins: dict[Tokens, tuple[str, bool]] = field(default_factory=dict)

    def add(self, converted: Tokens, original: str, *, inside: bool = True) -> None:
        """Record that ``converted`` (tokens) came from ``original`` (a pointer)."""
        self._origins[converted] = (original, inside)

    def original(self, pointer: str) -> str:
        """The pointer as written for ``pointer`` of the converted document.

        A pointer under no recorded prefix was carried over unchanged. Only the
        fragment is looked up: a map is that of the one file ``pointer`` names.
        """
        _, tokens = split_pointer(pointer)
        for length in range(len(tokens), 0, -1):
            found = self._origins.get(tokens[:length])
            if found is None:
                continue
            original, inside = found
            if not inside:
                return original
            source, base = split_pointer(original)
            return join_pointer(source, base + tokens[length:])
        return pointer
