"""How many worker processes this machine can keep busy.

``os.cpu_count`` counts the machine's cores; a container or ``taskset`` may allow
this process fewer. Both the formatter's workers and the importer's YAML dumpers ask
here.
"""

from __future__ import annotations

import os

__all__ = ["usable_cores"]


def usable_cores() -> int:
    """The cores this process may run on (its affinity, where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # no affinity on this platform: every core
        return os.cpu_count() or 1
