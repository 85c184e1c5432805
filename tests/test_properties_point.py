"""The emotion point form: label, score in words, stage and the card that explains the point.

e06 in the sample map: "Bank sync fails", stage trial, score 1.5, tied to the pain point c26.
"""

from __future__ import annotations

import test_properties
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel
from pytestqt.qtbot import QtBot
from test_properties import choose, focus, last_command, type_line

from journey_editor.document import JourneyDocument
from journey_editor.model import CardKind, Journey
from journey_editor.ui.properties import PropertiesPanel
from journey_editor.ui.properties.fields import ChoiceField, ScoreField
from journey_editor.ui.properties.point_form import card_choice_label

# The fixtures of test_properties.py, taken by name.
document = test_properties.document
panel = test_properties.panel


def items(field: ChoiceField) -> list[str]:
    combo = field.editor
    assert isinstance(combo, QComboBox)
    return [combo.itemText(index) for index in range(combo.count())]


def score_field(panel: PropertiesPanel) -> ScoreField:
    field = panel.field("score")
    assert isinstance(field, ScoreField)
    return field


def choice(panel: PropertiesPanel, name: str) -> ChoiceField:
    field = panel.field(name)
    assert isinstance(field, ChoiceField)
    return field


def labels_of(journey: Journey, card_ids: list[str]) -> list[str]:
    return [card_choice_label(journey.cards[card_id]) for card_id in card_ids]


# Showing a point -------------------------------------------------------------------------


def test_the_panel_shows_the_points_values(panel: PropertiesPanel) -> None:
    panel.show_item("emotion", "e06")
    assert panel.shown_item() == ("emotion", "e06")
    assert panel.field("label").value() == "Bank sync fails"
    assert score_field(panel).value() == 1.5
    assert panel.field("stage_id").value() == "trial"
    assert choice(panel, "stage_id").editor.currentText() == "Trial"
    assert panel.field("card_id").value() == "c26"
    assert choice(panel, "card_id").editor.currentText() == (
        "Pain point: Bank sync fails at the second step"
    )
    visible = [form for forms in panel.pages.values() for form in forms if form.isVisible()]
    assert visible == panel.pages["emotion"]


def test_switching_points_shows_each_ones_values(panel: PropertiesPanel) -> None:
    panel.show_item("emotion", "e06")
    panel.show_item("emotion", "e11")
    assert panel.field("label").value() == "Price rise"
    assert score_field(panel).value() == 3.5
    assert panel.field("stage_id").value() == "renewal"
    assert panel.field("card_id").value() is None
    assert choice(panel, "card_id").editor.currentText() == "Not tied"


def test_the_score_shows_its_feeling_word(qtbot: QtBot, panel: PropertiesPanel) -> None:
    panel.show_item("emotion", "e06")
    score = score_field(panel)
    assert score.editor.text() == "1.5"
    assert score.feeling.text() == "Very negative"
    assert score.editor.accessibleDescription() == "Very negative"
    panel.show_item("emotion", "e07")
    assert score.feeling.text() == "Very positive"  # halfway: the word further from neutral
    # The word follows the digits as they are typed, before the entry is finished.
    focus(score.editor)
    score.editor.selectAll()
    qtbot.keyClicks(score.editor, "2.5")
    assert score.feeling.text() == "Negative"
    assert score.feeling.textFormat() == Qt.TextFormat.PlainText


def test_an_unknown_or_removed_point_shows_the_map(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "no-such-point")
    assert panel.shown_item() == ("map", "")
    panel.show_item("emotion", "e06")
    document.remove_emotion_point("e06")
    assert panel.shown_item() == ("map", "")
    document.undo_stack.undo()
    panel.show_item("emotion", "e06")
    assert panel.field("label").value() == "Bank sync fails"


def test_every_label_of_the_form_is_plain_text(panel: PropertiesPanel) -> None:
    panel.show_item("emotion", "e06")
    labels = panel.pages["emotion"][0].findChildren(QLabel)
    assert len(labels) >= 5
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


