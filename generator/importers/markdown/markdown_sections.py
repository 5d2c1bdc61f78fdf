"""Split raw webapi-markdown into function sections.

Each level-1 heading whose section holds a level-2 ``Request`` heading (typos
allowed, reported later) is a function; its request template is the first fenced
block under that heading. Every other level-1 section is skipped with a reason.
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
)

_ATX = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})")
_SETEXT = {"=": 1, "-": 2}


@dataclass(frozen=True, slots=True)
class _Heading:
    level: int
    text: str
    index: int


def split_markdown(lines: list[str]) -> Outline:
    """Build the outline of a raw Markdown document."""
    numbered = [SourceLine(i + 1, text) for i, text in enumerate(lines)]
    in_code = _code_mask(lines)
    headings = _headings(lines, in_code)
    not_prose = _structure_mask(lines, in_code, headings)
    outline = Outline(kind="markdown")
    _read_preamble(outline, numbered, in_code)
    level_one = [h for h in headings if h.level == 1]
    outline.section_count = len(level_one)
    if level_one:
        outline.title, outline.title_line = level_one[0].text, level_one[0].index + 1
    bounds = [h.index for h in level_one] + [len(lines)]
    for number, heading in enumerate(level_one):
        end = bounds[number + 1]
        subs = [h for h in headings if h.level == 2 and heading.index < h.index < end]
        function = _function(heading, subs, end, numbered, in_code, not_prose)
        if isinstance(function, FunctionSection):
            outline.functions.append(function)
        else:
            reason = function
            if heading.index < outline.endpoint_line - 1 < end:
                reason = "title section (holds the Endpoint line)"
            outline.skipped.append(
                SkippedSection(heading.text, heading.index + 1, reason)
            )
    if level_one and outline.skipped and outline.skipped[0].line == outline.title_line:
        prose = _paragraphs(numbered[level_one[0].index + 1 : bounds[1]], not_prose)
        outline.description = labels.api_description(prose)
    return outline


def _code_mask(lines: list[str]) -> list[bool]:
    """For each line, whether it is inside (or is) a fence."""
    mask = []
    fence = ""
    for line in lines:
        match = _FENCE.match(line)
        if fence:
            mask.append(True)
            if match and match.group("fence")[0] == fence[0]:
                fence = "" if len(match.group("fence")) >= len(fence) else fence
        elif match:
            fence = match.group("fence")
            mask.append(True)
        else:
            mask.append(False)
    return mask


def _structure_mask(
    lines: list[str], in_code: list[bool], headings: list[_Heading]
) -> list[bool]:
    """``in_code`` plus headings and setext underlines: the lines that are not prose."""
    mask = list(in_code)
    for heading in headings:
        mask[heading.index] = True
        below = heading.index + 1
        if below < len(lines) and _is_underline(lines[below]):
            mask[below] = True
    return mask


def _is_underline(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and stripped[0] in _SETEXT and set(stripped) == {stripped[0]}


def _headings(lines: list[str], in_code: list[bool]) -> list[_Heading]:
    found = []
    for index, line in enumerate(lines):
        if in_code[index]:
            continue
        atx = _ATX.match(line)
        if atx:
            found.append(_Heading(len(atx.group("marks")), atx.group("text"), index))
        elif _is_setext(lines, in_code, index):
            found.append(
                _Heading(_SETEXT[lines[index + 1].strip()[0]], line.strip(), index)
            )
    return found


def _is_setext(lines: list[str], in_code: list[bool], index: int) -> bool:
    if index + 1 >= len(lines) or in_code[index + 1] or not lines[index].strip():
        return False
    if not _is_underline(lines[index + 1]):
        return False
    # '- item' lines are list items, not headings.
    return not lines[index].lstrip().startswith(("-", "*", "+", "|", "<"))


def _read_preamble(
    outline: Outline, lines: list[SourceLine], in_code: list[bool]
) -> None:
    """Find the Endpoint line and a source link anywhere outside code."""
    outline.read_links(line for line in lines if not in_code[line.number - 1])


def _function(
    heading: _Heading,
    subs: list[_Heading],
    end: int,
    lines: list[SourceLine],
    in_code: list[bool],
    not_prose: list[bool],
) -> FunctionSection | str:
    """The heading's function section, or the reason it is not one."""
    matches = [(sub, labels.match_label(sub.text)) for sub in subs]
    request = next((s for s, m in matches if m and m.kind == "request"), None)
    if request is None:
        if any(m and m.kind == "response" for _, m in matches):
            return "has a Response section but no Request section"
        return "no Request section (prose)"
    sub_end = next((s.index for s in subs if s.index > request.index), end)
    template = _template(lines[request.index + 1 : sub_end], in_code)
    if not template:
        return f"its {request.text!r} section has no request template"
    first_sub = subs[0].index if subs else end
    body = [line for line in lines[heading.index : end] if not in_code[line.number - 1]]
    return FunctionSection(
        heading=heading.text,
        heading_line=heading.index + 1,
        label=request.text,
        label_line=request.index + 1,
        template=template,
        description=_paragraphs(lines[heading.index + 1 : first_sub], not_prose),
        rows=tables.parse_html_tables(body) + tables.parse_pipe_tables(body),
    )


def _template(lines: list[SourceLine], in_code: list[bool]) -> list[SourceLine]:
    """The first fenced block's inner lines, else the first request-line paragraph."""
    fenced = []
    for line in lines:
        if in_code[line.number - 1]:
            fenced.append(line)
        elif fenced:
            break
    if fenced:
        inner = fenced[1:-1] if _FENCE.match(fenced[-1].text) else fenced[1:]
        return inner
    for index, line in enumerate(lines):
        if labels.is_request_line(line.text):
            rest = lines[index:]
            stop = next(
                (i for i, ln in enumerate(rest) if not ln.text.strip()), len(rest)
            )
            return rest[:stop]
    return []


def _paragraphs(lines: list[SourceLine], in_code: list[bool]) -> list[str]:
    """Prose paragraphs (code left out), each joined into one line."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if in_code[line.number - 1] or not line.text.strip():
            if current:
                paragraphs.append(" ".join(current))
            current = []
        else:
            current.append(line.text.strip())
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs
