"""The stage form: the customer's goal in the stage, what it should convert, how it is measured."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from journey_editor.document import JourneyDocument
from journey_editor.model import ConversionGoal, GoalKind, Metric, Stage
from journey_editor.ui.properties.columns import ChoiceColumn, Column, NumberColumn
from journey_editor.ui.properties.fields import LineField, TextField
from journey_editor.ui.properties.form import Form
from journey_editor.ui.properties.tables import TableField, text_list


class StageForm(Form):
    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        stage = self.section("Stage")
        self.bind(stage, "Stage name", "name", LineField())
        self.bind(stage, "Customer goal", "customer_goal", TextField(lines=3),
                  "What the customer wants or asks themselves here: their mindset")
        goals = TableField([ChoiceColumn("Kind", GoalKind), Column("Goal")],
                           ConversionGoal, "goal")
        self.bind(stage, "Conversion goals", "conversion_goals", goals,
                  "Macro: the business outcome; micro: a step towards it; "
                  "negative: the customer turning away")
        kpis = TableField(
            [Column("KPI"), NumberColumn("Target"), NumberColumn("Actual"),
             Column("Unit", stretch=False)],
            Metric, "KPI",
        )
        self.bind(stage, "KPIs", "metrics", kpis,
                  "What is measured in the stage, its target and the actual figure")
        self.bind(stage, "Emotional drivers", "emotional_drivers", text_list("driver"),
                  "What moves the customer here: trust, urgency, security, belonging …")

    def item(self) -> Stage:
        return self.document.journey.stage(self.item_id)

    def edit(self, **changes: Any) -> None:
        self.document.update_stage(self.item_id, **changes)

    def exists(self, item_id: str) -> bool:
        return any(stage.id == item_id for stage in self.document.journey.stages)
