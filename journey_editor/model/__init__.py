"""The journey-map domain: plain objects and their rules, with no Qt and no database."""

from journey_editor.model.cards import (
    RemovedCards,
    add_card,
    add_link,
    move_cards,
    remove_cards,
    remove_link,
    restore_placements,
    update_card,
)
from journey_editor.model.emotions import (
    add_emotion_point,
    remove_emotion_point,
    update_emotion_point,
)
from journey_editor.model.entities import (
    Card,
    ConversionGoal,
    EmotionPoint,
    Evidence,
    Lane,
    Link,
    Metric,
    Persona,
    Stage,
    new_id,
)
from journey_editor.model.errors import JourneyError
from journey_editor.model.invariants import broken_invariants, check_invariants
from journey_editor.model.journey import ChangeLog, Entity, Journey
from journey_editor.model.structure import (
    RemovedLane,
    RemovedStage,
    add_lane,
    add_stage,
    move_lane,
    move_stage,
    remove_lane,
    remove_stage,
    update_lane,
    update_stage,
)
from journey_editor.model.vocabulary import (
    CardKind,
    Channel,
    EvidenceSource,
    GoalKind,
    JourneyKind,
    LaneKind,
    Level,
    OpportunityStatus,
    Zone,
)

__all__ = [
    "Card", "CardKind", "ChangeLog", "Channel", "ConversionGoal", "EmotionPoint", "Entity",
    "Evidence", "EvidenceSource", "GoalKind", "Journey", "JourneyError", "JourneyKind", "Lane",
    "LaneKind", "Level", "Link", "Metric", "OpportunityStatus", "Persona", "RemovedCards",
    "RemovedLane", "RemovedStage", "Stage", "Zone", "add_card", "add_emotion_point", "add_lane",
    "add_link", "add_stage", "broken_invariants", "check_invariants", "move_cards", "move_lane",
    "move_stage", "new_id", "remove_cards", "remove_emotion_point", "remove_lane", "remove_link",
    "remove_stage", "restore_placements", "update_card", "update_emotion_point", "update_lane",
    "update_stage",
]
