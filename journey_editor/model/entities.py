"""The things a journey map is made of, as plain objects usable without a database or Qt.

Each object checks its own fields when made (``__post_init__``), so an object that exists
is within the limits. Rules that involve several objects (order, placement, spans) live in
the editing modules and in ``invariants``.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field, fields, replace
from typing import Any

from journey_editor.model import limits, pictures
from journey_editor.model.errors import JourneyError
from journey_editor.model.vocabulary import (
    CardKind,
    Channel,
    EvidenceSource,
    GoalKind,
    LaneKind,
    Level,
    OpportunityStatus,
    Zone,
)


def new_id(prefix: str) -> str:
    """An id unique within any map; the prefix makes files easier to read."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def apply_fields(item: Any, changes: dict[str, Any]) -> dict[str, Any]:
    """Set fields of an entity after checking the whole entity with them.

    Returns the values replaced, for undo. The id never changes.
    """
    allowed = {f.name for f in fields(item)} - {"id"}
    refused = sorted(set(changes) - allowed)
    if refused:
        raise JourneyError(f"cannot change {', '.join(refused)} of a {type(item).__name__}")
    replace(item, **changes)  # runs __post_init__ on the would-be result
    before = {name: getattr(item, name) for name in changes}
    for name, value in changes.items():
        setattr(item, name, value)
    return before


def _check_id(what: str, value: object) -> None:
    limits.check_text(f"{what} id", value, 64, required=True)


def _check_member(what: str, value: object, vocabulary: type) -> None:
    if not isinstance(value, vocabulary):
        raise JourneyError(f"{what} must be a {vocabulary.__name__}; got {value!r}")


