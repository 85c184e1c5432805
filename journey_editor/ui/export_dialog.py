"""File → Export…'s dialog: the target file and the options its format uses.

The format follows the file's suffix, and a Format box follows the suffix (for the keyboard);
options the format ignores are greyed out rather than hidden, so the dialog keeps its shape
while the user tries formats.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from journey_editor.export.files import (
    DPI_RANGE,
    DRAWN_SUFFIXES,
    ExportOptions,
    MapLayout,
    PageSize,
)

FORMATS = {
    ".pdf": "PDF document",
    ".png": "PNG image",
    ".svg": "SVG image",
    ".csv": "CSV spreadsheet",
    ".mmd": "Mermaid journey",
    ".json": "JSON",
}
LAYOUTS = {MapLayout.JOURNEY: "Journey map", MapLayout.BLUEPRINT: "Service blueprint"}
PAGES: dict[PageSize, str] = {
    PageSize.FIT: "Fit to one page",
    PageSize.TILE: "Poster on A4 tiles",
    **{
        size: size.value.capitalize()
        for size in PageSize
        if size not in (PageSize.FIT, PageSize.TILE)
    },
}
DEFAULT_SUFFIX = ".pdf"


def file_filter(suffix: str) -> str:
    """'.csv' -> 'CSV spreadsheet (*.csv)': one entry of a file dialog's filters."""
    return f"{FORMATS[suffix]} (*{suffix})"


FILTER_SUFFIXES = {file_filter(suffix): suffix for suffix in FORMATS}
SAVE_FILTERS = ";;".join(FILTER_SUFFIXES)


@dataclass(frozen=True)
class ExportChoice:
    target: Path
    options: ExportOptions


Item = TypeVar("Item")


def _combo(labels: Mapping[Item, str], current: Item) -> QComboBox:
    box = QComboBox()
    box.addItems(list(labels.values()))
    box.setCurrentIndex(list(labels).index(current))
    return box


def _chosen(box: QComboBox, labels: Mapping[Item, str]) -> Item:
    return list(labels)[box.currentIndex()]


class ExportDialog(QDialog):
    """Where to export and how. A relative file name is taken in the proposed folder."""

    def __init__(self, parent: QWidget, target: Path, options: ExportOptions) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export map")
        self._folder = target.parent
        # The file the save dialog already asked about replacing: not asked again.
        self._confirmed: Path | None = None
        self.path_edit = QLineEdit(str(target))
        self.browse_button = QPushButton("&Browse…")
        self.format_box = _combo(
            {suffix: f"{label} ({suffix})" for suffix, label in FORMATS.items()}, DEFAULT_SUFFIX
        )
        self.layout_box = _combo(LAYOUTS, options.layout)
        self.page_box = _combo(PAGES, options.page)
        self.dpi_box = QSpinBox()
        self.dpi_box.setRange(int(DPI_RANGE[0]), int(DPI_RANGE[1]))
        self.dpi_box.setSuffix(" dpi")
        self.dpi_box.setValue(round(options.dpi))
        self.emotion_check = QCheckBox("Include the e&motion line")
        self.emotion_check.setChecked(options.emotion_line)
        buttons = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(buttons.Ok | buttons.Cancel)
        self.export_button = self.buttons.button(buttons.Ok)
        self.export_button.setText("&Export")

        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, stretch=1)
        file_row.addWidget(self.browse_button)
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path_edit)
        self.form = QFormLayout(self)
        self.form.addRow(file_label, file_row)
        self.form.addRow("F&ormat:", self.format_box)
        self.form.addRow("&Layout:", self.layout_box)
        self.form.addRow("&Page:", self.page_box)
        self.form.addRow("&Resolution:", self.dpi_box)
        self.form.addRow("", self.emotion_check)
        self.form.addRow(self.buttons)
        self.path_edit.setMinimumWidth(self.path_edit.fontMetrics().averageCharWidth() * 60)

        self.format_box.currentIndexChanged.connect(self._format_chosen)
        self.path_edit.textEdited.connect(self._path_typed)
        self.path_edit.textChanged.connect(self._update_enabled)
        self.layout_box.currentIndexChanged.connect(self._update_enabled)
        self.browse_button.clicked.connect(self.browse)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._path_typed(str(target))
        self._update_enabled()

    def suffix(self) -> str:
        return _chosen(self.format_box, FORMATS)

    def target(self) -> Path:
        """The file to write; a name without a suffix we know gets the chosen format's."""
        path = self._folder / Path(self.path_edit.text().strip()).expanduser()
        if path.suffix.lower() in FORMATS:
            return path
        return path.with_name(path.name + self.suffix())

    def choice(self) -> ExportChoice:
        return ExportChoice(
            self.target(),
            ExportOptions(
                layout=_chosen(self.layout_box, LAYOUTS),
                page=_chosen(self.page_box, PAGES),
                dpi=float(self.dpi_box.value()),
                emotion_line=self.emotion_check.isChecked(),
            ),
        )

    def browse(self) -> None:
        start = str(self.target()) if self._named() else str(self._folder)
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self, "Export map", start, SAVE_FILTERS, file_filter(self.suffix())
        )
        if not chosen:
            return
        self._confirmed = path = Path(chosen)
        if path.suffix.lower() not in FORMATS:
            path = path.with_name(path.name + FILTER_SUFFIXES.get(chosen_filter, self.suffix()))
        self.path_edit.setText(str(path))
        self._path_typed(str(path))

    def accept(self) -> None:
        if not self._named():
            return
        target = self.target()
        if target.exists() and target != self._confirmed and not self._may_replace(target):
            return
        super().accept()

    def _may_replace(self, target: Path) -> bool:
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question, "Export map",
            f"“{target.name}” already exists in {target.parent}. Replace it?",
            buttons.Yes | buttons.No, self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file name is data, never markup
        box.setDefaultButton(buttons.No)
        return buttons(box.exec()) == buttons.Yes

    def _named(self) -> bool:
        """A file is named, not only a folder ("~", "..", a folder's path)."""
        typed = Path(self.path_edit.text().strip())
        if typed.name in ("", ".", ".."):
            return False
        return not (self._folder / typed.expanduser()).is_dir()

    def _format_chosen(self) -> None:
        """Give the file the chosen format's suffix, in place of another format's."""
        path = Path(self.path_edit.text().strip())
        typed = path.suffix.lower()
        if self._named() and typed in FORMATS and typed != self.suffix():
            self.path_edit.setText(str(path.with_suffix(self.suffix())))
        self._update_enabled()

    def _path_typed(self, text: str) -> None:
        """A suffix typed chooses its format."""
        typed = Path(text.strip()).suffix.lower()
        if typed in FORMATS:
            self.format_box.setCurrentIndex(list(FORMATS).index(typed))

    def _update_enabled(self) -> None:
        suffix = self.suffix()
        drawn = suffix in DRAWN_SUFFIXES
        blueprint = _chosen(self.layout_box, LAYOUTS) is MapLayout.BLUEPRINT
        for field, applies in (
            (self.layout_box, drawn),
            (self.page_box, suffix == ".pdf"),
            (self.dpi_box, suffix == ".png"),
            (self.emotion_check, drawn and blueprint),
        ):
            field.setEnabled(applies)
            label = self.form.labelForField(field)
            if label is not None:
                label.setEnabled(applies)
        self.export_button.setEnabled(self._named())


