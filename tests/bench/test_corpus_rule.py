"""The corpus selection rule: deterministic, one document per provider, by bucket.

Also checks that the committed ``bench/corpus/list.json`` obeys the rule's shape,
so a hand edit of the list cannot pass unnoticed (the documents themselves are
in the cache, which tests never need).
"""

from __future__ import annotations

import random
from collections import Counter

from bench.corpus import cache, rule
from bench.corpus.documents import count_operations, describe_format
from bench.corpus.rule import Candidate


def listing() -> list[Candidate]:
    """Many providers, several documents each, sizes in and out of the buckets."""
    sizes = [0, 1, 5, 9, 10, 15, 29, 30, 64, 99, 100, 200, 299, 300, 700, 1000, 1001]
    found = []
    for index in range(60):
        provider = f"p{index}.com"
        for number, size in enumerate(sizes[index % 5 :: 5]):
            found.append(Candidate(f"package/api/{provider}/doc{number}.json", size))
        found.append(Candidate(f"package/api/{provider}.json", sizes[index % 17]))
    return found


def test_provider_is_the_first_path_component() -> None:
    assert rule.provider_of("package/api/stripe.com.json") == "stripe.com"
    assert rule.provider_of("package/api/twilio.com/api.json") == "twilio.com"
    assert rule.provider_of("package/api/a.com/b/c.json") == "a.com"


def test_buckets_bound_the_sizes() -> None:
    assert rule.bucket_of(0) is None
    assert rule.bucket_of(1) == (1, 9)
    assert rule.bucket_of(9) == (1, 9)
    assert rule.bucket_of(10) == (10, 29)
    assert rule.bucket_of(299) == (100, 299)
    assert rule.bucket_of(1000) == (300, 1000)
    assert rule.bucket_of(1001) is None


def test_pick_fills_each_bucket_with_one_document_per_provider() -> None:
    picked = rule.pick(listing(), {"p3.com"})
    counts = Counter(p.bucket for p in picked)
    assert counts == dict.fromkeys(rule.BUCKETS, rule.PER_BUCKET)
    providers = [p.provider for p in picked]
    assert len(providers) == len(set(providers))
    assert "p3.com" not in providers
    for chosen in picked:
        low, high = chosen.bucket
        assert low <= chosen.operations <= high
        assert chosen.provider == rule.provider_of(chosen.path)


def test_pick_takes_the_lowest_keys() -> None:
    candidates = listing()
    picked = rule.pick(candidates, set())
    # Walking the candidates in key order, nothing skipped could have been taken.
    chosen = {p.path for p in picked}
    room = dict.fromkeys(rule.BUCKETS, rule.PER_BUCKET)
    taken: set[str] = set()
    for candidate in sorted(candidates, key=lambda c: rule.seed_key(c.path)):
        bucket = rule.bucket_of(candidate.operations)
        provider = rule.provider_of(candidate.path)
        takeable = bucket is not None and room[bucket] > 0 and provider not in taken
        assert (candidate.path in chosen) == takeable, candidate
        if takeable:
            assert bucket is not None
            room[bucket] -= 1
            taken.add(provider)


def test_pick_ignores_input_order() -> None:
    candidates = listing()
    shuffled = list(candidates)
    random.Random(7).shuffle(shuffled)
    assert rule.pick(candidates, {"p1.com"}) == rule.pick(shuffled, {"p1.com"})


def test_seed_key_is_the_documented_hash() -> None:
    # sha256("sdkgen-corpus-1:package/api/stripe.com.json"), as the docs state it.
    assert rule.seed_key("package/api/stripe.com.json") == (
        "7f292f8dea1c781579755f8d75f68adadabece9a341a467171dc2ed85d1997e1"
    )


def test_short_buckets_take_what_there_is() -> None:
    candidates = [
        Candidate("package/api/a.com.json", 3),
        Candidate("package/api/a.com/second.json", 4),  # same provider: left out
        Candidate("package/api/b.com.json", 500),
        Candidate("package/api/c.com.json", 0),  # no operation: left out
        Candidate("other/d.com.json", 3),  # not under package/api/: left out
    ]
    picked = rule.pick(candidates, set())
    assert sorted(p.provider for p in picked) == ["a.com", "b.com"]


def test_operations_are_methods_under_paths() -> None:
    document = {
        "openapi": "3.0.3",
        "paths": {
            "/a": {"get": {}, "post": {}, "parameters": [], "summary": "x"},
            "/b": {"delete": {}, "x-internal": {}},
            "/c": "not a path item",
        },
    }
    assert count_operations(document) == 3
    assert count_operations({"swagger": "2.0"}) == 0
    assert count_operations([]) == 0
    assert describe_format(document) == "openapi 3.0.3"
    assert describe_format({"swagger": "2.0"}) == "swagger 2.0"


def test_committed_list_obeys_the_rule() -> None:
    entries = cache.load_list()
    named = [e for e in entries if e.group == "named"]
    assert [e.name for e in named] == [n.name for n in rule.NAMED]
    drawn = [e for e in entries if e.group.startswith("bucket ")]
    assert len(drawn) == rule.PER_BUCKET * len(rule.BUCKETS)
    providers = [e.provider for e in named + drawn]
    assert len(providers) == len(set(providers))
    for entry in drawn:
        bucket = rule.bucket_of(entry.operations)
        assert bucket is not None
        assert entry.group == f"bucket {bucket[0]}-{bucket[1]}"
        assert entry.provider == rule.provider_of(entry.path)
        assert entry.why.startswith(f"bucket {bucket[0]}-{bucket[1]}")
    for entry in entries:
        assert rule.SOURCES[entry.package].version == entry.version
        assert len(entry.sha256) == 64
    assert len({e.name for e in entries}) == len(entries)
    swagger = [e for e in entries if e.group == "swagger2"]
    assert swagger and all(e.format == "swagger 2.0" for e in swagger)
    assert len(swagger) <= 3
