"""Between the domain objects and the rows of a .journey file, in both directions."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

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
)
from journey_editor.model.errors import shown
from journey_editor.model.journey import JOURNEY_ROW_ID
from journey_editor.model.vocabulary import Vocabulary
from journey_editor.store import tables
from journey_editor.store.tables import Table

Row = tuple[Any, ...]


def _texts(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False)


def _value(member: Vocabulary | None) -> str | None:
    return None if member is None else member.value


# Objects to rows -------------------------------------------------------------------------


def journey_row(journey: Journey) -> Row:
    return (JOURNEY_ROW_ID, journey.title, journey.kind.value, journey.description)


def persona_row(persona: Persona) -> Row:
    return (
        JOURNEY_ROW_ID,
        persona.name,
        persona.role,
        persona.core_need,
        persona.trigger_event,
        _value(persona.primary_channel),
        persona.conversion_metric,
        _texts(persona.goals),
        _texts(persona.frustrations),
        persona.quote,
        persona.picture,
    )


def stage_row(stage: Stage, position: int) -> Row:
    return (stage.id, position, stage.name, stage.customer_goal, _texts(stage.emotional_drivers))


def conversion_goal_rows(stage: Stage) -> Iterator[Row]:
    for position, goal in enumerate(stage.conversion_goals):
        yield (stage.id, position, goal.kind.value, goal.description)


def kpi_rows(stage: Stage) -> Iterator[Row]:
    for position, kpi in enumerate(stage.metrics):
        yield (stage.id, position, kpi.name, kpi.target, kpi.actual, kpi.unit)


def lane_row(lane: Lane, position: int) -> Row:
    return (lane.id, position, lane.name, lane.kind.value, lane.zone.value)


def card_place_row(card: Card) -> Row:
    return (card.id, card.stage_id, card.lane_id, card.position, card.span)


def card_row(card: Card) -> Row:
    return (
        card.id,
        card.kind.value,
        card.title,
        card.body,
        _value(card.channel),
        card.severity,
        card.owner,
        _value(card.impact),
        _value(card.effort),
        _value(card.status),
        _texts(card.actors),
    )


def evidence_rows(card: Card) -> Iterator[Row]:
    for position, item in enumerate(card.evidence):
        yield (card.id, position, item.source.value, item.summary, item.reference)


def emotion_point_row(point: EmotionPoint) -> Row:
    return (point.id, point.stage_id, point.offset, point.score, point.label, point.card_id)


def link_row(link: Link) -> Row:
    return (link.id, link.source_id, link.target_id, link.label)


@functools.cache
def insert_statement(table: Table) -> str:
    """INSERT OR REPLACE of a whole row, columns in table order (the order of the tuples)."""
    quoted = ", ".join(f'"{name}"' for name in table.columns)
    marks = ", ".join("?" for _ in table.columns)
    return f'INSERT OR REPLACE INTO "{table.name}" ({quoted}) VALUES ({marks})'


# Rows to objects -------------------------------------------------------------------------


def read_rows(connection: sqlite3.Connection, table: Table) -> list[sqlite3.Row]:
    names = ", ".join(f'"{name}"' for name in table.columns)
    query = f'SELECT {names} FROM "{table.name}"'
    return connection.execute(query).fetchall()


def journey_from_rows(connection: sqlite3.Connection) -> Journey:
    """Build the map from an open file; the caller checks invariants."""
    connection.row_factory = sqlite3.Row
    heads = read_rows(connection, tables.JOURNEY)
    personas = read_rows(connection, tables.PERSONA)
    if len(heads) != 1 or len(personas) != 1:
        raise JourneyError("the file must hold exactly one map and one persona")
    head = heads[0]
    journey = Journey(
        title=head["title"],
        kind=JourneyKind.parse(head["kind"], "map kind"),
        description=head["description"],
        persona=_persona(personas[0]),
        stages=_stages(connection),
        lanes=[
            Lane(
                id=row["id"],
                name=row["name"],
                kind=LaneKind.parse(row["kind"], "lane kind"),
                zone=Zone.parse(row["zone"], "lane zone"),
            )
            for row in _in_order(read_rows(connection, tables.LANE), "a lane")
        ],
    )
    evidence = _evidence_by_card(connection)
    places = {row["card_id"]: row for row in read_rows(connection, tables.CARD_PLACE)}
    for row in read_rows(connection, tables.CARD):
        if row["id"] not in places:
            raise JourneyError(f"card {shown(row['title'])} has no place in the map")
        journey.cards[row["id"]] = _card(row, places[row["id"]], evidence.get(row["id"], []))
    for row in read_rows(connection, tables.EMOTION_POINT):
        journey.emotion_points[row["id"]] = EmotionPoint(
            id=row["id"],
            stage_id=row["stage_id"],
            offset=row["offset"],
            score=row["score"],
            label=row["label"],
            card_id=row["card_id"],
        )
    for row in read_rows(connection, tables.LINK):
        journey.links[row["id"]] = Link(
            id=row["id"], source_id=row["source_id"], target_id=row["target_id"], label=row["label"]
        )
    return journey


def _persona(row: sqlite3.Row) -> Persona:
    channel = row["primary_channel"]
    return Persona(
        name=row["name"],
        role=row["role"],
        core_need=row["core_need"],
        trigger_event=row["trigger_event"],
        primary_channel=None if channel is None else Channel.parse(channel, "primary channel"),
        conversion_metric=row["conversion_metric"],
        goals=_parse_texts(row["goals"], "persona goals"),
        frustrations=_parse_texts(row["frustrations"], "persona frustrations"),
        quote=row["quote"],
        picture=row["picture"],
    )


def _stages(connection: sqlite3.Connection) -> list[Stage]:
    goals: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in read_rows(connection, tables.CONVERSION_GOAL):
        goals[row["stage_id"]].append(row)
    kpis: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in read_rows(connection, tables.KPI):
        kpis[row["stage_id"]].append(row)
    stages = []
    for row in _in_order(read_rows(connection, tables.STAGE), "a stage"):
        stage_goals = _in_order(goals[row["id"]], "a conversion goal")
        stage_kpis = _in_order(kpis[row["id"]], "a KPI")
        stages.append(
            Stage(
                id=row["id"],
                name=row["name"],
                customer_goal=row["customer_goal"],
                conversion_goals=[
                    ConversionGoal(GoalKind.parse(g["kind"], "goal kind"), g["description"])
                    for g in stage_goals
                ],
                metrics=[
                    Metric(name=k["name"], target=k["target"], actual=k["actual"], unit=k["unit"])
                    for k in stage_kpis
                ],
                emotional_drivers=_parse_texts(row["emotional_drivers"], "emotional drivers"),
            )
        )
    return stages


def _evidence_by_card(connection: sqlite3.Connection) -> dict[str, list[Evidence]]:
    by_card: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in read_rows(connection, tables.EVIDENCE):
        by_card[row["card_id"]].append(row)
    evidence: dict[str, list[Evidence]] = {}
    for card_id, rows in by_card.items():
        evidence[card_id] = [
            Evidence(
                EvidenceSource.parse(row["source"], "evidence source"),
                row["summary"],
                row["reference"],
            )
            for row in _in_order(rows, "a piece of evidence")
        ]
    return evidence


def _card(row: sqlite3.Row, place: sqlite3.Row, evidence: list[Evidence]) -> Card:
    return Card(
        id=row["id"],
        kind=CardKind.parse(row["kind"], "card kind"),
        stage_id=place["stage_id"],
        lane_id=place["lane_id"],
        position=place["position"],
        span=place["span"],
        title=row["title"],
        body=row["body"],
        channel=_optional(Channel, row["channel"], "channel"),
        severity=row["severity"],
        owner=row["owner"],
        impact=_optional(Level, row["impact"], "impact"),
        effort=_optional(Level, row["effort"], "effort"),
        status=_optional(OpportunityStatus, row["status"], "status"),
        actors=_parse_texts(row["actors"], "actors"),
        evidence=evidence,
    )


def _optional(vocabulary: type[Vocabulary], text: str | None, what: str) -> Any:
    return None if text is None else vocabulary.parse(text, what)


def _parse_texts(text: object, what: str) -> list[str]:
    try:
        values = json.loads(text) if isinstance(text, str) else None
    except (ValueError, RecursionError):  # ValueError: also a number of 5,000 digits
        values = None
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise JourneyError(f"{what} are not a list of texts")
    return values


def _in_order(rows: list[sqlite3.Row], what: str) -> list[sqlite3.Row]:
    """Rows by their ``position``, which must be whole numbers to be put in order at all."""
    for row in rows:
        if isinstance(row["position"], bool) or not isinstance(row["position"], int):
            raise JourneyError(f"the position of {what} is not a whole number")
    return sorted(rows, key=lambda row: row["position"])
