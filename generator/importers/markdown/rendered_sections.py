"""Split the text of a rendered webapi-markdown page into function sections.

Rendering drops the ``#`` marks and the fences, so structure is inferred: a line
reading ``Request:`` (typos allowed) followed by a ``METHOD /path`` paragraph marks
a function; its template is that paragraph, and a flattened ``Key Required ...``
table right after it is its parameter table. The heading is the first
heading-like paragraph after the previous function (for the first function, the
last one before its label, since the page's preamble comes first). Page chrome
around the document (a code host's header and footer) is cut off first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.importers.markdown import labels, tables
from generator.importers.markdown.outline import (
    FunctionSection,
    Outline,
    SkippedSection,
    SourceLine,
    TableRow,
)

_CHROME_END = re.compile(
    r"^\s*(\d[\d,]* lines \(\d[\d,]* loc\)|File metadata and controls\s*$)"
)
_FOOTER = re.compile(r"^\s*(Footer\s*$|©\s*\d{4}\s+GitHub)")
_PARAMETERS_LABEL = re.compile(r"^\s*parameters?\s*:?\s*$", re.IGNORECASE)
_CHROME_SEARCH_LINES = 60
_MAX_HEADING_LENGTH = 80


@dataclass(frozen=True, slots=True)
class _Paragraph:
    lines: list[SourceLine]

    @property
    def first(self) -> SourceLine:
        return self.lines[0]

    @property
    def text(self) -> str:
        return " ".join(line.text.strip() for line in self.lines)


@dataclass(frozen=True, slots=True)
class _Anchor:
    """Where a function's label sits and where its own paragraphs end."""

    label: int
    end: int


def split_rendered(lines: list[str]) -> Outline:
    """Build the outline of rendered-page text."""
    paragraphs = _paragraphs(_body(lines))
    outline = Outline(kind="rendered")
    _read_preamble(outline, paragraphs)
    anchors = _anchors(paragraphs)
    start = 0
    for number, anchor in enumerate(anchors):
        region = paragraphs[start : anchor.label]
        choose = _last_heading if number == 0 else _first_heading
        heading = choose(region)
        if number == 0:
            _skip_preamble(outline, region, heading)
        else:
            _add_later_tables(outline.functions[-1], region, heading)
        outline.functions.append(_function(paragraphs, anchor, region, heading))
        start = anchor.end
    if outline.functions:
        _add_later_tables(outline.functions[-1], paragraphs[start:], None)
    _skip_trailing(outline, paragraphs[start:], bool(anchors))
    outline.description = _api_description(paragraphs, outline.title_line)
    outline.section_count = len(outline.functions) + len(outline.skipped)
    return outline


def _body(lines: list[str]) -> list[SourceLine]:
    """The document's lines with the page chrome above and below removed."""
    numbered = [SourceLine(i + 1, text) for i, text in enumerate(lines)]
    start = 0
    for index, line in enumerate(numbered[:_CHROME_SEARCH_LINES]):
        if _CHROME_END.match(line.text):
            start = index + 1
    end = next(
        (i for i in range(start, len(numbered)) if _FOOTER.match(numbered[i].text)),
        len(numbered),
    )
    return numbered[start:end]


def _paragraphs(lines: list[SourceLine]) -> list[_Paragraph]:
    """Blank-line separated paragraphs, also split where the structure says so.

    A copied page does not always keep a blank line between a heading and the
    block under it, so a label stands alone, and a request line or a table
    header starts a new paragraph.
    """
    paragraphs: list[_Paragraph] = []
    current: list[SourceLine] = []
    for line in [*lines, SourceLine(0, "")]:
        if current and _starts_block(line.text):
            paragraphs.append(_Paragraph(current))
            current = []
        if line.text.strip():
            current.append(line)
        if current and (not line.text.strip() or _is_label(line.text)):
            paragraphs.append(_Paragraph(current))
            current = []
    return paragraphs


def _is_label(text: str) -> bool:
    return labels.match_label(text) is not None or bool(_PARAMETERS_LABEL.match(text))


def _starts_block(text: str) -> bool:
    return (
        _is_label(text)
        or labels.is_request_line(text)
        or tables.is_flat_table_header(text)
    )


def _read_preamble(outline: Outline, paragraphs: list[_Paragraph]) -> None:
    if paragraphs and _heading_like(paragraphs[0]):
        outline.title, outline.title_line = (
            paragraphs[0].text,
            paragraphs[0].first.number,
        )
    outline.read_links(line for paragraph in paragraphs for line in paragraph.lines)


