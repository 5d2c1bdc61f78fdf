"""The suggested bump and how a bump changes a version."""

from __future__ import annotations

import pytest

from generator.diff.bump import bumped_version, suggested_bump


@pytest.mark.parametrize(
    ("kinds", "bump"),
    [
        ([], "none"),
        (["docs"], "patch"),
        (["fix", "docs"], "patch"),
        (["docs", "feature"], "minor"),
        (["feature", "breaking", "fix"], "major"),
    ],
)
def test_the_largest_kind_decides(kinds: list[str], bump: str) -> None:
    assert suggested_bump(kinds) == bump


@pytest.mark.parametrize(
    ("version", "bump", "expected"),
    [
        ("1.4.2", "major", "2.0.0"),
        ("1.4.2", "minor", "1.5.0"),
        ("1.4.2", "patch", "1.4.3"),
        ("1.4.2", "none", "1.4.2"),
        ("0.3.1", "major", "0.4.0"),  # before 1.0 a break bumps the minor number
        ("0.3.1", "minor", "0.3.2"),
        ("0.3.1", "patch", "0.3.2"),
    ],
)
def test_bumped_version(version: str, bump: str, expected: str) -> None:
    assert bumped_version(version, bump) == expected


def test_a_version_that_is_not_semver_is_refused() -> None:
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
        bumped_version("1.0", "patch")
