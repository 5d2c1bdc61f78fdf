"""The loader: plain data with positions, folder merging, and every bad-input guard.

Each guard has a test that feeds it the input it exists for and expects its code,
so removing a guard fails a test (usually with a crash or a silent wrong value).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diagnostics import Location, SpecError
from generator.spec import yaml_compose, yaml_nodes
from generator.spec.load import MAX_DEPTH, MAX_FILE_BYTES, LoadedSpec, load_spec
from tests import paths


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[str, str, str]]:
    """(code, location, message) of every problem load_spec raises."""
    with pytest.raises(SpecError) as raised:
        load_spec(path)
    return [
        (d.code, str(d.location) if d.location else "", d.message)
        for d in raised.value.diagnostics
    ]


def only_code(path: Path) -> str:
    found = problems(path)
    assert len(found) == 1, found
    return found[0][0]


# Plain data and positions


def test_loads_plain_data_with_positions(tmp_path: Path) -> None:
    path = write(
        tmp_path, "spec.yaml", "api:\n  name: demo\n  port: 8080\nlist:\n  - a\n"
    )
    spec = load_spec(path)
    assert spec.document == {"api": {"name": "demo", "port": 8080}, "list": ["a"]}
    assert spec.files == (path,)
    assert spec.locate(("api", "name")) == Location(str(path), 2, 9)
    assert spec.locate(("list", 0)) == Location(str(path), 5, 5)
    assert spec.locate_key(("api", "port")) == Location(str(path), 3, 3)


def test_locate_falls_back_to_the_nearest_known_ancestor(tmp_path: Path) -> None:
    path = write(tmp_path, "spec.yaml", "api:\n  name: demo\n")
    spec = load_spec(path)
    assert spec.locate(("api", "missing", 3)) == Location(str(path), 1, 1)
    assert spec.locate(()) == Location(str(path), 1, 1)


def test_display_root_is_the_path_given(tmp_path: Path) -> None:
    write(tmp_path, "spec/a.yaml", "api: {}\n")
    spec = load_spec(tmp_path / "spec")
    assert spec.display_root() == str(tmp_path / "spec")


def test_dates_stay_text_and_yaml11_booleans_are_booleans(tmp_path: Path) -> None:
    path = write(
        tmp_path, "spec.yaml", "when: 2020-01-02\nflag: yes\nnone: ~\nx: 1.5\n"
    )
    assert load_spec(path).document == {
        "when": "2020-01-02",
        "flag": True,
        "none": None,
        "x": 1.5,
    }


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_bytes(b"\xef\xbb\xbfapi: {}\n")
    assert load_spec(path).document == {"api": {}}


def test_anchors_aliases_and_merge_keys(tmp_path: Path) -> None:
    text = (
        "base: &base {a: 1, b: 2}\n"
        "page: &page {name: page}\n"
        "child:\n  <<: *base\n  b: 3\n"
        "params: [*page, *page]\n"
    )
    document = load_spec(write(tmp_path, "spec.yaml", text)).document
    assert document["child"] == {"a": 1, "b": 3}
    assert document["params"] == [{"name": "page"}, {"name": "page"}]


# Folders


def test_folder_merges_sections_in_sorted_path_order(tmp_path: Path) -> None:
    write(tmp_path, "b.yaml", "models:\n  B: {}\nresources:\n  beta: {}\n")
    write(tmp_path, "a.yml", "api: {name: x}\nmodels:\n  A: {}\n")
    write(tmp_path, "sub/c.yaml", "resources:\n  gamma: {}\n")
    write(tmp_path, "notes.txt", "not: yaml: at: all")
    spec = load_spec(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in spec.files] == [
        "a.yml",
        "b.yaml",
        "sub/c.yaml",
    ]
    assert list(spec.document["models"]) == ["A", "B"]
    assert list(spec.document["resources"]) == ["beta", "gamma"]
    assert spec.locate(("resources", "gamma")) == Location(
        str(tmp_path / "sub" / "c.yaml"), 2, 3
    )
    assert spec.locate(()) is None


def test_same_entry_in_two_files_names_both_places(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "models:\n  Image: {}\n")
    write(tmp_path, "b.yaml", "\nmodels:\n  Image: {}\n")
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert problems(tmp_path) == [
        (
            "SPEC014",
            f"{b}:3:3",
            f"model 'Image' is defined in two places: {a}:2:3 and {b}:3:3",
        )
    ]


def test_single_sections_may_not_repeat(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "api: {name: a}\n")
    write(tmp_path, "b.yaml", "api: {name: b}\n")
    assert only_code(tmp_path) == "SPEC014"


# Bad input: each guard


def test_missing_path(tmp_path: Path) -> None:
    found = problems(tmp_path / "nope")
    assert found == [("SPEC001", "", f"{tmp_path / 'nope'} does not exist")]


def test_folder_without_yaml(tmp_path: Path) -> None:
    write(tmp_path, "readme.md", "# nothing\n")
    assert only_code(tmp_path) == "SPEC002"


def test_unreadable_file(tmp_path: Path) -> None:
    # A dangling link is listed like a file but cannot be opened (even by root,
    # which file permissions would not stop).
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "missing-target")
    assert only_code(tmp_path) == "SPEC003"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_path_that_is_neither_file_nor_folder(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert only_code(tmp_path / "pipe") == "SPEC003"


def test_file_over_the_size_cap_is_refused_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("a: " + "x" * (MAX_FILE_BYTES + 1) + "\n")
    started = time.perf_counter()
    found = problems(path)
    assert time.perf_counter() - started < 1
    assert found[0][0] == "SPEC004"
    assert "5 MiB" in found[0][2] and "5.0 MiB" in found[0][2]


def test_not_utf8_points_at_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("api:\n  title: caf\xe9\n".encode("latin-1"))
    assert problems(path) == [
        ("SPEC005", f"{path}:2:13", f"{path} is not UTF-8 text: byte 0xe9 is invalid")
    ]


def test_syntax_error_at_the_parsers_position(tmp_path: Path) -> None:
    path = write(tmp_path, "spec.yaml", "api:\n  name: [unclosed\n  title: x\n")
    (code, location, message) = problems(path)[0]
    assert code == "SPEC006"
    assert location.startswith(f"{path}:3:")
    assert message.startswith("not valid YAML: ")


def test_two_documents_in_one_file(tmp_path: Path) -> None:
    path = write(tmp_path, "spec.yaml", "api: {}\n---\nmodels: {}\n")
    assert only_code(path) == "SPEC006"


def test_control_characters(tmp_path: Path) -> None:
    path = write(tmp_path, "spec.yaml", "api: \x00\n")
    assert only_code(path) == "SPEC006"


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file(text: str, tmp_path: Path) -> None:
    assert only_code(write(tmp_path, "spec.yaml", text)) == "SPEC007"


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", "42\n"])
def test_top_level_must_be_a_mapping(text: str, tmp_path: Path) -> None:
    assert only_code(write(tmp_path, "spec.yaml", text)) == "SPEC008"


def test_duplicate_keys_are_errors_at_the_second(tmp_path: Path) -> None:
    path = write(tmp_path, "spec.yaml", "api:\n  name: a\n  title: t\n  name: b\n")
    assert problems(path) == [
        ("SPEC009", f"{path}:4:3", "duplicate key 'name' (first at line 2)")
    ]


def test_every_duplicate_in_every_file_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "x: 1\nx: 2\n")
    write(tmp_path, "b.yaml", "y: 1\ny: 2\ny: 3\n")
    assert [code for code, _, _ in problems(tmp_path)] == ["SPEC009"] * 3


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("1: one\n", "key '1' is not text (YAML reads it as an integer)"),
        ("true: yes\n", "key 'true' is not text (YAML reads it as a boolean)"),
        ("~: nothing\n", "key '~' is not text (YAML reads it as null)"),
        ("? [a, b]\n: pair\n", "a list cannot be a key"),
        ("? {a: b}\n: pair\n", "a mapping cannot be a key"),
    ],
)
def test_keys_must_be_text(text: str, shown: str, tmp_path: Path) -> None:
    path = write(tmp_path, "spec.yaml", text)
    assert [(code, message) for code, _, message in problems(path)] == [
        ("SPEC010", shown)
    ]


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !!python/object:os.system {}\n", "!!python/object:os.system"),
        ("a: !!python/name:os.system ''\n", "!!python/name:os.system"),
        ("a: !!binary aGVsbG8=\n", "!!binary"),
        ("a: !!set {x, y}\n", "!!set"),
        ("a: !custom 3\n", "!custom"),
    ],
)
def test_tags_are_refused(text: str, tag: str, tmp_path: Path) -> None:
    path = write(tmp_path, "spec.yaml", text)
    assert problems(path) == [
        ("SPEC011", f"{path}:1:4", f"unsupported YAML tag '{tag}'")
    ]


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    # Nine levels of nine aliases: 9**9 (387 million) strings once expanded.
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        aliases = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{aliases}]")
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    started = time.perf_counter()
    assert only_code(path) == "SPEC012"
    # Sized without being expanded: milliseconds, where expanding would take hours.
    assert time.perf_counter() - started < 1


def test_self_referencing_alias_is_refused(tmp_path: Path) -> None:
    assert only_code(write(tmp_path, "spec.yaml", "a: &a [x, *a]\n")) == "SPEC013"


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 5_000, 100_000])
def test_deep_flow_nesting_is_refused_without_recursion_error(
    depth: int, tmp_path: Path
) -> None:
    path = write(tmp_path, "spec.yaml", "a: " + "[" * depth + "]" * depth + "\n")
    # The composer stops at the first bracket too deep, long before Python's stack
    # runs out: the position shows the cap, not a recursion fallback, caught it.
    assert problems(path) == [
        (
            "SPEC013",
            f"{path}:1:{3 + MAX_DEPTH}",
            f"nesting is deeper than {MAX_DEPTH} levels",
        )
    ]


def test_deep_block_nesting_is_refused(tmp_path: Path) -> None:
    text = "".join(f"{' ' * i}k{i}:\n" for i in range(1_000)) + " " * 1_000 + "v\n"
    assert only_code(write(tmp_path, "spec.yaml", text)) == "SPEC013"


def test_nesting_within_the_cap_loads(tmp_path: Path) -> None:
    depth = MAX_DEPTH - 2
    path = write(tmp_path, "spec.yaml", "a: " + "[" * depth + "]" * depth + "\n")
    assert isinstance(load_spec(path), LoadedSpec)


def test_all_files_are_checked_before_stopping(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "- list\n")
    write(tmp_path, "b.yaml", "")
    write(tmp_path, "c.yaml", "x: [\n")
    assert [code for code, _, _ in problems(tmp_path)] == [
        "SPEC008",
        "SPEC007",
        "SPEC006",
    ]


# The two composers: libyaml events (fast path) and pure Python (fallback, errors)

COMPOSER_SAMPLES = [
    *sorted((paths.FIXTURES / "specs" / "valid").glob("*.yaml")),
]


def _shape(node: yaml.Node) -> Any:
    """A node graph as comparable data: tag, value and start/end positions."""
    marks = (node.start_mark.line, node.start_mark.column)
    if node.end_mark is not None:
        marks += (node.end_mark.line, node.end_mark.column)
    if isinstance(node, yaml.MappingNode):
        return (node.tag, marks, [(_shape(k), _shape(v)) for k, v in node.value])
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, marks, [_shape(item) for item in node.value])
    return (node.tag, marks, node.value)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
@pytest.mark.parametrize("sample", COMPOSER_SAMPLES, ids=lambda p: p.stem)
def test_both_composers_build_the_same_nodes(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    text += "extra: &x {a: [1, 2.5, yes, null, '3', !!str 4]}\nmore: {<<: *x, b: 2}\n"
    fast = yaml_compose._compose_from_libyaml(text)
    slow = yaml_compose._compose_in_python(text)
    assert fast is not None and slow is not None
    assert _shape(fast) == _shape(slow)


@pytest.mark.parametrize(
    "compose",
    [yaml_compose._compose_in_python, yaml_compose._compose_from_libyaml],
    ids=["python", "libyaml"],
)
def test_both_composers_cap_the_depth(compose: Callable[[str], Any]) -> None:
    if compose is yaml_compose._compose_from_libyaml and not yaml.__with_libyaml__:
        pytest.skip("PyYAML built without libyaml")
    # libyaml refuses flow nesting past 1000 itself (compose_file then asks the
    # Python composer); below that, the cap must be ours.
    depth = 500
    with pytest.raises(yaml_compose.NestingTooDeep):
        compose("a: " + "[" * depth + "]" * depth + "\n")


def test_expanded_size_counts_aliases_without_expanding() -> None:
    node = yaml_compose.compose_file("a: &a [1, 2]\nb: [*a, *a, *a]\nc: *a\n")
    assert node is not None
    # root + a(3) + b(1 + 3 * 3) + c(3)
    assert yaml_nodes.expanded_size(node, 1_000) == 17
    assert yaml_nodes.expanded_size(node, 5) == 6


def test_many_values_without_aliases_are_refused_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(yaml_nodes, "MAX_NODES", 100)
    path = write(tmp_path, "spec.yaml", "a: [" + ", ".join(["1"] * 200) + "]\n")
    assert only_code(path) == "SPEC012"
