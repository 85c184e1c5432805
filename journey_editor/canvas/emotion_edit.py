"""Editing the emotion line by hand: find the point under the pointer, drag it, add one,
nudge it with the arrow keys, and pick out the pain points under a dip.

A drag shows the line reshaped on every mouse move (the layout's own curve, computed for
the point where the pointer is) and ends in one ``move_emotion_point``: one command, however
long the drag.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from journey_editor.canvas.gesture import PressThenDrag
from journey_editor.layout import EmotionCurve, EmotionDip, EmotionMark, Point
from journey_editor.layout.emotion import (
    Placement,
    dip_near,
    mark_near,
    nudged,
    place_on_line,
    with_point_at,
)
from journey_editor.layout.locate import Direction
from journey_editor.model import feeling, pain_points_of_stage

if TYPE_CHECKING:
    from journey_editor.canvas.emotion_line import EmotionLineItem
    from journey_editor.canvas.scene import JourneyScene

# A point can be grabbed this far from its centre, in screen pixels, at any zoom: a fingertip
# or a shaky hand on a projector's remote mouse still lands on it.
GRAB_PIXELS = 22.0
# In map pixels: zoomed in, the grab area is never smaller than the dot; zoomed far out,
# never so large that a press anywhere on the band takes a point (then points are too small
# to aim at anyway, and a double-click between them should add one).
MIN_REACH, MAX_REACH = 10.0, 60.0
# Arrow keys move a selected point a twentieth of a stage along, or half a step of the scale.
NUDGES = {
    Direction.LEFT: (-0.05, 0.0),
    Direction.RIGHT: (0.05, 0.0),
    Direction.UP: (0.0, 0.5),
    Direction.DOWN: (0.0, -0.5),
}


@dataclass(frozen=True)
class LineHit:
    """What a pointer is over on an emotion line: a point, a dip marker, or the band."""

    lane_id: str
    mark: EmotionMark | None = None
    dip: EmotionDip | None = None


def hit(scene: JourneyScene, pos: QPointF) -> LineHit | None:
    """The emotion line under ``pos``, if any: its point or dip marker when near enough."""
    reach = min(MAX_REACH, max(MIN_REACH, GRAB_PIXELS / max(scene.view_scale, 1e-6)))
    x, y = pos.x(), pos.y()
    for curve in scene.layout.emotion_curves:
        band = curve.band
        if not (band.x - reach <= x <= band.right + reach and band.y <= y <= band.bottom):
            continue
        mark = mark_near(curve, x, y, reach)
        dip = dip_near(curve, x, y, reach)
        # A dip's marker sits just under its point: the nearer of the two is meant.
        if dip is not None and (mark is None or _distance(dip.at, pos) < _distance(mark.at, pos)):
            return LineHit(curve.lane_id, dip=dip)
        if mark is not None:
            return LineHit(curve.lane_id, mark=mark)
        if band.x <= x <= band.right:
            return LineHit(curve.lane_id)
    return None


def in_sight(scene: JourneyScene, point_id: str) -> bool:
    """Whether the point's dot is in a view, on any of the lines that draw it."""
    for view in scene.views():
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        for curve in scene.layout.emotion_curves:
            for mark in curve.marks:
                if mark.point_id == point_id and seen.contains(mark.at.x, mark.at.y):
                    return True
    return False


def find_mark(
    scene: JourneyScene, point_id: str, lane_id: str = ""
) -> tuple[EmotionCurve, EmotionMark] | None:
    """A point where it is drawn: on the line of ``lane_id``, or else (a map may have several
    emotions lanes) on the line nearest the middle of the view."""
    curves = list(scene.layout.emotion_curves)
    if any(c.lane_id == lane_id for c in curves):
        curves = [c for c in curves if c.lane_id == lane_id]
    if len(curves) > 1:
        views = scene.views()
        if views:
            middle = views[0].mapToScene(views[0].viewport().rect().center()).y()
            curves.sort(key=lambda c: abs(c.band.y + c.band.h / 2 - middle))
    for curve in curves[:1]:
        for mark in curve.marks:
            if mark.point_id == point_id:
                return curve, mark
    return None


