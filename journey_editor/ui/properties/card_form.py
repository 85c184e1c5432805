"""The card form: what a card says, then the fields of its own kind, then its research.

Every card carries every kind's fields, so a card keeps them when its kind changes; the
fields of the other kinds wait, folded, under a toggle rather than making a wall of fields.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

from journey_editor.document import JourneyDocument
from journey_editor.layout import CARD_CUES
from journey_editor.model import (
    Card,
    CardKind,
    Channel,
    Evidence,
    EvidenceSource,
    Level,
    OpportunityStatus,
)
from journey_editor.model.limits import SEVERITY_MAX, SEVERITY_MIN
from journey_editor.ui.properties.columns import ChoiceColumn, Column
from journey_editor.ui.properties.fields import (
    NOT_SET,
    ChoiceField,
    LineField,
    NumberField,
    Section,
    TextField,
    options,
)
from journey_editor.ui.properties.form import Form
from journey_editor.ui.properties.tables import TableField, text_list

KIND_CHOICES = [(f"{cue.glyph} {cue.label}", kind) for kind, cue in CARD_CUES.items()]


class CardForm(Form):
    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        card = self.section("Card")
        self.bind(card, "Kind", "kind", ChoiceField(KIND_CHOICES))
        self.bind(card, "Title", "title", LineField())
        self.bind(card, "Text", "body", TextField(lines=5))
        self.span = NumberField(1, 1)
        self.bind(card, "Stages spanned", "span", self.span,
                  "How many stages the card covers, from its own stage rightwards")

        self.kind_sections = {kind: Section(_titled(kind)) for kind in (
            CardKind.TOUCHPOINT, CardKind.PAIN_POINT, CardKind.OPPORTUNITY)}
        self._bind_kind_fields()

        research = self.section("Research")
        self.bind(research, "Actors", "actors", text_list("actor"),
                  "Who takes part: the customer, staff, partners")
        evidence = TableField(
            [ChoiceColumn("Source", EvidenceSource), Column("Summary"), Column("Reference")],
            Evidence, "evidence",
        )
        self.bind(research, "Evidence", "evidence", evidence,
                  "The research the card rests on: a quote or a figure, and where it is from")

        self.more = QToolButton()
        self.more.setCheckable(True)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more.setAutoRaise(True)
        self.more.toggled.connect(self._fold)
        self.others = QWidget()
        self.others_column = QVBoxLayout(self.others)
        self.others_column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.more)
        self.column.addWidget(self.others)
        self._arranged: CardKind | None = None
        self._fold(False)

    def _bind_kind_fields(self) -> None:
        touchpoint = self.kind_sections[CardKind.TOUCHPOINT]
        self.bind(touchpoint, "Channel", "channel", ChoiceField(options(Channel, NOT_SET)),
                  "Where the customer meets the brand: mobile and desktop journeys differ")
        pain = self.kind_sections[CardKind.PAIN_POINT]
        self.bind(pain, "Severity", "severity",
                  NumberField(SEVERITY_MIN, SEVERITY_MAX, none_text="Not rated"),
                  "1: a nuisance … 5: the customer gives up")
        opportunity = self.kind_sections[CardKind.OPPORTUNITY]
        self.bind(opportunity, "Owner", "owner", LineField(), "Who sees it through")
        self.bind(opportunity, "Impact", "impact", ChoiceField(options(Level, NOT_SET)))
        self.bind(opportunity, "Effort", "effort", ChoiceField(options(Level, NOT_SET)))
        self.bind(opportunity, "Status", "status",
                  ChoiceField(options(OpportunityStatus, NOT_SET)))

    def item(self) -> Card:
        return self.document.journey.card(self.item_id)

    def edit(self, **changes: Any) -> None:
        self.document.update_card(self.item_id, **changes)

    def exists(self, item_id: str) -> bool:
        return item_id in self.document.journey.cards

    def refresh(self, force: bool = False) -> None:
        card = self.item()
        journey = self.document.journey
        self.span.set_range(1, journey.widest_span(card.stage_id))
        self._arrange(card.kind)
        super().refresh(force)

    def _arrange(self, kind: CardKind) -> None:
        """The section of the card's own kind right under the card; the others folded."""
        if kind is self._arranged:
            return
        self._arranged = kind
        others = []
        for section_kind, section in self.kind_sections.items():
            self.column.removeWidget(section)
            self.others_column.removeWidget(section)
            if section_kind is kind:
                self.column.insertWidget(1, section)
            else:
                self.others_column.addWidget(section)
                others.append(CARD_CUES[section_kind].label.lower())
        self.more.setText("Fields of other kinds: " + ", ".join(others))

    def _fold(self, open_: bool) -> None:
        self.others.setVisible(open_)
        self.more.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)


def _titled(kind: CardKind) -> str:
    cue = CARD_CUES[kind]
    return f"{cue.glyph} {cue.label}"
