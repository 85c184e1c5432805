"""Reading the text of a Mermaid user-journey diagram into sections and tasks, before any map.

The rules follow Mermaid's own journey lexer: statements are read line by line, keywords in
any case, indentation is free; ``%%`` and ``#`` start comments; ``%%{...}%%`` directives
and a leading ``---`` front matter block are set aside first, as Mermaid does before it
parses. Entity codes (``#35;``, ``#quot;``) are decoded in every value, so a ``#`` or a
``;`` can be written inside a name. Decided here, where Mermaid would refuse the text or
keep a comment as text: ``;`` ends a statement like a newline, and ``%%`` after a
statement's text starts a comment.

The text is untrusted: nothing is evaluated, every pattern runs in linear time, and the
size and the number of sections and tasks are bounded before any map is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.entities import html5

from journey_editor.model import JourneyError, limits

MAX_CHARS = 5_000_000
UNTITLED_SECTION = "Untitled section"

# Mermaid takes "#" + word + ";" as an entity code before it lexes, so such a run never
# starts a comment nor ends a statement. ASCII word characters, as JavaScript's \w.
ENTITY = re.compile(r"#[0-9A-Za-z_]+;")
# What a task name may not start with, lest Mermaid read it as a statement of its own.
LEADING_KEYWORD = re.compile(r"journey|(?:title|section)\s|acc(?:title|descr)\s*[:{]", re.I)

# Possessive: a plain "+" over these alternatives keeps backtracking state per character,
# 600 MB for one 4.9-million-character line; possessive, 24 MB for the same matches.
_STATEMENT = re.compile(r"(?:#[0-9A-Za-z_]+;|[^\n;#%]|%(?!%))++")
_KEYWORD = re.compile(r"(title|section)(?:\s(.*))?", re.I | re.S)
_ACC_LINE = re.compile(r"acc(title|descr)[^\S\n]*:([^\n]*)", re.I)
_ACC_BLOCK = re.compile(r"accdescr\s*\{", re.I)
# Mermaid reads a score with JavaScript's Number(); plain decimals only, so "0x5", "1_0"
# and the Unicode digits Python's float() would take are refused rather than guessed at.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_SCORE_TEXT_MAX = 40
_CODE_POINT_DIGITS_MAX = 7


@dataclass
class Task:
    name: str
    score: float
    actors: list[str]
    line: int


@dataclass
class Section:
    name: str | None  # None: the tasks written before any section
    line: int
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Diagram:
    """What the text says, each value with the line it came from (for messages)."""

    title: tuple[str, int] | None = None
    acc_title: tuple[str, int] | None = None
    front_matter_title: tuple[str, int] | None = None
    description: tuple[str, int] | None = None
    sections: list[Section] = field(default_factory=list)


def parse_journey(text: str) -> Diagram:
    """The diagram a Mermaid journey text describes; JourneyError names the line at fault."""
    if len(text) > MAX_CHARS:
        raise JourneyError(
            f"the Mermaid text is {len(text):,} characters long; the limit is {MAX_CHARS:,}"
        )
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    diagram = Diagram()
    text = _set_front_matter_aside(text, diagram)
    text = _set_directives_aside(text)
    _Reader(text, diagram).read()
    return diagram


def decode_entities(text: str) -> str:
    """``#35;`` -> ``#``, ``#quot;`` -> ``"``; an unknown name is kept as written."""
    return ENTITY.sub(_decode_entity, text) if "#" in text else text


def _decode_entity(match: re.Match[str]) -> str:
    name = match.group()[1:-1]
    if name.isdigit():
        # As a browser reads &#NNN;: a code point that cannot be a character shows as U+FFFD.
        if len(name) > _CODE_POINT_DIGITS_MAX:
            return "\ufffd"
        code = int(name)
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return "\ufffd"
        return chr(code)
    return html5.get(name + ";", match.group())


def _set_front_matter_aside(text: str, diagram: Diagram) -> str:
    """Blank out a leading ``---`` block (keeping its lines, so numbers stay right)."""
    if not text.startswith("---"):
        return text
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return text
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if closing is None:
        return text  # not front matter: the first statement is then not 'journey'
    for index in range(1, closing):
        # Only a top-level plain or quoted title is wanted from the YAML; nothing else.
        if lines[index].startswith("title:"):
            value = _yaml_scalar(lines[index].removeprefix("title:").strip())
            if value:
                diagram.front_matter_title = (decode_entities(value), index + 1)
    return "\n" * closing + "\n" + "\n".join(lines[closing + 1 :])


