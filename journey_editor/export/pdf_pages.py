"""The PDF's pages after the map: the persona, each stage's details, the opportunities by
impact and effort, and an index of every card. A4 portrait, text flowing from page to page."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from journey_editor.export.files import Progress, go_on
from journey_editor.export.pdf_canvas import pdf_colour
from journey_editor.export.pdf_text import PageText, Style
from journey_editor.layout import CARD_CUES, look
from journey_editor.model import Card, CardKind, Journey, Level
from journey_editor.model.emotions import feeling, pain_points_of_stage

MARGIN: float = 18 * mm
HEADING = Style(16, bold=True)
SUBHEADING = Style(12, bold=True)
BODY = Style(9.5)
LABEL = Style(9.5, bold=True, colour=look.SOFT_INK)
CELL = Style(8.5)
CELL_HEAD = Style(8.5, bold=True, colour=look.SOFT_INK)
QUOTE = Style(11, colour=look.SOFT_INK)
CARD_TITLE = Style(9, bold=True)
CARD_FACTS = Style(8, colour=look.SOFT_INK)
FOOT = Style(7.5, colour=look.SOFT_INK)
ROWS_BETWEEN_CHECKS = 100

# Opportunities first by impact (high first), then by effort (low first); unrated last.
IMPACT_ORDER = {Level.HIGH: 0, Level.MEDIUM: 1, Level.LOW: 2, None: 3}
EFFORT_ORDER = {Level.LOW: 0, Level.MEDIUM: 1, Level.HIGH: 2, None: 3}


class _Flow:
    """Text flowing down A4 pages: a new page when the next piece does not fit."""

    def __init__(self, canvas: Canvas, text: PageText, journey: Journey) -> None:
        self.canvas, self.text, self.journey = canvas, text, journey
        self.width, self.height = (float(side) for side in A4)
        self.y = 0.0
        self.open = False

    @property
    def room(self) -> float:
        return self.width - 2 * MARGIN

    def page(self, heading: str) -> None:
        self.finish_page()
        self.canvas.setPageSize(A4)
        self.open = True
        self.y = self.height - MARGIN
        self.line(heading, HEADING)
        self.y -= 6

    def finish_page(self) -> None:
        if self.open:
            footer = f"{self.journey.title} · page {self.canvas.getPageNumber()}"
            line = self.text.wrap(footer, self.room, FOOT, 1)[0]
            self.text.draw(line, MARGIN, MARGIN / 2, FOOT)
            self.canvas.showPage()
            self.open = False

    def need(self, height: float, heading: str) -> None:
        if self.y - height < MARGIN:
            self.page(heading)

    def line(self, text: str, style: Style, x: float = 0.0) -> None:
        self.y -= style.leading
        self.text.draw(text, MARGIN + x, self.y + style.leading - style.size, style)

    def paragraph(self, text: str, style: Style, heading: str, indent: float = 0.0) -> None:
        for line in self.text.wrap(text, self.room - indent, style):
            self.need(style.leading, heading)
            self.line(line, style, indent)

    def field(self, label: str, value: str, heading: str) -> None:
        if value.strip():
            self.need(2 * BODY.leading, heading)
            self.line(label, LABEL)
            self.paragraph(value, BODY, heading, indent=8)
            self.y -= 3

    def bullets(self, label: str, items: Sequence[str], heading: str) -> None:
        items = [item for item in items if item.strip()]
        if items:
            self.need(2 * BODY.leading, heading)
            self.line(label, LABEL)
            for item in items:
                for index, line in enumerate(self.text.wrap(item, self.room - 18, BODY)):
                    self.need(BODY.leading, heading)
                    self.line(line, BODY, 18)
                    if index == 0:  # the bullet hangs left of the item's lines
                        self.text.draw("•", MARGIN + 8, self.y + BODY.leading - BODY.size, BODY)
            self.y -= 3

    def table(
        self, headers: Sequence[str], shares: Sequence[float], rows: Sequence[Sequence[str]],
        heading: str, progress: Progress, share: tuple[float, float],
    ) -> None:
        """Rows of wrapped cells; the header row again at the top of each new page."""
        widths = [self.room * part for part in shares]
        self._table_row(headers, widths, CELL_HEAD, heading, headers)
        for index, row in enumerate(rows):
            if index % ROWS_BETWEEN_CHECKS == 0:
                go_on(progress, share[0] + share[1] * index / max(1, len(rows)))
            self._table_row(row, widths, CELL, heading, headers)

    def _table_row(
        self, cells: Sequence[str], widths: Sequence[float], style: Style, heading: str,
        headers: Sequence[str],
    ) -> None:
        wrapped = [self.text.wrap(cell, width - 6, style, max_lines=12) or [""]
                   for cell, width in zip(cells, widths, strict=True)]
        height = max(len(lines) for lines in wrapped) * style.leading + 4
        if self.y - height < MARGIN:
            self.page(heading + " (continued)")
            if style is not CELL_HEAD:
                self._table_row(headers, widths, CELL_HEAD, heading, headers)
        top = self.y
        x = MARGIN
        for lines, width in zip(wrapped, widths, strict=True):
            y = top - 2
            for line in lines:
                y -= style.leading
                self.text.draw(line, x + 3, y + style.leading - style.size, style)
            x += width
        self.y = top - height
        self.canvas.setStrokeColor(*pdf_colour(look.RULE))
        self.canvas.setLineWidth(0.6 if style is CELL else 1.0)
        self.canvas.line(MARGIN, self.y, MARGIN + self.room, self.y)


def write_detail_pages(
    canvas: Canvas, text: PageText, journey: Journey, progress: Progress
) -> None:
    flow = _Flow(canvas, text, journey)
    _persona(flow, journey)
    _stages(flow, journey)
    _opportunities(flow, journey, progress)
    _index(flow, journey, progress)
    flow.finish_page()


def _persona(flow: _Flow, journey: Journey) -> None:
    persona = journey.persona
    heading = "Persona"
    flow.page(heading)
    if persona.name.strip():
        flow.paragraph(persona.name, SUBHEADING, heading)
    if persona.role.strip():
        flow.paragraph(persona.role, BODY, heading)
    flow.y -= 6
    if persona.quote.strip():
        flow.paragraph(f"“{persona.quote.strip()}”", QUOTE, heading)
        flow.y -= 6
    flow.field("Core need", persona.core_need, heading)
    flow.field("Trigger event", persona.trigger_event, heading)
    channel = persona.primary_channel.label if persona.primary_channel else ""
    flow.field("Primary channel", channel, heading)
    flow.field("Conversion metric", persona.conversion_metric, heading)
    flow.bullets("Goals", persona.goals, heading)
    flow.bullets("Frustrations", persona.frustrations, heading)
    if not any((persona.name, persona.role, persona.core_need, persona.goals,
                persona.frustrations, persona.quote)):
        flow.paragraph("This map has no persona yet.", BODY, heading)
    if journey.description.strip():
        flow.y -= 6
        flow.field("About this map", journey.description, heading)


def _stages(flow: _Flow, journey: Journey) -> None:
    flow.page("Stages")
    points = journey.emotion_line()
    for index, stage in enumerate(journey.stages):
        title = f"Stage {index + 1} · {stage.name}"
        flow.need(4 * SUBHEADING.leading, "Stages")
        heading = title  # a page that this stage's details run onto says whose they are
        flow.y -= 4
        flow.paragraph(title, SUBHEADING, heading)
        flow.field("Customer goal", stage.customer_goal, heading)
        flow.bullets("Conversion goals", [f"{goal.kind.label}: {goal.description}"
                                          for goal in stage.conversion_goals], heading)
        if stage.metrics:
            flow.need(3 * CELL.leading + LABEL.leading, heading)
            flow.line("KPIs", LABEL)
            flow.table(
                ("KPI", "Target", "Actual", "Unit"), (0.46, 0.18, 0.18, 0.18),
                [(metric.name, _number(metric.target), _number(metric.actual), metric.unit)
                 for metric in stage.metrics],
                heading, lambda share: True, (0.0, 0.0),
            )
            flow.y -= 6
        flow.bullets("Emotional drivers", stage.emotional_drivers, heading)
        scores = [point.score for point in points if point.stage_id == stage.id]
        if scores:
            mean = sum(scores) / len(scores)
            flow.field("Emotion", f"{feeling(mean)} ({mean:.1f} of 5)", heading)
        pains = [f"{card.title}" + (f" (severity {card.severity} of 5)" if card.severity else "")
                 for card in pain_points_of_stage(journey, stage.id)]
        flow.bullets("Pain points", pains, heading)


def _opportunities(flow: _Flow, journey: Journey, progress: Progress) -> None:
    heading = "Opportunities by impact and effort"
    flow.page(heading)
    order = {stage.id: index for index, stage in enumerate(journey.stages)}
    chosen = sorted(
        (card for card in journey.cards_in_order() if card.kind is CardKind.OPPORTUNITY),
        key=lambda card: (IMPACT_ORDER[card.impact], EFFORT_ORDER[card.effort],
                          order[card.stage_id]),
    )
    if not chosen:
        flow.paragraph("This map has no opportunities yet.", BODY, heading)
        return
    flow.paragraph("High impact first; among equals, the least effort first.", BODY, heading)
    flow.y -= 4
    flow.table(
        ("Opportunity", "Stage", "Impact", "Effort", "Owner", "Status"),
        (0.34, 0.16, 0.1, 0.1, 0.16, 0.14),
        [(card.title, journey.stage(card.stage_id).name, _level(card.impact),
          _level(card.effort), card.owner, card.status.label if card.status else "")
         for card in chosen],
        heading, progress, (0.8, 0.05),
    )


def _index(flow: _Flow, journey: Journey, progress: Progress) -> None:
    """Every card in map order, by stage and lane, with all it holds: the map itself shows
    at most four lines of a card's body, and none of its owner, actors or evidence."""
    heading = "Index of cards"
    flow.page(heading)
    cards = journey.cards_in_order()
    if not cards:
        flow.paragraph("This map has no cards yet.", BODY, heading)
        return
    place = ("", "")
    for index, card in enumerate(cards):
        if index % ROWS_BETWEEN_CHECKS == 0:
            go_on(progress, 0.85 + 0.15 * index / len(cards))
        stage, lane = journey.stage(card.stage_id), journey.lane(card.lane_id)
        if (stage.id, lane.id) != place:
            place = (stage.id, lane.id)
            flow.need(SUBHEADING.leading + 3 * BODY.leading, heading)
            flow.y -= 4
            flow.paragraph(f"{stage.name} · {lane.name}", CELL_HEAD, heading)
        flow.need(2 * BODY.leading, heading)
        flow.paragraph(f"{CARD_CUES[card.kind].glyph} {card.title}", CARD_TITLE, heading, 8)
        if card.body.strip():
            flow.paragraph(card.body, CELL, heading, indent=20)
        facts = _card_facts(card)
        if facts:
            flow.paragraph(facts, CARD_FACTS, heading, indent=20)
        for evidence in card.evidence:
            reference = f" ({evidence.reference})" if evidence.reference.strip() else ""
            flow.paragraph(f"Evidence, {evidence.source.label.lower()}: {evidence.summary}"
                           f"{reference}", CARD_FACTS, heading, indent=20)
        flow.y -= 3


def _card_facts(card: Card) -> str:
    """The kind and the kind's own fields of a card, on one line."""
    facts = [card.kind.label]
    if card.span > 1:
        facts.append(f"spans {card.span} stages")
    if card.channel is not None:
        facts.append(f"channel: {card.channel.label}")
    if card.severity is not None:
        facts.append(f"severity {card.severity} of 5")
    if card.owner.strip():
        facts.append(f"owner: {card.owner}")
    if card.impact is not None:
        facts.append(f"impact: {card.impact.label.lower()}")
    if card.effort is not None:
        facts.append(f"effort: {card.effort.label.lower()}")
    if card.status is not None:
        facts.append(f"status: {card.status.label.lower()}")
    if card.actors:
        facts.append("actors: " + ", ".join(card.actors))
    return " · ".join(facts)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _level(level: Level | None) -> str:
    return level.label if level else "–"
