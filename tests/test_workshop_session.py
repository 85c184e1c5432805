"""A workshop session, as a new user would run it, in the real window on the sample map.

The issue's acceptance line: create ten cards by dragging them from the palette onto cells
(several kinds, stages and lanes), move cards across stages and lanes with the mouse (one of
them a Ctrl-click selection moved together), reorder two stages by dragging a header, then
undo everything and redo everything. Model, canvas and saved file agree at every step, and
each undo and redo walks exactly through the maps seen on the way.

The hands are the shared canvas harness (``test_canvas_scene.Canvas``) put on the window's
own view; the palette drop is ``test_canvas_create``'s.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from test_canvas_create import drop_from_palette
from test_canvas_headers import header_point
from test_canvas_scene import Canvas, assert_items_match_layout

from journey_editor.canvas import CARD_KIND_MIME
from journey_editor.canvas.lod import OVERVIEW_SCALE
from journey_editor.layout import DEFAULT_STYLE
from journey_editor.model import CardKind, Journey
from journey_editor.store import read_journey, save_journey
from journey_editor.ui.editor import Editor
from journey_editor.ui.main_window import MainWindow
from journey_editor.ui.palette import card_kind_mime

CTRL = Qt.KeyboardModifier.ControlModifier
WINDOW_SIZE = (1920, 1080)


class WindowCanvas(Canvas):
    """The shared harness's hands and eyes on the canvas of a real window.

    Canvas.__init__ builds a bare scene and view of its own; here they are the window's.
    """

    def __init__(self, window: MainWindow) -> None:
        self.document = window.document
        self.journey = window.document.journey
        self.scene = window.scene
        self.view = window.view
        self.errors: list[str] = []
        self.focus: list[tuple[str, str]] = []
        self.scene.error.connect(self.errors.append)
        self.notices: list[str] = []
        self.scene.notice.connect(self.notices.append)
        self.scene.focus_changed.connect(lambda kind, ident: self.focus.append((kind, ident)))

    def at(self, scene_pos: QPointF) -> QPoint:
        """Where a hand points, which must be on the screen: nothing is done off it."""
        point = super().at(scene_pos)
        assert self.viewport.rect().contains(point), f"{scene_pos} is out of sight"
        return point


@dataclass
class Step:
    """One command of the session: its name in the Edit menu and the map it left."""

    command: str
    journey: Journey


@dataclass
class Workshop:
    """The window the session runs in, what it has done so far, and where files go."""

    window: MainWindow
    canvas: WindowCanvas
    opened: Path
    folder: Path
    steps: list[Step] = field(default_factory=list)
    files_written: int = 0

    @property
    def journey(self) -> Journey:
        return self.window.document.journey


@pytest.fixture
def workshop(qtbot: QtBot, tmp_path: Path, sample: Journey) -> Iterator[Workshop]:
    """The sample map saved and opened in a full-HD window."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    editor = Editor(settings)
    opened = tmp_path / "studio-books.journey"
    save_journey(sample, opened)
    window = editor.open_file(opened)
    assert window is not None
    window.resize(*WINDOW_SIZE)
    qtbot.waitExposed(window)
    # Zoomed out as far as cards are still drawn in full: the whole map, grown by ten
    # cards, stays in view, so every drag is one a hand could do without scrolling.
    window.view.set_zoom(OVERVIEW_SCALE)
    window.view.show_start()
    assert not window.scene.overview.active
    canvas = WindowCanvas(window)
    folder = tmp_path / "steps"
    folder.mkdir()
    assert window.document.journey == sample
    opening = Step("Opened", copy.deepcopy(window.document.journey))
    session = Workshop(window, canvas, opened, folder, [opening])
    assert_everything_agrees(session)
    yield session
    for shown in list(editor.windows):
        shown.document.undo_stack.setClean()  # nothing to ask about while tearing down
        shown.close()


# What is checked after every step -------------------------------------------------------------


def assert_everything_agrees(workshop: Workshop) -> None:
    """The canvas shows the model, and a file written now reads back as the model."""
    canvas, journey = workshop.canvas, workshop.journey
    assert canvas.scene.style is DEFAULT_STYLE  # the style the shared check lays out with
    assert_items_match_layout(canvas)
    assert list(canvas.scene.stage_items) == [stage.id for stage in journey.stages]
    # Not document.save: it marks the undo stack clean, which would move the modified mark.
    workshop.files_written += 1
    path = workshop.folder / f"step-{workshop.files_written:03}.journey"
    save_journey(journey, path)
    assert read_journey(path) == journey
    assert canvas.errors == []


