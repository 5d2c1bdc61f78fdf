"""Run ``sdkgen import-openapi`` on a document: a fixture, or a dict as JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from tests import paths

FIXTURES = paths.FIXTURES / "openapi"


@dataclass
class Run:
    """Exit code, report (stderr) and the written spec folder."""

    code: int
    report: str
    folder: Path

    def section(self, name: str) -> dict[str, Any]:
        """A section merged from every YAML file of the folder."""
        merged: dict[str, Any] = {}
        for file in sorted(self.folder.rglob("*.yaml")):
            data = yaml.safe_load(file.read_text("utf-8")) or {}
            value = data.get(name)
            if isinstance(value, dict):
                merged.update(value)
        return merged

    def operation(self, resource: str, name: str) -> dict[str, Any]:
        """One operation of the written spec."""
        return dict(self.section("resources")[resource]["operations"][name])

    def operations(self) -> list[dict[str, Any]]:
        """Every operation of the written spec, resource by resource."""
        return [
            dict(op)
            for resource in self.section("resources").values()
            for op in resource["operations"].values()
        ]


def minimal(paths_: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """An OpenAPI 3.1 document with ``paths_`` and a server."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Test API", "version": "1"},
        "servers": [{"url": "https://api.example.test/v1"}],
        "paths": paths_,
        **extra,
    }


def run_import(
    document: Path | dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    *extra: str,
) -> Run:
    """Import ``document`` into ``tmp_path/spec``."""
    if isinstance(document, dict):
        path = tmp_path / "doc.json"
        path.write_text(json.dumps(document), encoding="utf-8")
    else:
        path = document
    folder = tmp_path / "spec"
    code = main(["import-openapi", str(path), "-o", str(folder), *extra])
    return Run(code, capsys.readouterr().err, folder)


def get_json(schema: dict[str, Any], status: str = "200") -> dict[str, Any]:
    """A GET operation answering ``schema`` as JSON."""
    return {
        "get": {
            "operationId": "getThing",
            "responses": {
                status: {
                    "description": "ok",
                    "content": {"application/json": {"schema": schema}},
                }
            },
        }
    }
