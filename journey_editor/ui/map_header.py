"""The strip above the map: its title, what kind of map it is, and whose journey it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from journey_editor.model import Journey


class ElidedLabel(QWidget):
    """One line of plain text, cut with an ellipsis when the window is too narrow for it.

    A QLabel would widen the window to fit a long title, and would read map text as markup.
    """

    def __init__(self, pixel_size: int, bold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFont(self.font())
        font.setPixelSize(pixel_size)
        font.setBold(bold)
        self.setFont(font)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height() + 2)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._text = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(
            self._text, Qt.TextElideMode.ElideRight, self.width()
        )
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         shown)


class MapHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ElidedLabel(22, bold=True)
        self.about = ElidedLabel(15)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.about)

    def show_journey(self, journey: Journey) -> None:
        self.title.setText(journey.title)
        persona = journey.persona
        about = [f"{journey.kind.label} map"]
        if persona.name or persona.role:
            about.append("Persona: " + ", ".join(p for p in (persona.name, persona.role) if p))
        self.about.setText("  ·  ".join(about))