def record_step(workshop: Workshop, command: str) -> None:
    """A step just done: the Edit menu names it, and the map it left is remembered."""
    window = workshop.window
    assert window.edit_actions.undo_action.text() == f"&Undo {command}"
    assert window.isWindowModified()
    assert workshop.journey != workshop.steps[-1].journey, f"{command} changed nothing"
    workshop.steps.append(Step(command, copy.deepcopy(workshop.journey)))
    assert window.document.undo_stack.count() == len(workshop.steps) - 1
    assert_everything_agrees(workshop)


# What the user does ---------------------------------------------------------------------------


def drag_kind_onto_cell(
    workshop: Workshop, kind: CardKind, stage_id: str, lane_id: str, title: str
) -> str:
    """A kind dragged from the palette to the bottom of a cell, then its title typed."""
    canvas, journey = workshop.canvas, workshop.journey
    before = set(journey.cards)
    already = len(journey.cards_in(stage_id, lane_id))
    payload = bytes(card_kind_mime(kind).data(CARD_KIND_MIME).data())
    assert drop_from_palette(canvas, payload, canvas.cell_point(stage_id, lane_id))
    (card_id,) = journey.cards.keys() - before
    card = journey.cards[card_id]
    assert (card.kind, card.stage_id, card.lane_id, card.position) == (
        kind, stage_id, lane_id, already
    )
    record_step(workshop, f"Add {kind.label.lower()}")
    editor = canvas.scene.editor
    assert editor is not None, "a dropped card's title is typed in place"
    QTest.keyClicks(editor.line_edit, title)
    QTest.keyClick(editor.line_edit, Qt.Key.Key_Return)
    assert canvas.scene.editor is None
    assert journey.cards[card_id].title == title
    record_step(workshop, "Rename card")
    return card_id


def cards_at_end_of(workshop: Workshop, stage_id: str, lane_id: str, count: int) -> list[str]:
    return [card.id for card in workshop.journey.cards_in(stage_id, lane_id)[-count:]]


def drag_card_to_cell(workshop: Workshop, card_id: str, stage_id: str, lane_id: str) -> None:
    """A card dragged with the mouse to the bottom of another cell."""
    canvas = workshop.canvas
    canvas.drag(canvas.card_centre(card_id), canvas.cell_point(stage_id, lane_id))
    assert cards_at_end_of(workshop, stage_id, lane_id, 1) == [card_id]
    assert canvas.scene.selected_card_ids() == [card_id]
    record_step(workshop, "Move card")


def drag_together_to_cell(
    workshop: Workshop, card_ids: list[str], stage_id: str, lane_id: str
) -> None:
    """Click one card, Ctrl-click the others, drag the last one: they all go, in map order."""
    canvas = workshop.canvas
    first, *others = card_ids
    canvas.click(canvas.card_centre(first))
    for card_id in others:
        canvas.click(canvas.card_centre(card_id), CTRL)
    chosen = canvas.scene.selected_card_ids()
    assert sorted(chosen) == sorted(card_ids)
    canvas.drag(canvas.card_centre(card_ids[-1]), canvas.cell_point(stage_id, lane_id))
    assert cards_at_end_of(workshop, stage_id, lane_id, len(card_ids)) == chosen
    assert canvas.scene.selected_card_ids() == chosen
    record_step(workshop, f"Move {len(card_ids)} cards")


def drag_stage_header_before(workshop: Workshop, stage_id: str, before_id: str) -> None:
    """A stage's header dragged along the header row to just inside another stage's left edge,
    so it is put back before that stage."""
    canvas = workshop.canvas
    start = header_point(canvas, stage_id=stage_id)
    edge = canvas.scene.stage_items[before_id].sceneBoundingRect().left()
    canvas.drag(start, QPointF(edge + 10, start.y()))
    order = [stage.id for stage in workshop.journey.stages]
    assert order.index(stage_id) == order.index(before_id) - 1
    name = workshop.journey.stage(stage_id).name
    record_step(workshop, f"Move stage {name!r}")


