"""The version bump a set of changes calls for, and applying it to a version.

Semantic versioning: a break needs a major release, a feature a minor one, a fix or
a documentation change a patch. Before 1.0.0 everything shifts down one place (as
Cargo and most SDK generators do): a break bumps the minor number, anything else the
patch number, so an SDK at 0.x does not leap to 1.0.0 on its first break.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.diff.rules import BREAKING, DOCS, FEATURE, FIX

BUMPS = ("none", "patch", "minor", "major")
_BY_KIND = {BREAKING: "major", FEATURE: "minor", FIX: "patch", DOCS: "patch"}
_VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)")


def suggested_bump(kinds: Iterable[str]) -> str:
    """The largest bump any of the change kinds needs; 'none' for no change."""
    return max((_BY_KIND[k] for k in kinds), key=BUMPS.index, default="none")


def bumped_version(version: str, bump: str) -> str:
    """``version`` after ``bump``, e.g. ('1.4.2', 'minor') -> '1.5.0'.

    Raises:
        ValueError: the version is not MAJOR.MINOR.PATCH.
    """
    match = _VERSION.fullmatch(version.strip())
    if match is None:
        raise ValueError(f"version {version!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(part) for part in match.groups())
    if bump == "none":
        return version
    if major == 0:  # 0.x: breaks bump the minor number, the rest the patch
        bump = {"major": "minor", "minor": "patch"}.get(bump, bump)
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"
