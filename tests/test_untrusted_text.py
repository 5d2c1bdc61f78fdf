"""Spec text is untrusted: it must come out as text, never as code or as a path.

Uses the hostile golden case (tests/golden/hostile/spec.yaml), generated afresh:
every generated Python file compiles; importing the SDK and running its own tests,
with an audit hook refusing process creation, runs none of the payloads the spec
hides (``__import__('os').system('touch PWNED')`` and friends); the hostile text
survives into docstrings, literals, JSON, TOML and Markdown as written. Names that
would make paths (``../evil``, ``A/B``) are refused by validation, and the writer
refuses paths and symlinks that lead out of the output folder.
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.output.write import OutputPathError, safe_target
from tests import paths
from tests.golden import regen

GOLDEN = paths.GOLDEN
CASE = "hostile"
PACKAGE = "hostile_client"


SPEC: dict[str, Any] = yaml.safe_load((GOLDEN / CASE / "spec.yaml").read_text())


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile case, generated into <tmp>/hostile/expected."""
    spec = regen.copy_case(CASE, tmp_path_factory.mktemp("untrusted"))
    expected: Path = spec.parent / regen.EXPECTED
    regen.generate_case(spec, expected)
    return expected


CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def squash(text: str) -> str:
    """Text modulo whitespace (wrapping, indenting); control characters count as it."""
    return " ".join(CONTROL.sub(" ", text).split())


def module_ast(out: Path, relative: str) -> ast.Module:
    path = out / "python" / "src" / PACKAGE / relative
    return ast.parse(path.read_text("utf-8"), filename=str(path))


def find_class(tree: ast.Module, name: str) -> ast.ClassDef:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return node
    raise AssertionError(f"no class {name}")


