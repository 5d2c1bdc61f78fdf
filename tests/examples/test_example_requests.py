"""Each example SDK sends what the real API documents, byte for byte where it matters.

The expected requests are transcribed from the APIs' own reference pages (the
curl examples and parameter tables cited in each spec's header comment), not
from sdkgen: method, URL, the headers the API requires, and the body. The
answers are shaped like the documented responses, so the parsing, the
pagination and the errors are checked against the real shapes too.
"""

from __future__ import annotations

import base64
import json
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from tests.examples.conftest import Recorder


def form_pairs(request: httpx.Request) -> list[tuple[str, str]]:
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    return sorted(parse_qsl(request.content.decode(), keep_blank_values=True))


def json_body(request: httpx.Request) -> Any:
    assert request.headers["content-type"].startswith("application/json")
    return json.loads(request.content)


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


# ---------------------------------------------------------------- GitHub

GITHUB_ISSUE = {
    "id": 1,
    "node_id": "MDU6SXNzdWUx",
    "url": "https://api.github.com/repos/octocat/Hello-World/issues/1347",
    "html_url": "https://github.com/octocat/Hello-World/issues/1347",
    "number": 1347,
    "state": "open",
    "state_reason": None,
    "title": "Found a bug",
    "body": "I'm having a problem with this.",
    "user": None,
    "labels": [
        {
            "id": 208045946,
            "node_id": "MDU6TGFiZWwyMDgwNDU5NDY=",
            "url": "https://api.github.com/repos/octocat/Hello-World/labels/bug",
            "name": "bug",
            "description": "Something isn't working",
            "color": "f29513",
            "default": True,
        }
    ],
    "assignee": None,
    "locked": False,
    "comments": 0,
    "created_at": "2011-04-22T13:33:48Z",
    "updated_at": "2011-04-22T13:33:48Z",
    "closed_at": None,
}


@pytest.fixture
def github(example_packages: dict[str, ModuleType]) -> ModuleType:
    return example_packages["github"]


def test_github_create_issue_is_the_documented_post(github: ModuleType) -> None:
    # docs.github.com/en/rest/issues/issues#create-an-issue, the curl example.
    recorder = Recorder([httpx.Response(201, json=GITHUB_ISSUE)])
    with recorder.client(github.GitHubClient, token="ghp_TOKEN") as client:
        issue = client.issues.create(
            "octocat",
            "Hello-World",
            title="Found a bug",
            text="I'm having a problem with this.",
            assignees=["octocat"],
            milestone=1,
            labels=["bug"],
        )
    (request,) = recorder.sent
    assert request.method == "POST"
    assert str(request.url) == "https://api.github.com/repos/octocat/Hello-World/issues"
    assert request.headers["accept"] == "application/vnd.github+json"
    assert request.headers["authorization"] == "Bearer ghp_TOKEN"
    assert request.headers["x-github-api-version"] == "2022-11-28"
    assert json_body(request) == {
        "title": "Found a bug",
        "body": "I'm having a problem with this.",
        "assignees": ["octocat"],
        "milestone": 1,
        "labels": ["bug"],
    }
    assert issue.number == 1347
    assert issue.labels[0].name == "bug"
    assert issue.created_at.year == 2011 and issue.created_at.tzinfo is not None


def test_github_update_sends_null_to_clear_and_leaves_the_rest_out(
    github: ModuleType,
) -> None:
    # "milestone: ... Use null to remove the milestone"; labels: [] removes them all.
    recorder = Recorder([httpx.Response(200, json=GITHUB_ISSUE)])
    with recorder.client(github.GitHubClient, token="t") as client:
        client.issues.update(
            "octocat",
            "Hello-World",
            1347,
            state="closed",
            state_reason="completed",
            milestone=None,
            labels=[],
        )
    (request,) = recorder.sent
    assert request.method == "PATCH"
    assert request.url.path == "/repos/octocat/Hello-World/issues/1347"
    assert json_body(request) == {
        "state": "closed",
        "state_reason": "completed",
        "milestone": None,
        "labels": [],
    }


