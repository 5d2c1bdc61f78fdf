"""Numbers the generated code and the OpenAPI export can write as literals.

One rule for every place a number can appear (defaults, enums, discriminators,
``defaults.timeout`` ...): NaN and the infinities have no JSON form, and Python
prints them as bare ``nan``/``inf``, which are names, not literals.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from generator.diagnostics import Diagnostic
from generator.lint.context import Context
from generator.spec_elements import JsonPath


def check_finite_numbers(ctx: Context) -> Iterator[Diagnostic]:
    for at, value in _numbers(ctx.document, ()):
        if not math.isfinite(value):
            message = f"{value} is not a number JSON or the generated code can hold"
            hint = "use a finite number, or a string if the API sends this as text"
            yield ctx.report("SPEC164", at, message, hint)


def _numbers(node: Any, at: JsonPath) -> Iterator[tuple[JsonPath, float]]:
    if isinstance(node, float):
        yield at, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _numbers(value, (*at, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _numbers(value, (*at, index))
