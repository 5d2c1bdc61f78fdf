"""Recognise envelopes: a body flag, or one key every success body is wrapped in.

A body flag is a ``oneOf`` of ``{ok: true, data}`` and ``{ok: false, error}``.

That is how an API answering errors with HTTP 200 (Slack's ``ok``) is described
in OpenAPI, and how sdkgen's own export writes an operation ``envelope:``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.importers.openapi.report import mapping, sequence


def detect(
    schema: Any, deref: Callable[[Any], Any] = lambda s: s
) -> tuple[dict[str, str], Any, str] | None:
    """(envelope, payload schema or None, payload key) when ``schema`` is one.

    ``deref`` follows a variant's ``$ref``.
    """
    if not isinstance(schema, dict) or not isinstance(schema.get("oneOf"), list):
        return None
    variants = [deref(v) for v in schema["oneOf"]]
    if len(variants) != 2:
        return None
    for good, bad in (variants, variants[::-1]):
        if not _object(good):
            continue
        flags = [k for k, v in good["properties"].items() if _const(v) is True]
        if len(flags) == 1 and _says_false(bad, flags[0], deref, 0):
            break
    else:
        return None
    flag = flags[0]
    rest = [k for k in good["properties"] if k != flag]
    envelope = {"success": flag}
    status = [k for k in rest if _integer(good["properties"][k])]
    if len(rest) == 2 and len(status) == 1:
        envelope["status"] = status[0]
        rest.remove(status[0])
    if len(rest) > 1:
        return None
    envelope = {"data": rest[0] if rest else "", **envelope}
    errors = [k for k in mapping(bad.get("properties")) if k != flag]
    if len(errors) == 1:
        envelope["error"] = errors[0]
    payload = good["properties"][rest[0]] if rest else None
    return envelope, payload, rest[0] if rest else ""


def _says_false(
    schema: Any, flag: str, deref: Callable[[Any], Any], depth: int
) -> bool:
    """Whether ``schema`` (through allOf/anyOf/oneOf) pins ``flag`` to false."""
    schema = deref(schema)
    if depth > 8 or not isinstance(schema, dict):
        return False
    properties = schema.get("properties")
    if isinstance(properties, dict) and _const(properties.get(flag)) is False:
        return True
    return any(
        _says_false(part, flag, deref, depth + 1)
        for key in ("allOf", "anyOf", "oneOf")
        for part in sequence(schema.get(key))
    )


def _integer(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "integer"


def wrapper_key(schema: Any) -> str | None:
    """The one key of an inline ``{key: payload}`` object (a data-only envelope)."""
    if not _object(schema) or "$ref" in schema or len(schema["properties"]) != 1:
        return None
    key = next(iter(schema["properties"]))
    return str(key) if key in sequence(schema.get("required")) else None


def shared_wrapper(document: dict[str, Any], deref: Callable[[Any], Any]) -> str | None:
    """The key every JSON success body is wrapped in, when all agree."""
    keys: set[str | None] = set()
    for item in mapping(document.get("paths")).values():
        for op in item.values() if isinstance(item, dict) else []:
            responses = op.get("responses") if isinstance(op, dict) else None
            for status, response in mapping(responses).items():
                response = deref(response)
                content = (
                    response.get("content") if isinstance(response, dict) else None
                )
                if not str(status).startswith("2") or not isinstance(content, dict):
                    continue
                json_body = content.get("application/json")
                if isinstance(json_body, dict):
                    keys.add(wrapper_key(json_body.get("schema")))
    if len(keys) != 1:
        return None
    return keys.pop()


def _object(schema: Any) -> bool:
    return isinstance(schema, dict) and isinstance(schema.get("properties"), dict)


def _const(schema: Any) -> Any:
    if isinstance(schema, dict) and "const" in schema:
        return schema["const"]
    enum = schema.get("enum") if isinstance(schema, dict) else None
    if isinstance(enum, list) and len(enum) == 1:
        return enum[0]
    return None
