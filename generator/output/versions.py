"""Installed versions of the libraries whose behaviour decides the output.

``importlib.metadata`` costs ~50 ms to import, more than ``sdkgen check`` spends on
everything else when nothing changed, so the version is read from the name of the
distribution's ``.dist-info`` folder, which is what the metadata machinery reads too.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def distribution_version(name: str) -> str:
    """The installed version of a distribution, e.g. ``"25.12.0"`` for black."""
    prefix = name.replace("-", "_").lower() + "-"
    for entry in sys.path:
        folder = Path(entry or ".")
        try:
            candidates = sorted(folder.glob("*.dist-info"))
        except OSError:
            continue
        for info in candidates:
            stem = info.name.removesuffix(".dist-info")
            if stem.lower().startswith(prefix):
                return stem[len(prefix) :]
    from importlib.metadata import version  # slow path: an unusual installation

    return version(name)