# Label and score -------------------------------------------------------------------------


def test_the_label_is_one_command_and_undo_shows_the_old_one(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "e06")
    type_line(qtbot, panel.field("label"), "Bank sync fails twice")
    assert document.undo_stack.count() == 1
    assert last_command(document) == "Edit emotion point"
    assert document.journey.emotion_points["e06"].label == "Bank sync fails twice"
    document.undo_stack.undo()
    assert document.journey.emotion_points["e06"].label == "Bank sync fails"
    assert panel.field("label").value() == "Bank sync fails"


def test_a_label_over_the_limit_is_refused_and_put_back(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "e06")
    label = panel.field("label")
    type_line(qtbot, label, "x" * 101)
    assert document.undo_stack.count() == 0
    assert document.journey.emotion_points["e06"].label == "Bank sync fails"
    assert label.value() == "Bank sync fails"
    assert not label.error.isHidden()
    assert "100" in label.error.text()
    type_line(qtbot, label, "Sync fails")
    assert label.error.isHidden()  # a good entry takes the message away


def test_a_typed_score_is_one_command_and_each_arrow_step_another(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "e06")
    score = score_field(panel)
    focus(score.editor)
    score.editor.selectAll()
    qtbot.keyClicks(score.editor, "4")
    assert document.undo_stack.count() == 0  # typing is not yet an entry
    qtbot.keyClick(score.editor, Qt.Key.Key_Return)
    assert document.undo_stack.count() == 1
    assert last_command(document) == "Edit emotion point"
    assert document.journey.emotion_points["e06"].score == 4.0
    assert score.feeling.text() == "Positive"
    qtbot.keyClick(score.editor, Qt.Key.Key_Up)
    assert document.journey.emotion_points["e06"].score == 4.5
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.journey.emotion_points["e06"].score == 1.5
    assert score.value() == 1.5
    assert score.feeling.text() == "Very negative"


def test_the_score_stays_within_the_scale(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "e07")  # 4.5
    score = score_field(panel)
    assert (score.editor.minimum(), score.editor.maximum()) == (1.0, 5.0)
    focus(score.editor)
    qtbot.keyClick(score.editor, Qt.Key.Key_Up)
    qtbot.keyClick(score.editor, Qt.Key.Key_Up)
    assert document.journey.emotion_points["e07"].score == 5.0
    assert document.undo_stack.count() == 1  # the step past the top changed nothing


