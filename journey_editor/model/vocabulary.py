"""The journey-mapping vocabulary: the closed sets of kinds a map is built from.

Every enum's value is the stable text written to files (SQLite and JSON), so values never
change once released; labels are what people read.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from journey_editor.model.errors import JourneyError, shown


class Vocabulary(StrEnum):
    """A closed set whose values are file text and whose labels are for people."""

    @property
    def label(self) -> str:
        return str(self.value).replace("_", " ").capitalize()

    @classmethod
    def parse(cls, text: str, what: str) -> Self:
        """The member named by ``text``, or a JourneyError listing the allowed values."""
        try:
            return cls(text)
        except ValueError:
            allowed = ", ".join(member.value for member in cls)
            raise JourneyError(f"{what} must be one of {allowed}; got {shown(text)}") from None


class JourneyKind(Vocabulary):
    CURRENT_STATE = "current_state"
    FUTURE_STATE = "future_state"
    DAY_IN_THE_LIFE = "day_in_the_life"
    SERVICE_BLUEPRINT = "service_blueprint"


class Zone(Vocabulary):
    """The bands of a service blueprint, top to bottom (Bitner, Ostrom and Morgan 2008)."""

    PHYSICAL_EVIDENCE = "physical_evidence"
    CUSTOMER_ACTIONS = "customer_actions"
    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT_PROCESSES = "support_processes"
    NONE = "none"


class LaneKind(Vocabulary):
    ACTIONS = "actions"
    THOUGHTS = "thoughts"
    TOUCHPOINTS = "touchpoints"
    EMOTIONS = "emotions"
    PAIN_POINTS = "pain_points"
    OPPORTUNITIES = "opportunities"
    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT_PROCESSES = "support_processes"
    PHYSICAL_EVIDENCE = "physical_evidence"
    CUSTOM = "custom"

    @property
    def default_zone(self) -> Zone:
        return _DEFAULT_ZONES.get(self, Zone.NONE)

    @property
    def default_card_kind(self) -> CardKind:
        """What people put in this kind of lane: the card a double-click there makes, and
        the kind of a card read from a file that gives none."""
        return _LANE_CARD_KINDS.get(self, CardKind.NOTE)


_DEFAULT_ZONES = {
    LaneKind.PHYSICAL_EVIDENCE: Zone.PHYSICAL_EVIDENCE,
    LaneKind.ACTIONS: Zone.CUSTOMER_ACTIONS,
    LaneKind.TOUCHPOINTS: Zone.CUSTOMER_ACTIONS,
    LaneKind.FRONTSTAGE: Zone.FRONTSTAGE,
    LaneKind.BACKSTAGE: Zone.BACKSTAGE,
    LaneKind.SUPPORT_PROCESSES: Zone.SUPPORT_PROCESSES,
}


class CardKind(Vocabulary):
    TOUCHPOINT = "touchpoint"
    ACTION = "action"
    THOUGHT = "thought"
    PAIN_POINT = "pain_point"
    OPPORTUNITY = "opportunity"
    MOMENT_OF_TRUTH = "moment_of_truth"
    BACKSTAGE_ACTION = "backstage_action"
    SUPPORT_PROCESS = "support_process"
    EVIDENCE = "evidence"
    NOTE = "note"

    @property
    def home_lane_kind(self) -> LaneKind:
        """The first kind of lane this kind of card is the usual one for (custom if none):
        the lane a card read from a file makes when the file names no lane kind."""
        return next((lane for lane in LaneKind if lane.default_card_kind is self),
                    LaneKind.CUSTOM)


_LANE_CARD_KINDS = {
    LaneKind.ACTIONS: CardKind.ACTION,
    LaneKind.THOUGHTS: CardKind.THOUGHT,
    LaneKind.TOUCHPOINTS: CardKind.TOUCHPOINT,
    LaneKind.EMOTIONS: CardKind.THOUGHT,  # what the customer feels, in their words
    LaneKind.PAIN_POINTS: CardKind.PAIN_POINT,
    LaneKind.OPPORTUNITIES: CardKind.OPPORTUNITY,
    LaneKind.FRONTSTAGE: CardKind.ACTION,  # what staff do in front of the customer
    LaneKind.BACKSTAGE: CardKind.BACKSTAGE_ACTION,
    LaneKind.SUPPORT_PROCESSES: CardKind.SUPPORT_PROCESS,
    LaneKind.PHYSICAL_EVIDENCE: CardKind.EVIDENCE,
}


class Channel(Vocabulary):
    WEB = "web"
    MOBILE_APP = "mobile_app"
    EMAIL = "email"
    PHONE = "phone"
    CHAT = "chat"
    SOCIAL = "social"
    SEARCH = "search"
    ADVERTISING = "advertising"
    STORE = "store"
    EVENT = "event"
    MAIL = "mail"
    IN_PERSON = "in_person"
    OTHER = "other"


class Level(Vocabulary):
    """Impact and effort of an opportunity: the two axes of the prioritisation matrix."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class OpportunityStatus(Vocabulary):
    IDEA = "idea"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class EvidenceSource(Vocabulary):
    INTERVIEW = "interview"
    SURVEY = "survey"
    ANALYTICS = "analytics"
    SUPPORT_TICKET = "support_ticket"
    REVIEW = "review"
    SESSION_RECORDING = "session_recording"
    OBSERVATION = "observation"
    OTHER = "other"


class GoalKind(Vocabulary):
    """Conversion goals: the business outcome (macro), progress to it (micro), or loss."""

    MACRO = "macro"
    MICRO = "micro"
    NEGATIVE = "negative"
