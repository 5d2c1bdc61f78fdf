"""Decide the import lines of generated modules, in the order ruff's isort expects.

Part of the model stage: templates receive finished import statements, so a spec
that needs no pagination (say) never gets an unused ``Iterator`` import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.intermediate import OperationModel

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# Helpers of the runtime's _models module that parse expressions may call.
MODEL_HELPERS = (
    "expect_bool",
    "expect_float",
    "expect_int",
    "expect_str",
    "identity",
    "ignore_payload",
    "parse_list",
    "parse_map",
    "parse_optional",
    "require",
    "require_key",
)


_RAW_WRAPPERS = ["async_to_raw_response_wrapper", "to_raw_response_wrapper"]
_RAW_PAGE_WRAPPERS = ["async_to_raw_pages_wrapper", "to_raw_pages_wrapper"]


def helpers_used(code: Iterable[str]) -> tuple[str, ...]:
    """The runtime parse helpers named in some generated expressions."""
    words = {w for text in code for w in _WORD.findall(text)}
    return tuple(h for h in MODEL_HELPERS if h in words)


def _kind(name: str) -> int:
    """isort's ``order-by-type`` groups: CONSTANTS, then Classes, then the rest."""
    if name.isupper() and len(name) > 1:
        return 0
    return 1 if name[:1].isupper() else 2


def isort_names(names: Iterable[str]) -> list[str]:
    """Order imported names as isort does: by kind, then case-insensitively."""
    return sorted(set(names), key=lambda name: (_kind(name), name.lower()))


def dunder_all_order(names: Iterable[str]) -> list[str]:
    """Order ``__all__`` as ruff's RUF022 does: like isort, but case-sensitive."""
    return sorted(set(names), key=lambda name: (_kind(name), name))


def resource_imports(
    operations: tuple[OperationModel, ...], unions: dict[str, str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(module, names) pairs for a resource module, grouped and sorted for isort.

    An empty ``names`` means ``import module``; isort puts those first.

    Args:
        operations: the resource's operations.
        unions: union model name -> its parser function name.
    """
    paginated = any(op.iter_name for op in operations)
    has_params = any(op.params for op in operations)
    annotations = " ".join(
        [op.return_annotation for op in operations]
        + [p.annotation for op in operations for p in op.params]
        + [op.item_annotation for op in operations]
    )
    words = set(_WORD.findall(annotations))
    collections = [n for n in ("Mapping", "Sequence") if n in words]
    if paginated:
        collections += ["AsyncIterator", "Iterator"]
    typing = ["Unpack"] + (["Any"] if "Any" in words else [])
    models: set[str] = set()
    for op in operations:
        for name in op.model_imports:
            models.add(name)
            if name in unions:
                models.add(unions[name])
    groups: list[tuple[str, list[str]]] = [
        ("collections.abc", collections),
        ("typing", typing),
        ("._api_client", ["AsyncAPIClient", "SyncAPIClient"]),
        ("._models", list(helpers_used(op.parse_code for op in operations))),
        ("._operation", ["Operation"] + (["Param"] if has_params else [])),
        ("._response", _RAW_WRAPPERS + (_RAW_PAGE_WRAPPERS if paginated else [])),
        ("._types", ["RequestOptions"]),
        ("._uploads", ["FileInput"] if "FileInput" in words else []),
        (".models", sorted(models)),
    ]
    plain = ("builtins",) if "builtins." in annotations else ()
    return tuple((module, ()) for module in plain) + tuple(
        (_relative(module), tuple(isort_names(names)))
        for module, names in groups
        if names
    )


def _relative(module: str) -> str:
    """Resource modules live one package down from the runtime."""
    return "." + module if module.startswith(".") else module
