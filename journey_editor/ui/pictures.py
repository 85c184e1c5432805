"""Decoding a persona picture for the screen, only once its header has been checked.

The picture comes from a file someone sent; ``model/pictures.py`` has already refused a
header claiming too many pixels. Qt's reader is still held to an allocation limit of its
own, in case a header lies, and decodes straight to the size shown.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from journey_editor.model import JourneyError
from journey_editor.model.limits import PICTURE_MAX_PIXELS
from journey_editor.model.pictures import check_picture

# Four bytes a pixel at the largest picture allowed, in the megabytes Qt counts in.
ALLOCATION_LIMIT_MB = PICTURE_MAX_PIXELS * 4 // 2**20 + 1


def picture_image(data: bytes, fit: QSize, what: str = "the picture") -> QImage:
    """The picture decoded at no more than ``fit`` (aspect kept); JourneyError if it can't be."""
    size = check_picture(what, data)  # before any decoder sees a byte
    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # a phone's photo stands the way it was taken
    scaled = QSize(size.width, size.height).scaled(fit, Qt.AspectRatioMode.KeepAspectRatio)
    if size.width > fit.width() or size.height > fit.height():
        reader.setScaledSize(scaled)
    image = reader.read()
    if image.isNull():
        raise JourneyError(f"{what} cannot be shown ({reader.errorString()})")
    return image
