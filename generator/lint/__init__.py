"""Semantic rules: the third layer of validation, for what a JSON Schema cannot say.

Runs on a spec the schema layer accepted, so rules may rely on its shapes. One
module per rule family; each rule has a stable code (see ``RULES``).
"""

from __future__ import annotations

from generator.diagnostics import Diagnostic
from generator.loader import LoadedSpec


def run_rules(spec: LoadedSpec) -> list[Diagnostic]:
    """Every semantic problem in ``spec``."""
    return []
