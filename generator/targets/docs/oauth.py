"""The OAuth2 walk-through programs of the docs index, one per step.

Each is runnable like every other example: the docs tests answer the token
endpoint with a token, so exchanging a code works against the mock transport.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.model.api import ApiModel
from generator.targets.docs.examples import (
    build_example,
    opening_line,
    pick_operation,
    placeholder,
    sync_program,
)

__all__ = ["OAuthPrograms", "oauth_programs"]


@dataclass(frozen=True, slots=True)
class OAuthPrograms:
    """The three walk-through programs: authorize, exchange the code, reuse tokens."""

    authorize: str
    exchange: str
    stored: str


_SAVE = '''def save_tokens(token: TokenResponse) -> None:
    """Keep the new tokens where your application stores secrets."""
    print("New access token; it expires in", token.expires_in, "seconds")'''


def oauth_programs(
    api: ApiModel, response_type: str, exchange: str
) -> OAuthPrograms | None:
    """The programs of the step-by-step flow; None when the API has no OAuth2."""
    scheme = api.oauth
    if scheme is None:
        return None
    client_id = placeholder(api.oauth_client_id_argument or "client_id")
    secret = placeholder("client_secret")
    client = api.client_class
    head = f"from {api.package} import {client}\n\n"
    opening = f"with {client}("
    authorize = (
        f"{head}{opening_line(opening, (client_id,))}\n"
        f"    url = client.oauth.authorization_url(\n"
        f'        response_type="{response_type}", state="A_VALUE_YOU_CHECK_LATER"\n'
        "    )\n"
        '    print("Open this page and approve the application:", url)\n'
    )
    what = "CODE_FROM_THE_REDIRECT" if exchange == "exchange_code" else "PIN"
    exchanged = (
        f"{head}{opening_line(opening, (client_id, secret))}\n"
        f'    token = client.oauth.{exchange}("{what}")\n'
        '    print("Signed in as", token.account_username)\n'
    )
    op = pick_operation(api, lambda o: scheme.name in o.auth)
    stored = ""
    if op is not None:
        example = replace(
            build_example(api, op),
            credentials=(
                placeholder(scheme.argument),
                placeholder("refresh_token"),
                client_id,
                secret,
                "on_token_refresh=save_tokens",
            ),
        )
        example = replace(example, imports=(*example.imports, "TokenResponse"))
        stored = sync_program(api, example, preamble=_SAVE)
    return OAuthPrograms(authorize=authorize, exchange=exchanged, stored=stored)
