"""The package logger and deprecation warnings that point at the caller.

The logger is named after the top-level package (the runtime is copied into each
generated SDK), so ``logging.getLogger("<package>")`` configures it. Nothing
logged carries a credential: callers pass headers through ``redact_headers``.
"""

from __future__ import annotations

import logging
import sys
import warnings

__all__ = ["logger", "warn_deprecated"]

_PACKAGE = __name__.split(".")[0]

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


def _in_package(frame: object) -> bool:
    module = getattr(frame, "f_globals", {}).get("__name__", "")
    return isinstance(module, str) and module.split(".")[0] == _PACKAGE