def test_a_finer_score_from_a_file_is_not_rounded_by_looking_at_it(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    document.journey.emotion_points["e06"].score = 2.25
    panel.show_item("emotion", "e06")
    focus(score_field(panel).editor)
    panel.show_item("emotion", "e07")  # commits the entry in progress: there is none
    assert document.undo_stack.count() == 0
    assert document.journey.emotion_points["e06"].score == 2.25


def test_the_wheel_scrolls_past_the_score_without_changing_it(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "e06")
    spin = score_field(panel).editor
    wheel = QWheelEvent(
        QPointF(spin.rect().center()), QPointF(spin.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(spin, wheel)
    assert spin.value() == 1.5
    assert document.undo_stack.count() == 0


# Stage -----------------------------------------------------------------------------------


def test_the_stage_choice_moves_the_point(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "e06")
    stage = choice(panel, "stage_id")
    assert items(stage) == [s.name for s in document.journey.stages]
    choose(stage, "Renewal")
    point = document.journey.emotion_points["e06"]
    assert (point.stage_id, point.offset) == ("renewal", 0.45)
    assert document.undo_stack.count() == 1
    assert last_command(document) == "Edit emotion point"
    document.undo_stack.undo()
    assert document.journey.emotion_points["e06"].stage_id == "trial"
    assert stage.editor.currentText() == "Trial"


def test_the_stage_choices_follow_renames_moves_and_removals(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "e06")
    stage = choice(panel, "stage_id")
    document.update_stage("trial", name="Free trial")
    assert "Free trial" in items(stage)
    assert stage.editor.currentText() == "Free trial"
    document.move_stage("renewal", 0)
    assert items(stage)[0] == "Renewal"
    assert stage.editor.currentText() == "Free trial"
    assert stage.value() == "trial"
    document.remove_stage("awareness")
    assert "Awareness" not in items(stage)
    assert stage.editor.currentText() == "Free trial"
    new_stage = document.add_stage("Onboarding")
    assert "Onboarding" in items(stage)
    choose(stage, "Onboarding")
    assert document.journey.emotion_points["e06"].stage_id == new_stage


def test_removing_the_points_stage_shows_the_map(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "e06")
    document.remove_stage("trial")
    assert panel.shown_item() == ("map", "")


# Tied card -------------------------------------------------------------------------------


def test_the_card_choice_lists_the_stages_cards_in_map_order(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "e06")
    journey = document.journey
    trial = [card.id for card in journey.cards_in_order() if card.stage_id == "trial"]
    assert len(trial) == 14
    assert items(choice(panel, "card_id")) == ["Not tied", *labels_of(journey, trial)]
    assert "Moment of truth: First bank sync" in items(choice(panel, "card_id"))


def test_the_card_choice_ties_and_unties(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "e06")
    card = choice(panel, "card_id")
    choose(card, "Moment of truth: First bank sync")
    assert document.journey.emotion_points["e06"].card_id == "c21"
    choose(card, "Not tied")
    assert document.journey.emotion_points["e06"].card_id is None
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert card.value() == "c21"
    document.undo_stack.undo()
    assert card.value() == "c26"


def test_a_card_tied_from_another_stage_is_listed(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "e06")
    card = choice(panel, "card_id")
    choose(choice(panel, "stage_id"), "Renewal")
    renewal = [c.id for c in document.journey.cards_in_order() if c.stage_id == "renewal"]
    # c26 stays tied, listed after the stage's own cards.
    assert items(card) == ["Not tied", *labels_of(document.journey, [*renewal, "c26"])]
    assert card.value() == "c26"
    choose(card, "Not tied")
    assert items(card) == ["Not tied", *labels_of(document.journey, renewal)]


def test_the_card_choices_follow_cards_added_renamed_and_removed(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "e06")
    card = choice(panel, "card_id")
    added = document.add_card(CardKind.PAIN_POINT, "trial", "pain_points", "Slow support")
    assert "Pain point: Slow support" in items(card)
    document.update_card("c26", title="Bank sync fails")
    assert card.editor.currentText() == "Pain point: Bank sync fails"
    document.remove_cards(["c26"])
    assert document.journey.emotion_points["e06"].card_id is None
    assert card.editor.currentText() == "Not tied"
    assert "Pain point: Bank sync fails" not in items(card)
    document.move_cards([added], "renewal", "pain_points")
    assert "Pain point: Slow support" not in items(card)
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert card.value() == "c26"
    assert card.editor.currentText() == "Pain point: Bank sync fails"


def test_long_and_empty_titles_read_well_in_the_card_choice(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    long_title = "A very long title " * 8
    document.add_card(CardKind.NOTE, "trial", "thoughts", long_title)
    document.add_card(CardKind.NOTE, "trial", "thoughts", "")
    document.add_card(CardKind.NOTE, "trial", "thoughts", "Two\nlines")
    panel.show_item("emotion", "e06")
    shown = items(choice(panel, "card_id"))
    elided = [text for text in shown if text.startswith("Note: A very long title")]
    assert len(elided) == 1
    assert elided[0].endswith("…")
    assert len(elided[0]) <= len("Note: ") + 60
    assert "Note: (untitled)" in shown
    assert "Note: Two lines" in shown


def test_a_long_card_title_does_not_widen_the_panel(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("emotion", "e06")
    before = panel.pages["emotion"][0].minimumSizeHint().width()
    document.add_card(CardKind.NOTE, "trial", "thoughts", "W" * 300)
    document.update_stage("trial", name="W" * 100)
    assert panel.pages["emotion"][0].minimumSizeHint().width() <= before
