"""The OAuth2 modules and TokenRefreshError ship only with an oauth2 scheme.

They were generated into every SDK; an API with an API key alone carried token
refresh code, its tests and an exception it could never raise.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from generator.model.build import build_model
from generator.resources import templates_dir
from generator.spec.normalize import normalize
from generator.targets.python.plan import python_plan
from tests import paths

RUNTIME = sorted(p.name for p in (templates_dir() / "python" / "runtime").glob("*.py"))
TESTS = sorted(
    p.name for p in (templates_dir() / "python" / "tests").glob("test_runtime*.jinja")
)
OAUTH_FILES = {"_oauth.py", "_oauth_types.py", "_oauth_api_client.py"}


def _outputs(spec: Path) -> set[str]:
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    api = build_model(normalize(document), spec_label="s")
    return {Path(e.output).name for e in python_plan(api, RUNTIME, TESTS)}


def test_an_api_without_oauth_gets_no_oauth_modules() -> None:
    outputs = _outputs(paths.GOLDEN / "api_key" / "spec.yaml")
    assert not OAUTH_FILES & outputs
    assert "test_runtime_oauth.py" not in outputs
    assert "_api_client.py" in outputs


def test_an_api_with_oauth_gets_them_all() -> None:
    outputs = _outputs(paths.GOLDEN / "oauth" / "spec.yaml")
    assert outputs >= OAUTH_FILES
    assert "test_runtime_oauth.py" in outputs


def _exports(case: str) -> list[str]:
    package = paths.GOLDEN / case / "expected" / "python" / "src"
    (init,) = package.glob("*/__init__.py")
    tree = ast.parse(init.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "__all__":
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return value
    raise AssertionError("no __all__")


@pytest.mark.parametrize("case", ["api_key", "no_envelope", "upload"])
def test_golden_sdks_without_oauth_show_the_absence(case: str) -> None:
    src = paths.GOLDEN / case / "expected" / "python"
    found = {p.name for p in src.rglob("*oauth*")}
    assert found == set()
    assert "TokenRefreshError" not in _exports(case)
    index = (src / "docs" / "index.md").read_text(encoding="utf-8")
    assert "TokenRefreshError" not in index


def test_the_oauth_golden_sdk_exports_token_refresh_error() -> None:
    assert {"TokenRefreshError", "TokenResponse"} <= set(_exports("oauth"))
    src = paths.GOLDEN / "oauth" / "expected" / "python" / "src"
    assert {p.name for p in src.rglob("_oauth*.py")} == OAUTH_FILES
