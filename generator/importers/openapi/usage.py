"""Keep only the models the operations use, directly or through other models.

An unused model is a lint warning (SPEC125); a component schema no operation
reaches has nothing to generate, so the draft leaves it out and says so.
"""

from __future__ import annotations

import re
from typing import Any

from generator.importers.openapi.drafts import draft_operations
from generator.importers.openapi.report import Report, escape_token

_NAME = re.compile(r"[A-Z][A-Za-z0-9]*")


def operation_types(resources: dict[str, Any]) -> list[str]:
    """Every type expression an operation mentions."""
    found: list[str] = []
    for _, op in draft_operations(resources):
        found += [p["type"] for p in op.get("parameters", [])]
        if "returns" in op:
            found.append(op["returns"])
        if "body" in op:
            found.append(op["body"]["type"])
        found += [r["type"] for r in op.get("responses", {}).values() if "type" in r]
    return found


def prune(
    models: dict[str, dict[str, Any]],
    roots: list[str],
    component_names: dict[str, str],
    report: Report,
) -> dict[str, dict[str, Any]]:
    """The models reachable from ``roots``, in their original order."""
    reached: set[str] = set()
    stack = [n for t in roots for n in _NAME.findall(t)]
    while stack:
        name = stack.pop()
        if name in reached or name not in models:
            continue
        reached.add(name)
        model = models[name]
        stack += [
            n
            for f in model.get("fields", {}).values()
            for n in _NAME.findall(f["type"])
        ]
        stack += [v["model"] for v in model.get("union", {}).get("variants", [])]
        stack += model.get("extends", [])
    for unused, key in component_names.items():
        if unused not in reached and unused in models:
            report.warn(
                "unused-schema",
                f"#/components/schemas/{escape_token(key)}",
                "used by no operation",
                f"no model {unused} (nothing would generate it)",
                "add it back by hand if callers need the class",
            )
    return {k: v for k, v in models.items() if k in reached}
