"""Fit the draft into the spec format's limits, with a warning for each cut.

A document may say what the format bounds: a 30,000-character description, an
``info.version`` that is a timestamp sentence (Stripe's), an enum listing one value
twice, a security requirement listed twice. Rather than fail its own validation,
the draft keeps what fits and says what it cut. One walk over the finished
draft, so every place text is copied from the document is covered without each
remembering the limits.
"""

from __future__ import annotations

from typing import Any

from generator.importers.openapi.report import Report, printable

__all__ = ["fit_limits"]

# The limits of spec/sdkgen.schema.json that document text can reach.
_MAX_TEXT = 20_000  # $defs/text: every description
_MAX_VERSION = 50  # api.version
_CUT = " [...]"


def fit_limits(draft: dict[str, Any], report: Report) -> None:
    """Cut over-long text, drop repeated enum and auth entries, in place."""
    api = draft.get("api", {})
    version = api.get("version")
    if isinstance(version, str) and len(version) > _MAX_VERSION:
        api["version"] = _cut(version, _MAX_VERSION)
        _warn(report, "api.version", f"a version of {len(version)} characters")
    _walk(draft, "", report)


def _walk(node: Any, at: str, report: Report) -> None:
    if isinstance(node, list):
        for index, item in enumerate(node):
            _walk(item, f"{at}[{index}]", report)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        here = f"{at}.{key}" if at else str(key)
        if key == "description" and isinstance(value, str) and len(value) > _MAX_TEXT:
            node[key] = _cut(value, _MAX_TEXT)
            _warn(report, here, f"a description of {len(value)} characters")
        elif key in ("enum", "auth") and isinstance(value, list):
            unique = _unique(value)
            if len(unique) < len(value):
                node[key] = unique
                _warn(
                    report,
                    here,
                    f"an {key} list that names a value more than once",
                    "each value kept once",
                )
        else:
            _walk(value, here, report)


def _unique(values: list[Any]) -> list[Any]:
    # True == 1 in Python, but they are different JSON values.
    seen: set[tuple[str, str]] = set()
    out = []
    for value in values:
        key = (type(value).__name__, repr(value))
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out


def _cut(text: str, limit: int) -> str:
    return text[: limit - len(_CUT)].rstrip() + _CUT


def _warn(report: Report, at: str, what: str, instead: str = "") -> None:
    report.warn(
        "limit",
        f"spec {printable(at, 150)}",
        what,
        instead or "cut to what the spec format allows",
    )
