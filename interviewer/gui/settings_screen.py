"""Settings: devices, voice, rate, model, silence thresholds, data folder; saved between runs.

The speech model is picked by name from the catalog (adapters/models.py), each with what it
costs, or from a local folder. A model that is not on this machine is downloaded only when the
user presses Download; the download runs on a worker thread with a progress bar and Cancel.
"""
from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from interviewer.adapters import models as model_catalog
from interviewer.app.model_choice import model_choice_text
from interviewer.adapters.pulse_sources import chosen_source
from interviewer.app.labels import device_label, english_voices_first, input_label, output_setup_found_text
from interviewer.app.settings import RANGES, AppSettings, output_setup_for, with_output_setup
from interviewer.app.services import DeviceList
from interviewer.gui import theme
from interviewer.gui.wrap_row import WrapRow

DEFAULT_CHOICE = "(system default)"
LABEL_MAX_WIDTH = 200  # logical px: longer labels wrap (_form_label)
OUTPUT_SETUP_LABELS = {"unknown": "Not known", "headphones": "Headphones",
                       "loudspeakers": "Loudspeakers (talking does not interrupt)"}


class SettingsScreen(QWidget):
    saved = Signal(object)  # the new AppSettings
    sample_requested = Signal(object, int)  # voice id (None: the system's), rate: "Speak a sample"
    # From the download thread to the GUI thread (queued):
    _download_progress = Signal(int, int)  # bytes done, bytes in all (0: not known yet)
    _download_finished = Signal(str, object)  # model name, None or the error (DownloadCancelled)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None, download=None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._input_labels: dict[str, str] = {}  # the microphones' names (DeviceList.input_labels)
        self._download = download or model_catalog.download  # (name, progress, cancel) -> folder
        self._cancel_download: threading.Event | None = None
        self._download_progress.connect(self._show_progress)
        self._download_finished.connect(self._download_done)

        self.input_device = QComboBox()
        self.output_device = QComboBox()
        self.voice = QComboBox()
        self.rate = QSpinBox()
        self.rate.setRange(*(int(x) for x in RANGES["speech_rate"]))
        self.rate.setSuffix(" words/min")
        # The guide's sample here too: a voice was chosen by name only (trial 27). The window
        # speaks it off the GUI thread (speak_sample_in_background) and the voice in use stays.
        self.sample_button = QPushButton("Speak a sample")
        self.sample_button.setToolTip("Hear the chosen voice and speech rate (nothing is saved)")
        self.sample_button.clicked.connect(
            lambda: self.sample_requested.emit(self.voice.currentData(), self.rate.value()))
        self.voice_status = QLabel()
        self.voice_status.setWordWrap(True)
        self.voice_status.setProperty("role", "muted")
        self.model = QComboBox()
        self.model.currentIndexChanged.connect(self._model_changed)
        browse_model = QPushButton("Folder...")
        # Two "Folder..." buttons on one screen: each says which folder (a screen reader heard
        # "Folder..." twice).
        browse_model.setAccessibleName("Choose a model folder")
        browse_model.setToolTip("Use a CTranslate2 Whisper model from a folder on this computer")
        browse_model.clicked.connect(self._browse_model)
        self.download_button = QPushButton("Download")
        self.download_button.setToolTip("Download the selected model once; rounds then run offline")
        self.download_button.clicked.connect(self.start_download)
        self.model_cost = QLabel()
        self.model_cost.setWordWrap(True)
        # Which model is in use and what happens next (app.model_choice.model_choice_text): never
        # blank, also once a change is undone (trial 46).
        self.model_in_use = QLabel()
        self.model_in_use.setWordWrap(True)
        self.download_progress = QProgressBar()
        self.download_progress.setRange(0, 1000)
        self.download_progress.setFormat("%p%")
        self.cancel_download = QPushButton("Cancel")
        self.cancel_download.clicked.connect(self.stop_download)
        self.download_row = _row(self.download_progress, self.cancel_download)
        self.download_row.hide()
        self.end_after_silence = _seconds_box(*RANGES["end_answer_after_silence"], "off (press a key to end an answer)")
        self.nudge_after_silence = _seconds_box(*RANGES["nudge_after_silence"], "off")
        self.long_pause = _seconds_box(*RANGES["long_pause_seconds"], None)
        self.warning_minutes = QDoubleSpinBox()
        self.warning_minutes.setRange(*RANGES["warning_minutes"])
        self.warning_minutes.setDecimals(1)  # "2.0 min" beside "8.0 s", not "2.00 min"
        self.warning_minutes.setSingleStep(0.5)
        self.warning_minutes.setSuffix(" min")
        self.warning_minutes.setSpecialValueText("no warnings")
        self.theme = QComboBox()
        for mode in theme.MODES:
            self.theme.addItem(theme.MODE_LABELS[mode], mode)
        self.theme.setToolTip("Light, dark, or whatever the desktop uses (View > Theme switches at once).")
        self.text_size = QComboBox()
        for percent in theme.TEXT_SIZES:
            self.text_size.addItem(f"{percent} %", percent)
        self.text_size.setToolTip("The size of all the app's text, applied when you save")
        self.data_dir = QLineEdit()
        # The default folder, shown while the field is empty (it said only "default data folder");
        # the folder chosen is the field's value. The placeholder showed the folder in use, so
        # with a folder chosen, clearing the field seemed to keep it.
        from interviewer.paths import default_data_dir
        self.data_dir.setPlaceholderText(f"default: {default_data_dir()}")
        self.data_dir.setToolTip(f"Recordings, the database and your own question scripts. "
                                 f"Empty: the default folder, {default_data_dir()}")
        self.data_dir.setClearButtonEnabled(True)  # back to the default folder
        browse_data = QPushButton("Folder...")
        browse_data.setAccessibleName("Choose the data folder")
        browse_data.setToolTip("Choose where recordings, the database and your own question scripts are kept")
        browse_data.clicked.connect(self._browse_data)
        self.output_setup = QComboBox()
        for setup, label in OUTPUT_SETUP_LABELS.items():
            self.output_setup.addItem(label, setup)
        self.output_setup.setToolTip("How you hear the interviewer: headphones, or loudspeakers the microphone also "
                                     "hears. The Check screen's echo check finds this. With loudspeakers the "
                                     "interviewer does not stop when you talk (its own voice would stop it): "
                                     "press Space.")
        self.output_setup_note = QLabel()
        self.output_setup_note.setWordWrap(True)
        self.output_setup_note.setProperty("role", "muted")
        self.output_device.currentIndexChanged.connect(self._show_output_setup)
        self.devices_note = QLabel("Looking for microphones, speakers and voices...")
        self.devices_note.setWordWrap(True)

        for combo in (self.input_device, self.output_device, self.voice, self.model, self.theme):
            # Long device and voice names elide in the box instead of widening the whole page.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
        model_notes = QWidget()
        notes_layout = QVBoxLayout(model_notes)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(self.model_cost)
        notes_layout.addWidget(self.model_in_use)
        notes_layout.addWidget(self.download_row)
        data_note = QLabel("A new data folder is used from the next start. Nothing you record ever leaves "
                           "this machine.")
        data_note.setWordWrap(True)
        data_note.setProperty("role", "muted")
        turn_taking_note = QLabel("Silence before your first word is thinking time: it can bring the nudge, "
                                  "but never ends the answer.")
        turn_taking_note.setWordWrap(True)
        turn_taking_note.setProperty("role", "muted")
        groups = (
            ("Microphone and speaker", [("Microphone", self.input_device), ("Speaker", self.output_device),
                                        # "Listening on" did not say who listens with what (trial 27).
                                        ("You listen with", self.output_setup),
                                        ("", self.output_setup_note),
                                        ("", self.devices_note)]),
            ("Interviewer voice", [("Voice", _row(self.voice, self.sample_button)), ("Speech rate", self.rate),
                                   ("", self.voice_status)]),
            ("Speech model", [("Model", _row(self.model, self.download_button, browse_model)),
                              ("", model_notes)]),
            # Named by when each applies (silence_rules.py), so 8 s above 12 s does not read as a
            # contradiction: the ending needs words first, the nudge is for silent thinking.
            ("Turn-taking", [("End answer after you stop talking for", self.end_after_silence),
                             ("Nudge to think aloud after thinking silently for", self.nudge_after_silence),
                             ("", turn_taking_note),
                             ("Long pause from", self.long_pause),
                             ("Warn before part/round end", self.warning_minutes)]),
            ("Appearance and data", [("Appearance", self.theme), ("Text size", self.text_size), ("Data folder", _row(self.data_dir, browse_data)),
                                     ("", data_note)]),
        )
        self._grid = grid = QGridLayout()
        grid.setSpacing(theme.SPACE_M)
        self._boxes: list[QGroupBox] = []
        for title, rows in groups:
            box = QGroupBox(title)
            form = QFormLayout(box)
            # Every label beside its field, wrapping its own text when the column is narrow:
            # WrapLongRows put the one long label above a full-width field at 1280x800 (trial 17).
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for label, field in rows:
                form.addRow(_form_label(label, field), field)
            self._boxes.append(box)
        self._columns = 0
        self._arrange(2)

        self.save_button = QPushButton("Save settings")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton("Revert")
        self.revert_button.clicked.connect(self.revert)
        self.status = QLabel()
        self.status.setWordWrap(True)
        # Shown while what is on screen differs from what is saved: the footer kept an old
        # "Saved to ..." over changed values, and Save changed nothing visible (trial 27).
        self.unsaved = QLabel("Unsaved changes: Save settings keeps them, Revert undoes them.")
        self.unsaved.setWordWrap(True)
        self.unsaved.hide()
        self._save_message = ""  # the last "Saved at ..." (cleared once a value changes)
        # One place and one style for the page's status: "Unsaved changes..." showed bold beside
        # the buttons while "Saved at..." showed plain on the left, so the message jumped (trial 28).
        said = QVBoxLayout()
        said.setContentsMargins(0, 0, 0, 0)
        said.addWidget(self.status)
        said.addWidget(self.unsaved)
        buttons = QHBoxLayout()
        buttons.addLayout(said, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        title = QLabel("Settings")
        title.setProperty("role", "title")
        # The groups scroll in their own area and the status and the buttons stay below it: a
        # download's progress row pushed Save and the status out of a 1280x720 window.
        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addLayout(grid)
        form_layout.addStretch(1)
        self.form_area = _GroupsArea(self._boxes)
        self.form_area.setObjectName("settingsForm")
        self.form_area.setWidgetResizable(True)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_area.setWidget(form)
        # The wheel scrolls the page: over an unfocused box it changed the value (a voice became
        # "Armenian (West Armenia)" while the user scrolled, trial 24). A focused box still takes it.
        self._wheel_guard = _WheelWhenFocused(self)
        for field in form.findChildren(QComboBox) + form.findChildren(QAbstractSpinBox):
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: the wheel does not focus it
            field.installEventFilter(self._wheel_guard)
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.SPACE_M)
        layout.addWidget(title)
        layout.addWidget(self.form_area, 1)
        layout.addLayout(buttons)
        self.set_devices(DeviceList())
        self.load(settings)
        for combo in (self.input_device, self.output_device, self.voice, self.model, self.theme, self.text_size,
                      self.output_setup):
            combo.currentIndexChanged.connect(self._show_unsaved)
        for box in (self.rate, self.end_after_silence, self.nudge_after_silence, self.long_pause,
                    self.warning_minutes):
            box.valueChanged.connect(self._show_unsaved)
        self.data_dir.textChanged.connect(self._show_unsaved)

    # ------------------------------------------------------------------ layout

    def _arrange(self, columns: int) -> None:
        """The groups in two columns when the page is wide enough, else in one (200 % scaling,
        a large font, a small window)."""
        if columns == self._columns:
            return
        self._columns = columns
        for box in self._boxes:
            self._grid.removeWidget(box)
        for n, box in enumerate(self._boxes):
            self._grid.addWidget(box, n // columns, n % columns)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self._align_labels()

    def _align_labels(self) -> None:
        """The groups stacked in one column share one label width, so their fields start at the
        same x: each form sized its label column alone, and the Speech model list started 33 px
        left of the Microphone and Appearance fields (trial 18)."""
        from shiboken6 import isValid

        if not all(isValid(box) for box in self._boxes):
            return  # called later (a font change) while the screen's window was being destroyed
        columns = max(1, self._columns)
        for column in range(columns):
            labels = [label for n, box in enumerate(self._boxes) if n % columns == column
                      for label in box.findChildren(_FormLabel)]
            widest = max((label.sizeHint().width() for label in labels), default=0)
            for label in labels:
                label.setMinimumWidth(widest)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        page = self.form_area.viewport()  # the groups' scroll area: its width is what there is
        if not getattr(self, "_watching", False):
            self._watching = True
            page.installEventFilter(self)
            self._fit_columns(page.width())
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # Leaving the page: "Sample spoken." is done with; it stayed for the next visit (trial 28).
        self.voice_status.clear()
        super().hideEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and watched is self.form_area.viewport():
            self._fit_columns(event.size().width())
        return False

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and getattr(self, "_boxes", None):
            QTimer.singleShot(0, self._align_labels)  # once the labels are measured in the new font

    def _fit_columns(self, width: int) -> None:
        widest = max(box.minimumSizeHint().width() for box in self._boxes)
        self._arrange(2 if width >= 2 * widest + self._grid.spacing() else 1)

    # ------------------------------------------------------------------ in and out

    def set_devices(self, devices: DeviceList) -> None:
        """Fill the choices; keeps the saved choice even if that device is absent right now."""
        self._input_labels = dict(devices.input_labels)
        for combo, names, current in (
            (self.input_device, devices.inputs, self._settings.input_device),
            (self.output_device, devices.outputs, self._settings.output_device),
        ):
            combo.clear()
            combo.addItem(DEFAULT_CHOICE, None)
            for name in names:
                combo.addItem(input_label(name, devices.input_labels) if combo is self.input_device
                              else device_label(name), name)
            if current and combo.findData(current) < 0:
                combo.addItem(input_label(current, {}) if chosen_source(current) else f"{current} (not connected)",
                              current)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        fill_voice_choices(self.voice, devices.voices, self._settings.voice)
        self._show_output_setup()  # its note names the microphone as the list now does
        notes = list(devices.problems)
        if devices.loaded and not devices.inputs:
            notes.append("No microphone found: plug one in, or check that PulseAudio/PipeWire is running.")
        self.devices_note.setText("\n".join(notes) if notes else
                                  ("" if devices.loaded else "Looking for microphones, speakers and voices..."))

    def load(self, settings: AppSettings) -> None:
        self._settings = settings
        self.input_device.setCurrentIndex(max(0, self.input_device.findData(settings.input_device)))
        self.output_device.setCurrentIndex(max(0, self.output_device.findData(settings.output_device)))
        self._show_output_setup()
        self.voice.setCurrentIndex(max(0, self.voice.findData(settings.voice)))
        self.rate.setValue(settings.speech_rate)
        self._fill_models(settings.model)
        self.end_after_silence.setValue(settings.end_answer_after_silence)
        self.nudge_after_silence.setValue(settings.nudge_after_silence)
        self.long_pause.setValue(settings.long_pause_seconds)
        self.warning_minutes.setValue(settings.warning_minutes)
        self.data_dir.setText(settings.data_dir)
        self.show_theme(settings.theme)
        if self.text_size.findData(settings.text_size) < 0:  # a size written in the file by hand
            self.text_size.addItem(f"{settings.text_size} %", settings.text_size)
        self.text_size.setCurrentIndex(self.text_size.findData(settings.text_size))
        self.status.clear()
        self._show_unsaved()

    def _show_output_setup(self, *_args) -> None:
        """Headphones or loudspeakers as known for the speaker chosen now: another speaker than
        the one checked is unknown until checked or set here."""
        settings = replace(self._settings, output_device=self.output_device.currentData())
        setup = output_setup_for(settings)
        self.output_setup.setCurrentIndex(max(0, self.output_setup.findData(setup)))
        found = output_setup_found_text(settings, self._input_labels)  # the microphone by its friendly name
        self.output_setup_note.setText(f"{found}." if found else
                                       "Not checked for this speaker: the echo check on the Check screen finds it.")

    def show_theme(self, mode: str) -> None:
        """The theme chosen elsewhere (View > Theme) shows here too."""
        self.theme.setCurrentIndex(max(0, self.theme.findData(mode)))

    def revert(self) -> None:
        """The fields back to the saved settings."""
        self.load(self._settings)

    def set_base(self, settings: AppSettings) -> None:
        """Settings changed elsewhere (e.g. the Home filter); keeps edits not yet saved here."""
        self._settings = settings
        self._show_unsaved()

    def has_unsaved_changes(self) -> bool:
        saved = self._settings
        # As the fields hold them: the default model is "" in the list, the folder stripped.
        model = saved.model.strip()
        saved = replace(saved, model="" if model == model_catalog.DEFAULT_MODEL_NAME else model,
                        data_dir=saved.data_dir.strip())
        return self.current() != saved

    def _show_unsaved(self, *_args) -> None:
        unsaved = self.has_unsaved_changes()
        self.unsaved.setVisible(unsaved)
        if unsaved and self._save_message and self.status.text() == self._save_message:
            self.status.clear()  # "Saved at ..." no longer describes what is on screen
        elif not unsaved and self._save_message and not self.status.text():
            self.status.setText(self._save_message)  # a change undone: what is shown is what was saved (trial 46)
        self._show_model_in_use()

    def current(self) -> AppSettings:
        chosen = self._current_fields()
        setup = self.output_setup.currentData() or "unknown"
        if setup != output_setup_for(chosen):
            chosen = with_output_setup(chosen, setup, "set by hand")
        return chosen

    def _current_fields(self) -> AppSettings:
        return replace(
            self._settings,
            input_device=self.input_device.currentData(),
            output_device=self.output_device.currentData(),
            voice=self.voice.currentData(),
            speech_rate=self.rate.value(),
            model=self.model.currentData() or "",
            end_answer_after_silence=self.end_after_silence.value(),
            nudge_after_silence=self.nudge_after_silence.value(),
            long_pause_seconds=self.long_pause.value(),
            warning_minutes=self.warning_minutes.value(),
            data_dir=self.data_dir.text().strip(),
            theme=self.theme.currentData() or "system",
            text_size=self.text_size.currentData() or 100,
        )

    def save(self) -> None:
        """Saves what is chosen, except a speech model that cannot be loaded here (not downloaded,
        its download failed or is still running, a folder without a model): the one in use stays,
        and the status says why. Saved, it left the next start without transcripts (trial)."""
        chosen = self.current()
        kept = ""
        if chosen.model != self._settings.model:
            reason = model_catalog.unavailable(chosen.model)
            if reason:
                in_use = self._settings.model or model_catalog.DEFAULT_MODEL_NAME
                kept = (f"The speech model stays {in_use}: {reason}. Download it (or choose a folder "
                        "that holds it), then save again.")
                chosen = replace(chosen, model=self._settings.model)
        self._settings = chosen
        if kept:
            self._select_model(chosen.model)  # what is shown is what is used
        self.saved.emit(self._settings)
        self.voice_status.clear()  # "Sample spoken." was about the sample, not the save (trial 28)
        if kept:
            self.status.setText(f"{self.status.text()} {kept}".strip())
        self._show_unsaved()

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def show_saved(self, text: str) -> None:
        """The window's word after a save ("Saved at 10:42 to ..."), cleared by the next change."""
        self._save_message = text
        self.show_status(text)

    def show_sample_status(self, text: str) -> None:
        self.voice_status.setText(text)

    # ------------------------------------------------------------------ folders

    def _browse_model(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "CTranslate2 Whisper model folder")
        if folder:
            self._select_model(folder)

    # ------------------------------------------------------------------ speech model

    def _fill_models(self, current: str) -> None:
        self.model.blockSignals(True)
        self.model.clear()
        for m in model_catalog.CATALOG:
            label = f"{m.name}  ({m.size_mb} MB{', default' if m.name == model_catalog.DEFAULT_MODEL_NAME else ''})"
            # "" = the default: a saved "" follows the default if a later version changes it.
            self.model.addItem(label, "" if m.name == model_catalog.DEFAULT_MODEL_NAME else m.name)
        self.model.blockSignals(False)
        self._select_model(current)

    def _select_model(self, value: str) -> None:
        value = value.strip()
        if value == model_catalog.DEFAULT_MODEL_NAME:
            value = ""
        if self.model.findData(value) < 0:
            shown = f"Folder: {value}" if ("/" in value or "\\" in value) else value
            self.model.addItem(shown, value)
        index = self.model.findData(value)
        if index == self.model.currentIndex():
            self._model_changed()
        self.model.setCurrentIndex(index)

    def _model_changed(self, *_args) -> None:
        name = self.model.currentData() or model_catalog.DEFAULT_MODEL_NAME
        self._show_model_in_use()
        known = model_catalog.info(name)
        downloading = self._cancel_download is not None
        if known is None:
            folder = Path(name).expanduser()
            self.model_cost.setText(
                f"Local model folder {folder}: speed and accuracy not measured by the app."
                if model_catalog.is_model_folder(folder) else
                f"{name}: not a model folder or a model the app knows; it must already be "
                "in the Hugging Face cache.")
            self.download_button.setEnabled(False)
            return
        self.model_cost.setText(model_catalog.describe(name))
        self.download_button.setEnabled(not downloading and model_catalog.status(name) == "not downloaded")

    def _show_model_in_use(self) -> None:
        settings = getattr(self, "_settings", None)
        if settings is not None:
            self.model_in_use.setText(model_choice_text(self.model.currentData() or "", settings))

    def start_download(self) -> None:
        """Download the selected model on a worker thread; the progress bar and Cancel show."""
        name = self.model.currentData()
        if self._cancel_download is not None or not name or model_catalog.status(name) != "not downloaded":
            return
        cancel = threading.Event()
        self._cancel_download = cancel
        self.download_button.setEnabled(False)
        self.download_progress.setRange(0, 0)  # busy until the size is known
        self.cancel_download.setEnabled(True)
        self.download_row.show()
        self.status.setText(f"Downloading {name}...")

        def emit(signal, *args) -> None:
            try:
                signal.emit(*args)
            except RuntimeError:  # the window closed during the download: stop it
                cancel.set()

        def work() -> None:
            try:
                self._download(name, lambda done, total: emit(self._download_progress, done, total), cancel)
            except BaseException as exc:  # reported on the GUI thread: cancelled, offline, disk full
                emit(self._download_finished, name, exc)
            else:
                emit(self._download_finished, name, None)

        threading.Thread(target=work, name=f"download-{name}", daemon=True).start()

    def stop_download(self) -> None:
        if self._cancel_download is not None:
            self._cancel_download.set()
            self.cancel_download.setEnabled(False)
            self.status.setText("Cancelling the download...")

    def _show_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.download_progress.setRange(0, 0)
            return
        self.download_progress.setRange(0, 1000)
        self.download_progress.setValue(int(1000 * min(done, total) / total))
        self.download_progress.setFormat(f"%p%  ({done / 1e6:.0f} of {total / 1e6:.0f} MB)")

    def _download_done(self, name: str, error: object) -> None:
        self._cancel_download = None
        self.download_row.hide()
        if error is None:
            self.status.setText(f"Downloaded {name}. Save settings to use it.")
        elif isinstance(error, model_catalog.DownloadCancelled):
            self.status.setText(f"Download of {name} cancelled; nothing was kept.")
        else:
            self.status.setText(str(error) or type(error).__name__)
        self._model_changed()

    def _browse_data(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Data folder")
        if folder:
            self.data_dir.setText(folder)


def fill_voice_choices(combo: QComboBox, voices: list[tuple[str, str]], current: str | None) -> None:
    """The system default, English voices, a separator, then every other language; a saved voice
    not installed now stays choosable."""
    english, others = english_voices_first(voices)
    combo.clear()
    combo.addItem(DEFAULT_CHOICE, None)
    for voice_id, name in english:
        combo.addItem(name, voice_id)
    if others:
        combo.insertSeparator(combo.count())
        for voice_id, name in others:
            combo.addItem(name, voice_id)
    if current and combo.findData(current) < 0:
        combo.addItem(current, current)
    combo.setCurrentIndex(max(0, combo.findData(current)))


class _WheelWhenFocused(QObject):
    """An unfocused combo or spin box passes the wheel on to the page's scroll area (sent to it:
    Qt propagates only a wheel that came from the system)."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            QApplication.sendEvent(area.viewport(), event)
        return True


class _GroupsArea(QScrollArea):
    """Scrolls the groups vertically, never sideways. Its narrowest is one column of the widest
    group (the page shows one column when two do not fit), so the screen still asks for the
    width its groups need."""

    def __init__(self, boxes: list[QGroupBox]) -> None:
        super().__init__()
        self._boxes = boxes

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = super().minimumSizeHint()
        widest = max(box.minimumSizeHint().width() for box in self._boxes)
        return QSize(widest + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth(), hint.height())


def _seconds_box(low: float, high: float, zero_text: str | None) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(0.5)
    box.setDecimals(1)
    box.setSuffix(" s")
    if zero_text:
        box.setSpecialValueText(zero_text)
    return box


class _FormLabel(QLabel):
    """A row's label beside its field, broken into lines of at most LABEL_MAX_WIDTH: a long one
    ("Nudge to think aloud after thinking silently for") takes two lines rather than widening
    the label column. The lines are broken here, not by word wrap: QLabel's word-wrap hint
    wrapped "Listening on" too, and QFormLayout cut a wrapped label's second line."""

    def __init__(self, text: str, field: QWidget) -> None:
        super().__init__()
        self._whole = text
        self.setAccessibleName(text)
        self.setBuddy(field)
        self._break_lines()

    def _break_lines(self) -> None:
        metrics = self.fontMetrics()
        lines: list[str] = []
        for word in self._whole.split():
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= LABEL_MAX_WIDTH:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        self.setText("\n".join(lines))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a theme or scale change: measured again
            self._break_lines()


def _form_label(text: str, field: QWidget) -> QLabel:
    return _FormLabel(text, field)


def _row(first: QWidget, *others: QWidget) -> QWidget:
    """A field with its buttons beside it, or under it where the width runs out: the model's
    list and two buttons needed 366 px and Settings scrolled sideways at 1024x640 with 200 %
    scaling (trial9)."""
    return WrapRow((first, 1), *((widget, 0) for widget in others))
