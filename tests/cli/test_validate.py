"""``sdkgen validate``: exit codes, --strict, and the text, json and github formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.cli.commands import validate as validate_command
from generator.cli.report import format_github, format_text
from generator.diagnostics import Diagnostic, Location, Severity
from generator.spec.validate import ValidationResult
from tests import paths

FIXTURES = paths.FIXTURES / "specs"
MINIMAL = FIXTURES / "valid" / "minimal.yaml"
INVALID = FIXTURES / "invalid" / "semantic_errors.yaml"


def with_unused_model(tmp_path: Path) -> Path:
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("models:\n", "models:\n  Orphan:\n    fields: {}\n", 1)
    path = tmp_path / "warning.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_spec_exits_0_and_says_what_it_checked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(MINIMAL)]) == 0
    assert capsys.readouterr().out == (
        f"{MINIMAL}: 1 operation, 1 model, 0 errors, 0 warnings\n"
    )


def test_invalid_spec_exits_1_with_located_diagnostics(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", str(INVALID)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(
        f"{INVALID}:20:15: error[SPEC101]: placeholder '{{item_id}}'"
    )
    assert lines[1] == "  hint: add a parameter with name: item_id and in: path"
    assert lines[-1] == f"{INVALID}: 2 operations, 1 model, 7 errors, 0 warnings"


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "does/not/exist.yaml"],
        ["validate"],
        ["validate", "x", "--format=xml"],
    ],
    ids=["missing path", "no spec", "unknown format"],
)
def test_usage_errors_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert "SPEC001" in captured.out or "usage:" in captured.err


def test_folder_without_yaml_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path)]) == 2
    assert "SPEC002" in capsys.readouterr().out


def test_broken_yaml_is_invalid_not_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "spec.yaml").write_text("api: [\n", encoding="utf-8")
    assert main(["validate", str(tmp_path / "spec.yaml")]) == 1
    assert "SPEC006" in capsys.readouterr().out


def test_warnings_fail_only_with_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = str(with_unused_model(tmp_path))
    assert main(["validate", spec]) == 0
    assert "warning[SPEC125]: model Orphan" in capsys.readouterr().out
    assert main(["validate", spec, "--strict"]) == 1


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = with_unused_model(tmp_path)
    assert main(["validate", str(spec), "--format", "json", "--strict"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["diagnostics"] == [
        {
            "file": str(spec),
            "line": 11,
            "column": 3,
            "code": "SPEC125",
            "severity": "warning",
            "message": "model Orphan is not used by any operation",
            "hint": "remove it, or refer to it from a 'returns', a field or a union",
            "json_path": "$.models.Orphan",
        }
    ]
    assert report["summary"] == {
        "spec": str(spec),
        "operations": 1,
        "models": 2,
        "errors": 0,
        "warnings": 1,
        "strict": True,
        "ok": False,
        "text": f"{spec}: 1 operation, 2 models, 0 errors, 1 warning",
    }


def test_json_format_when_nothing_loads(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "missing.yaml", "--format", "json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["diagnostics"][0]["code"] == "SPEC001"
    assert report["diagnostics"][0]["line"] is None
    assert report["summary"]["text"] == "missing.yaml: 1 error, 0 warnings"


def test_github_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(INVALID), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        f"::error file={INVALID},line=20,col=15,title=SPEC101::placeholder "
        "'{item_id}' in the path of item.get has no path parameter%0A"
        "hint: add a parameter with name: item_id and in: path"
    )
    assert all(line.startswith("::error ") for line in lines[:-1])


def _result_with(diagnostic: Diagnostic) -> ValidationResult:
    return ValidationResult(None, [diagnostic], "spec")


def test_github_escaping() -> None:
    diagnostic = Diagnostic(
        code="SPEC999",
        severity=Severity.WARNING,
        message="100% wrong\r\nnext: line",
        location=Location("dir,with:odd/spec.yaml", 3, 4),
    )
    first = format_github(_result_with(diagnostic)).splitlines()[0]
    assert first == (
        "::warning file=dir%2Cwith%3Aodd/spec.yaml,line=3,col=4,title=SPEC999"
        "::100%25 wrong%0D%0Anext: line"
    )


def test_text_without_location() -> None:
    diagnostic = Diagnostic("SPEC001", Severity.ERROR, "x does not exist", hint="look")
    assert format_text(_result_with(diagnostic)) == (
        "error[SPEC001]: x does not exist\n  hint: look\nspec: 1 error, 0 warnings\n"
    )


def test_internal_error_exits_123(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(path: Path) -> ValidationResult:
        raise RuntimeError("bug")

    monkeypatch.setattr(validate_command, "validate_path", broken)
    assert main(["validate", str(MINIMAL)]) == 123
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "RuntimeError: bug" in captured.err
    assert "sdkgen: internal error: validating" in captured.err
    assert "Traceback" not in captured.err


def test_internal_error_shows_the_traceback_when_asked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(path: Path) -> ValidationResult:
        raise RuntimeError("bug")

    monkeypatch.setattr(validate_command, "validate_path", broken)
    monkeypatch.setenv("SDKGEN_TRACEBACK", "1")
    assert main(["validate", str(MINIMAL)]) == 123
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert 'raise RuntimeError("bug")' in err
    assert "sdkgen: internal error: validating" in err


def test_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--strict" in out and "--format" in out
    assert "123  internal error" in out and "2    the spec path does not exist" in out
