"""The forms of the properties panel: each field is one named command, undone in the form too,
and a refused value shows its message, changes nothing and puts the model's value back."""

from __future__ import annotations

import test_properties
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot
from test_properties import cell_texts, choose, focus, last_command, type_line, type_text

from journey_editor.document import JourneyDocument
from journey_editor.model import (
    CardKind,
    Channel,
    ConversionGoal,
    Evidence,
    EvidenceSource,
    GoalKind,
    JourneyKind,
    LaneKind,
    Level,
    Metric,
    Zone,
)
from journey_editor.ui.properties import PropertiesPanel
from journey_editor.ui.properties.card_form import CardForm
from journey_editor.ui.properties.tables import TableField

# The fixtures of test_properties.py, taken by name.
document = test_properties.document
panel = test_properties.panel


def table(panel: PropertiesPanel, name: str) -> TableField:
    field = panel.field(name)
    assert isinstance(field, TableField)
    return field


# Cards -----------------------------------------------------------------------------------


def test_card_title_is_one_command_and_undo_shows_the_old_one(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("card", "c01")
    type_line(qtbot, panel.field("title"), "Adviser's tip")
    assert document.undo_stack.count() == 1
    assert last_command(document) == "Rename card"
    assert document.journey.cards["c01"].title == "Adviser's tip"
    document.undo_stack.undo()
    assert document.journey.cards["c01"].title == "Accountant's recommendation"
    assert panel.field("title").value() == "Accountant's recommendation"


def test_card_text_commits_when_the_box_is_left(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("card", "c01")
    body = panel.field("body").editor
    focus(body)
    body.selectAll()
    qtbot.keyClicks(body, "Two lines")
    qtbot.keyClick(body, Qt.Key.Key_Return)  # a new line, not the end of the entry
    qtbot.keyClicks(body, "of text")
    assert document.undo_stack.count() == 0
    body.clearFocus()
    assert document.undo_stack.count() == 1  # not one command a key
    assert last_command(document) == "Edit card"
    assert document.journey.cards["c01"].body == "Two lines\nof text"


def test_card_kind_puts_its_own_fields_first(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("card", "c01")
    form = panel.pages["card"][0]
    assert isinstance(form, CardForm)
    assert form.column.indexOf(form.kind_sections[CardKind.TOUCHPOINT]) == 1
    assert form.others.isHidden()
    choose(panel.field("kind"), "⚠ Pain point")
    assert last_command(document) == "Edit card"
    assert document.journey.cards["c01"].kind is CardKind.PAIN_POINT
    assert form.column.indexOf(form.kind_sections[CardKind.PAIN_POINT]) == 1
    assert form.kind_sections[CardKind.TOUCHPOINT].parent() is form.others
    assert form.more.text() == "Fields of other kinds: touchpoint, opportunity"
    form.more.click()
    assert panel.field("channel").isVisible()  # a pain point keeps its channel, folded
    document.undo_stack.undo()
    assert panel.field("kind").value() is CardKind.TOUCHPOINT


def test_touchpoint_channel_and_opportunity_fields(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("card", "c01")
    choose(panel.field("channel"), "Not set")
    assert document.journey.cards["c01"].channel is None
    choose(panel.field("channel"), "Mobile app")
    assert document.journey.cards["c01"].channel is Channel.MOBILE_APP
    type_line(qtbot, panel.field("owner"), "Growth team")
    choose(panel.field("impact"), "High")
    card = document.journey.cards["c01"]
    assert (card.owner, card.impact) == ("Growth team", Level.HIGH)
    assert document.undo_stack.count() == 4


def test_severity_is_rated_or_not(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("card", "c01")
    severity = panel.field("severity")
    assert severity.value() is None
    assert severity.editor.text() == "Not rated"
    focus(severity.editor)
    severity.editor.selectAll()
    qtbot.keyClicks(severity.editor, "4")
    assert document.undo_stack.count() == 0  # typing is not yet an entry
    qtbot.keyClick(severity.editor, Qt.Key.Key_Return)
    assert document.journey.cards["c01"].severity == 4
    qtbot.keyClick(severity.editor, Qt.Key.Key_Up)
    assert document.journey.cards["c01"].severity == 5
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert severity.value() is None


def test_span_reaches_to_the_last_stage(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("card", "c01")  # in the first of six stages
    span = panel.field("span").editor
    assert (span.minimum(), span.maximum()) == (1, 6)
    focus(span)
    qtbot.keyClick(span, Qt.Key.Key_Up)
    assert document.journey.cards["c01"].span == 2
    document.move_cards(["c01"], "renewal", "touchpoints")
    assert (span.maximum(), span.value()) == (1, 1)


def test_actors_and_evidence_rows(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("card", "c01")
    actors = table(panel, "actors")
    actors.add_button.click()
    assert document.undo_stack.count() == 0  # a blank row is a draft
    actors.table.item(2, 0).setText("Studio manager")
    assert document.journey.cards["c01"].actors == ["Maya", "Accountant", "Studio manager"]

    evidence = table(panel, "evidence")
    evidence.add_button.click()
    evidence.table.item(1, 1).setText("Two of five said the same")
    assert document.journey.cards["c01"].evidence[1] == Evidence(
        EvidenceSource.INTERVIEW, "Two of five said the same"
    )
    evidence.table.selectRow(0)
    evidence.remove_button.click()
    assert [e.summary for e in document.journey.cards["c01"].evidence] == [
        "Two of five said the same"
    ]
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    assert len(evidence.value()) == 2


def test_evidence_source_is_picked_by_its_label(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("card", "c01")
    evidence = table(panel, "evidence")
    assert cell_texts(evidence)[0][0] == "interview"
    delegate = evidence.table.itemDelegateForColumn(0)
    assert delegate.displayText("support_ticket", QLocale()) == "Support ticket"

    evidence.table.editItem(evidence.table.item(0, 0))
    combo = evidence.table.viewport().findChild(QComboBox)
    assert combo is not None
    assert combo.currentText() == "Interview"
    picked = combo.findText("Support ticket")
    combo.setCurrentIndex(picked)
    combo.activated.emit(picked)
    assert document.journey.cards["c01"].evidence[0].source is EvidenceSource.SUPPORT_TICKET
    assert last_command(document) == "Edit card"


def test_evidence_without_a_summary_is_refused(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("card", "c01")
    evidence = table(panel, "evidence")
    evidence.add_button.click()
    evidence.table.item(1, 2).setText("Interview P3")
    assert "evidence summary must not be empty" in evidence.error.text()
    assert not evidence.error.isHidden()
    assert document.undo_stack.count() == 0
    assert evidence.table.rowCount() == 1  # back to the model's list


# Stages ----------------------------------------------------------------------------------


def test_stage_name_and_customer_goal(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("stage", "awareness")
    type_line(qtbot, panel.field("name"), "Discovery")
    assert last_command(document) == "Rename stage"
    type_text(qtbot, panel.field("customer_goal"), "What do studios use?")
    assert last_command(document) == "Edit stage"
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert panel.field("name").value() == "Awareness"
    assert document.journey.stage("awareness").name == "Awareness"


def test_an_empty_stage_name_is_refused(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("stage", "awareness")
    name = panel.field("name")
    type_line(qtbot, name, "   ")
    assert name.error.text() == "stage name must not be empty"
    assert not name.error.isHidden()
    assert name.value() == "Awareness"
    assert document.undo_stack.count() == 0
    type_line(qtbot, name, "Discovery")
    assert name.error.isHidden()


def test_a_stage_name_is_shown_as_the_model_keeps_it(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("stage", "awareness")
    type_line(qtbot, panel.field("name"), "  Discovery  ")
    assert panel.field("name").value() == "Discovery"


def test_kpis_commit_whole_and_refuse_a_target_that_is_no_number(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("stage", "awareness")
    kpis = table(panel, "metrics")
    assert cell_texts(kpis)[0] == [
        "Organic visits from small-business searches", "12000", "9400", "visits/month",
    ]
    kpis.table.item(1, 1).setText("40.5")
    assert last_command(document) == "Edit stage"
    assert document.journey.stage("awareness").metrics[1].target == 40.5

    # Typed into the cell's own editor, as a person would.
    kpis.table.setCurrentCell(0, 1)
    kpis.table.editItem(kpis.table.item(0, 1))
    cell_editor = kpis.table.viewport().findChild(QLineEdit)
    assert cell_editor is not None
    cell_editor.selectAll()
    qtbot.keyClicks(cell_editor, "lots")
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kpis.table.state() != QAbstractItemView.State.EditingState)
    assert kpis.error.text() == "Target must be a number, such as 12 or 4.5; got 'lots'"
    assert cell_texts(kpis)[0][1] == "12000"
    assert document.journey.stage("awareness").metrics[0].target == 12000.0
    assert document.undo_stack.count() == 1


def test_a_kpi_is_added_with_an_empty_target(panel: PropertiesPanel) -> None:
    panel.show_item("stage", "awareness")
    kpis = table(panel, "metrics")
    kpis.add_button.click()
    kpis.table.item(2, 0).setText("Newsletter sign-ups")
    assert kpis.value()[2] == Metric("Newsletter sign-ups")


def test_conversion_goals_and_emotional_drivers(
    panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("stage", "awareness")
    goals = table(panel, "conversion_goals")
    goals.table.item(0, 0).setText("micro")
    stage = document.journey.stage("awareness")
    assert stage.conversion_goals[0].kind is GoalKind.MICRO
    drivers = table(panel, "emotional_drivers")
    drivers.table.item(1, 0).setText("")  # an emptied entry leaves the list
    assert stage.emotional_drivers == ["worry"]
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert cell_texts(drivers) == [["worry"], ["hope"]]
    assert goals.value()[0] == ConversionGoal(GoalKind.MACRO, stage.conversion_goals[0].description)


# Lanes -----------------------------------------------------------------------------------


def test_lane_name_kind_and_zone(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("lane", "thoughts")
    type_line(qtbot, panel.field("name"), "Thinking")
    assert last_command(document) == "Rename lane"
    choose(panel.field("kind"), "Frontstage")
    lane = document.journey.lane("thoughts")
    # The lane's zone was its kind's, so it follows the new kind, in the same command.
    assert (lane.name, lane.kind, lane.zone) == ("Thinking", LaneKind.FRONTSTAGE, Zone.FRONTSTAGE)
    assert panel.field("zone").value() is Zone.FRONTSTAGE
    choose(panel.field("zone"), "Backstage")
    assert lane.zone is Zone.BACKSTAGE
    assert last_command(document) == "Edit lane"
    assert document.undo_stack.count() == 3
    for _ in range(3):
        document.undo_stack.undo()
    assert (lane.name, lane.kind, lane.zone) == ("Thoughts", LaneKind.THOUGHTS, Zone.NONE)
    assert [panel.field(name).value() for name in ("name", "kind", "zone")] == [
        "Thoughts", LaneKind.THOUGHTS, Zone.NONE,
    ]


def test_a_duplicate_lane_name_is_refused(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    panel.show_item("lane", "thoughts")
    name = panel.field("name")
    type_line(qtbot, name, "Actions")
    assert "Actions" in name.error.text()
    assert name.value() == "Thoughts"
    assert document.undo_stack.count() == 0


# The map and its persona -----------------------------------------------------------------


def test_map_title_kind_and_description(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    type_line(qtbot, panel.field("title"), "Studio books, today")
    assert last_command(document) == "Rename map"
    choose(panel.field("kind"), "Future state")
    assert document.journey.kind is JourneyKind.FUTURE_STATE
    type_text(qtbot, panel.field("description"), "From twelve interviews")
    assert document.journey.description == "From twelve interviews"
    type_line(qtbot, panel.field("title"), "")
    assert panel.field("title").error.text() == "map title must not be empty"
    assert panel.field("title").value() == "Studio books, today"
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert panel.field("kind").value() is JourneyKind.CURRENT_STATE
    assert document.journey.kind is JourneyKind.CURRENT_STATE


def test_persona_fields(
    qtbot: QtBot, panel: PropertiesPanel, document: JourneyDocument
) -> None:
    type_line(qtbot, panel.field("name"), "Maya H.")
    assert last_command(document) == "Rename persona"
    type_text(qtbot, panel.field("quote"), "Numbers at midnight, never again.")
    choose(panel.field("primary_channel"), "Mobile app")
    frustrations = table(panel, "frustrations")
    frustrations.table.item(0, 0).setText("Broken formulas")
    persona = document.journey.persona
    assert persona.name == "Maya H."
    assert persona.quote == "Numbers at midnight, never again."
    assert persona.primary_channel is Channel.MOBILE_APP
    assert persona.frustrations[0] == "Broken formulas"
    assert last_command(document) == "Edit persona"
    document.undo_stack.undo()
    assert frustrations.value()[0].startswith("Spreadsheet formulas")