def _yaml_scalar(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    if value.startswith(("|", ">")):
        return ""
    return value.split(" #", 1)[0].strip()


def _set_directives_aside(text: str) -> str:
    pieces: list[str] = []
    start = 0
    while (opening := text.find("%%{", start)) >= 0:
        closing = text.find("}%%", opening + 3)
        if closing < 0:
            line = text.count("\n", 0, opening) + 1
            raise JourneyError(f"line {line}: the directive '%%{{' is not closed with '}}%%'")
        pieces.append(text[start:opening])
        pieces.append("\n" * text.count("\n", opening, closing))
        start = closing + 3
    pieces.append(text[start:])
    return "".join(pieces)


class _Reader:
    """One pass over the text, statement by statement, counting lines as it goes."""

    def __init__(self, text: str, diagram: Diagram) -> None:
        self.text = text
        self.diagram = diagram
        self.line = 1
        self.started = False
        self.task_count = 0

    def fail(self, message: str, line: int | None = None) -> JourneyError:
        return JourneyError(f"line {self.line if line is None else line}: {message}")

    def read(self) -> None:
        text, pos, end = self.text, 0, len(self.text)
        while pos < end:
            char = text[pos]
            if char == "\n":
                self.line += 1
                pos += 1
            elif char.isspace() or char == ";":
                pos += 1
            elif text.startswith("%%", pos) or (char == "#" and not ENTITY.match(text, pos)):
                found = text.find("\n", pos)
                pos = end if found < 0 else found
            elif not self.started:
                pos = self.header(pos)
            else:
                pos = self.statement(pos)
        if not self.started:
            raise self.fail("a Mermaid user journey starts with 'journey'; this text has none", 1)

    def header(self, pos: int) -> int:
        if self.text[pos : pos + 7].lower() != "journey":
            got = _STATEMENT.match(self.text, pos)
            shown = got.group() if got else self.text[pos]
            raise self.fail(
                f"a Mermaid user journey starts with 'journey'; got {_shorten(shown)!r}"
            )
        self.started = True
        return pos + 7

    def statement(self, pos: int) -> int:
        block = _ACC_BLOCK.match(self.text, pos)
        if block:
            closing = self.text.find("}", block.end())
            if closing < 0:
                raise self.fail("'accDescr {' is not closed with '}'")
            lines = [line.strip() for line in self.text[block.end() : closing].split("\n")]
            self.diagram.description = (decode_entities("\n".join(lines).strip()), self.line)
            self.line += self.text.count("\n", pos, closing)
            return closing + 1
        single = _ACC_LINE.match(self.text, pos)
        if single:
            located = (decode_entities(single.group(2).strip()), self.line)
            if single.group(1).lower() == "descr":
                self.diagram.description = located
            elif located[0]:
                self.diagram.acc_title = located
            return single.end()
        found = _STATEMENT.match(self.text, pos)
        assert found is not None  # the caller skipped what cannot start a statement
        self.take(found.group())
        return found.end()

    def take(self, raw: str) -> None:
        keyword = _KEYWORD.fullmatch(raw)
        if keyword is None:
            if raw.strip().lower() == "journey":
                raise self.fail("'journey' starts the diagram and comes only once")
            self.task(raw)
            return
        value = keyword.group(2) or ""
        if keyword.group(1).lower() == "title":
            title = decode_entities(value).strip()
            if title:
                self.diagram.title = (title, self.line)
            return
        if ":" in value:
            raise self.fail(
                f"the section name {_shorten(value.strip())!r} cannot contain ':'; write it as #58;"
            )
        sections = self.diagram.sections
        try:
            limits.check_count("stages", len(sections) + 1, limits.MAX_STAGES)
        except JourneyError as error:
            raise self.fail(str(error)) from None
        sections.append(Section(decode_entities(value).strip() or UNTITLED_SECTION, self.line))

    def task(self, raw: str) -> None:
        name_text, colon, data = raw.partition(":")
        name = decode_entities(name_text).strip()
        if not name_text.strip():
            raise self.fail("a task needs a name before its ':'")
        pieces = data.split(":", 2)
        score_text = pieces[0].strip()
        if not colon or not score_text:
            raise self.fail(
                f"the score of {_shorten(name)!r} is missing; "
                "write the task as 'name: score' with a score from 1 to 5"
            )
        score = _score(score_text)
        if score is None:
            raise self.fail(
                f"the score of {_shorten(name)!r} must be a number from 1 to 5; "
                f"got {_shorten(score_text)!r}"
            )
        # Further pieces are ignored, as Mermaid does; empty actors ("E task: 5:") are dropped.
        listed = pieces[1].split(",") if len(pieces) > 1 else []
        actors = [decode_entities(actor).strip() for actor in listed]
        self.task_count += 1
        if self.task_count > limits.MAX_EMOTION_POINTS:
            raise self.fail(
                f"a map holds at most {limits.MAX_EMOTION_POINTS:,} emotion points, one per task"
            )
        if not self.diagram.sections:
            self.diagram.sections.append(Section(None, self.line))
        task = Task(name, score, [actor for actor in actors if actor], self.line)
        self.diagram.sections[-1].tasks.append(task)


def _score(text: str) -> float | None:
    if len(text) > _SCORE_TEXT_MAX or not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if limits.SCORE_MIN <= value <= limits.SCORE_MAX else None


def _shorten(text: str, limit: int = 60) -> str:
    """A value fit for a one-line message (the text may hold a whole novel on one line)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
