"""Rules on operation paths: placeholders against path parameters, and clashes.

The generated method fills each ``{name}`` placeholder from the path parameter of
that wire name, so the two must match one to one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.diagnostics import Diagnostic
from generator.spec.lint.context import Context
from generator.spec.types import Operation

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\Z")


def placeholders(path: str) -> list[str]:
    """The names between braces, in order, repeats included."""
    return _PLACEHOLDER.findall(path)


def check_placeholders(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC101-104: path placeholders and path parameters that do not match."""
    for operation in ctx.operations:
        yield from _check_operation(ctx, operation)


def _check_operation(ctx: Context, operation: Operation) -> Iterator[Diagnostic]:
    path = operation.path
    where = (*operation.where, "path")
    malformed = _malformed(path)
    if malformed:
        yield ctx.report("SPEC104", where, malformed, _PLACEHOLDER_HINT)
        return
    names = placeholders(path)
    for name in sorted({n for n in names if names.count(n) > 1}):
        message = f"placeholder '{{{name}}}' appears twice in the path of "
        message += operation.label
        yield ctx.report(
            "SPEC103", where, message, "give each placeholder its own name"
        )
    declared = {p.name: p.where for p in operation.parameters if p.location == "path"}
    for name in dict.fromkeys(names):
        if name not in declared:
            message = f"placeholder '{{{name}}}' in the path of {operation.label} has "
            message += "no path parameter"
            hint = f"add a parameter with name: {name} and in: path"
            yield ctx.report("SPEC101", where, message, hint)
    for name, at in declared.items():
        if name not in names:
            message = f"path parameter '{name}' of {operation.label} has no "
            message += f"'{{{name}}}' placeholder in the path '{path}'"
            hint = "add the placeholder to the path, or change 'in'"
            yield ctx.report("SPEC102", at, message, hint)


_PLACEHOLDER_HINT = "write placeholders as {name}: a name in single braces"


def _malformed(path: str) -> str | None:
    outside = _PLACEHOLDER.sub("", path)
    if "{" in outside or "}" in outside:
        return f"path '{path}' has unbalanced braces"
    for name in placeholders(path):
        if not _NAME.match(name):
            return f"placeholder '{{{name}}}' in path '{path}' is not a name"
    return None


def check_duplicate_routes(ctx: Context) -> Iterator[Diagnostic]:
    """Two operations on one route would be indistinguishable to the API."""
    seen: dict[tuple[str, str], Operation] = {}
    for operation in ctx.operations:
        path = operation.path
        # /album/{id} and /album/{hash} are the same route.
        route = (operation.method, _PLACEHOLDER.sub("{}", path.rstrip("/") or "/"))
        first = seen.setdefault(route, operation)
        if first is operation:
            continue
        message = f"{operation.label} has the same method and path as {first.label}"
        message += f" ({operation.method} {path})"
        hint = "remove one of them, or correct the method or path"
        yield ctx.report("SPEC105", operation.where, message, hint)