def _anchors(paragraphs: list[_Paragraph]) -> list[_Anchor]:
    found = []
    for index, paragraph in enumerate(paragraphs[:-1]):
        match = (
            labels.match_label(paragraph.text) if len(paragraph.lines) == 1 else None
        )
        following = paragraphs[index + 1]
        if (
            match
            and match.kind == "request"
            and labels.is_request_line(following.first.text)
        ):
            found.append(_Anchor(label=index, end=_table_end(paragraphs, index + 2)))
    return found


def _table_end(paragraphs: list[_Paragraph], index: int) -> int:
    """Index after the template's own parameter table (label optional), if any."""
    if index < len(paragraphs) and _PARAMETERS_LABEL.match(paragraphs[index].text):
        index += 1
    if index < len(paragraphs) and tables.is_flat_table_header(
        paragraphs[index].first.text
    ):
        return index + 1
    return index


def _function(
    paragraphs: list[_Paragraph],
    anchor: _Anchor,
    region: list[_Paragraph],
    heading: _Paragraph | None,
) -> FunctionSection:
    label = paragraphs[anchor.label]
    owned = paragraphs[anchor.label + 2 : anchor.end]
    described = region[region.index(heading) + 1 :] if heading else region
    return FunctionSection(
        heading=heading.text if heading else "",
        heading_line=heading.first.number if heading else label.first.number,
        label=label.text,
        label_line=label.first.number,
        template=paragraphs[anchor.label + 1].lines,
        description=[p.text for p in described if not _is_structure(p)],
        rows=_table_rows(described + owned),
    )


def _is_structure(paragraph: _Paragraph) -> bool:
    """A label or a table: not part of a description."""
    return _is_label(paragraph.text) or _is_table(paragraph)


def _is_table(paragraph: _Paragraph) -> bool:
    return tables.is_flat_table_header(paragraph.first.text)


def _table_rows(paragraphs: list[_Paragraph]) -> list[TableRow]:
    rows: list[TableRow] = []
    for paragraph in paragraphs:
        if _is_table(paragraph):
            rows += tables.parse_flat_rows(paragraph.lines[1:])
    return rows


def _add_later_tables(
    function: FunctionSection, region: list[_Paragraph], heading: _Paragraph | None
) -> None:
    """Give a function the tables after its template (up to the next heading)."""
    stop = region.index(heading) if heading else len(region)
    later = region[:stop]
    first_heading = _first_heading(later)
    if first_heading is not None:
        later = later[: later.index(first_heading)]
    function.rows += _table_rows(later)


def _heading_like(paragraph: _Paragraph) -> bool:
    """A one-line paragraph short enough, and unpunctuated enough, for a heading."""
    text = paragraph.text.strip()
    if len(paragraph.lines) != 1 or not 0 < len(text) <= _MAX_HEADING_LENGTH:
        return False
    if text.endswith((".", ":", ",", ";", "!", "?")) or "://" in text:
        return False
    if text[0] in "-*{}[]\"'`|" or labels.is_request_line(text):
        return False
    return labels.match_label(text) is None and not tables.is_flat_table_header(text)


def _first_heading(region: list[_Paragraph]) -> _Paragraph | None:
    return next((p for p in region if _heading_like(p)), None)


def _last_heading(region: list[_Paragraph]) -> _Paragraph | None:
    return next((p for p in reversed(region) if _heading_like(p)), None)


def _skip_preamble(
    outline: Outline, region: list[_Paragraph], heading: _Paragraph | None
) -> None:
    """Record the heading-like lines before the first function as skipped sections."""
    before = region[: region.index(heading)] if heading else region
    for paragraph in before:
        if paragraph.first.number == outline.title_line:
            reason = "title section (holds the Endpoint line)"
        elif _heading_like(paragraph):
            reason = "no Request section (prose)"
        else:
            continue
        outline.skipped.append(
            SkippedSection(paragraph.text, paragraph.first.number, reason)
        )


def _skip_trailing(
    outline: Outline, trailing: list[_Paragraph], after_functions: bool
) -> None:
    reason = "no Request section after it (prose)"
    for paragraph in trailing:
        is_title = paragraph.first.number == outline.title_line
        if _heading_like(paragraph) and (after_functions or not is_title):
            outline.skipped.append(
                SkippedSection(paragraph.text, paragraph.first.number, reason)
            )
        elif is_title and not after_functions:
            outline.skipped.append(
                SkippedSection(paragraph.text, paragraph.first.number, "title section")
            )


def _api_description(paragraphs: list[_Paragraph], title_line: int) -> str | None:
    """The prose after the title, up to the first heading-like line or label."""
    after = [p for p in paragraphs if p.first.number > title_line] if title_line else []
    prose = []
    for paragraph in after:
        if _heading_like(paragraph) or labels.match_label(paragraph.text):
            break
        prose.append(paragraph.text)
    return labels.api_description(prose)
