"""Reading the tools' output: the first line of an error, the counts of a summary.

CORPUS.md lists each failure by one line, so the line must be the one a developer
needs: the exception of a traceback (not its first frame), pytest's first
``FAILED`` test, mypy's first error, sdkgen's ``internal error`` line.
"""

from __future__ import annotations

import re

TRACEBACK = "Traceback (most recent call last)"
# Rich (typer) draws its traceback in a box; the exception follows the box.
_BOX = re.compile(r"^[\s│╭╰─╮╯]")
_ERRORISH = re.compile(r"error|exception|traceback|failed|fatal", re.IGNORECASE)
_MAX = 300


def clip(line: str) -> str:
    line = line.strip()
    return line if len(line) <= _MAX else line[: _MAX - 3] + "..."


def has_traceback(text: str) -> bool:
    return TRACEBACK in text


def exception_line(text: str) -> str | None:
    """The exception the last (plain or rich) traceback ends with, if any."""
    lines = [line for line in text.splitlines() if line.strip()]
    starts = [i for i, line in enumerate(lines) if TRACEBACK in line]
    if not starts:
        return None
    for after in lines[starts[-1] + 1 :]:
        if not _BOX.match(after):
            return clip(after)
    return None


def first_error_line(text: str) -> str | None:
    """The most telling line of a failed command's output."""
    found = exception_line(text)
    if found:
        return found
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines:
        if _ERRORISH.search(line):
            return clip(line)
    return clip(lines[0]) if lines else None


def pytest_failure(text: str) -> str | None:
    """pytest's first failing test and its totals: ``FAILED t::x - ... (1 failed)``."""
    lines = text.splitlines()
    first = next((ln for ln in lines if ln.startswith(("FAILED ", "ERROR "))), None)
    totals = next(
        (
            ln.strip("= ")
            for ln in reversed(lines)
            if re.search(r"\d+ (failed|passed|errors?|skipped)\b", ln)
        ),
        None,
    )
    return _joined(first, totals) or first_error_line(text)


def _joined(first: str | None, totals: str | None) -> str | None:
    """``first (totals)``, or whichever of the two there is."""
    if first and totals:
        return clip(f"{first} ({totals})")
    found = first or totals
    return clip(found) if found else None


def pytest_totals(text: str) -> dict[str, int]:
    """``{'passed': 404, 'failed': 1}`` from pytest's closing line."""
    for line in reversed(text.splitlines()):
        counts = re.findall(r"(\d+) (failed|passed|errors?|skipped|xfailed)\b", line)
        if counts:
            return {kind.rstrip("s"): int(number) for number, kind in counts}
    return {}


def mypy_failure(text: str) -> str | None:
    """mypy's first error and its closing count."""
    lines = text.splitlines()
    first = next((ln for ln in lines if ": error:" in ln), None)
    found = next((ln for ln in lines if ln.startswith("Found ")), None)
    return _joined(first, found) or first_error_line(text)


def mypy_error_count(text: str) -> int:
    match = re.search(r"^Found (\d+) errors?", text, re.MULTILINE)
    return int(match.group(1)) if match else 0


_SUMMARY = {
    "read": r"^\s*operations read: (\d+)",
    "imported": r"^\s*imported: (\d+)",
    "with_todos": r"^\s*imported with TODOs: (\d+)",
    "skipped": r"^\s*skipped: (\d+)",
}


def import_summary(text: str) -> dict[str, int]:
    """The counts of ``sdkgen import-openapi``'s closing summary (absent: left out)."""
    found: dict[str, int] = {}
    for key, pattern in _SUMMARY.items():
        match = re.search(pattern, text, re.MULTILINE)
        if match:
            found[key] = int(match.group(1))
    return found


def count_diagnostics(text: str, severity: str) -> int:
    """How many ``file:line:col: <severity>[CODE]:`` lines sdkgen printed."""
    return len(re.findall(rf": {severity}\[[^\]]+\]:", text))


def sdkgen_failure(text: str) -> str | None:
    """sdkgen's own error line (internal error first), else the generic one."""
    for marker in ("internal error", ": error[", "error:"):
        for line in text.splitlines():
            if marker in line:
                return clip(line)
    return first_error_line(text)
