"""The emotion line's verbs: add a point, move it (a drag is one command), edit, delete."""

from __future__ import annotations

from typing import Any

from journey_editor import model
from journey_editor.document.core import DocumentCore

POINT = "emotion point"


class EmotionLineVerbs(DocumentCore):
    def add_emotion_point(
        self, stage_id: str, offset: float, score: float, label: str = "",
        card_id: str | None = None,
    ) -> str:
        point_id = model.new_id("emotion")
        self._push(
            f"Add {POINT}",
            lambda: model.add_emotion_point(
                self.journey, stage_id, offset, score, label, card_id, point_id=point_id
            ),
            lambda: model.remove_emotion_point(self.journey, point_id),
            selected=[point_id], points=True,
        )
        return point_id

    def move_emotion_point(
        self, point_id: str, stage_id: str, offset: float, score: float
    ) -> None:
        """Put a point somewhere else on the line: what a drag ends in."""
        self._update_point(
            point_id, {"stage_id": stage_id, "offset": offset, "score": score},
            f"Move {POINT}",
        )

    def update_emotion_point(self, point_id: str, **changes: Any) -> None:
        """Change a point's label, score, stage, position or the card it is tied to."""
        self._update_point(point_id, changes, None)

    def remove_emotion_point(self, point_id: str) -> None:
        point = model.remove_emotion_point(self.journey, point_id)

        def put_back() -> None:
            model.add_emotion_point(
                self.journey, point.stage_id, point.offset, point.score, point.label,
                point.card_id, point_id=point.id,
            )

        self._push_applied(
            f"Delete {POINT}",
            lambda: model.remove_emotion_point(self.journey, point_id),
            put_back,
            selected=[],
            selected_before=[point_id],
            points=True,
        )

    def _update_point(self, point_id: str, changes: dict[str, Any], text: str | None) -> None:
        point = self.journey.emotion_points.get(point_id)
        if point is None:
            raise model.JourneyError(f"no emotion point with id {point_id!r}")
        self._update(
            point, changes, POINT,
            lambda **values: model.update_emotion_point(self.journey, point_id, **values),
            selected=[point_id], text=text, points=True,
        )
