"""Hypothesis profiles: a small fixed budget for ``make test``, a long one for fuzzing.

``make test`` uses "ci": derandomized (the same examples on every run, so CI is
never flaky) and small. ``make fuzz`` sets SDKGEN_FUZZ=long: random, and large
enough for at least 2,000 inputs across the three properties.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
}
# Examples per property: "ci" for make test, "long" for make fuzz (2,050 inputs:
# mutated specs and Markdown in one process, schema-drawn specs in the other,
# so both take about as long). SDKGEN_FUZZ_FACTOR scales "long".
BUDGETS = {"mutated": 40, "schema": 25, "markdown": 25}
LONG_BUDGETS = {"mutated": 1000, "schema": 600, "markdown": 450}
LONG_FACTOR = float(os.environ.get("SDKGEN_FUZZ_FACTOR", "1"))

settings.register_profile("ci", derandomize=True, print_blob=True, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("long", print_blob=True, **_COMMON)  # type: ignore[arg-type]
PROFILE = os.environ.get("SDKGEN_FUZZ", "ci")


def examples(prop: str) -> int:
    if PROFILE == "long":
        return max(1, round(LONG_BUDGETS[prop] * LONG_FACTOR))
    return BUDGETS[prop]


def fuzz_settings(prop: str) -> settings:
    return settings(settings.get_profile(PROFILE), max_examples=examples(prop))
