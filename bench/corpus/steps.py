"""What both tools' runs share: step records, and the import-every-module check.

A step record is a plain dict (it goes to the results JSON as is): ``status`` (see
``tally``), ``exit``, ``wall`` seconds, ``rss_mib`` peak memory, ``error`` (the
first telling line of a failure) and any step-specific counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.corpus import measure, outputs
from bench.corpus.tally import FAILED, NOT_APPLICABLE, NOT_RUN, OK, TIMEOUT

# Imports the package and every module in it: importing only the top-level
# package would miss a broken module that is loaded lazily.
IMPORT_ALL = (
    "import importlib, pkgutil, sys\n"
    "root = importlib.import_module(sys.argv[1])\n"
    "count = 1\n"
    "for info in pkgutil.walk_packages(root.__path__, root.__name__ + '.'):\n"
    "    importlib.import_module(info.name)\n"
    "    count += 1\n"
    "print(f'imported {count} modules')\n"
)


def record(finished: measure.Finished, error: str | None = None) -> dict[str, Any]:
    """The record of a step that ran: ok when it exited 0 (and no error was found)."""
    if finished.timed_out:
        status, error = TIMEOUT, f"timed out after {finished.wall:.0f} s"
    elif finished.returncode != 0 or error:
        status = FAILED
        error = error or outputs.first_error_line(finished.output)
        error = error or f"exit {finished.returncode}"
    else:
        status, error = OK, None
    return {
        "status": status,
        "exit": finished.returncode,
        "wall": round(finished.wall, 3),
        "rss_mib": round(finished.rss_mib, 1),
        "error": error,
    }


def not_run() -> dict[str, Any]:
    return {"status": NOT_RUN}


def not_applicable(reason: str) -> dict[str, Any]:
    return {"status": NOT_APPLICABLE, "note": reason}


def passed(step: dict[str, Any]) -> bool:
    return step.get("status") == OK


def import_all(python: Path, package: str) -> list[str]:
    return [str(python), "-c", IMPORT_ALL, package]


def python_files(folder: Path) -> list[Path]:
    """The modules under ``folder``, ``__init__`` excluded, in a fixed order."""
    return sorted(p for p in folder.rglob("*.py") if p.name != "__init__.py")
