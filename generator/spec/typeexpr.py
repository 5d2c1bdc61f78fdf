"""Parse the spec's type expressions ('integer', 'Image', 'list[map[string]]').

Shared by every stage that needs to understand a type: the semantic checks, the
intermediate model and the OpenAPI export. The grammar is small on purpose:
a primitive, a model name, or list[T] / map[T] (maps have string keys), and
nullable[T] (the value may be JSON null).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

PRIMITIVES = frozenset(
    {
        "string",
        "integer",
        "number",
        "boolean",
        "any",
        "file",
        # Wire strings or numbers the SDK parses to richer Python values.
        "date",
        "datetime",
        "epoch",
        "uuid",
        "bytes",
    }
)

TypeKind = Literal["primitive", "model", "list", "map", "nullable"]


@dataclass(frozen=True, slots=True)
class TypeRef:
    """A parsed type: ``name`` for primitives and models, ``item`` for containers."""

    kind: TypeKind
    name: str = ""
    item: TypeRef | None = None

    def models(self) -> list[str]:
        """Model names this type refers to, however deeply nested."""
        if self.kind == "model":
            return [self.name]
        return self.item.models() if self.item is not None else []

    def __str__(self) -> str:
        if self.item is not None:
            return f"{self.kind}[{self.item}]"
        return self.name


class TypeSyntaxError(ValueError):
    """The text is not a type expression."""


# Cached: a big spec repeats a few dozen type texts hundreds of thousands of times
# across validation and the model; TypeRef is immutable, so sharing is safe.
@functools.lru_cache(maxsize=4096)
def parse_type(text: str) -> TypeRef:
    """Parse a type expression.

    Raises:
        TypeSyntaxError: with a message saying what is accepted.
    """
    text = text.strip()
    containers: tuple[tuple[TypeKind, str], ...] = (
        ("list", "list["),
        ("map", "map["),
        ("nullable", "nullable["),
    )
    for kind, prefix in containers:
        if text.startswith(prefix):
            if not text.endswith("]"):
                raise TypeSyntaxError(f"'{text}' opens '[' without closing it")
            return TypeRef(kind=kind, item=parse_type(text[len(prefix) : -1]))
    if text in PRIMITIVES:
        return TypeRef(kind="primitive", name=text)
    if text[:1].isupper() and text.isidentifier():
        return TypeRef(kind="model", name=text)
    raise TypeSyntaxError(
        f"'{text}' is not a type; use one of {', '.join(sorted(PRIMITIVES))}, "
        "a model name (PascalCase), list[T], map[T] or nullable[T]"
    )


def strip_nullable(ref: TypeRef) -> tuple[TypeRef, bool]:
    """``ref`` without its outer ``nullable[...]`` wrappers, and whether it had one."""
    nullable = False
    while ref.kind == "nullable" and ref.item is not None:
        ref, nullable = ref.item, True
    return ref, nullable
