"""Build the spec draft (a plain dict) and the import report from an outline.

Per-function work happens in ``operation``; this module makes the decisions that
need the whole document: the ``api`` block, resource and operation names (unique,
valid identifiers), routes shared by two functions, and the default auth.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostic
from generator.importers.common import names
from generator.importers.common.defects import Defect, document_problem
from generator.importers.common.operation_draft import OperationDraft
from generator.importers.markdown.headers import AuthSchemes
from generator.importers.markdown.operation import SkipFunction, build_operation
from generator.importers.markdown.outline import DocumentKind, Outline, SkippedSection
from generator.importers.markdown.paths import api_version, base_path, route_key
from generator.naming import pascal_case

_URL = re.compile(r"^https?://[^\s]+\Z")
# Leaves room for the '_client' package suffix within the 64-character limit.
_MAX_API_NAME = 40
_VERBS = {
    "GET": "get",
    "POST": "create",
    "PUT": "update",
    "PATCH": "update",
    "DELETE": "delete",
}


@dataclass(slots=True)
class ImportResult:
    """The draft (None when the document cannot give one) and what happened."""

    kind: DocumentKind
    draft: dict[str, Any] | None
    operations: list[OperationDraft] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sections_read: int = 0
    skipped: list[SkippedSection] = field(default_factory=list)


def build_draft(
    outline: Outline, file: str, stem: str, name: str | None
) -> ImportResult:
    """Build the draft of ``outline``, read from ``file`` (``stem``: its base name)."""
    result = ImportResult(
        kind=outline.kind, draft=None, sections_read=outline.section_count
    )
    result.skipped = list(outline.skipped)
    base_url = _base_url(outline, file, result.diagnostics)
    if base_url is None:
        return result
    title = names.clean_heading(outline.title or "") or stem
    api_name = name or names.identifier(title, "api")[:_MAX_API_NAME].rstrip("_")
    schemes = AuthSchemes()
    for function in outline.functions:
        try:
            operation = build_operation(
                function, base_path(base_url), api_name, schemes
            )
        except SkipFunction as exc:
            _skip(result, function.heading, function.heading_line, str(exc), file)
            continue
        result.operations.append(operation)
    if not result.operations:
        result.diagnostics.append(
            document_problem(
                file,
                "no-functions",
                1,
                "no function found: a function is a level-1 heading whose section "
                "has a 'Request' section holding a request template",
                error=True,
            )
        )
        return result
    _name_operations(result.operations)
    _separate_shared_routes(result.operations)
    for operation in result.operations:
        operation.defects.sort(key=lambda defect: defect.line)
    api = _api_block(outline, api_name, title, base_url, result.operations, stem)
    result.draft = _assemble(api, schemes, result.operations)
    result.diagnostics += [
        d.diagnostic(file) for op in result.operations for d in op.defects
    ]
    result.diagnostics.sort(key=lambda d: d.location.line if d.location else 0)
    return result


def _base_url(outline: Outline, file: str, diagnostics: list[Diagnostic]) -> str | None:
    if outline.endpoint is None:
        message = (
            "no 'Endpoint: <base URL>' line: the format puts one in the first section"
        )
        diagnostics.append(
            document_problem(file, "no-endpoint", 1, message, error=True)
        )
        return None
    url = outline.endpoint.rstrip("/")
    if not _URL.match(url):
        message = f"the Endpoint {outline.endpoint!r} is not an http(s) URL"
        diagnostics.append(
            document_problem(
                file, "bad-endpoint", outline.endpoint_line, message, error=True
            )
        )
        return None
    return url


def _skip(
    result: ImportResult, heading: str, line: int, reason: str, file: str
) -> None:
    title = names.clean_heading(heading) or heading
    result.skipped.append(SkippedSection(title, line, reason))
    message = f"function {title!r} skipped: {reason}"
    result.diagnostics.append(document_problem(file, "skipped-function", line, message))


def _name_operations(operations: list[OperationDraft]) -> None:
    """Name each operation after its heading, less the resource; unique per resource."""
    taken: dict[str, set[str]] = {}
    for operation in operations:
        names_in_resource = taken.setdefault(operation.resource, set())
        short = _short_name(operation)
        full = names.identifier(operation.heading, "operation")
        chosen = next((n for n in (short, full) if n not in names_in_resource), None)
        if chosen is None:
            chosen = names.unique(short, names_in_resource)
            operation.defects.append(_name_defect(operation, short, chosen))
        operation.name = chosen
        names_in_resource.add(chosen)


def _short_name(operation: OperationDraft) -> str:
    heading = names.snake(operation.heading)
    resource = operation.resource.rstrip("_")
    if heading == resource or not heading:
        return _VERBS[operation.method]
    first, _, rest = heading.partition("_")
    if rest and _names_resource(first, resource):
        return names.identifier(rest, "operation")
    return names.identifier(heading, "operation")


def _names_resource(word: str, resource: str) -> bool:
    """Whether a heading's first word names the resource: 'shelf' for 'shelves'."""
    if resource.startswith(word) or word.startswith(resource):
        return len(word) >= 3
    # One letter of slack covers plurals that change the stem (shelf/shelves).
    return len(word) >= 4 and resource.startswith(word[:-1])


