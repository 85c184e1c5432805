"""Cards on the clipboard: the JSON form of some cards and the links among them.

Pasting may happen in another window or another running editor, so the payload is plain
JSON in the map's own JSON form, and is read back as untrusted as any file.
"""

from __future__ import annotations

import json

from journey_editor.interop.json_form import Reader, card_from_reader, card_to_dict
from journey_editor.model import Card, JourneyError, Link, new_id
from journey_editor.model.limits import check_count

MIME_TYPE = "application/x-journey-editor-cards+json"
FORMAT = "journey-editor-cards"
# A paste is one step of undo in a live workshop: far more than anyone copies at once, and
# small enough that a hostile clipboard cannot stall the editor.
PASTE_CARDS_MAX = 2_000
PAYLOAD_MAX_CHARS = 20_000_000


def cards_to_json(cards: list[Card], links: list[Link]) -> str:
    """The cards in order, with the links whose both ends are among them."""
    ids = {card.id for card in cards}
    return json.dumps(
        {
            "format": FORMAT,
            "cards": [card_to_dict(card) for card in cards],
            "links": [
                {"from": link.source_id, "to": link.target_id, "label": link.label}
                for link in links
                if link.source_id in ids and link.target_id in ids
            ],
        },
        ensure_ascii=False,
    )


def cards_from_json(text: str) -> tuple[list[Card], list[Link]]:
    """Cards and links from a clipboard payload; JourneyError when it is not one."""
    if len(text) > PAYLOAD_MAX_CHARS:
        raise JourneyError(f"the clipboard holds more than {PAYLOAD_MAX_CHARS:,} characters")
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise JourneyError("the clipboard holds no cards") from None
    doc = Reader(data, "")
    if doc.get("format", str, "") != FORMAT:
        raise JourneyError("the clipboard holds no cards")
    items = doc.items("cards")
    check_count("cards in one paste", len(items), PASTE_CARDS_MAX)
    positions: dict[tuple[str, str], int] = {}
    cards = [card_from_reader(item, positions) for item in items]
    links = [
        item.build(
            Link,
            id=new_id("link"),
            source_id=item.get("from", str),
            target_id=item.get("to", str),
            label=item.get("label", str, ""),
        )
        for item in doc.items("links")
    ]
    return cards, links
