"""The service-blueprint template filled with a small real service: a hotel stay booked
online. For tests of the blueprint, and for looking at its exports."""

from __future__ import annotations

from journey_editor.interop.templates import load_template
from journey_editor.model import CardKind, Journey, LaneKind, add_card, add_emotion_point

# By lane kind, per stage (Book, Arrive, Receive the service, Follow up): card kind, title, body.
CARDS: dict[LaneKind, list[list[tuple[CardKind, str, str]]]] = {
    LaneKind.PHYSICAL_EVIDENCE: [
        [(CardKind.EVIDENCE, "Booking website", "Room photos, prices, reviews")],
        [(CardKind.EVIDENCE, "Lobby and front desk", "Signs, queue, a welcome drink")],
        [(CardKind.EVIDENCE, "The room", "Bed, bathroom, the Wi-Fi card on the desk")],
        [(CardKind.EVIDENCE, "Invoice e-mail", "Itemised bill and a survey link")],
    ],
    LaneKind.ACTIONS: [
        [(CardKind.ACTION, "Compares rooms and books", "Pays a deposit by card")],
        [(CardKind.ACTION, "Checks in", "Shows ID; waits 12 minutes at peak time")],
        [(CardKind.MOMENT_OF_TRUTH, "First night's sleep", "Noise from the lift decides it")],
        [(CardKind.ACTION, "Checks out and rates the stay", "")],
    ],
    LaneKind.FRONTSTAGE: [
        [(CardKind.ACTION, "Chat agent answers questions", "About parking and late arrival")],
        [(CardKind.ACTION, "Receptionist welcomes the guest", "Hands over the key card")],
        [(CardKind.ACTION, "Housekeeping turn-down", "Only when the guest asks")],
        [(CardKind.ACTION, "Receptionist settles the bill", "")],
    ],
    LaneKind.BACKSTAGE: [
        [(CardKind.BACKSTAGE_ACTION, "Reservations team confirms", "Within two hours")],
        [(CardKind.BACKSTAGE_ACTION, "Room readied and inspected", "Late rooms delay check-in")],
        [(CardKind.BACKSTAGE_ACTION, "Maintenance logs the noisy lift", "")],
        [(CardKind.BACKSTAGE_ACTION, "Night audit closes the folio", "")],
    ],
    LaneKind.SUPPORT_PROCESSES: [
        [(CardKind.SUPPORT_PROCESS, "Channel manager syncs rooms", "Across three booking sites")],
        [(CardKind.SUPPORT_PROCESS, "Property system assigns rooms", "")],
        [(CardKind.SUPPORT_PROCESS, "Housekeeping schedule", "Paper lists, updated at 10:00")],
        [(CardKind.SUPPORT_PROCESS, "Survey platform sends the survey", "")],
    ],
}
SCORES = [(0.5, 3.5, "Found a good rate"), (0.5, 2.0, "Queue at check-in"),
          (0.5, 1.5, "Lift noise at night"), (0.5, 3.5, "Quick check-out")]


def filled_blueprint() -> Journey:
    journey = load_template("service-blueprint")
    journey.title = "Hotel stay booked online"
    lanes = {lane.kind: lane for lane in journey.lanes}
    for kind, per_stage in CARDS.items():
        for stage, cards in zip(journey.stages, per_stage, strict=True):
            for card_kind, title, body in cards:
                add_card(journey, card_kind, stage.id, lanes[kind].id, title, body=body)
    for stage, (offset, score, label) in zip(journey.stages, SCORES, strict=True):
        add_emotion_point(journey, stage.id, offset, score, label)
    return journey
