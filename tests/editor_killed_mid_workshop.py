"""An editor process that opens a map, makes a few edits and then waits to be killed.

Run by tests/test_session_ui.py: ``python editor_killed_mid_workshop.py MAP SETTINGS``. It
prints "edited" once the edits are made; the test then kills it with SIGKILL, as a crash
or a flat battery would, and a new editor must offer to restore the edits.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from journey_editor.model import CardKind
from journey_editor.ui.editor import Editor


def main() -> None:
    map_path, settings_path = Path(sys.argv[1]), sys.argv[2]
    app = QApplication([])
    editor = Editor(QSettings(settings_path, QSettings.Format.IniFormat))
    window = editor.open_file(map_path)
    assert window is not None
    document = window.document
    journey = document.journey
    first = journey.cards_in_order()[0]
    document.update_card(first.id, title="Renamed in the workshop")
    stage, lane = journey.stages[1], journey.lanes[0]
    document.add_card(CardKind.PAIN_POINT, stage.id, lane.id, "Found after lunch")
    document.add_stage("Referral")
    document.remove_cards([journey.cards_in_order()[-1].id])
    document.undo_stack.undo()  # undone: three edits now stand between the map and its file
    app.processEvents()
    print("edited", flush=True)
    time.sleep(120)


if __name__ == "__main__":
    main()
