"""Decide the import lines of generated modules, in the order ruff's isort expects.

Part of the Python target: templates receive finished import statements, so a spec
that needs no pagination (say) never gets an unused ``Iterator`` import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

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
_STREAM_WRAPPERS = [
    "async_to_streamed_response_wrapper",
    "to_streamed_response_wrapper",
]


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
    *,
    annotations: Iterable[str],
    parsers: Iterable[str],
    paginated: bool,
    has_params: bool,
    models: Iterable[str],
    unions: Mapping[str, str],
    extra: Mapping[str, Iterable[str]] | None = None,
    own_envelope: bool = False,
    wire_helpers: Iterable[str] = (),
    modules: Iterable[str] = (),
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(module, names) pairs for a resource module, grouped and sorted for isort.

    An empty ``names`` means ``import module``; isort puts those first.

    Args:
        annotations: every annotation the module's methods use.
        parsers: the parse expressions of its operations.
        paginated: whether any operation has an iterator method.
        has_params: whether any operation takes parameters.
        models: the models its operations return.
        unions: union model name -> its parser function name.
        extra: more names to import, by module (``typing``, ``._operation``...),
            for request bodies; a module not listed above is ignored.
        own_envelope: whether any operation has its own envelope keys.
        wire_helpers: the ``_wire_types`` helpers its operations call.
        modules: plain module imports (``datetime as _dt``) its annotations need.
    """
    text = " ".join(annotations)
    words = set(_WORD.findall(text))
    collections = [n for n in ("Mapping", "Sequence") if n in words]
    if paginated:
        collections += ["AsyncIterator", "Iterator"]
    typing = ["Unpack"] + [n for n in ("Any", "Literal") if n in words]
    imported: set[str] = set()
    for name in models:
        imported.add(name)
        if name in unions:
            imported.add(unions[name])
    groups: list[tuple[str, list[str]]] = [
        ("collections.abc", collections),
        ("functools", ["cached_property"]),  # each resource's with_raw_response
        ("typing", typing),
        ("._api_client", ["AsyncAPIClient", "SyncAPIClient"]),
        ("._body", []),
        ("._models", list(helpers_used(parsers))),
        (
            "._operation",
            ["Operation"]
            + (["Param"] if has_params else [])
            + (["EnvelopeKeys"] if own_envelope else []),
        ),
        ("._pagination", ["Paging"] if paginated else []),
        ("._response", _RAW_WRAPPERS + (_RAW_PAGE_WRAPPERS if paginated else [])),
        ("._streaming", _STREAM_WRAPPERS),
        ("._types", ["RequestOptions"]),
        ("._uploads", ["FileInput"] if "FileInput" in words else []),
        ("._wire_types", list(wire_helpers)),
        (".models", sorted(imported)),
    ]
    for module, names in (extra or {}).items():
        for group_module, group in groups:
            if group_module == module:
                group.extend(n for n in names if n not in group)
    plain = (("builtins",) if "builtins." in text else ()) + tuple(modules)
    return tuple((module, ()) for module in plain) + tuple(
        (_relative(module), tuple(isort_names(names)))
        for module, names in groups
        if names
    )


def _relative(module: str) -> str:
    """Resource modules live one package down from the runtime."""
    return "." + module if module.startswith(".") else module