def test_github_lists_follow_the_link_header_and_stop_at_the_last(
    github: ModuleType,
) -> None:
    # docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
    second = "https://api.github.com/repositories/1300192/issues?per_page=2&page=2"
    recorder = Recorder(
        [
            httpx.Response(
                200,
                json=[GITHUB_ISSUE, GITHUB_ISSUE],
                headers={
                    "link": f'<{second}>; rel="next", '
                    "<https://api.github.com/repositories/1300192/issues"
                    '?per_page=2&page=2>; rel="last"'
                },
            ),
            httpx.Response(200, json=[GITHUB_ISSUE]),
        ]
    )
    with recorder.client(github.GitHubClient, token="t") as client:
        issues = list(
            client.issues.iter_list_for_repo("octocat", "Hello-World", per_page=2)
        )
    assert len(issues) == 3
    first, following = recorder.sent
    assert first.url.path == "/repos/octocat/Hello-World/issues"
    assert first.url.params["per_page"] == "2"
    assert str(following.url) == second
    assert following.headers["authorization"] == "Bearer t"  # same host: kept


def test_github_delete_label_is_a_204_with_the_name_escaped(github: ModuleType) -> None:
    recorder = Recorder([httpx.Response(204)])
    with recorder.client(github.GitHubClient, token="t") as client:
        assert client.labels.delete("octocat", "Hello-World", "bug report") is None
    (request,) = recorder.sent
    assert request.method == "DELETE"
    assert request.url.raw_path == b"/repos/octocat/Hello-World/labels/bug%20report"


def test_github_422_raises_with_the_typed_validation_error(github: ModuleType) -> None:
    body = {
        "message": "Validation Failed",
        "errors": [{"resource": "Label", "code": "already_exists", "field": "name"}],
        "documentation_url": "https://docs.github.com/rest/issues/labels",
    }
    recorder = Recorder(
        [httpx.Response(422, json=body, headers={"x-github-request-id": "CAFE:1"})]
    )
    with (
        recorder.client(github.GitHubClient, token="t") as client,
        pytest.raises(github.APIStatusError) as caught,
    ):
        client.labels.create("octocat", "Hello-World", name="bug")
    error = caught.value
    assert error.status_code == 422
    assert error.message == "Validation Failed"
    assert error.request_id == "CAFE:1"
    assert isinstance(error.body, github.models.ValidationError)
    assert error.body.errors[0].code == "already_exists"


# ---------------------------------------------------------------- Stripe

STRIPE_CUSTOMER = {
    "id": "cus_NffrFeUfNV2Hib",
    "object": "customer",
    "address": None,
    "balance": 0,
    "created": 1680893993,
    "currency": None,
    "delinquent": False,
    "description": None,
    "email": "jennyrosen@example.com",
    "livemode": False,
    "metadata": {"order_id": "6735"},
    "name": "Jenny Rosen",
    "phone": None,
    "preferred_locales": [],
    "tax_exempt": "none",
}


@pytest.fixture
def stripe(example_packages: dict[str, ModuleType]) -> ModuleType:
    return example_packages["stripe"]


def test_stripe_create_customer_is_the_documented_form_post(stripe: ModuleType) -> None:
    # docs.stripe.com/api/customers/create: curl -u "sk_test_...:" -d name=...
    recorder = Recorder([httpx.Response(200, json=STRIPE_CUSTOMER)])
    with recorder.client(stripe.StripeClient, api_key="sk_test_4eC39Hq") as client:
        customer = client.customers.create(
            name="Jenny Rosen",
            email="jennyrosen@example.com",
            metadata={"order_id": "6735"},
            address={"line1": "510 Townsend St", "city": "San Francisco"},
            preferred_locales=["en", "es"],
            idempotency_key="KG5LxwFBepaKHyUD",
        )
    (request,) = recorder.sent
    assert request.method == "POST"
    assert str(request.url) == "https://api.stripe.com/v1/customers"
    assert request.headers["authorization"] == basic("sk_test_4eC39Hq", "")
    assert request.headers["idempotency-key"] == "KG5LxwFBepaKHyUD"
    assert request.headers["stripe-version"] == "2024-06-20"
    assert form_pairs(request) == sorted(
        [
            ("name", "Jenny Rosen"),
            ("email", "jennyrosen@example.com"),
            ("metadata[order_id]", "6735"),
            ("address[line1]", "510 Townsend St"),
            ("address[city]", "San Francisco"),
            ("preferred_locales[0]", "en"),
            ("preferred_locales[1]", "es"),
        ]
    )
    assert customer.id == "cus_NffrFeUfNV2Hib"
    assert customer.created.timestamp() == 1680893993


