"""The golden outputs hold generated SDKs, tests included: never collect them here.

tests/test_golden.py runs each generated SDK's own tests in a subprocess instead.
"""

collect_ignore_glob = ["*/expected/*"]
