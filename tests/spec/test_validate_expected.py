"""Error output, word for word, for representative invalid specs.

Each case under tests/fixtures/specs/invalid/ is a spec (a ``<case>.yaml`` file or a
``<case>/`` folder) with ``<case>.expected.txt`` beside it: exactly what
``sdkgen validate <case>`` prints in text format, run from that folder. Adding a case
means adding the two files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli.report import format_text
from generator.spec.validate import validate_path
from tests import paths

INVALID = paths.FIXTURES / "specs" / "invalid"
VALID = paths.FIXTURES / "specs" / "valid"
CASES = sorted(
    p.name.removesuffix(".expected.txt") for p in INVALID.glob("*.expected.txt")
)


def spec_of(case: str) -> Path:
    return Path(case) if (INVALID / case).is_dir() else Path(f"{case}.yaml")


def test_cases_exist() -> None:
    assert len(CASES) >= 5
    for case in CASES:
        assert (INVALID / spec_of(case)).exists(), case


@pytest.mark.parametrize("case", CASES)
def test_output_matches_expected(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    result = validate_path(spec_of(case))
    expected = (INVALID / f"{case}.expected.txt").read_text(encoding="utf-8")
    assert format_text(result) == expected
    assert not result.ok(strict=True)


@pytest.mark.parametrize("spec", sorted(VALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_valid_fixtures_pass_strict(spec: Path) -> None:
    result = validate_path(spec)
    assert result.diagnostics == []
    assert result.ok(strict=True)
