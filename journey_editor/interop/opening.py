"""Reading a map the user chose: a .journey file, or a map in its JSON form."""

from __future__ import annotations

from pathlib import Path

from journey_editor.interop.json_form import journey_from_json
from journey_editor.model import Journey
from journey_editor.store import read_journey
from journey_editor.store.journey_file import read_text_file

JSON_SUFFIX = ".json"


def read_map(path: Path) -> Journey:
    """The map in ``path``; JourneyError with a one-line reason when it cannot be used."""
    if path.suffix.casefold() == JSON_SUFFIX:
        return journey_from_json(read_text_file(path))
    return read_journey(path)
