"""The public surface of an SDK, read from its spec: what a caller names.

Client resources and their methods, each method's keyword arguments (parameters
and the fields of a model body), and the models with their attributes. Two
specs with the same surface generate SDKs that callers use the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.naming import python_identifier
from generator.spec.types import Spec
from generator.spec.validate import validate_path


def load(path: Path) -> Spec:
    """The typed spec at ``path``; fails the test when it does not validate."""
    result = validate_path(path)
    assert not result.errors, [d.message for d in result.errors]
    assert result.typed is not None
    return result.typed


def surface(spec: Spec) -> dict[str, Any]:
    """Resources -> methods -> argument names, and models -> attribute names."""
    methods: dict[str, dict[str, list[str]]] = {}
    for resource in spec.resources:
        for op in resource.operations:
            arguments = [python_identifier(p.python_name) for p in op.parameters]
            body = getattr(op, "body", None)
            if body is not None and body.type in spec.models:
                arguments += _fields(spec, body.type)
            methods.setdefault(resource.name, {})[op.name] = sorted(arguments)
    models = {
        name: _fields(spec, name)
        for name, model in spec.models.items()
        if model.fields is not None
    }
    return {"methods": methods, "models": models}


def _fields(spec: Spec, name: str) -> list[str]:
    model = spec.models[name]
    names = [python_identifier(f.python_name) for f in model.fields or ()]
    for base in model.extends:
        names += _fields(spec, base)
    return sorted(set(names))
