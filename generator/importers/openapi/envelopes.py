"""Recognise a body-flag envelope: ``oneOf`` [{flag: const true, data}, {flag: const false, error}].

That is how an API answering errors with HTTP 200 (Slack's ``ok``) is described
in OpenAPI, and how sdkgen's own export writes an operation ``envelope:``.
"""

from __future__ import annotations

from typing import Any


def detect(schema: Any) -> tuple[dict[str, str], Any, str] | None:
    """(envelope, payload schema or None, payload key) when ``schema`` is one."""
    if not isinstance(schema, dict) or not isinstance(schema.get("oneOf"), list):
        return None
    variants = schema["oneOf"]
    if len(variants) != 2 or not all(_object(v) for v in variants):
        return None
    good, bad = variants
    flags = [k for k, v in good["properties"].items() if _const(v) is True]
    if len(flags) != 1 or _const(bad["properties"].get(flags[0])) is not False:
        good, bad = bad, good
        flags = [k for k, v in good["properties"].items() if _const(v) is True]
        if len(flags) != 1 or _const(bad["properties"].get(flags[0])) is not False:
            return None
    flag = flags[0]
    rest = [k for k in good["properties"] if k != flag]
    if len(rest) > 1:
        return None
    envelope = {"data": rest[0] if rest else "", "success": flag}
    errors = [k for k in bad["properties"] if k != flag]
    if len(errors) == 1:
        envelope["error"] = errors[0]
    payload = good["properties"][rest[0]] if rest else None
    return envelope, payload, rest[0] if rest else ""


def _object(schema: Any) -> bool:
    return isinstance(schema, dict) and isinstance(schema.get("properties"), dict)


def _const(schema: Any) -> Any:
    if isinstance(schema, dict) and "const" in schema:
        return schema["const"]
    if isinstance(schema, dict) and isinstance(schema.get("enum"), list):
        if len(schema["enum"]) == 1:
            return schema["enum"][0]
    return None
