"""Plain data passed from the section splitters to the draft builder.

Both document forms (raw Markdown and rendered-page text) are reduced to the same
outline, so everything after splitting ignores which form it came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from generator.importers.markdown import labels

DocumentKind = Literal["markdown", "rendered"]


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of the document, numbered from 1."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of a parameter table: key, required flag (None if unstated), text."""

    key: str
    required: bool | None
    description: str
    line: int


@dataclass(slots=True)
class FunctionSection:
    """A section the format calls a function: heading, prose, request template."""

    heading: str
    heading_line: int
    label: str
    label_line: int
    template: list[SourceLine]
    description: list[str] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SkippedSection:
    """A section that did not become an operation, and why."""

    title: str
    line: int
    reason: str


@dataclass(slots=True)
class Outline:
    """Everything the draft builder needs from one document."""

    kind: DocumentKind
    title: str | None = None
    title_line: int = 0
    endpoint: str | None = None
    endpoint_line: int = 0
    source_url: str | None = None
    description: str | None = None
    functions: list[FunctionSection] = field(default_factory=list)
    skipped: list[SkippedSection] = field(default_factory=list)
    section_count: int = 0

    def read_links(self, lines: Iterable[SourceLine]) -> None:
        """Keep the first Endpoint URL and the first source link among lines.

        Both section readers (source Markdown and rendered text) scan their
        preamble this way; only what counts as prose differs, so they filter
        the lines and this decides what to keep.
        """
        for line in lines:
            url = labels.endpoint_url(line.text)
            if url and self.endpoint is None:
                self.endpoint, self.endpoint_line = url, line.number
            source = labels.source_url(line.text)
            if source and self.source_url is None:
                self.source_url = source
