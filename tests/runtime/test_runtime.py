"""Run the runtime's test templates against a throwaway package built from it.

The runtime (``templates/python/runtime``) is copied into ``src/<package>`` of a
temporary project laid out like a generated SDK, every
``templates/python/tests/test_runtime_*.py.jinja`` is rendered into ``tests/``,
and pytest, ``mypy --strict`` and ruff run there in subprocesses, so the runtime
is checked without generating an SDK first. Twice: with the OAuth2 modules, and
without them (``_oauth*.py``, ``test_runtime_oauth*``), as an SDK for an API
without an oauth2 scheme has it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest

from tests import paths

ROOT = paths.REPO
RUNTIME = ROOT / "templates" / "python" / "runtime"
TEST_TEMPLATES = ROOT / "templates" / "python" / "tests"
PACKAGE = "runtime_pkg"

PYPROJECT = """\
[tool.pytest.ini_options]
testpaths = ["tests"]
pythonpath = ["src"]
filterwarnings = ["error"]
addopts = "--strict-markers -p no:cacheprovider --import-mode=importlib"

[tool.ruff]
line-length = 88
target-version = "py311"

[tool.ruff.lint]
select = ["E", "F", "W", "I", "B", "UP", "SIM", "RUF"]
ignore = ["E501"]
"""


OAUTH_PREFIXES = ("_oauth", "test_runtime_oauth")


@pytest.fixture(scope="module", params=[True, False], ids=["oauth", "no_oauth"])
def project(tmp_path_factory: pytest.TempPathFactory, request: Any) -> Path:
    oauth: bool = request.param
    root = tmp_path_factory.mktemp("runtime")
    package = root / "src" / PACKAGE
    package.mkdir(parents=True)
    for module in RUNTIME.glob("*.py"):
        if oauth or not module.name.startswith(OAUTH_PREFIXES):
            shutil.copy(module, package / module.name)
    (package / "__init__.py").write_text('"""Runtime under test."""\n')
    (package / "py.typed").write_text("")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEST_TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        # As the generator's environment (targets/render.py) renders them.
        trim_blocks=True,
        lstrip_blocks=True,
    )
    tests = root / "tests"
    tests.mkdir()
    api = {"oauth": oauth}
    for template in sorted(TEST_TEMPLATES.glob("test_runtime_*.py.jinja")):
        if not oauth and template.name.startswith(OAUTH_PREFIXES):
            continue
        text = env.get_template(template.name).render(package=PACKAGE, api=api)
        (tests / template.name.removesuffix(".jinja")).write_text(text)
    (root / "pyproject.toml").write_text(PYPROJECT)
    return root


def run(project: Path, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]


def test_runtime_tests_pass(project: Path) -> None:
    run(project, "pytest", "-q")


def test_runtime_is_mypy_strict_clean(project: Path) -> None:
    run(project, "mypy", "--strict", "--no-incremental", "src")


def test_runtime_and_its_tests_are_ruff_clean(project: Path) -> None:
    run(project, "ruff", "check", "--no-cache", ".")
