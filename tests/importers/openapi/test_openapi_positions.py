"""Warnings of ``import-openapi`` at the line (and column) of the pointer they name.

In YAML and JSON documents, Swagger 2.0 ones included (their warnings name the
document as written), and in the local files a ``$ref`` leads to. JSON
positions are found once per file for all its warnings together.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.importers.openapi import positions
from generator.importers.openapi.positions import Positions, canonical
from tests.importers.openapi.helpers import FIXTURES, minimal, run_import


def line_of(file: Path, text: str) -> int:
    """The number (from 1) of the first line of ``file`` holding ``text``."""
    lines = file.read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines) if text in line) + 1


def located(report: str, pointer: str) -> tuple[str, int, int]:
    """File, line and column of the warning naming ``pointer``."""
    found = re.search(
        rf"^(\S+):(\d+):(\d+): warning\[[a-z-]+\]: {re.escape(pointer)}: ",
        report,
        re.MULTILINE,
    )
    assert found, f"no warning at {pointer}:\n{report}"
    return found[1], int(found[2]), int(found[3])


def test_yaml_warnings_are_at_their_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = FIXTURES / "swagger_petstore.yaml"
    report = run_import(doc, tmp_path, capsys).report
    # A conversion warning (a scalar: at its value) ...
    tsv = "#/paths/~1search/get/parameters/1/collectionFormat"
    line = line_of(doc, "collectionFormat: tsv")
    assert located(report, tsv) == (
        str(doc),
        line,
        len("          collectionFormat: ") + 1,
    )
    # ... and the importer's own warnings, about converted parts, named and placed
    # as the Swagger document says them.
    browser = located(report, "#/securityDefinitions/browser")
    assert browser == (str(doc), line_of(doc, "  browser:"), 3)
    assert located(report, "#/definitions/Cat")[1] == line_of(doc, "  Cat:")
    assert located(report, "#/swagger")[1] == 1


def test_json_warnings_are_at_their_lines_also_in_a_local_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = FIXTURES / "swagger2.json"
    common = FIXTURES / "swagger_common.yaml"
    report = run_import(doc, tmp_path, capsys).report
    tsv = located(report, "#/paths/~1things/get/parameters/1/collectionFormat")
    line = line_of(doc, '"collectionFormat": "tsv"')
    assert tsv == (str(doc), line, len('            "'))
    made = located(report, r"#/definitions/Thing/properties/Made\tx")
    assert made[:2] == (str(doc), line_of(doc, r'"Made\tx"'))
    # Pointers into the fragment name that file and its line.
    since = located(
        report, r"swagger_common.yaml#/definitions/Owner/properties/Since\tx"
    )
    assert since[:2] == (str(common), line_of(common, r'"Since\tx":'))
    fields = located(report, "swagger_common.yaml#/parameters/Fields/collectionFormat")
    assert fields[:2] == (str(common), line_of(common, "collectionFormat: tsv"))


def test_openapi_json_warnings_are_at_their_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = minimal(
        {
            "/a/{id}": {
                "get": {
                    "operationId": "getA",
                    "parameters": [
                        {"name": "id", "in": "path", "schema": {"type": "string"}},
                        {"name": "session", "in": "cookie", "schema": {}},
                    ],
                    "responses": {"204": {"description": "ok"}},
                }
            }
        }
    )
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(document, indent=2), encoding="utf-8")
    report = run_import(doc, tmp_path, capsys).report
    cookie = located(report, "#/paths/~1a~1{id}/get/parameters/1")
    # An item of a list is where it starts: the "{" on the line before its name.
    assert cookie[1] == line_of(doc, '"name": "session"') - 1


def test_positions_are_found_in_one_pass_and_only_when_warned(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scans: list[int] = []
    real = positions._JsonScan

    class Counting(real):  # type: ignore[misc,valid-type]
        def run(self) -> None:
            scans.append(self.remaining)
            super().run()

    monkeypatch.setattr(positions, "_JsonScan", Counting)
    names = [f"p{i}" for i in range(30)]
    cookies = [{"name": n, "in": "cookie", "schema": {}} for n in names]
    warned = minimal({"/a": {"get": {"parameters": cookies, "responses": {"204": {}}}}})
    report = run_import(warned, tmp_path, capsys).report
    assert report.count("cookie parameter") == 30
    assert scans == [30]  # one scan for the thirty warnings
    scans.clear()
    quiet = minimal({"/a": {"get": {"operationId": "a", "responses": {"204": {}}}}})
    (tmp_path / "q").mkdir()
    assert run_import(quiet, tmp_path / "q", capsys).code == 0
    assert scans == []


def test_the_json_scan_finds_keys_items_and_escapes() -> None:
    text = (
        '{\n  "a": [\n    1,\n    {"b/c": {"d": "x"}},\n    [true]\n  ],\n'
        '  "e\\"q": {\n    "f": null\n  }, "g": 2\n}'
    )
    data = json.loads(text)
    wanted = {
        ("a",): (2, 3),
        ("a", 1): (4, 5),
        ("a", 1, "b/c", "d"): (4, 14),
        ("a", 2, 0): (5, 6),
        ('e"q', "f"): (8, 5),
        ("g",): (9, 6),
        (): (1, 1),
    }
    assert Positions(text=text).find(set(wanted)) == wanted
    assert canonical(data, ("a", "1", "b/c", "nope", "x")) == ("a", 1, "b/c")
    assert canonical(data, ("e%22q",)) == ('e"q',)