def _name_defect(operation: OperationDraft, wanted: str, chosen: str) -> Defect:
    return Defect(
        "name-collision",
        operation.line,
        f"another function of resource {operation.resource!r} is also named {wanted!r}",
        f"this one is {operation.resource}.{chosen}",
        "choose a name that says what this call does",
    )


def _separate_shared_routes(operations: list[OperationDraft]) -> None:
    """Give the second function on a method and path a path of its own, and say so."""
    routes: dict[tuple[str, str], OperationDraft] = {}
    for operation in operations:
        first = routes.get(route_key(operation.method, operation.path))
        if first is not None:
            original = operation.path
            suffix = operation.name.rstrip("_").replace("_", "-")
            operation.path = f"{original.rstrip('/')}/{suffix}"
            while route_key(operation.method, operation.path) in routes:
                operation.path += "-again"
            operation.defects.append(_route_defect(operation, original, first))
        routes[route_key(operation.method, operation.path)] = operation


def _route_defect(
    operation: OperationDraft, original: str, first: OperationDraft
) -> Defect:
    return Defect(
        "duplicate-route",
        operation.line,
        f"{operation.method} {original} is also the route of {first.anchor!r} "
        f"(line {first.line})",
        f"path {operation.path}, made up so the two calls stay apart; it will not "
        "reach the API as is",
        "find this call's real route, or merge it into the other operation",
    )


def _api_block(
    outline: Outline,
    name: str,
    title: str,
    base_url: str,
    operations: list[OperationDraft],
    stem: str,
) -> dict[str, Any]:
    api: dict[str, Any] = {
        "name": name,
        "title": title,
        "version": api_version(base_url, [op.path for op in operations]),
        "base_url": base_url,
    }
    if outline.source_url and _URL.match(outline.source_url):
        api["docs_url"] = outline.source_url
    api["source_document"] = outline.source_url or stem
    if outline.description:
        api["description"] = outline.description
    api["package"] = f"{name}_client"
    api["client_class"] = f"{pascal_case(name)}Client"
    return api


def _assemble(
    api: dict[str, Any], schemes: AuthSchemes, operations: list[OperationDraft]
) -> dict[str, Any]:
    draft: dict[str, Any] = {"api": api}
    default_auth = _default_auth(operations)
    if schemes.schemes:
        draft["auth"] = schemes.schemes
        draft["defaults"] = {"auth": default_auth}
    resources: dict[str, Any] = {}
    for operation in operations:
        resource = resources.setdefault(operation.resource, {"operations": {}})
        spec = _operation_spec(operation, default_auth if schemes.schemes else [])
        resource["operations"][operation.name] = spec
    draft["resources"] = resources
    return draft


def _default_auth(operations: list[OperationDraft]) -> list[str]:
    counts = Counter(tuple(op.auth) for op in operations)
    return list(counts.most_common(1)[0][0]) if counts else []


def _operation_spec(
    operation: OperationDraft, default_auth: list[str]
) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "anchor": operation.anchor,
        "method": operation.method,
        "path": operation.path,
        "summary": operation.fields["summary"],
    }
    if "description" in operation.fields:
        spec["description"] = operation.fields["description"]
    if operation.auth != default_auth:
        spec["auth"] = operation.auth
    if operation.fields["parameters"]:
        spec["parameters"] = operation.fields["parameters"]
    spec["returns"] = "any"
    if operation.defects:
        spec["departures"] = [defect.departure() for defect in operation.defects]
    return spec
