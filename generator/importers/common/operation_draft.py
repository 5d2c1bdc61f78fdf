"""One imported operation before naming: what every importer hands the emitter.

It lives in ``common`` because the YAML emitter (``common/emit.py``) writes it
whatever document it came from; each importer (Markdown today) builds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.importers.common.defects import Defect


@dataclass(slots=True)
class OperationDraft:
    """One operation before naming: its spec fields, resource and defects."""

    heading: str
    anchor: str
    line: int
    method: str
    path: str
    resource: str
    auth: list[str]
    fields: dict[str, Any]
    defects: list[Defect] = field(default_factory=list)
    name: str = ""
