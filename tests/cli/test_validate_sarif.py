"""``sdkgen validate --format sarif``: a SARIF 2.1.0 log code scanning accepts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.cli import main
from tests import paths

IMGUR = paths.REPO / "spec" / "imgur"

# The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) a log must
# satisfy to be uploaded to GitHub code scanning: required properties and the
# shapes of the ones we write. Written out here because tests use no network.
_REGION = {
    "type": "object",
    "properties": {
        "startLine": {"type": "integer", "minimum": 1},
        "startColumn": {"type": "integer", "minimum": 1},
    },
}
_LOCATION = {
    "type": "object",
    "properties": {
        "physicalLocation": {
            "type": "object",
            "required": ["artifactLocation"],
            "properties": {
                "artifactLocation": {
                    "type": "object",
                    "required": ["uri"],
                    "properties": {
                        "uri": {"type": "string", "format": "uri-reference"},
                        "uriBaseId": {"type": "string"},
                    },
                },
                "region": _REGION,
            },
        }
    },
}
SARIF_SUBSET: dict[str, Any] = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string"},
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "version": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id"],
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["message"],
                            "properties": {
                                "ruleId": {"type": "string"},
                                "ruleIndex": {"type": "integer", "minimum": 0},
                                "level": {"enum": ["none", "note", "warning", "error"]},
                                "message": {
                                    "type": "object",
                                    "required": ["text"],
                                    "properties": {"text": {"type": "string"}},
                                },
                                "locations": {"type": "array", "items": _LOCATION},
                            },
                        },
                    },
                },
            },
        },
    },
}


def sarif_of(
    spec: Path, capsys: pytest.CaptureFixture[str], *flags: str
) -> tuple[int, dict[str, Any]]:
    code = main(["validate", str(spec), "--format", "sarif", *flags])
    log = json.loads(capsys.readouterr().out)
    Draft202012Validator(SARIF_SUBSET).validate(log)
    return code, log


def test_a_valid_spec_gives_a_log_without_results(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, log = sarif_of(IMGUR, capsys)
    assert code == 0
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["name"] == "sdkgen"


def test_each_diagnostic_is_a_result_at_its_file_line_and_column(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shutil.copytree(IMGUR, tmp_path / "imgur")
    album = tmp_path / "imgur" / "resources" / "album.yaml"
    album.write_text(
        album.read_text("utf-8").replace("path: /album/{id}\n", "path: /album/{x}\n"),
        "utf-8",
    )
    monkeypatch.chdir(tmp_path)
    main(["validate", "imgur"])
    text = capsys.readouterr().out.splitlines()
    code, log = sarif_of(Path("imgur"), capsys)
    assert code == 1
    run = log["runs"][0]
    results = run["results"]
    errors = [line for line in text if "[SPEC" in line]
    assert len(results) == len(errors) >= 1
    first = results[0]
    where = first["locations"][0]["physicalLocation"]
    # The same place the text report names, relative to the checkout.
    file = where["artifactLocation"]["uri"]
    line, column = where["region"]["startLine"], where["region"]["startColumn"]
    level = first["level"]
    assert errors[0].startswith(f"{file}:{line}:{column}: {level}[{first['ruleId']}]")
    assert where["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert first["level"] == "error"
    rules = run["tool"]["driver"]["rules"]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"]
    assert "shortDescription" in rules[first["ruleIndex"]]


def test_strict_reports_warnings_as_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(IMGUR, tmp_path / "imgur")
    models = tmp_path / "imgur" / "models.yaml"
    models.write_text(
        models.read_text("utf-8") + "  Orphan:\n    fields: {}\n", "utf-8"
    )
    _, log = sarif_of(tmp_path / "imgur", capsys)
    assert [r["level"] for r in log["runs"][0]["results"]] == ["warning"]
    code, log = sarif_of(tmp_path / "imgur", capsys, "--strict")
    assert code == 1
    assert [r["level"] for r in log["runs"][0]["results"]] == ["error"]
    # Outside the working folder, files are named by absolute file: URIs.
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert uri["artifactLocation"]["uri"].startswith("file:///")
