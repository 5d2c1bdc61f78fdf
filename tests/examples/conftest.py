"""The example specs' SDKs, generated once per session and imported for real.

Each example package has its own name (``github_issues``...), so all of them
import side by side; a client is built on an ``httpx.MockTransport`` that records
every request and answers from a list the test gives it.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator.pipeline import generate
from tests import paths

EXAMPLES = paths.REPO / "spec" / "examples"
NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


@dataclass
class Recorder:
    """Requests the SDK sent, and the answers handed back in order."""

    answers: list[httpx.Response]
    sent: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.sent.append(request)
        assert self.answers, f"an unexpected request: {request.method} {request.url}"
        return self.answers.pop(0)

    def client(self, factory: Callable[..., Any], **credentials: Any) -> Any:
        http = httpx.Client(transport=httpx.MockTransport(self))
        return factory(**credentials, http_client=http, max_retries=0)


@pytest.fixture(scope="session")
def example_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example generated into one folder per example."""
    root = tmp_path_factory.mktemp("examples")
    for name in NAMES:
        generate(EXAMPLES / f"{name}.yaml", root / name)
    return root


@pytest.fixture(scope="session")
def example_packages(example_output: Path) -> Iterator[dict[str, ModuleType]]:
    """The example SDK packages, imported from the generated sources."""
    folders = [str(example_output / name / "python" / "src") for name in NAMES]
    sys.path[:0] = folders
    importlib.invalidate_caches()
    try:
        yield {
            name: importlib.import_module(
                next((example_output / name / "python" / "src").iterdir()).name
            )
            for name in NAMES
        }
    finally:
        for folder in folders:
            sys.path.remove(folder)
