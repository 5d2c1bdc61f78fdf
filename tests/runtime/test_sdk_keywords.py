"""Keyword arguments of generated methods: none vanish, ``options`` is a parameter.

Generated methods take the per-call options as ``**request_options``. A keyword
that is neither a parameter nor an option raises ``TypeError`` at run time and is
flagged by mypy; a spec parameter called ``options`` keeps its name and is sent.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests import paths

ROOT = paths.REPO
IMGUR_SRC = ROOT / "generated" / "python" / "src"
HOSTILE_SRC = ROOT / "tests" / "golden" / "hostile" / "expected" / "python" / "src"


@pytest.fixture()
def sdk_path(monkeypatch: pytest.MonkeyPatch) -> None:
    # The modules stay imported: the generated SDK's own tests share them.
    monkeypatch.syspath_prepend(str(IMGUR_SRC))
    monkeypatch.syspath_prepend(str(HOSTILE_SRC))


def recording_client(module: Any, class_name: str, **credentials: str) -> Any:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(404, json={"error": "no"})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    client = getattr(module, class_name)(http_client=http, max_retries=0, **credentials)
    client.seen = seen
    return client


def test_a_misspelled_keyword_raises_type_error(sdk_path: None) -> None:
    import imgur_client

    client = recording_client(imgur_client, "ImgurClient", client_id="cid")

    with pytest.raises(TypeError, match="'sectoin'; did you mean 'section'"):
        client.gallery.list(sectoin="hot")
    with pytest.raises(TypeError, match="'sectoin'"):
        client.gallery.iter_list(sectoin="hot")
    assert client.seen == []  # nothing was sent


def test_a_parameter_named_options_is_sent(sdk_path: None) -> None:
    import hostile_client

    client = recording_client(hostile_client, "HostileClient", api_key="k")

    with pytest.raises(hostile_client.NotFoundError):
        client.import_.return_("s", options="wide", timeout=5.0)

    assert client.seen[0].url.params["options"] == "wide"


def test_mypy_flags_a_misspelled_keyword(tmp_path: Path) -> None:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "import imgur_client\n\n"
        "client = imgur_client.ImgurClient(client_id='x')\n"
        "client.gallery.list(sectoin='hot')\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(snippet)],
        env={"MYPYPATH": str(IMGUR_SRC), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert 'Unexpected keyword argument "sectoin"' in result.stdout, result.stdout


def test_mypy_accepts_enum_values_and_flags_others(tmp_path: Path) -> None:
    """Enum parameters are Literal types; enum fields still take unknown values."""
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "import imgur_client\n\n"
        "client = imgur_client.ImgurClient(client_id='x')\n"
        "client.gallery.list(section='top')\n"
        "client.gallery.list(section='hott')\n"
        "image = imgur_client.models.Image.from_dict({'id': 'a', 'vote': 'sideways'})\n"
        "vote: str | None = image.vote\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(snippet)],
        env={"MYPYPATH": str(IMGUR_SRC), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert "snippet.py:5:" in errors[0] and "'hott'" in errors[0], result.stdout
