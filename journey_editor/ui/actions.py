"""Making menu actions: a name, shortcuts given as standard keys where the platform has one."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Keys = QKeySequence.StandardKey | str | Sequence[QKeySequence.StandardKey | str] | None


def make_action(
    parent: QWidget, text: str, keys: Keys, slot: Callable[[], object] | None = None
) -> QAction:
    action = QAction(text, parent)
    if keys is not None:
        wanted = keys if isinstance(keys, list | tuple) else [keys]
        action.setShortcuts([QKeySequence(key) for key in wanted])
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    return action
