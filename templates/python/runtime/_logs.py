"""The package logger and deprecation warnings that point at the caller.

The logger is named after the package the runtime was copied into (the generated
SDK's import name), so ``logging.getLogger("<package>")`` configures it. The
containing package is used rather than the top-level one so that an SDK vendored
as ``app.vendor.sdk`` neither logs as ``app`` nor treats ``app`` code as its
own. Nothing logged carries a credential: callers pass headers through
``redact_headers``.

Setting the environment variable ``<PACKAGE>_LOG`` (``IMGUR_CLIENT_LOG`` for
``imgur_client``) to ``debug`` or ``info`` before the import sends the logger's
records to stderr, without touching ``logging`` configuration in code.
"""

from __future__ import annotations

import logging
import os
import sys
import warnings
from types import FrameType

__all__ = ["LOG_ENV_VAR", "configure_from_environment", "logger", "warn_deprecated"]

_PACKAGE = __name__.rpartition(".")[0] or __name__
LOG_ENV_VAR = _PACKAGE.rpartition(".")[2].upper() + "_LOG"
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}

logger = logging.getLogger(_PACKAGE)


def configure_from_environment() -> logging.Handler | None:
    """Log to stderr at the level ``LOG_ENV_VAR`` names; return the handler added."""
    level = _LEVELS.get(os.environ.get(LOG_ENV_VAR, "").strip().lower())
    if level is None:
        return None
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    return handler


configure_from_environment()


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
