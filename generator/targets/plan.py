"""The shape of a render plan entry, shared by the Python-SDK and docs plans."""

from typing import Any

# (template name, output path, spec element for error messages, extra context)
PlanEntry = tuple[str, str, str, dict[str, Any]]