def test_stripe_list_pages_by_starting_after_the_last_id(stripe: ModuleType) -> None:
    # docs.stripe.com/api/pagination: starting_after = the last object's id,
    # until has_more is false (no request after that).
    def page(ids: list[str], more: bool) -> httpx.Response:
        data = [{**STRIPE_CUSTOMER, "id": i} for i in ids]
        body = {"object": "list", "url": "/v1/customers", "has_more": more}
        return httpx.Response(200, json={**body, "data": data})

    recorder = Recorder([page(["cus_1", "cus_2"], True), page(["cus_3"], False)])
    with recorder.client(stripe.StripeClient, api_key="sk_test_x") as client:
        ids = [c.id for c in client.customers.iter_list(limit=2)]
    assert ids == ["cus_1", "cus_2", "cus_3"]
    first, second = recorder.sent
    assert dict(first.url.params) == {"limit": "2"}
    assert dict(second.url.params) == {"limit": "2", "starting_after": "cus_2"}


def test_stripe_errors_carry_the_message_type_and_request_id(
    stripe: ModuleType,
) -> None:
    # docs.stripe.com/api/errors: {"error": {"type", "code", "message", "param"}}
    body = {
        "error": {
            "type": "invalid_request_error",
            "code": "resource_missing",
            "message": "No such customer: 'cus_nope'",
            "param": "id",
        }
    }
    recorder = Recorder(
        [httpx.Response(404, json=body, headers={"request-id": "req_123"})]
    )
    with (
        recorder.client(stripe.StripeClient, api_key="sk_test_x") as client,
        pytest.raises(stripe.NotFoundError) as caught,
    ):
        client.customers.retrieve("cus_nope")
    assert caught.value.message == "No such customer: 'cus_nope'"
    assert caught.value.request_id == "req_123"
    assert caught.value.body.error.code == "resource_missing"


def test_stripe_delete_returns_the_deleted_stub(stripe: ModuleType) -> None:
    stub = {"id": "cus_1", "object": "customer", "deleted": True}
    recorder = Recorder([httpx.Response(200, json=stub)])
    with recorder.client(stripe.StripeClient, api_key="sk_test_x") as client:
        deleted = client.customers.delete("cus_1")
    assert recorder.sent[0].method == "DELETE"
    assert recorder.sent[0].url.path == "/v1/customers/cus_1"
    assert deleted.deleted is True


# ---------------------------------------------------------------- Slack


@pytest.fixture
def slack(example_packages: dict[str, ModuleType]) -> ModuleType:
    return example_packages["slack"]


CHANNEL = {
    "id": "C012AB3CD",
    "name": "general",
    "is_channel": True,
    "created": 1449252889,
}


def test_slack_list_follows_response_metadata_next_cursor(slack: ModuleType) -> None:
    # api.slack.com/apis/pagination: pass next_cursor back as cursor; an empty
    # next_cursor is the end.
    cursor = "dGVhbTpDMDYxRkE1UEI="
    recorder = Recorder(
        [
            httpx.Response(
                200,
                json={
                    "ok": True,
                    "channels": [CHANNEL],
                    "response_metadata": {"next_cursor": cursor},
                },
            ),
            httpx.Response(
                200,
                json={
                    "ok": True,
                    "channels": [{**CHANNEL, "id": "C061EG9T2"}],
                    "response_metadata": {"next_cursor": ""},
                },
            ),
        ]
    )
    with recorder.client(slack.SlackClient, token="xoxb-1") as client:
        ids = [c.id for c in client.conversations.iter_list(limit=1)]
    assert ids == ["C012AB3CD", "C061EG9T2"]
    first, second = recorder.sent
    assert str(first.url) == "https://slack.com/api/conversations.list?limit=1"
    assert first.headers["authorization"] == "Bearer xoxb-1"
    assert dict(second.url.params) == {"limit": "1", "cursor": cursor}


def test_slack_ok_false_at_200_raises_with_the_error_code(slack: ModuleType) -> None:
    # Every Slack method answers HTTP 200; failure is {"ok": false, "error": ...}.
    recorder = Recorder(
        [httpx.Response(200, json={"ok": False, "error": "channel_not_found"})]
    )
    with (
        recorder.client(slack.SlackClient, token="xoxb-1") as client,
        pytest.raises(slack.APIStatusError) as caught,
    ):
        client.conversations.info(channel="C0")
    assert caught.value.message == "channel_not_found"
    assert recorder.sent[0].url.params["channel"] == "C0"


