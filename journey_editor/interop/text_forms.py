"""The maps' text forms, by file suffix: what `export` can write and `import` can read.

The PDF and image exports are drawn, not written as text; they are not listed here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from journey_editor.interop.csv_form import journey_from_csv, journey_to_csv
from journey_editor.interop.json_form import journey_from_json, journey_to_json
from journey_editor.interop.mermaid import journey_from_mermaid, journey_to_mermaid
from journey_editor.model import Journey, JourneyError
from journey_editor.model.limits import MAP_TITLE_MAX

WRITERS: dict[str, Callable[[Journey], str]] = {
    ".json": journey_to_json,
    ".csv": journey_to_csv,
    ".mmd": journey_to_mermaid,
}
# Each reader takes the text and the file's name, which titles a map whose text has none.
READERS: dict[str, Callable[[str, str], Journey]] = {
    ".json": lambda text, name: journey_from_json(text),
    ".csv": lambda text, name: journey_from_csv(text, title=_title_from(name)),
    ".mmd": lambda text, name: journey_from_mermaid(text),
}


def writer_for(path: Path) -> Callable[[Journey], str]:
    return _by_suffix(path, WRITERS, "export to")


def reader_for(path: Path) -> Callable[[str, str], Journey]:
    return _by_suffix(path, READERS, "import from")


Form = TypeVar("Form")


def _title_from(file_name: str) -> str:
    """A map title from a file's name: within the limit, and never blank."""
    return file_name.strip()[:MAP_TITLE_MAX].strip() or "Imported map"


def _by_suffix(path: Path, forms: dict[str, Form], action: str) -> Form:
    form = forms.get(path.suffix.lower())
    if form is None:
        known = ", ".join(sorted(forms))
        raise JourneyError(f"cannot {action} '{path.suffix or path.name}' (known: {known})")
    return form
