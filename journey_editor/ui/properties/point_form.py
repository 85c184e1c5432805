"""The emotion point form: the words beside a point of the line, how the customer feels there,
the stage it sits in and the card that explains it.

Where in its stage the point sits is left to dragging it on the canvas.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from journey_editor.document import JourneyDocument
from journey_editor.layout import one_line
from journey_editor.model import Card, EmotionPoint, Journey
from journey_editor.ui.properties.fields import ChoiceField, LineField, Option, ScoreField
from journey_editor.ui.properties.form import Form

NOT_TIED = "Not tied"
UNTITLED = "(untitled)"
TITLE_SHOWN = 60  # characters of a card's title in the list, so a long one stays one line
# Stage names and card titles can be long: without a cap the choice widens the whole dock.
CHOICE_WIDTH = 16


class EmotionPointForm(Form):
    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        point = self.section("Emotion point")
        self.bind(point, "Label", "label", LineField(),
                  "A few words the line shows beside the point")
        self.bind(point, "Score", "score", ScoreField(),
                  "How the customer feels here: 1 very negative … 3 neutral … 5 very positive")
        self.stage = _narrow(ChoiceField([]))
        self.bind(point, "Stage", "stage_id", self.stage, "The stage the point sits in")
        self.card = _narrow(ChoiceField([(NOT_TIED, None)]))
        self.bind(point, "Tied to card", "card_id", self.card,
                  "The card of the stage that explains the feeling: a pain point, a moment "
                  "of truth …")

    def item(self) -> EmotionPoint:
        return self.document.journey.emotion_points[self.item_id]

    def edit(self, **changes: Any) -> None:
        self.document.update_emotion_point(self.item_id, **changes)

    def exists(self, item_id: str) -> bool:
        return item_id in self.document.journey.emotion_points

    def refresh(self, force: bool = False) -> None:
        # The choices are map data too: stages renamed, reordered, cards added or moved.
        journey = self.document.journey
        point = self.item()
        self.stage.set_choices([(stage.name, stage.id) for stage in journey.stages])
        self.card.set_choices(card_choices(journey, point))
        super().refresh(force)


def card_choices(journey: Journey, point: EmotionPoint) -> list[Option]:
    """"Not tied", then the cards at home in the point's stage, in map order.

    A card tied from another stage (the point was moved) is listed last, so the form can show
    what the point is tied to.
    """
    cards = journey.cards_of_stage(point.stage_id)
    tied = journey.cards.get(point.card_id or "")
    if tied is not None and tied.stage_id != point.stage_id:
        cards = [*cards, tied]
    return [(NOT_TIED, None), *((card_choice_label(card), card.id) for card in cards)]


def card_choice_label(card: Card) -> str:
    """"Pain point: Bank sync fails", on one line and of bounded length."""
    # Whitespace collapsed: a title from a file may hold line breaks, which a list cannot show.
    return f"{card.kind.label}: {one_line(card.title, TITLE_SHOWN) or UNTITLED}"


def _narrow(field: ChoiceField) -> ChoiceField:
    field.editor.setSizeAdjustPolicy(
        QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
    )
    field.editor.setMinimumContentsLength(CHOICE_WIDTH)
    return field
