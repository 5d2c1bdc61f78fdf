"""The API's servers: a URL the spec would refuse is left out, each warning once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importers.openapi.helpers import get_json, minimal, run_import


def test_a_server_the_spec_refuses_is_left_out_and_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = minimal({"/a": get_json({"type": "string"})})
    document["servers"] = [{"url": "https://a..b/v1"}]
    run = run_import(document, tmp_path, capsys)
    # Not exit 123: the host passes a URL pattern but not the spec's SPEC165.
    assert run.code == 0, run.report
    assert run.section("api")["base_url"] == "https://api.example.com"
    assert run.report.count("server URL 'https://a..b/v1'; left out") == 1
    assert run.report.count("no usable absolute server URL") == 1
