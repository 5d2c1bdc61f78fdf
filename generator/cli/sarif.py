"""Format a validation result as SARIF 2.1.0, for code-scanning dashboards.

GitHub code scanning (``github/codeql-action/upload-sarif``) and other tools read
SARIF: one run of the tool ``sdkgen``, one rule per diagnostic code, one result per
diagnostic located at its file, line and column. File paths are written relative
to the folder the command ran in (``%SRCROOT%``), which in CI is the checkout.
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath
from typing import Any

from generator import __version__
from generator.diagnostics import Diagnostic, Location
from generator.spec.validate import ValidationResult

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"


def format_sarif(result: ValidationResult, strict: bool = False) -> str:
    """One SARIF log; with ``strict``, warnings are reported at level 'error'."""
    codes = sorted({d.code for d in result.diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "sdkgen",
                        "version": __version__,
                        "rules": [_rule(code) for code in codes],
                    }
                },
                "results": [
                    _result(d, index[d.code], strict) for d in result.diagnostics
                ],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule(code: str) -> dict[str, Any]:
    from generator.spec.lint.codes import RULES

    known = RULES.get(code)
    rule: dict[str, Any] = {"id": code}
    if known is not None:
        rule["shortDescription"] = {"text": known.title}
    return rule


def _result(diagnostic: Diagnostic, rule_index: int, strict: bool) -> dict[str, Any]:
    text = diagnostic.message
    if diagnostic.hint:
        text += f"\nhint: {diagnostic.hint}"
    level = "error" if diagnostic.is_error or strict else "warning"
    found: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": level,
        "message": {"text": text},
    }
    if diagnostic.location is not None:
        found["locations"] = [_location(diagnostic.location)]
    return found


def _location(location: Location) -> dict[str, Any]:
    path = Path(location.file)
    artifact: dict[str, str]
    relative = os.path.relpath(path.resolve()) if path.is_absolute() else str(path)
    if relative.startswith(".."):  # outside the working folder: an absolute URI
        artifact = {"uri": path.resolve().as_uri()}
    else:
        uri = PurePosixPath(*Path(relative).parts).as_posix()
        artifact = {"uri": uri, "uriBaseId": "%SRCROOT%"}
    return {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": location.line, "startColumn": location.column},
        }
    }
