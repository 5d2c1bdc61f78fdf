"""``python -m bench.corpus select|fetch|run|report`` (from the repository root).

- ``select``: apply the rule to the pinned packages, rewrite ``bench/corpus/list.json``.
- ``fetch`` (``make corpus``): put every listed document into the cache, sha256-checked.
- ``run`` (``make bench-corpus``): benchmark sdkgen and OPC on the documents, write
  the results JSON in the cache and ``bench/CORPUS.md``.
- ``report``: rewrite ``bench/CORPUS.md`` from the saved results, measuring nothing.
"""

from __future__ import annotations

import argparse
import sys
import time

from bench.corpus import cache, npm
from bench.corpus.rule import SEED


def log(message: str) -> None:
    print(f"[corpus {time.strftime('%H:%M:%S')}] {message}", flush=True)


def select(_: argparse.Namespace) -> int:
    from bench.corpus.selection import build_list

    folder = cache.corpus_dir() / "tarballs"
    entries = build_list(folder, log)
    cache.save_list(entries, SEED.rstrip(":"))
    log(f"wrote {cache.LIST} ({len(entries)} documents)")
    return 0


def fetch(_: argparse.Namespace) -> int:
    folder = cache.corpus_dir()
    entries = cache.load_list()
    try:
        written = cache.fetch(folder, entries, log)
    except npm.FetchError as problem:
        log(f"error: {problem}")
        return 1
    state = f"{written} fetched" if written else "already complete"
    log(f"{folder}: {len(entries)} documents, {state}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    commands.add_parser("select", help="rewrite list.json from the rule").set_defaults(
        run=select
    )
    commands.add_parser("fetch", help="fill the cache (make corpus)").set_defaults(
        run=fetch
    )
    from bench.corpus import runner

    runner.add_parsers(commands)
    args = parser.parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
