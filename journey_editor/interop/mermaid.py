"""Mermaid user-journey diagrams (``journey``), read and written.

A diagram is the map's doing and feeling: each section is a stage, each task a card in the
Actions lane with its actors, and its score a point on the emotion line tied to that card.
Writing goes the other way with the cards of the actions and touchpoints lanes; the rest of
a map (thoughts, pain points, the persona ...) has no place in Mermaid's grammar.

Every text is written so it cannot break the grammar: newlines become spaces, and the
characters that would end or split a value become entity codes (``#58;`` for ``:``), which
Mermaid shows as the characters and reading decodes. So a diagram read and written again
keeps its sections, tasks, scores and actors, and a map written and read again keeps its
stage names, card titles, actors and scores.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from journey_editor.interop.mermaid_parse import LEADING_KEYWORD, Section, parse_journey
from journey_editor.model import (
    Card,
    CardAppender,
    CardKind,
    Journey,
    JourneyError,
    JourneyKind,
    LaneKind,
    add_emotion_point,
    add_lane,
    add_stage,
    limits,
    unused_name,
    update_map,
)

DEFAULT_TITLE = "Imported journey"
DEFAULT_STAGE = "Journey"
ACTIONS_LANE = "Actions"
EMOTIONS_LANE = "Emotions"
TASK_LANE_KINDS = frozenset({LaneKind.ACTIONS, LaneKind.TOUCHPOINTS})

# Escapes every value needs: '#' would start a comment or an entity code, ';' would end the
# statement, and '%%' would start a comment or a directive.
_ALWAYS = {ord("#"): "#35;", ord(";"): "#59;"}
_IN_NAMES = {**_ALWAYS, ord(":"): "#58;"}  # a ':' would end a section or task name
_IN_ACTORS = {**_IN_NAMES, ord(","): "#44;"}
_IN_BLOCK = {**_ALWAYS, ord("}"): "#125;"}  # a '}' would end the accDescr block
_NEWLINE = re.compile(r"\r\n|[\r\n]")
_PERCENTS = re.compile(r"%(?=%)")
# An empty task name cannot be written (the line would start with ':'): a space stands in,
# and reading takes it off again.
_EMPTY_NAME = "#32;"


# Reading ---------------------------------------------------------------------------------


def journey_from_mermaid(text: str) -> Journey:
    """A map from a Mermaid ``journey`` diagram; JourneyError names the line at fault."""
    diagram = parse_journey(text)
    title, title_line = (
        diagram.title or diagram.acc_title or diagram.front_matter_title or (DEFAULT_TITLE, 1)
    )
    with _at(title_line):
        journey = Journey(title=title, kind=JourneyKind.CURRENT_STATE)
    if diagram.description is not None:
        description, line = diagram.description
        with _at(line):
            update_map(journey, description=description)
    actions = add_lane(journey, ACTIONS_LANE, LaneKind.ACTIONS)
    add_lane(journey, EMOTIONS_LANE, LaneKind.EMOTIONS)
    appender = CardAppender(journey)
    for section in diagram.sections or [Section(None, 1)]:
        with _at(section.line):
            # Stage names are unique in a map; Mermaid repeats a section's name freely.
            name = unused_name([s.name for s in journey.stages], section.name or DEFAULT_STAGE)
            stage = add_stage(journey, name)
        count = len(section.tasks)
        for index, task in enumerate(section.tasks):
            with _at(task.line):
                card = appender.add(
                    CardKind.ACTION, stage.id, actions.id, task.name, actors=task.actors
                )
                add_emotion_point(
                    journey,
                    stage.id,
                    (index + 0.5) / count,
                    task.score,
                    label=_label(task.name),
                    card_id=card.id,
                )
    return journey


@contextmanager
def _at(line: int) -> Iterator[None]:
    """Whatever the model refuses is reported at the line the value came from."""
    try:
        yield
    except JourneyError as error:
        raise JourneyError(f"line {line}: {error}") from None


def _label(name: str) -> str:
    if len(name) <= limits.NAME_MAX:
        return name
    return name[: limits.NAME_MAX - 1].rstrip() + "…"


# Writing ---------------------------------------------------------------------------------


def journey_to_mermaid(journey: Journey) -> str:
    """The map as a Mermaid ``journey``: a section per stage, a task per card of its
    actions and touchpoints lanes (lane by lane, in order), scored by ``card_scores``."""
    lines = ["journey", f"  title {_escape(journey.title, _ALWAYS)}"]
    lines += _description(journey.description)
    scores = card_scores(journey)
    lane_kinds = {lane.id: lane.kind for lane in journey.lanes}
    for stage in journey.stages:
        lines.append(f"  section {_escape(stage.name, _IN_NAMES)}")
        for card in journey.cards_of_stage(stage.id):
            if lane_kinds[card.lane_id] in TASK_LANE_KINDS:
                lines.append(f"    {_task(card, scores[card.id])}")
    return "\n".join(lines) + "\n"


def card_scores(journey: Journey) -> dict[str, float]:
    """Each card's score: its emotion point (the first along the line if it has several),
    else the mean of its stage's points to a tenth (a reader wants 3.3, not 3.3333333),
    else neutral."""
    tied: dict[str, float] = {}
    in_stage: dict[str, list[float]] = defaultdict(list)
    for point in journey.emotion_line():
        if point.card_id is not None:
            tied.setdefault(point.card_id, point.score)
        in_stage[point.stage_id].append(point.score)
    means = {
        stage: round(math.fsum(scores) / len(scores), 1) for stage, scores in in_stage.items()
    }
    return {
        card.id: tied.get(card.id, means.get(card.stage_id, limits.SCORE_NEUTRAL))
        for card in journey.cards.values()
    }


def _task(card: Card, score: float) -> str:
    name = _escape(card.title, _IN_NAMES) or _EMPTY_NAME
    if LEADING_KEYWORD.match(name):
        name = f"#{ord(name[0])};{name[1:]}"
    actors = [_escape(actor, _IN_ACTORS) for actor in card.actors]
    listed = ", ".join(actor for actor in actors if actor)
    return f"{name}: {_number(score)}" + (f": {listed}" if listed else "")


def _description(description: str) -> list[str]:
    lines = [line.strip() for line in _NEWLINE.split(description.strip())]
    if not lines[0]:
        return []
    if len(lines) == 1:
        return [f"  accDescr: {_escape(lines[0], _ALWAYS)}"]
    return ["  accDescr {", *(f"    {_escape(line, _IN_BLOCK)}".rstrip() for line in lines), "  }"]


def _escape(text: str, table: dict[int, str]) -> str:
    """One line of text that reads back as itself in its place: newlines become spaces."""
    flat = _NEWLINE.sub(" ", text).strip().translate(table)
    return _PERCENTS.sub("#37;", flat)


def _number(score: float) -> str:
    return str(int(score)) if float(score).is_integer() else repr(float(score))