def test_slack_writes_post_json_and_unwrap_their_own_key(slack: ModuleType) -> None:
    # api.slack.com/methods/conversations.create and .archive, JSON bodies.
    recorder = Recorder(
        [
            httpx.Response(200, json={"ok": True, "channel": CHANNEL}),
            httpx.Response(200, json={"ok": True}),
        ]
    )
    with recorder.client(slack.SlackClient, token="xoxb-1") as client:
        channel = client.conversations.create(name="endeavor", is_private=False)
        assert client.conversations.archive(channel="C012AB3CD") is None
    created, archived = recorder.sent
    assert str(created.url) == "https://slack.com/api/conversations.create"
    assert json_body(created) == {"name": "endeavor", "is_private": False}
    assert json_body(archived) == {"channel": "C012AB3CD"}
    assert channel.id == "C012AB3CD"


# ---------------------------------------------------------------- Mailchimp

MEMBER = {
    "id": "852aaa9532cb36adfb5e9fef7a4206a9",
    "email_address": "urist.mcvankab@freddiesjokes.com",
    "status": "subscribed",
    "merge_fields": {"FNAME": "Urist", "LNAME": "McVankab"},
    "list_id": "57afe96172",
}


@pytest.fixture
def mailchimp(example_packages: dict[str, ModuleType]) -> ModuleType:
    return example_packages["mailchimp"]


def test_mailchimp_add_member_goes_to_the_accounts_data_center(
    mailchimp: ModuleType,
) -> None:
    # mailchimp.com/developer/marketing/api/list-members/add-member-to-list/:
    # curl -X POST https://${dc}.api.mailchimp.com/3.0/lists/{list_id}/members
    #   --user "anystring:${apikey}" --data '{"email_address": ..., "status": ...}'
    recorder = Recorder([httpx.Response(200, json=MEMBER)])
    with recorder.client(
        mailchimp.MailchimpClient,
        username="anystring",
        api_key="0123456789abcdef-us6",
        environment="datacenter",
        server_variables={"dc": "us6"},
    ) as client:
        member = client.members.add(
            "57afe96172",
            email_address="urist.mcvankab@freddiesjokes.com",
            status="subscribed",
            merge_fields={"FNAME": "Urist", "LNAME": "McVankab"},
        )
    (request,) = recorder.sent
    assert request.method == "POST"
    assert str(request.url) == (
        "https://us6.api.mailchimp.com/3.0/lists/57afe96172/members"
    )
    assert request.headers["authorization"] == basic(
        "anystring", "0123456789abcdef-us6"
    )
    assert json_body(request) == {
        "email_address": "urist.mcvankab@freddiesjokes.com",
        "status": "subscribed",
        "merge_fields": {"FNAME": "Urist", "LNAME": "McVankab"},
    }
    assert member.status == "subscribed"


def test_mailchimp_lists_page_by_offset_and_count(mailchimp: ModuleType) -> None:
    # Fundamentals/pagination: count (page size) and offset (records to skip);
    # a page shorter than count is the last.
    def page(n: int) -> httpx.Response:
        members = [{**MEMBER, "id": f"m{i}"} for i in range(n)]
        body = {"members": members, "list_id": "57afe96172", "total_items": 3}
        return httpx.Response(200, json=body)

    recorder = Recorder([page(2), page(1)])
    with recorder.client(mailchimp.MailchimpClient, api_key="k") as client:
        members = list(client.members.iter_list("57afe96172", count=2))
    assert len(members) == 3
    offsets = [r.url.params.get("offset", "0") for r in recorder.sent]
    assert offsets == ["0", "2"]
    assert all(r.url.params["count"] == "2" for r in recorder.sent)


def test_mailchimp_archive_is_a_204(mailchimp: ModuleType) -> None:
    recorder = Recorder([httpx.Response(204)])
    with recorder.client(mailchimp.MailchimpClient, api_key="k") as client:
        assert client.members.archive("57afe96172", "852aaa95") is None
    assert recorder.sent[0].method == "DELETE"
    assert recorder.sent[0].url.path == "/3.0/lists/57afe96172/members/852aaa95"
