"""``sdkgen diff`` on what spec format 2 added: responses, headers, servers, auth.

Each test edits the text of a golden case's spec, as a person would, and diffs the
untouched copy against the edit.
"""

from __future__ import annotations

from pathlib import Path

from generator.diff.engine import DiffResult, diff_specs
from tests import paths

GOLDEN = paths.REPO / "tests" / "golden"


def _diff(tmp_path: Path, case: str, *edits: tuple[str, str]) -> DiffResult:
    original = (GOLDEN / case / "spec.yaml").read_text(encoding="utf-8")
    edited = original
    for text, replacement in edits:
        assert edited.count(text) == 1, text
        edited = edited.replace(text, replacement)
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(original, encoding="utf-8")
    new.write_text(edited, encoding="utf-8")
    result = diff_specs(old, new)
    assert isinstance(result, DiffResult)
    return result


def found(result: DiffResult) -> set[tuple[str, str]]:
    return {(c.code, c.message) for c in result.changes}


def test_a_success_status_change_breaks_the_operation(tmp_path: Path) -> None:
    result = _diff(
        tmp_path,
        "responses",
        ('          "204": {description: Deleted.}', '          "200": {type: Item}'),
    )
    assert (
        "DIFF100",
        "item.delete: success responses 204 none -> 200 Item",
    ) in found(result)
    assert result.bump == "major"


def test_error_bodies_removed_changed_and_declared(tmp_path: Path) -> None:
    problem = (
        '          "422": {type: Problem, description: The name is not acceptable.}'
    )
    not_found = '          "404": {type: NotFound, description: No such item.}\n'
    result = _diff(
        tmp_path,
        "responses",
        (problem, problem.replace("Problem", "NotFound")),
        (
            "        returns: Item\n        responses:\n" + not_found,
            "        returns: Item\n        responses:\n"
            + not_found
            + '          "409": {type: Problem, description: Taken.}\n',
        ),
    )
    changes = found(result)
    assert ("DIFF101", "item.create: error 422 (Problem): now NotFound") in changes
    assert ("DIFF102", "item.get: error 409 (Problem) declared") in changes


def test_response_headers_removed_and_added(tmp_path: Path) -> None:
    result = _diff(
        tmp_path,
        "responses",
        (
            "              X-Count: {type: integer, description: Items stored now.}\n",
            "              X-Total: {type: integer, description: Items in all.}\n",
        ),
    )
    changes = found(result)
    assert (
        "DIFF103",
        "item.create: response 201 no longer has headers ['X-Count']",
    ) in changes
    assert (
        "DIFF104",
        "item.create: response 201 has new headers ['X-Total']",
    ) in changes


def test_constant_headers_at_both_levels(tmp_path: Path) -> None:
    result = _diff(
        tmp_path,
        "servers",
        ('    X-Api-Version: "2024-01-01"', '    X-Api-Version: "2025-06-01"'),
        ("        headers:\n          Accept: application/json\n", ""),
    )
    changes = found(result)
    assert (
        "DIFF110",
        "every call: header X-Api-Version: 2024-01-01 -> 2025-06-01",
    ) in changes
    assert ("DIFF110", "bucket.get: header Accept is no longer sent") in changes
    assert all(c.wire and not c.sdk for c in result.changes if c.code == "DIFF110")


def test_servers_and_an_operation_base_url(tmp_path: Path) -> None:
    result = _diff(
        tmp_path,
        "servers",
        (
            "      url: https://sandbox.storage.test/{version}",
            "      url: https://play.storage.test/{version}",
        ),
        (
            "        base_url: https://status.storage.test\n",
            "        base_url: https://health.storage.test\n",
        ),
    )
    changes = found(result)
    assert (
        "DIFF092",
        "server sandbox moved from https://sandbox.storage.test/{version} to "
        "https://play.storage.test/{version}",
    ) in changes
    assert (
        "DIFF091",
        "bucket.status: sent to https://health.storage.test instead of "
        "https://status.storage.test",
    ) in changes


def test_a_server_added_is_a_feature(tmp_path: Path) -> None:
    sandbox = "    - name: sandbox\n"
    local = "    - name: local\n      url: http://localhost:8080/v1\n"
    result = _diff(tmp_path, "servers", (sandbox, local + sandbox))
    assert found(result) == {
        ("DIFF093", "server local (http://localhost:8080/v1) was added")
    }
    assert result.bump != "major"


def test_an_and_group_that_asks_for_more_tightens_auth(tmp_path: Path) -> None:
    result = _diff(
        tmp_path,
        "auth_kinds",
        ("        auth: [service]\n", "        auth: [[service, app]]\n"),
    )
    [change] = [c for c in result.changes if c.code.startswith("DIFF07")]
    assert change.code == "DIFF070"
    assert change.message.endswith("auth changed from [service] to [service + app]")


def test_an_and_group_split_into_alternatives_loosens_auth(tmp_path: Path) -> None:
    result = _diff(
        tmp_path,
        "auth_kinds",
        (
            "        auth: [[bearer, app], service]\n",
            "        auth: [bearer, service]\n",
        ),
    )
    [change] = [c for c in result.changes if c.code.startswith("DIFF07")]
    assert change.code == "DIFF071"
    assert "from [bearer + app, service] to [bearer, service]" in change.message


def test_a_pagination_style_change_is_reported(tmp_path: Path) -> None:
    result = _diff(
        tmp_path,
        "pagination_styles",
        (
            "        paginate: {style: token, parameter: pageToken, "
            "next_token: nextPageToken}",
            "        paginate: {style: cursor, parameter: pageToken, "
            "next_cursor: nextPageToken}",
        ),
    )
    codes = [c.code for c in result.changes]
    assert codes == ["DIFF082"]
    assert "('token', " in result.changes[0].message
    assert "('cursor', " in result.changes[0].message