def undo_everything(workshop: Workshop) -> None:
    """Edit > Undo, step by step: each gives back exactly the map before that step."""
    window = workshop.window
    undo, redo = window.edit_actions.undo_action, window.edit_actions.redo_action
    steps = workshop.steps
    for done, before in zip(reversed(steps[1:]), reversed(steps[:-1]), strict=True):
        assert undo.text() == f"&Undo {done.command}"
        undo.trigger()
        assert workshop.journey == before.journey, f"undoing {done.command}"
        assert redo.text() == f"&Redo {done.command}"
        assert_everything_agrees(workshop)
    assert not undo.isEnabled()


def redo_everything(workshop: Workshop) -> None:
    """Edit > Redo, step by step: each gives back exactly the map that step made."""
    window = workshop.window
    undo, redo = window.edit_actions.undo_action, window.edit_actions.redo_action
    for step in workshop.steps[1:]:
        assert redo.text() == f"&Redo {step.command}"
        redo.trigger()
        assert workshop.journey == step.journey, f"redoing {step.command}"
        assert undo.text() == f"&Undo {step.command}"
        assert_everything_agrees(workshop)
    assert not redo.isEnabled()


# The session ----------------------------------------------------------------------------------


def test_a_workshop_session_undone_and_redone_agrees_at_every_step(workshop: Workshop) -> None:
    window, journey = workshop.window, workshop.journey
    assert not window.isWindowModified()

    # Ten cards from the palette: every kind once, in every stage and in six of the lanes.
    made = {
        title: drag_kind_onto_cell(workshop, kind, stage, lane, title)
        for kind, stage, lane, title in [
            (CardKind.TOUCHPOINT, "awareness", "touchpoints", "Podcast advert"),
            (CardKind.PAIN_POINT, "consideration", "pain_points", "Pricing hides the VAT"),
            (CardKind.OPPORTUNITY, "consideration", "opportunities", "Prices with VAT"),
            (CardKind.THOUGHT, "trial", "thoughts", "Will my accountant like it?"),
            (CardKind.MOMENT_OF_TRUTH, "purchase", "actions", "First invoice sent"),
            (CardKind.BACKSTAGE_ACTION, "purchase", "backstage", "Card payment checked"),
            (CardKind.SUPPORT_PROCESS, "first_vat_return", "support_processes", "HMRC link"),
            (CardKind.EVIDENCE, "renewal", "touchpoints", "Renewal e-mail"),
            (CardKind.NOTE, "awareness", "emotions", "Ask the research team"),
            (CardKind.ACTION, "renewal", "actions", "Exports last year"),
        ]
    }
    assert len(journey.cards) == 70

    # Cards moved with the mouse: across stages, across lanes, across both.
    drag_card_to_cell(workshop, made["Podcast advert"], "trial", "touchpoints")
    drag_card_to_cell(workshop, made["Ask the research team"], "awareness", "opportunities")
    drag_card_to_cell(workshop, made["Card payment checked"], "renewal", "support_processes")
    an_old_card = journey.cards_in("trial", "actions")[0].id
    drag_card_to_cell(workshop, an_old_card, "consideration", "thoughts")
    # Three cards in three stages and lanes, chosen with Ctrl-click and moved as one.
    drag_together_to_cell(
        workshop,
        [made["Prices with VAT"], made["Will my accountant like it?"], made["HMRC link"]],
        "purchase", "opportunities",
    )

    # Trial and Purchase change places: Trial's header dragged to before First VAT return.
    drag_stage_header_before(workshop, "trial", "first_vat_return")
    assert [stage.id for stage in journey.stages][2:4] == ["purchase", "trial"]
    assert len(workshop.steps) == 1 + 20 + 5 + 1

    undo_everything(workshop)
    assert journey == read_journey(workshop.opened)  # the map as it was opened
    assert not window.isWindowModified()
    assert not window.document.modified

    redo_everything(workshop)
    assert journey == workshop.steps[-1].journey
    assert window.isWindowModified()

    # File > Save writes the map made, and the modified mark goes.
    window.document.save()
    assert read_journey(workshop.opened) == journey
    assert not window.isWindowModified()
