"""The package logger and deprecation warnings that point at the caller.

The logger is named after the package the runtime was copied into (the generated
SDK's import name), so ``logging.getLogger("<package>")`` configures it. The
containing package is used rather than the top-level one so that an SDK vendored
as ``app.vendor.sdk`` neither logs as ``app`` nor treats ``app`` code as its
own. Nothing logged carries a credential: callers pass headers through
``redact_headers``.
"""

from __future__ import annotations

import logging
import sys
import warnings
from types import FrameType

__all__ = ["logger", "warn_deprecated"]

_PACKAGE = __name__.rpartition(".")[0] or __name__

logger = logging.getLogger(_PACKAGE)


def warn_deprecated(message: str) -> None:
    """Warn ``DeprecationWarning`` at the first frame outside this package.

    The generated method, the base client and any raw-response wrapper all live
    in the package, so the warning lands on the line in the caller's code.
    """
    frame = sys._getframe(1)
    level = 2
    while frame.f_back is not None and _in_package(frame):
        frame = frame.f_back
        level += 1
    warnings.warn(message, DeprecationWarning, stacklevel=level)


def _in_package(frame: FrameType) -> bool:
    module = frame.f_globals.get("__name__", "")
    return isinstance(module, str) and (
        module == _PACKAGE or module.startswith(_PACKAGE + ".")
    )