def add_point_at(scene: JourneyScene, lane_id: str, pos: QPointF) -> None:
    """A new point where the pointer is, selected."""
    curve = _curve(scene, lane_id)
    place = place_on_line(scene.layout, curve, pos.x(), pos.y())
    document = scene.document
    scene.run(lambda: document.add_emotion_point(place.stage_id, place.offset, place.score))


def select_pain_points(scene: JourneyScene, dip: EmotionDip) -> None:
    """Clicking a dip picks out the pain points of its stage, where the cause should be."""
    journey = scene.document.journey
    stage = journey.stage(dip.stage_id).name
    cards = [card.id for card in pain_points_of_stage(journey, dip.stage_id)]
    if not cards:
        scene.notice.emit(f"No pain points in {stage!r} yet: add one to say what hurt here")
        return
    scene.select_cards(cards)
    chosen = "the pain point" if len(cards) == 1 else f"{len(cards)} pain points"
    scene.notice.emit(f"Selected {chosen} in {stage!r}")


def nudge(scene: JourneyScene, point_id: str, direction: Direction) -> None:
    """Up and Down change the score, Left and Right move the point, into the next stage too."""
    along, up = NUDGES[direction]
    place = nudged(scene.document.journey, point_id, along, up)
    document = scene.document
    scene.run(lambda: document.move_emotion_point(
        point_id, place.stage_id, place.offset, place.score
    ))


class PointDrag(PressThenDrag):
    """A press on a point: a click selects it, a drag moves it (Shift: up and down only)."""

    # Along the line, a point may be taken to stages out of sight; the scale is all in view,
    # and scrolling it under a still pointer would change the score by itself.
    SCROLLS_AT_EDGES = (True, False)

    def __init__(
        self, scene: JourneyScene, line: EmotionLineItem, mark: EmotionMark,
        event: QGraphicsSceneMouseEvent,
    ) -> None:
        super().__init__(event)
        self._scene = scene
        self._line = line
        self._mark = mark
        self._placement: Placement | None = None
        # Where in the dot the pointer took hold: the dot keeps that offset, so it does not
        # jump to the pointer when a drag starts off its centre.
        self._grip = QPointF(mark.at.x, mark.at.y) - event.scenePos()
        self._upright = False  # Shift held: the point keeps its place across the stages
        scene.select_point(mark.point_id, line.curve.lane_id, reveal=False)

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        self._upright = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        super().move(event)

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        self._upright = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        super().release(event)

    def drag_to(self, pos: QPointF) -> None:
        at = pos + self._grip
        scene = self._scene
        curve = self._line.curve
        place = place_on_line(scene.layout, curve, at.x(), at.y())
        if self._upright:
            place = Placement(self._mark.stage_id, self._mark.offset, place.score)
        self._placement = place
        shown = with_point_at(scene.layout, curve, self._mark.point_id, self._placement)
        moved = _mark_of(shown, self._mark.point_id)
        score = self._placement.score
        self._line.show_curve(
            shown, (QPointF(moved.at.x, moved.at.y), f"{feeling(score)} · {score:.1f}")
        )

    def drop(self, pos: QPointF) -> None:
        self.abandon()
        place = self._placement
        if place is not None:
            document = self._scene.document
            point_id = self._mark.point_id
            self._scene.run(lambda: document.move_emotion_point(
                point_id, place.stage_id, place.offset, place.score
            ))

    def abandon(self) -> None:
        self._line.show_curve(self._line.curve)


def _distance(at: Point, pos: QPointF) -> float:
    return math.hypot(at.x - pos.x(), at.y - pos.y())


def _curve(scene: JourneyScene, lane_id: str) -> EmotionCurve:
    return next(curve for curve in scene.layout.emotion_curves if curve.lane_id == lane_id)


def _mark_of(curve: EmotionCurve, point_id: str) -> EmotionMark:
    return next(mark for mark in curve.marks if mark.point_id == point_id)
