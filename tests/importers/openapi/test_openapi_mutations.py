"""Malformed documents never crash the importer: mutate real ones and import them.

Each mutation replaces a few values anywhere in a document with junk of another
kind (null, a number where a mapping goes, a $ref to nowhere, a NUL byte...).
The import may warn or refuse (exit 0 or 1) but never exits 123, and whatever it
writes passes its own validation (a failing self-check is exit 123 too).
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.targets.openapi.document import build_openapi
from tests import paths
from tests.importers.openapi.helpers import FIXTURES
from tests.importers.openapi.surface import load

JUNK: list[Any] = [
    None, 1, -1.5, True, "x", "\x00<>", [], {}, [1, {}],
    {"$ref": "#/nowhere"}, {"$ref": "#/components"}, {"type": "object"},
    {"oneOf": 3}, {"oneOf": []}, {"allOf": [{}]},
]  # fmt: skip


def _documents() -> list[dict[str, Any]]:
    petstore = yaml.safe_load((FIXTURES / "petstore.yaml").read_text("utf-8"))
    stripe = build_openapi(
        load(paths.REPO / "spec" / "examples" / "stripe.yaml"), source="stripe"
    )
    # Converted to OpenAPI 3 first: junk must not crash the conversion either.
    swagger = yaml.safe_load((FIXTURES / "swagger_petstore.yaml").read_text("utf-8"))
    return [petstore, stripe, swagger]


def _slots(value: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    if isinstance(value, dict):
        children = list(value.items())
    elif isinstance(value, list):
        children = list(enumerate(value))
    else:
        return out
    for key, child in children:
        out.append((value, key))
        _slots(child, out)
    return out


@pytest.mark.parametrize("seed", range(4))
def test_mutated_documents_never_crash_the_import(
    seed: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(seed)
    documents = _documents()
    for attempt in range(25):
        document = copy.deepcopy(rng.choice(documents))
        for _ in range(rng.randint(1, 4)):
            parent, key = rng.choice(_slots(document, []))
            parent[key] = copy.deepcopy(rng.choice(JUNK))
        source = tmp_path / f"doc{attempt}.json"
        source.write_text(json.dumps(document), encoding="utf-8")
        code = main(
            ["import-openapi", str(source), "-o", str(tmp_path / f"o{attempt}")]
        )
        err = capsys.readouterr().err
        assert code in (0, 1), f"{source}:\n{err[-2000:]}"
