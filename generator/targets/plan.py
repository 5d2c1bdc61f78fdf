"""A render plan: which template makes which output file, with what context.

Each target (``targets/python/plan.py``, ``targets/docs/plan.py``) yields its own
entries; ``targets/render.py`` renders them all the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class PlanEntry:
    """One output file to render."""

    template: str  # template name, relative to the templates folder
    output: str  # path of the output file, relative to the output folder
    element: str  # the spec element it renders, named in error messages
    context: Mapping[str, Any] = field(default_factory=dict)  # extra variables
    # The template is written in black's layout and only the package name varies in
    # it (on import lines and in strings), so its output needs black only when that
    # name makes a line too long (``format_all``); a test holds each such template to
    # it for the shortest, a typical and the longest package name.
    black_stable: bool = False
    # The template (with the macros it imports) writes black's layout for any spec:
    # each piece of its output whose every line fits (or whose long lines black
    # cannot split: ``known_layout``) skips black, and only the others go through
    # it (``format_all``; ``SDKGEN_SELF_CHECK`` checks).
    black_layout: bool = False