def attribute_docstrings(cls: ast.ClassDef) -> dict[str, str]:
    """Attribute name -> the string literal right after its annotation."""
    found = {}
    for before, after in zip(cls.body, cls.body[1:], strict=False):
        if (
            isinstance(before, ast.AnnAssign)
            and isinstance(before.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            found[before.target.id] = after.value.value
    return found


def method_docstring(cls: ast.ClassDef, name: str) -> str:
    for node in cls.body:
        if (
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name == name
        ):
            docstring = ast.get_docstring(node)
            assert docstring is not None, name
            return docstring
    raise AssertionError(f"no method {name} in {cls.name}")


def test_the_spec_is_as_hostile_as_intended() -> None:
    """Guards the fixture: editing it must not quietly drop the dangerous parts."""
    text = (GOLDEN / CASE / "spec.yaml").read_text("utf-8")
    for needle in (
        '\\"\\"\\"',
        "'''",
        "\\\\",
        "{{",
        "{%",
        "</script>",
        "<img src=x onerror=alert(1)>",
        "NUL\\0 CR\\r ESC\\e",
        "javascript:alert(1)",
        "| pipe |",
        "__import__('os').system('touch PWNED')",
        "name: class",
        "name: from",
        '"ids[]"',
        "name: self",
    ):
        assert needle in text, needle
    assert '"""\nimport os' in SPEC["api"]["description"]


def test_every_generated_python_file_compiles(out: Path) -> None:
    files = sorted(out.rglob("*.py"))
    assert len(files) > 20
    for path in files:
        compile(path.read_text("utf-8"), str(path), "exec", dont_inherit=True)


def test_no_control_characters_reach_code_or_markdown(out: Path) -> None:
    """Only JSON may hold them (escaped or as JSON allows); elsewhere they are blanked.

    The spec puts NUL, CR, ESC, BEL, DEL, NEL, U+2028 and a tab into descriptions
    and an envelope key.
    """
    unwanted = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
    checked = 0
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.suffix != ".json":
            text = path.read_text("utf-8")
            found = sorted({repr(c) for c in unwanted.findall(text)})
            assert found == [], (path, found)
            checked += 1
    assert checked > 30


# --- nothing runs ---------------------------------------------------------------

RUNNER = """\
import sys

BLOCKED = ("os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
           "os.forkpty", "subprocess.Popen", "pty.spawn")

def refuse(event, args):
    if event in BLOCKED:
        with open(sys.argv[1], "a", encoding="utf-8") as log:
            log.write(f"{event} {args!r}\\n")
        raise RuntimeError(f"audit: {event} refused")

# trio's own import runs ldconfig (ctypes.util.find_library): import it before
# the guard, so the guard sees only what the SDK and its tests do.
import trio

sys.addaudithook(refuse)
sys.path.insert(0, "src")
import importlib, pkgutil
import hostile_client
for module in pkgutil.walk_packages(hostile_client.__path__, "hostile_client."):
    importlib.import_module(module.name)
hostile_client.models.Thing.from_dict({"class": "c"}).__repr__()
exec(sys.argv[2])
import pytest
sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", "tests"]))
"""


def run_guarded(
    out: Path, extra: str = ""
) -> tuple[subprocess.CompletedProcess[str], str]:
    """Import every module and run the SDK's tests with process creation refused."""
    python = out / "python"
    log = out.parent / "audit.log"
    log.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTEST_ADDOPTS", None)
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(log), extra],
        cwd=python,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return result, log.read_text("utf-8") if log.exists() else ""


def pwned(root: Path) -> list[Path]:
    return sorted(root.rglob("PWNED"))


def test_importing_and_testing_the_sdk_runs_nothing(out: Path) -> None:
    result, audit = run_guarded(out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout
    assert audit == ""
    assert pwned(out.parent) == []


def test_the_guard_would_catch_a_payload(out: Path) -> None:
    """The control: the same runner does stop, and log, a payload that runs."""
    result, audit = run_guarded(out, "__import__('os').system('touch PWNED')")
    assert result.returncode != 0
    assert "audit: os.system refused" in result.stderr
    assert audit.startswith("os.system (b'touch PWNED',)")
    assert pwned(out.parent) == []


# --- the text survives as written ---------------------------------------------------


def test_model_docstrings_hold_the_spec_text(out: Path) -> None:
    models = module_ast(out, "models.py")
    for name, spec in SPEC["models"].items():
        if "union" in spec:
            continue
        cls = find_class(models, name)
        assert squash(ast.get_docstring(cls) or "") == squash(spec["description"])
        docs = attribute_docstrings(cls)
        for json_name, field in spec["fields"].items():
            python_name = {"class": "class_", "from": "from_", "raw": "raw_"}.get(
                json_name, json_name
            )
            assert squash(docs[python_name]) == squash(field["description"]), json_name


def test_union_docstring_and_discriminator_values_are_intact(out: Path) -> None:
    models = module_ast(out, "models.py")
    spec = SPEC["models"]["Side"]
    docs: dict[str, object] = {}
    variants: dict[object, str] = {}
    for before, after in zip(models.body, models.body[1:], strict=False):
        if isinstance(before, ast.Assign) and isinstance(before.targets[0], ast.Name):
            target = before.targets[0].id
            if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
                docs[target] = after.value.value
        if (
            isinstance(before, ast.AnnAssign)
            and isinstance(before.target, ast.Name)
            and isinstance(before.value, ast.Dict)
        ):
            for key, value in zip(before.value.keys, before.value.values, strict=True):
                assert isinstance(key, ast.Constant) and isinstance(value, ast.Name)
                variants[key.value] = value.id
    assert squash(str(docs["Side"])) == squash(spec["description"])
    assert variants == {v["value"]: v["model"] for v in spec["union"]["variants"]}


def test_operation_docstrings_hold_summary_description_and_parameters(
    out: Path,
) -> None:
    for resource, spec in SPEC["resources"].items():
        module = module_ast(
            out,
            (
                f"resources/{resource}_.py"
                if resource == "import"
                else f"resources/{resource}.py"
            ),
        )
        title = resource.capitalize()
        for cls_name in (f"{title}Resource", f"Async{title}Resource"):
            cls = find_class(module, cls_name)
            assert squash(ast.get_docstring(cls) or "") == squash(spec["description"])
            for op_name, op in spec["operations"].items():
                method = "return_" if op_name == "return" else op_name
                docstring = squash(method_docstring(cls, method))
                assert docstring.startswith(squash(op["summary"])), docstring
                for text in (
                    op.get("description", ""),
                    *(p["description"] for p in op.get("parameters", [])),
                ):
                    assert squash(text) in docstring, text
                if "deprecated" in op:
                    assert squash(op["deprecated"]["reason"]) in docstring


def literal_keywords(module: ast.Module, call_name: str) -> list[dict[str, Any]]:
    """The literal keyword arguments of every call to ``call_name`` in a module."""
    found: list[dict[str, Any]] = []
    for node in ast.walk(module):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == call_name
        ):
            values = {}
            for keyword in node.keywords:
                if keyword.arg is None:
                    continue
                try:
                    values[keyword.arg] = ast.literal_eval(keyword.value)
                except ValueError:
                    continue
            found.append(values)
    return found


def test_string_literals_hold_the_spec_values_exactly(out: Path) -> None:
    (config,) = literal_keywords(module_ast(out, "_config.py"), "ApiConfig")
    assert config["title"] == SPEC["api"]["title"]
    assert config["envelope_data"] == SPEC["envelope"]["data"]
    assert config["envelope_success"] == SPEC["envelope"]["success"]
    assert config["envelope_status"] == SPEC["envelope"]["status"]
    (scheme,) = literal_keywords(module_ast(out, "_config.py"), "AuthScheme")
    assert scheme["format"] == SPEC["auth"]["key"]["format"]
    operations = literal_keywords(module_ast(out, "resources/thing.py"), "Operation")
    (save,) = [op for op in operations if op.get("name") == "thing.save"]
    assert (
        SPEC["resources"]["thing"]["operations"]["save"]["deprecated"]["reason"]
        in save["deprecation"]
    )


def test_json_and_toml_outputs_hold_the_spec_text_exactly(out: Path) -> None:
    openapi = json.loads((out / "openapi.json").read_text("utf-8"))
    assert openapi["info"]["title"] == SPEC["api"]["title"]
    assert openapi["info"]["description"] == SPEC["api"]["description"]
    operation = openapi["paths"]["/thing/{class}"]["get"]
    assert (
        operation["summary"]
        == SPEC["resources"]["thing"]["operations"]["get"]["summary"]
    )
    pyproject = tomllib.loads((out / "python" / "pyproject.toml").read_text("utf-8"))
    assert SPEC["api"]["title"] in pyproject["project"]["description"]


FENCE = re.compile(r"^\s*(```|~~~)")
CELL_SEPARATOR = re.compile(r"(?<!\\)\|")


def markdown_outside_code(text: str) -> list[str]:
    """The lines of a Markdown file that are not inside fenced code blocks."""
    lines, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            lines.append(line)
    return lines


RAW_HTML = ("<script", "</script", "<img")
LINK_TARGET = re.compile(r"\]\(([^)]*)\)")
UNSAFE_TARGET = re.compile(r"[\s<>\"'`(]|^(?!https?://|\.\.?/|#|[\w./-]+(#|$))")
CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


def markdown_problems(text: str) -> list[str]:
    """Raw HTML from the spec, and table rows whose cell count is not the header's."""
    problems = []
    lines = markdown_outside_code(text)
    for line in lines:
        if not line.startswith("<!-- Generated by sdkgen"):
            prose = CODE_SPAN.sub("", line)  # HTML in a code span is shown, not run
            problems += [f"raw {tag!r}: {line}" for tag in RAW_HTML if tag in prose]
            problems += [
                f"link target {target!r}: {line}"
                for target in LINK_TARGET.findall(prose)
                if UNSAFE_TARGET.search(target)
            ]
    header_cells = None
    for line in lines:
        if not line.lstrip().startswith("|"):
            header_cells = None
            continue
        cells = len(CELL_SEPARATOR.findall(line.strip()))
        if header_cells is None:
            header_cells = cells
        elif cells != header_cells:
            problems.append(f"{cells - 1} cells, not {header_cells - 1}: {line}")
    return problems


def test_markdown_problems_finds_html_and_broken_tables() -> None:
    page = (
        "| a | b |\n|---|---|\n| `x \\| y` | z |\n| one | two | three |\n\n"
        "| c |\n|---|\n| <script>x</script> |\n"
        "```html\n<script>fine in code</script>\n| a |\n```\n"
        "Shown: ``a `<script>` b``, `<img>`; run: <img src=x>\n"
        "[ok](https://x.test/a%29) [ok](../models.md#a) [ok](#b) [ok](c.md)"
        " [bad](javascript:alert(1)) [bad](https://x.test/a b)\n"
    )
    assert markdown_problems(page) == [
        "raw '<script': | <script>x</script> |",
        "raw '</script': | <script>x</script> |",
        "raw '<img': Shown: ``a `<script>` b``, `<img>`; run: <img src=x>",
        "link target 'javascript:alert(1': [ok](https://x.test/a%29) [ok](../models"
        ".md#a) [ok](#b) [ok](c.md) [bad](javascript:alert(1)) [bad](https://x.test/a"
        " b)",
        "link target 'https://x.test/a b': [ok](https://x.test/a%29) [ok](../models"
        ".md#a) [ok](#b) [ok](c.md) [bad](javascript:alert(1)) [bad](https://x.test/a"
        " b)",
        "3 cells, not 2: | one | two | three |",
    ]


def test_markdown_escapes_html_and_keeps_tables_whole(out: Path) -> None:
    pages = sorted(out.rglob("*.md"))
    assert len(pages) >= 3
    for page in pages:
        assert markdown_problems(page.read_text("utf-8")) == [], page


# --- names never become paths outside the output folder ------------------------------

BASE = textwrap.dedent(
    """\
    api: {name: demo, title: Demo, version: "1", base_url: https://x.test,
          package: PACKAGE, client_class: DemoClient}
    models:
      MODEL:
        fields:
          id: {type: string, required: true}
    resources:
      RESOURCE:
        operations:
          OPERATION:
            method: GET
            path: /item
            summary: Get.
    """
)
PATH_NAMES = {
    "resource": (
        "RESOURCE",
        "../evil",
        "error[SPEC024]: resource name '../evil' must be lowercase snake_case",
    ),
    "model": ("MODEL", "A/B", "error[SPEC024]: model name 'A/B' must be PascalCase"),
    "operation": (
        "OPERATION",
        "a/../../b",
        "error[SPEC024]: operation name 'a/../../b' in resource item must be lowercase",
    ),
    "package": (
        "PACKAGE",
        "../../pkg",
        "'package' in section 'api'",
    ),
}


@pytest.mark.parametrize("kind", sorted(PATH_NAMES))
def test_names_that_would_be_paths_are_refused(
    kind: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    placeholder, name, message = PATH_NAMES[kind]
    text = BASE.replace(placeholder, json.dumps(name))
    for other, value in (
        ("PACKAGE", "demo_client"),
        ("MODEL", "Item"),
        ("RESOURCE", "item"),
        ("OPERATION", "get"),
    ):
        text = text.replace(other, value)
    work = tmp_path / "work"
    work.mkdir()
    (work / "spec.yaml").write_text(text)
    monkeypatch.chdir(work)
    assert main(["generate", "spec.yaml", "--out", "out"]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["spec.yaml", "work"]


@pytest.mark.parametrize(
    "relative", ["../x", "a/../../x", "/etc/passwd", "python/../../x", ""]
)
def test_safe_target_refuses_paths_leaving_the_folder(
    tmp_path: Path, relative: str
) -> None:
    with pytest.raises(OutputPathError, match="refusing to write"):
        safe_target(tmp_path / "out", PurePosixPath(relative))


def test_safe_target_accepts_a_plain_relative_path(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert safe_target(out, PurePosixPath("python/x.py")) == (
        out.resolve() / "python" / "x.py"
    )


def test_safe_target_does_not_follow_a_symlink_out_of_the_folder(
    tmp_path: Path,
) -> None:
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "python").symlink_to(outside, target_is_directory=True)
    (out / "openapi.json").symlink_to(outside / "file.json")
    for relative in ("python/x.py", "openapi.json"):
        with pytest.raises(OutputPathError, match="resolves outside"):
            safe_target(out, PurePosixPath(relative))


@pytest.mark.parametrize("link", ["resources", "openapi.json"])
def test_generate_writes_nothing_through_a_symlink_leading_out(
    link: str,
    out: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A link in the output folder (to a folder, to a file) pointing outside it.

    Starts from a copy of the generated output, so the cache spares black.
    """
    project, outside = tmp_path / "project", tmp_path / "outside"
    shutil.copytree(out.parent, project)
    outside.mkdir()
    victim = outside / "victim.json"
    victim.write_text("keep\n")
    linked = {
        "resources": project / "expected/python/src" / PACKAGE / "resources",
        "openapi.json": project / "expected/openapi.json",
    }[link]
    if linked.is_dir():
        shutil.rmtree(linked)
        linked.symlink_to(outside, target_is_directory=True)
    else:
        linked.unlink()
        linked.symlink_to(victim)
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    monkeypatch.chdir(project)
    status = main(["generate", "spec.yaml", "--out", "expected"])
    err = capsys.readouterr().err
    assert status == 1, err
    assert "refusing to write" in err and "resolves outside" in err
    assert sorted(p.name for p in outside.iterdir()) == ["victim.json"]
    assert victim.read_text() == "keep\n"
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before
