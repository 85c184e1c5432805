"""The properties panel: which form it shows, and how it keeps in step with the document.

The forms' own fields are tried in test_properties_forms.py, with the helpers defined here.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from journey_editor.document import JourneyDocument
from journey_editor.model import CardKind, Journey
from journey_editor.ui.properties import Field, PropertiesPanel
from journey_editor.ui.properties.tables import TableField

# Helpers shared with test_properties_forms.py -------------------------------------------


@pytest.fixture
def document(sample: Journey) -> JourneyDocument:
    return JourneyDocument(sample)


@pytest.fixture
def panel(qtbot: QtBot, document: JourneyDocument) -> PropertiesPanel:
    shown = PropertiesPanel(document)
    qtbot.addWidget(shown)
    shown.resize(380, 900)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def focus(widget: QWidget) -> None:
    widget.setFocus()
    QApplication.processEvents()  # offscreen, the focus arrives with the next events
    assert widget.hasFocus()


def type_line(qtbot: QtBot, field: Field, text: str) -> None:
    """Type over a one-line field and press Return, as a person finishes an entry."""
    assert isinstance(field.editor, QLineEdit)
    focus(field.editor)
    field.editor.selectAll()
    qtbot.keyClick(field.editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.editor, text)
    qtbot.keyClick(field.editor, Qt.Key.Key_Return)


def type_text(qtbot: QtBot, field: Field, text: str) -> None:
    """Type over a text box, then leave it."""
    focus(field.editor)
    field.editor.selectAll()
    qtbot.keyClicks(field.editor, text)
    field.editor.clearFocus()


def choose(field: Field, label: str) -> None:
    """Pick an entry of a choice field, as a click in its list would."""
    index = field.editor.findText(label)
    assert index >= 0, label
    field.editor.setCurrentIndex(index)
    field.editor.activated.emit(index)


def cell_texts(field: TableField) -> list[list[str]]:
    table = field.table
    return [[table.item(row, column).text() for column in range(table.columnCount())]
            for row in range(table.rowCount())]


def last_command(document: JourneyDocument) -> str:
    stack = document.undo_stack
    return stack.text(stack.count() - 1)


# The panel -------------------------------------------------------------------------------


def test_the_map_and_its_persona_show_first(panel: PropertiesPanel, sample: Journey) -> None:
    assert panel.shown_item() == ("map", "")
    assert panel.field("title").value() == sample.title
    assert panel.field("name").value() == sample.persona.name
    assert panel.field("goals").value() == sample.persona.goals


def test_switching_items_shows_each_ones_values(
    panel: PropertiesPanel, sample: Journey
) -> None:
    panel.show_item("card", "c01")
    assert panel.field("title").value() == sample.cards["c01"].title
    assert panel.field("evidence").value() == sample.cards["c01"].evidence
    panel.show_item("stage", "trial")
    assert panel.field("name").value() == "Trial"
    assert panel.field("metrics").value() == sample.stage("trial").metrics
    with pytest.raises(KeyError):
        panel.field("title")
    panel.show_item("lane", "backstage")
    assert panel.shown_item() == ("lane", "backstage")
    assert panel.field("name").value() == "Backstage"
    panel.show_item("card", "c02")
    assert panel.field("title").value() == sample.cards["c02"].title


def test_only_the_shown_items_form_is_visible(panel: PropertiesPanel) -> None:
    panel.show_item("stage", "awareness")
    visible = [form for forms in panel.pages.values() for form in forms if form.isVisible()]
    assert visible == panel.pages["stage"]


def test_an_unknown_item_shows_the_map_and_an_unknown_kind_is_an_error(
    panel: PropertiesPanel,
) -> None:
    panel.show_item("card", "no-such-card")
    assert panel.shown_item() == ("map", "")
    with pytest.raises(ValueError, match="link"):
        panel.show_item("link", "x")


def test_a_deleted_card_falls_back_to_the_map(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("card", "c01")
    document.remove_cards(["c01"])
    assert panel.shown_item() == ("map", "")


def test_a_card_undone_away_falls_back_to_the_map(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    card_id = document.add_card(CardKind.NOTE, "trial", "thoughts", "Ask the accountant")
    panel.show_item("card", card_id)
    document.undo_stack.undo()
    assert panel.shown_item() == ("map", "")
    document.undo_stack.redo()
    panel.show_item("card", card_id)
    assert panel.field("title").value() == "Ask the accountant"


def test_deleted_stage_and_lane_fall_back_to_the_map(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("stage", "renewal")
    document.remove_stage("renewal")
    assert panel.shown_item() == ("map", "")
    panel.show_item("lane", "backstage")
    document.remove_lane("backstage")
    assert panel.shown_item() == ("map", "")


def test_an_entry_in_progress_is_committed_before_another_item_shows(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("card", "c01")
    title = panel.field("title")
    focus(title.editor)
    title.editor.selectAll()
    qtbot.keyClicks(title.editor, "Adviser's tip")
    panel.show_item("card", "c02")
    assert document.journey.cards["c01"].title == "Adviser's tip"
    assert title.value() == document.journey.cards["c02"].title
    assert document.undo_stack.count() == 1


def test_an_edit_elsewhere_leaves_the_entry_being_typed_and_its_caret(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("card", "c01")
    title = panel.field("title").editor
    focus(title)
    title.setText("Half typed")
    title.setCursorPosition(4)
    document.update_card("c01", body="Changed on the canvas")
    assert panel.field("body").value() == "Changed on the canvas"
    assert title.text() == "Half typed"
    assert title.cursorPosition() == 4


def test_undo_and_redo_show_at_once(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("card", "c01")
    type_line(qtbot, panel.field("title"), "Adviser's tip")
    document.undo_stack.undo()
    assert panel.field("title").value() == "Accountant's recommendation"
    document.undo_stack.redo()
    assert panel.field("title").value() == "Adviser's tip"


def test_a_refusal_message_goes_when_another_item_shows(
    qtbot: QtBot, panel: PropertiesPanel
) -> None:
    panel.show_item("stage", "awareness")
    type_line(qtbot, panel.field("name"), " ")
    assert not panel.field("name").error.isHidden()
    panel.show_item("stage", "trial")
    assert panel.field("name").error.isHidden()


def test_every_label_shows_plain_text(panel: PropertiesPanel) -> None:
    for kind, item_id in (("card", "c01"), ("stage", "awareness"), ("lane", "actions")):
        panel.show_item(kind, item_id)
    labels = panel.findChildren(QLabel)
    assert labels
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_the_wheel_scrolls_past_a_choice_without_changing_it(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("lane", "actions")
    combo = panel.field("kind").editor
    before = combo.currentIndex()
    centre = QPointF(combo.rect().center())
    wheel = QWheelEvent(
        centre, QPointF(combo.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(combo, wheel)
    assert combo.currentIndex() == before
    assert document.undo_stack.count() == 0


def test_closing_with_an_entry_open_keeps_it_and_raises_nothing(
    qtbot: QtBot, document: JourneyDocument
) -> None:
    shown = PropertiesPanel(document)
    shown.show()
    qtbot.waitExposed(shown)
    shown.show_item("card", "c01")
    focus(shown.field("title").editor)
    qtbot.keyClicks(shown.field("title").editor, "Tip: ")
    shown.close()
    shown.deleteLater()
    qtbot.wait(10)
    assert document.journey.cards["c01"].title == "Tip: Accountant's recommendation"
    document.update_card("c01", body="after the panel went")  # no slot of the panel runs
