"""Cards to and from the system clipboard, so they paste into another window or editor too.

Besides the map's own form, the clipboard gets the cards' titles as plain text, so a copy
pastes into a document or a chat as a list; plain text pasted onto the map becomes cards,
one per line, so a list drafted elsewhere lands in one go.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from journey_editor.interop.card_clipboard import (
    MIME_TYPE,
    PASTE_CARDS_MAX,
    cards_from_json,
    cards_to_json,
)
from journey_editor.model import Card, CardKind, JourneyError, Link, limits


def put_cards(cards: list[Card], links: list[Link]) -> None:
    data = QMimeData()
    data.setData(MIME_TYPE, cards_to_json(cards, links).encode("utf-8"))
    data.setText("\n".join(card.title for card in cards))
    QGuiApplication.clipboard().setMimeData(data)


def take_cards(kind: CardKind, stage_id: str, lane_id: str) -> tuple[list[Card], list[Link]]:
    """The cards on the clipboard; lines of plain text become cards of ``kind``.

    JourneyError when the clipboard holds neither.
    """
    data = QGuiApplication.clipboard().mimeData()
    if data is not None and data.hasFormat(MIME_TYPE):
        payload = bytes(data.data(MIME_TYPE).data()).decode("utf-8", errors="replace")
        return cards_from_json(payload)
    text = data.text() if data is not None and data.hasText() else ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    limits.check_count("cards in one paste", len(lines), PASTE_CARDS_MAX)
    if not lines:
        raise JourneyError("the clipboard holds no cards or text to paste")
    cards = [
        Card(id=f"pasted-{index}", kind=kind, stage_id=stage_id, lane_id=lane_id,
             position=index, title=line[: limits.CARD_TITLE_MAX])
        for index, line in enumerate(lines)
    ]
    return cards, []