def _check_optional_number(what: str, value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise JourneyError(f"{what} must be a finite number")


@dataclass
class Metric:
    """A KPI of a stage: what is measured, the target and the actual figure."""

    name: str
    target: float | None = None
    actual: float | None = None
    unit: str = ""

    def __post_init__(self) -> None:
        limits.check_text("KPI name", self.name, limits.NAME_MAX, required=True)
        _check_optional_number(f"target of KPI {self.name!r}", self.target)
        _check_optional_number(f"actual of KPI {self.name!r}", self.actual)
        limits.check_text(f"unit of KPI {self.name!r}", self.unit, limits.NAME_MAX)
        self.target = None if self.target is None else float(self.target)
        self.actual = None if self.actual is None else float(self.actual)


@dataclass
class ConversionGoal:
    kind: GoalKind
    description: str

    def __post_init__(self) -> None:
        _check_member("conversion goal kind", self.kind, GoalKind)
        limits.check_text("conversion goal", self.description, limits.TEXT_MAX, required=True)


@dataclass
class Stage:
    """A column of the map: one milestone of the customer's journey."""

    id: str
    name: str
    customer_goal: str = ""
    conversion_goals: list[ConversionGoal] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    emotional_drivers: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        _check_id("stage", self.id)
        limits.check_text("stage name", self.name, limits.NAME_MAX, required=True)
        limits.check_text(f"customer goal of {self.name!r}", self.customer_goal, limits.TEXT_MAX)
        for what, items in (("conversion goals", self.conversion_goals), ("KPIs", self.metrics)):
            if len(items) > limits.LIST_MAX:
                raise JourneyError(f"stage {self.name!r} has more than {limits.LIST_MAX} {what}")
        limits.check_texts(
            f"emotional drivers of {self.name!r}", self.emotional_drivers, limits.NAME_MAX
        )


@dataclass
class Lane:
    """A row of the map (a swimlane); its zone places it in the service blueprint."""

    id: str
    name: str
    kind: LaneKind = LaneKind.CUSTOM
    zone: Zone = Zone.NONE

    def __post_init__(self) -> None:
        _check_id("lane", self.id)
        limits.check_text("lane name", self.name, limits.NAME_MAX, required=True)
        _check_member("lane kind", self.kind, LaneKind)
        _check_member("lane zone", self.zone, Zone)


@dataclass
class Evidence:
    """Where a card comes from: the research it rests on."""

    source: EvidenceSource
    summary: str
    reference: str = ""

    def __post_init__(self) -> None:
        _check_member("evidence source", self.source, EvidenceSource)
        limits.check_text("evidence summary", self.summary, limits.TEXT_MAX, required=True)
        limits.check_text("evidence reference", self.reference, limits.TEXT_MAX)


@dataclass
class Card:
    """A sticky note in one cell (stage x lane), ordered within the cell by ``position``.

    A card covers ``span`` stages from its own stage rightwards. Every card carries every
    kind's fields, so changing a card's kind never loses what was typed.
    """

    id: str
    kind: CardKind
    stage_id: str
    lane_id: str
    position: int
    title: str
    body: str = ""
    span: int = 1
    channel: Channel | None = None
    severity: int | None = None
    owner: str = ""
    impact: Level | None = None
    effort: Level | None = None
    status: OpportunityStatus | None = None
    actors: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        _check_id("card", self.id)
        _check_member("card kind", self.kind, CardKind)
        limits.check_text("card title", self.title, limits.CARD_TITLE_MAX)
        if isinstance(self.position, bool) or not isinstance(self.position, int):
            raise JourneyError("card position must be a whole number")
        if self.position < 0:
            raise JourneyError("card position must be 0 or more")
        limits.check_text("card text", self.body, limits.BODY_MAX)
        if isinstance(self.span, bool) or not isinstance(self.span, int) or self.span < 1:
            raise JourneyError("a card spans one stage or more")
        if self.channel is not None:
            _check_member("channel", self.channel, Channel)
        if self.severity is not None:
            limits.check_number("severity", self.severity, limits.SEVERITY_MIN, limits.SEVERITY_MAX)
            if not isinstance(self.severity, int):
                raise JourneyError("severity must be a whole number from 1 to 5")
        limits.check_text("owner", self.owner, limits.NAME_MAX)
        for what, value, vocabulary in (
            ("impact", self.impact, Level),
            ("effort", self.effort, Level),
            ("status", self.status, OpportunityStatus),
        ):
            if value is not None:
                _check_member(what, value, vocabulary)
        limits.check_texts("actors", self.actors, limits.NAME_MAX)
        if len(self.evidence) > limits.LIST_MAX:
            raise JourneyError(f"a card holds at most {limits.LIST_MAX} pieces of evidence")


@dataclass
class EmotionPoint:
    """A point of the emotion line: where in a stage (0 left edge .. 1 right edge), how felt."""

    id: str
    stage_id: str
    offset: float
    score: float
    label: str = ""
    card_id: str | None = None

    def __post_init__(self) -> None:
        _check_id("emotion point", self.id)
        limits.check_number("emotion position in its stage", self.offset, 0.0, 1.0)
        limits.check_number("emotion score", self.score, limits.SCORE_MIN, limits.SCORE_MAX)
        limits.check_text("emotion label", self.label, limits.NAME_MAX)
        # Whole numbers are stored as floats, so a map reads back exactly as it was written.
        self.offset, self.score = float(self.offset), float(self.score)


@dataclass
class Link:
    """An arrow from one card to another: the journey looping back or skipping ahead."""

    id: str
    source_id: str
    target_id: str
    label: str = ""

    def __post_init__(self) -> None:
        _check_id("link", self.id)
        if self.source_id == self.target_id:
            raise JourneyError("a link joins two different cards")
        limits.check_text("link label", self.label, limits.NAME_MAX)


@dataclass
class Persona:
    """The one customer the map is about."""

    name: str = ""
    role: str = ""
    core_need: str = ""
    trigger_event: str = ""
    primary_channel: Channel | None = None
    conversion_metric: str = ""
    goals: list[str] = field(default_factory=list)
    frustrations: list[str] = field(default_factory=list)
    quote: str = ""
    picture: bytes | None = None

    def __post_init__(self) -> None:
        limits.check_text("persona name", self.name, limits.NAME_MAX)
        for what, value in (
            ("persona role", self.role),
            ("core need", self.core_need),
            ("trigger event", self.trigger_event),
            ("conversion metric", self.conversion_metric),
            ("persona quote", self.quote),
        ):
            limits.check_text(what, value, limits.TEXT_MAX)
        if self.primary_channel is not None:
            _check_member("primary channel", self.primary_channel, Channel)
        limits.check_texts("persona goals", self.goals, limits.TEXT_MAX)
        limits.check_texts("persona frustrations", self.frustrations, limits.TEXT_MAX)
        if self.picture is not None:
            if not isinstance(self.picture, bytes):
                raise JourneyError("persona picture must be bytes")
            if len(self.picture) > limits.PICTURE_MAX_BYTES:
                raise JourneyError(
                    f"persona picture is {len(self.picture):,} bytes; "
                    f"the limit is {limits.PICTURE_MAX_BYTES:,}"
                )
            pictures.check_picture("persona picture", self.picture)
