"""The JSON form of a whole map (docs/json-form.md): stable order, so equal maps give equal bytes.

Writing puts every field of every object, in a fixed key order. Reading accepts the same
form with optional fields left out (for maps drafted by hand), checks every value, and says
where a value is wrong by its path (``cards[12].score``).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from typing import Any, TypeVar

from journey_editor.model import (
    Card,
    CardKind,
    Channel,
    ConversionGoal,
    EmotionPoint,
    Evidence,
    EvidenceSource,
    GoalKind,
    Journey,
    JourneyError,
    JourneyKind,
    Lane,
    LaneKind,
    Level,
    Link,
    Metric,
    OpportunityStatus,
    Persona,
    Stage,
    Zone,
    check_invariants,
    new_id,
)
from journey_editor.model.vocabulary import Vocabulary

FORMAT = "journey-editor"
JSON_VERSION = 1

T = TypeVar("T")


# Writing ---------------------------------------------------------------------------------


def journey_to_json(journey: Journey) -> str:
    return json.dumps(journey_to_dict(journey), indent=2, ensure_ascii=False) + "\n"


def journey_to_dict(journey: Journey) -> dict[str, Any]:
    persona = journey.persona
    return {
        "format": FORMAT,
        "version": JSON_VERSION,
        "title": journey.title,
        "kind": journey.kind.value,
        "description": journey.description,
        "persona": {
            "name": persona.name,
            "role": persona.role,
            "core_need": persona.core_need,
            "trigger_event": persona.trigger_event,
            "primary_channel": _value(persona.primary_channel),
            "conversion_metric": persona.conversion_metric,
            "goals": list(persona.goals),
            "frustrations": list(persona.frustrations),
            "quote": persona.quote,
            "picture": None if persona.picture is None else _encode(persona.picture),
        },
        "stages": [_stage_to_dict(stage) for stage in journey.stages],
        "lanes": [
            {"id": lane.id, "name": lane.name, "kind": lane.kind.value, "zone": lane.zone.value}
            for lane in journey.lanes
        ],
        "cards": [card_to_dict(card) for card in journey.cards_in_order()],
        "emotion_line": [
            {
                "id": point.id,
                "stage": point.stage_id,
                "offset": point.offset,
                "score": point.score,
                "label": point.label,
                "card": point.card_id,
            }
            for point in journey.emotion_line()
        ],
        "links": [
            {"id": link.id, "from": link.source_id, "to": link.target_id, "label": link.label}
            for link in journey.links_in_order()
        ],
    }


def _stage_to_dict(stage: Stage) -> dict[str, Any]:
    return {
        "id": stage.id,
        "name": stage.name,
        "customer_goal": stage.customer_goal,
        "conversion_goals": [
            {"kind": goal.kind.value, "description": goal.description}
            for goal in stage.conversion_goals
        ],
        "kpis": [
            {"name": m.name, "target": m.target, "actual": m.actual, "unit": m.unit}
            for m in stage.metrics
        ],
        "emotional_drivers": list(stage.emotional_drivers),
    }


def card_to_dict(card: Card) -> dict[str, Any]:
    return {
        "id": card.id,
        "kind": card.kind.value,
        "stage": card.stage_id,
        "lane": card.lane_id,
        "span": card.span,
        "title": card.title,
        "body": card.body,
        "channel": _value(card.channel),
        "severity": card.severity,
        "owner": card.owner,
        "impact": _value(card.impact),
        "effort": _value(card.effort),
        "status": _value(card.status),
        "actors": list(card.actors),
        "evidence": [
            {"source": e.source.value, "summary": e.summary, "reference": e.reference}
            for e in card.evidence
        ],
    }


def _value(member: Vocabulary | None) -> str | None:
    return None if member is None else member.value


def _encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# Reading ---------------------------------------------------------------------------------


def journey_from_json(text: str) -> Journey:
    """A map from its JSON form; JourneyError names the first thing wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise JourneyError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise JourneyError("not valid JSON (nested too deeply)") from None
    return journey_from_dict(data)


def journey_from_dict(data: object) -> Journey:
    doc = Reader(data, "")
    if doc.get("format", str, FORMAT) != FORMAT:
        raise JourneyError(f'not a Journey Editor map ("format" should be {FORMAT!r})')
    version = doc.get("version", int, JSON_VERSION)
    if version > JSON_VERSION:
        raise JourneyError(
            f"written by a newer Journey Editor (JSON form {version}; "
            f"this version reads up to {JSON_VERSION})"
        )
    journey = doc.build(
        Journey,
        title=doc.get("title", str),
        kind=doc.member("kind", JourneyKind, JourneyKind.CURRENT_STATE),
        description=doc.get("description", str, ""),
        persona=_persona(doc.child("persona")),
        stages=[_stage(s) for s in doc.items("stages")],
        lanes=[_lane(lane) for lane in doc.items("lanes")],
    )
    positions: dict[tuple[str, str], int] = {}
    for item in doc.items("cards"):
        card = card_from_reader(item, positions)
        if card.id in journey.cards:
            raise JourneyError(f"{item.path}.id: {card.id!r} is used twice")
        journey.cards[card.id] = card
    for item in doc.items("emotion_line"):
        point = _emotion_point(item)
        if point.id in journey.emotion_points:
            raise JourneyError(f"{item.path}.id: {point.id!r} is used twice")
        journey.emotion_points[point.id] = point
    for item in doc.items("links"):
        link = item.build(
            Link,
            id=item.get("id", str, None) or new_id("link"),
            source_id=item.get("from", str),
            target_id=item.get("to", str),
            label=item.get("label", str, ""),
        )
        if link.id in journey.links:
            raise JourneyError(f"{item.path}.id: {link.id!r} is used twice")
        journey.links[link.id] = link
    check_invariants(journey)
    return journey


