"""Regression tests for the defects fuzzing found (issue 15) outside the lint rules.

The lint rules' cases live in tests/test_validate_rules.py; specs that must
generate a working SDK live in tests/fixtures/fuzz/ (replayed by
tests/test_fuzz_pipeline.py). Here: the loader, the schema layer, locations,
and the literal writers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic
from generator.naming import python_identifier
from generator.resources import templates_dir
from generator.spec.lint.identifiers import TEMPLATE_IMPORTS, runtime_names
from generator.spec.schema.regex import ecma_to_python
from generator.spec.validate import validate_path
from generator.targets.python.escaping import pyrepr
from tests.fuzz.checks import run_cli

API = (
    "api: {name: a, title: T, version: '1', base_url: 'https://a.test', "
    "package: a_client, client_class: AClient}\n"
)
RESOURCES = (
    "resources:\n  r:\n    operations:\n"
    "      g: {method: GET, path: /x, summary: s, returns: string}\n"
)


def errors(path: Path) -> list[Diagnostic]:
    return validate_path(path).errors


def write(tmp_path: Path, text: str, name: str = "spec.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_integer_beyond_the_digit_limit_is_a_located_error(tmp_path: Path) -> None:
    spec = write(tmp_path, API.replace("title: T", "title: " + "9" * 4400) + RESOURCES)
    code, out, err = run_cli("validate", str(spec))
    assert code == 1, err
    assert f"{spec}:1:" in out and "SPEC015" in out


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff"])
def test_lone_surrogate_is_a_located_error_and_prints(
    tmp_path: Path, escape: str
) -> None:
    text = API + RESOURCES.replace("summary: s", f'summary: "x{escape}"')
    spec = write(tmp_path, text)
    code, out, err = run_cli("validate", str(spec))  # to a strict UTF-8 stream
    assert code == 1, err
    assert f"{spec}:5:" in out and "SPEC016" in out


def test_lone_surrogate_in_a_key_is_reported(tmp_path: Path) -> None:
    spec = write(tmp_path, API + RESOURCES.replace("  r:", '  "r\\ud800":'))
    assert [d.code for d in errors(spec)] == ["SPEC016"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_yaml_only_line_breaks_do_not_shift_locations(
    tmp_path: Path, separator: str
) -> None:
    title = f'title: "a{separator}b{separator}c"'
    text = API.replace("title: T", title) + RESOURCES.replace("returns", "returnz")
    [found] = errors(write(tmp_path, text))
    assert (found.location.line, found.location.column) == (5, 46)  # type: ignore[union-attr]


def test_syntax_error_after_a_yaml_only_break_has_the_editor_line(
    tmp_path: Path,
) -> None:
    text = 'a: "x\u2028y"\nb: [1\n'
    [found] = errors(write(tmp_path, text))
    assert found.code == "SPEC006" and found.location.line == 3  # type: ignore[union-attr]


def test_folder_without_api_reports_spec028_with_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    folder.mkdir()
    write(folder, RESOURCES, "resources.yaml")
    write(folder, "models:\n  Thing: {fields: {id: {type: string}}}\n", "models.yaml")
    [found] = errors(folder)
    assert found.code == "SPEC028"
    assert found.location is not None
    assert (found.location.file, found.location.line) == (
        str(folder / "models.yaml"),
        1,
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("package", "a_client\\n"),
        ("client_class", "AClient\\n"),
        ("name", "a\\n"),
    ],
)
def test_schema_patterns_refuse_a_trailing_newline(
    tmp_path: Path, key: str, value: str
) -> None:
    """jsonschema's re.search let '^...$' match before a final newline."""
    old = re.search(rf"{key}: [^,}}]+", API)
    assert old is not None
    spec = write(tmp_path, API.replace(old[0], f'{key}: "{value}"') + RESOURCES)
    assert [d.code for d in errors(spec)] == ["SPEC024"]


@pytest.mark.parametrize(
    "where",
    [
        ("models:\n  Thing\\n: {fields: {id: {type: string}}}\n"),
        (RESOURCES.replace("g:", '"g\\n":')),
        (RESOURCES.replace("  r:", '  "r\\n":')),
        ('models:\n  Thing: {fields: {"id\\n": {type: string}}}\n'),
        ('models:\n  Thing: {fields: {id: {type: string, python_name: "x\\n"}}}\n'),
    ],
)
def test_names_ending_in_a_newline_are_refused(tmp_path: Path, where: str) -> None:
    text = API + where.replace("Thing\\n", '"Thing\\n"')
    if "resources" not in where:
        text += RESOURCES
    assert errors(write(tmp_path, text)), "a name ending in a newline was accepted"


def test_ecma_dollar_becomes_end_of_text_only() -> None:
    assert ecma_to_python("^[a-z$]+$") == "^[a-z$]+\\Z"
    assert ecma_to_python("a\\$b$") == "a\\$b\\Z"


def test_identifier_check_refuses_a_trailing_newline() -> None:
    with pytest.raises(ValueError):
        python_identifier("thing\n")


def test_names_the_model_classes_use_get_an_underscore() -> None:
    assert python_identifier("field") == "field_"
    assert python_identifier("classmethod") == "classmethod_"


def test_non_finite_numbers_have_no_python_literal() -> None:
    for value in (float("nan"), float("inf"), float("-inf")):
        with pytest.raises(ValueError):
            pyrepr(value)
    assert pyrepr(1.5) == "1.5"


def test_openapi_export_refuses_nan() -> None:
    from generator.targets.openapi.document import render_openapi_json

    with pytest.raises(ValueError):
        render_openapi_json({"x": float("nan")})
    assert json.loads(render_openapi_json({"x": 1.0})) == {"x": 1.0}


def test_reserved_class_names_cover_every_template_import() -> None:
    """TEMPLATE_IMPORTS must list what the package templates import."""
    imported: set[str] = set()
    for template in (templates_dir() / "python" / "package").rglob("*.jinja"):
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", template.read_text("utf-8"))
        for names in re.findall(r"^from \S+ import \(?([\w, ]+)\)?$", text, re.M):
            imported.update(n.strip() for n in names.split(",") if n.strip())
        imported.update(re.findall(r"^import (\w+)$", text, re.M))
    imported.discard("annotations")
    missing = imported - TEMPLATE_IMPORTS - runtime_names()
    assert not missing, f"add to TEMPLATE_IMPORTS: {sorted(missing)}"


def test_runtime_names_are_read_from_the_runtime() -> None:
    assert {"SDKError", "Param", "Operation", "RequestOptions"} <= runtime_names()


def test_a_name_with_a_newline_stays_on_its_diagnostic_line(tmp_path: Path) -> None:
    """Found by fuzzing: the raw newline split the report line, losing its location."""
    spec = write(tmp_path, API + RESOURCES + 'models:\n  "A\\n": ""\n')
    code, out, _err = run_cli("validate", str(spec))
    assert code == 1
    *lines, _summary = out.splitlines()
    assert lines and all(
        re.match(r"^.+:\d+:\d+: ", line) for line in lines if not line.startswith(" ")
    ), out
    assert "'A\\n'" in out


def test_toml_strings_escape_del() -> None:
    """Found by fuzzing: a raw U+007F made the SDK's pyproject.toml invalid TOML."""
    import tomllib

    from generator.targets.python.escaping import tomlstr

    text = "a\x7fb\x00c\u2028"
    assert tomllib.loads(f"x = {tomlstr(text)}")["x"] == text
