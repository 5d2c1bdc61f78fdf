"""``SDKGEN_SELF_CHECK=1``: slower checks of sdkgen's own output, for tests and CI.

Two shortcuts sdkgen takes for speed have a thorough counterpart here:

- the formatter writes pieces our templates lay out in black's layout without
  running black (``output/format.py``); checked, black formats those pieces too
  and any difference is an internal error;
- ``import-openapi`` checks the spec it wrote from the data it dumped; checked, it
  reads the files back as ``validate`` would and compares.

The test suite sets it (``tests/conftest.py``), and so does ``make generate``, so a
template or a dumper that goes wrong fails there, not in a user's output.
"""

from __future__ import annotations

import os

__all__ = ["enabled"]


def enabled() -> bool:
    """Whether the thorough checks run (``SDKGEN_SELF_CHECK=1``)."""
    return os.environ.get("SDKGEN_SELF_CHECK") == "1"