def _persona(doc: Reader) -> Persona:
    picture = doc.get("picture", str, None)
    return doc.build(
        Persona,
        name=doc.get("name", str, ""),
        role=doc.get("role", str, ""),
        core_need=doc.get("core_need", str, ""),
        trigger_event=doc.get("trigger_event", str, ""),
        primary_channel=doc.member("primary_channel", Channel, None),
        conversion_metric=doc.get("conversion_metric", str, ""),
        goals=doc.texts("goals"),
        frustrations=doc.texts("frustrations"),
        quote=doc.get("quote", str, ""),
        picture=None if picture is None else _decode(picture, f"{doc.path}.picture"),
    )


def _stage(doc: Reader) -> Stage:
    return doc.build(
        Stage,
        id=doc.get("id", str),
        name=doc.get("name", str),
        customer_goal=doc.get("customer_goal", str, ""),
        conversion_goals=[
            g.build(
                ConversionGoal,
                kind=g.member("kind", GoalKind),
                description=g.get("description", str),
            )
            for g in doc.items("conversion_goals")
        ],
        metrics=[
            m.build(
                Metric,
                name=m.get("name", str),
                target=m.number("target"),
                actual=m.number("actual"),
                unit=m.get("unit", str, ""),
            )
            for m in doc.items("kpis")
        ],
        emotional_drivers=doc.texts("emotional_drivers"),
    )


def _lane(doc: Reader) -> Lane:
    kind = doc.member("kind", LaneKind, LaneKind.CUSTOM)
    return doc.build(
        Lane,
        id=doc.get("id", str),
        name=doc.get("name", str),
        kind=kind,
        zone=doc.member("zone", Zone, kind.default_zone),
    )


def card_from_reader(doc: Reader, positions: dict[tuple[str, str], int]) -> Card:
    cell = (doc.get("stage", str), doc.get("lane", str))
    positions[cell] = positions.get(cell, -1) + 1
    return doc.build(
        Card,
        id=doc.get("id", str, None) or new_id("card"),
        kind=doc.member("kind", CardKind, CardKind.NOTE),
        stage_id=cell[0],
        lane_id=cell[1],
        position=positions[cell],
        title=doc.get("title", str, ""),
        body=doc.get("body", str, ""),
        span=doc.get("span", int, 1),
        channel=doc.member("channel", Channel, None),
        severity=doc.get("severity", int, None),
        owner=doc.get("owner", str, ""),
        impact=doc.member("impact", Level, None),
        effort=doc.member("effort", Level, None),
        status=doc.member("status", OpportunityStatus, None),
        actors=doc.texts("actors"),
        evidence=[
            e.build(
                Evidence,
                source=e.member("source", EvidenceSource, EvidenceSource.OTHER),
                summary=e.get("summary", str),
                reference=e.get("reference", str, ""),
            )
            for e in doc.items("evidence")
        ],
    )


def _emotion_point(doc: Reader) -> EmotionPoint:
    return doc.build(
        EmotionPoint,
        id=doc.get("id", str, None) or new_id("emotion"),
        stage_id=doc.get("stage", str),
        offset=doc.number("offset", 0.5),
        score=doc.number("score", REQUIRED),
        label=doc.get("label", str, ""),
        card_id=doc.get("card", str, None),
    )


def _decode(text: str, path: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise JourneyError(f"{path}: not valid base64") from None


class _Required:
    """Marks a key that has no default: leaving it out is an error."""


REQUIRED: Any = _Required()


class Reader:
    """One JSON object being read, with its path for messages (``cards[12]``)."""

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, dict):
            raise JourneyError(f"{path or 'the file'} must be a JSON object")
        self.data: dict[str, Any] = data
        self.path = path

    def where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, kind: type[T], default: T | None = REQUIRED) -> Any:
        """The value of ``key``, of type ``kind``; null counts as absent."""
        value = self.data.get(key)
        if value is None:
            if default is REQUIRED:
                raise JourneyError(f"{self.where(key)} is missing")
            return default
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise JourneyError(f"{self.where(key)} must be {_KIND_NAMES[kind]}")
        return value

    def number(self, key: str, default: float | None = None) -> Any:
        value = self.data.get(key)
        if value is None:
            if default is REQUIRED:
                raise JourneyError(f"{self.where(key)} is missing")
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise JourneyError(f"{self.where(key)} must be a number")
        return float(value)

    def member(self, key: str, vocabulary: type[Vocabulary], default: Any = REQUIRED) -> Any:
        text = self.get(key, str, None)
        if text is None:
            if default is REQUIRED:
                raise JourneyError(f"{self.where(key)} is missing")
            return default
        return vocabulary.parse(text, self.where(key))

    def texts(self, key: str) -> list[str]:
        values = self.get(key, list, [])
        for index, value in enumerate(values):
            if not isinstance(value, str):
                raise JourneyError(f"{self.where(key)}[{index}] must be text")
        return list(values)

    def child(self, key: str) -> Reader:
        return Reader(self.get(key, dict, {}), self.where(key))

    def items(self, key: str) -> list[Reader]:
        values = self.get(key, list, [])
        return [Reader(value, f"{self.where(key)}[{i}]") for i, value in enumerate(values)]

    def build(self, make: Callable[..., T], **values: Any) -> T:
        """Make an object, prefixing any rule it breaks with where it stands in the file."""
        try:
            return make(**values)
        except JourneyError as error:
            if not self.path or str(error).startswith(self.path):
                raise
            raise JourneyError(f"{self.path}: {error}") from None


_KIND_NAMES = {str: "text", int: "a whole number", list: "a list", dict: "an object"}
