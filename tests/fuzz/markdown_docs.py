"""Markdown documents for ``sdkgen import-markdown``: fixtures mutated line by line.

Lines are deleted, duplicated, swapped or have an interesting token spliced in
(names the generated code uses, keywords, odd placeholders, separators), which
reaches every part of the importer: titles, request blocks, parameter tables.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from tests.fuzz.checks import REPO
from tests.fuzz.mutations import _NAMES

SEEDS = sorted((REPO / "tests" / "fixtures" / "markdown").glob("*.*"))
_TEXTS = {p.name: p.read_text("utf-8") for p in SEEDS}

_TOKENS = [
    *(n for n in _NAMES if "\n" not in n),
    "{}",
    "{id}",
    "{a}{b}",
    "[&x={}]",
    "?",
    "&",
    "|",
    "---",
    "===",
    "~~~",
    "```",
    "GET /",
    "POST /v1/{timeout}",
    "GET /x?timeout={}",
    "DELETE /a/{b}/{b}",
    "integer - ",
    "string: ",
    "yes",
    "no",
    "<td>",
    "</table>",
    "\u2028",
    "\t",
    "https://a.test:x/",
    "Endpoint: <https://\u00e9.test/>",
    "9" * 30,
]


@st.composite
def mutated_markdown(draw: Any) -> str:
    """A fixture document with one to five line-level changes."""
    lines = _TEXTS[draw(st.sampled_from(sorted(_TEXTS)))].split("\n")
    for _ in range(draw(st.integers(1, 5))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "splice"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        else:
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.sampled_from(_TOKENS)) + line[at:]
    return "\n".join(lines)


def random_markdown() -> st.SearchStrategy[str]:
    """Short documents built from headings, request blocks and table rows."""
    pieces = st.sampled_from(
        [
            "Title\n=====\n",
            "Endpoint: <https://api.example.test/>\n",
            "Op\n==\n\nRequest\n-------\n\n~~~\nGET /v1/things/{id}\n~~~\n",
            "key | required | description\n--- | --- | ---\n",
            "id | yes | integer - the id\n",
            "Response\n--------\n\nA thing.\n",
        ]
    )
    return st.lists(pieces | st.text(max_size=20), min_size=1, max_size=8).map(
        "\n".join
    )
