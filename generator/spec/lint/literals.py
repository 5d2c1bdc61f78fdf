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
from generator.spec.elements import JsonPath
from generator.spec.lint.context import Context


def check_finite_numbers(ctx: Context) -> Iterator[Diagnostic]:
    """SPEC164: NaN or an infinity where the generated code writes a literal."""
    for at, value in _numbers(ctx):
        if not math.isfinite(value):
            message = f"{value} is not a number JSON or the generated code can hold"
            hint = "use a finite number, or a string if the API sends this as text"
            yield ctx.report("SPEC164", at, message, hint)


def _numbers(ctx: Context) -> Iterator[tuple[JsonPath, float]]:
    """Every number the spec gives as a value.

    Parameter defaults, enum values, union discriminator values and the timeout.
    """
    if "timeout" in ctx.spec.defaults.written:
        yield ("defaults", "timeout"), ctx.spec.defaults.timeout
    for _, parameter in ctx.parameters():
        if parameter.has_default:
            yield from _floats((*parameter.where, "default"), parameter.default)
        for index, value in enumerate(parameter.enum):
            yield from _floats((*parameter.where, "enum", index), value)
    for field in ctx.fields():
        for index, value in enumerate(field.enum):
            yield from _floats((*field.where, "enum", index), value)
    for model in ctx.spec.models.values():
        for variant in model.union.variants if model.union else ():
            yield from _floats((*variant.where, "value"), variant.value)


def _floats(at: JsonPath, value: Any) -> Iterator[tuple[JsonPath, float]]:
    if isinstance(value, float):
        yield at, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _floats((*at, index), item)
