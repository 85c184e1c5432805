"""The persona's picture: chosen from a file, shown small, undone; a picture that could hurt
(a decompression bomb, a lie in its header, a huge file) is refused before it is decoded."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest
import test_properties
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from journey_editor.document import JourneyDocument
from journey_editor.model import JourneyError
from journey_editor.model.limits import PICTURE_MAX_BYTES
from journey_editor.ui.pictures import picture_image
from journey_editor.ui.properties import PropertiesPanel
from journey_editor.ui.properties.picture_field import PictureField

document = test_properties.document
panel = test_properties.panel


def picture_field(panel: PropertiesPanel) -> PictureField:
    field = panel.field("picture")
    assert isinstance(field, PictureField)
    return field


def photo(path: Path, width: int = 640, height: int = 480, kind: str = "JPG") -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3F6E8C"))
    assert image.save(str(path), kind)
    return path


def png_claiming(width: int, height: int, rows: bytes | None = None) -> bytes:
    """A small PNG whose header claims ``width`` × ``height`` pixels: a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    if rows is None:
        rows = zlib.compress(b"\0" * 1_000_000, 9)  # a megabyte of zeros in a kilobyte
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(
        b"IEND", b""
    )


def test_a_chosen_picture_is_one_command_shown_small_and_undone(
    panel: PropertiesPanel, document: JourneyDocument, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen = photo(tmp_path / "maya.jpg")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(chosen), ""))
    field = picture_field(panel)
    assert field.thumbnail.text() == "No picture" and not field.remove_button.isEnabled()
    field.choose_button.click()
    assert document.journey.persona.picture == chosen.read_bytes()
    assert document.undo_stack.text(document.undo_stack.index() - 1) == "Edit persona"
    shown = field.thumbnail.pixmap()
    assert (shown.width(), shown.height()) == (96, 72)  # 640 × 480, decoded at its size
    field.remove_button.click()
    assert document.journey.persona.picture is None
    document.undo_stack.undo()
    assert document.journey.persona.picture == chosen.read_bytes()
    assert not field.thumbnail.pixmap().isNull()


@pytest.mark.parametrize(
    ("contents", "message"),
    [
        (png_claiming(100_000, 100_000), "100,000 × 100,000 pixels; the limit is 40 megapixels"),
        (png_claiming(30_000, 10), "30,000 × 10 pixels"),
        (b"GIF89a" + b"\0" * 4, "header is cut short"),
        (b"%PDF-1.7 not a picture", "not a PNG, JPEG, GIF or WebP picture"),
        (png_claiming(64, 64, b"not deflated"), "cannot be shown"),  # its data is not a picture
        (b"\xff\xd8" + b"\0" * (PICTURE_MAX_BYTES + 10), "is 6 MiB; the limit is 5 MiB"),
    ],
)
def test_a_picture_that_could_hurt_is_refused_and_nothing_changes(
    panel: PropertiesPanel, document: JourneyDocument, tmp_path: Path, contents: bytes,
    message: str,
) -> None:
    path = tmp_path / "picture.png"
    path.write_bytes(contents)
    field = picture_field(panel)
    field.take_file(path)
    assert message in field.error.text() and "\n" not in field.error.text()
    assert document.journey.persona.picture is None
    assert document.undo_stack.count() == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_chosen_as_the_picture_is_refused_at_once(
    panel: PropertiesPanel, document: JourneyDocument, tmp_path: Path
) -> None:
    path = tmp_path / "picture.png"
    os.mkfifo(path)  # reading it would wait for a writer that never comes
    field = picture_field(panel)
    field.take_file(path)
    assert field.error.text() == "picture.png: is not a regular file"
    assert document.journey.persona.picture is None


def test_pictures_decode_to_the_size_shown(tmp_path: Path) -> None:
    # Qt writes no GIF; reading its header is tested in test_pictures.py.
    for kind, name in (("PNG", "p.png"), ("JPG", "p.jpg"), ("WEBP", "p.webp")):
        data = photo(tmp_path / name, 4000, 1000, kind).read_bytes()
        image = picture_image(data, QSize(96, 96))
        assert (image.width(), image.height()) == (96, 24), kind
    with pytest.raises(JourneyError, match="not a PNG"):
        picture_image(b"BM" + b"\0" * 100, QSize(96, 96))


def test_a_map_opened_with_a_picture_shows_it(qtbot: QtBot, document: JourneyDocument,
                                              tmp_path: Path) -> None:
    document.update_persona(picture=photo(tmp_path / "p.jpg").read_bytes())
    shown = PropertiesPanel(document)
    qtbot.addWidget(shown)
    assert not picture_field(shown).thumbnail.pixmap().isNull()
