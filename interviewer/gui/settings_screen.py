"""Settings: devices, voice, rate, model, silence thresholds, data folder; saved between runs."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from interviewer.app.settings import AppSettings
from interviewer.app.services import DeviceList

DEFAULT_CHOICE = "(system default)"


class SettingsScreen(QWidget):
    saved = Signal(object)  # the new AppSettings

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings

        self.input_device = QComboBox()
        self.output_device = QComboBox()
        self.voice = QComboBox()
        self.rate = QSpinBox()
        self.rate.setRange(80, 350)
        self.rate.setSuffix(" words/min")
        self.model = QLineEdit()
        self.model.setPlaceholderText("tiny.en (bundled)  -  or a model name such as small.en, or a folder")
        browse_model = QPushButton("Folder...")
        browse_model.clicked.connect(self._browse_model)
        self.end_after_silence = _seconds_box(0, 60, "off (press a key to end an answer)")
        self.nudge_after_silence = _seconds_box(0, 120, "off")
        self.long_pause = _seconds_box(0.5, 10, None)
        self.warning_minutes = QDoubleSpinBox()
        self.warning_minutes.setRange(0, 15)
        self.warning_minutes.setSingleStep(0.5)
        self.warning_minutes.setSuffix(" min")
        self.warning_minutes.setSpecialValueText("no warnings")
        self.data_dir = QLineEdit()
        self.data_dir.setPlaceholderText("default data folder")
        browse_data = QPushButton("Folder...")
        browse_data.clicked.connect(self._browse_data)
        self.devices_note = QLabel("Looking for microphones, speakers and voices...")
        self.devices_note.setWordWrap(True)

        form = QFormLayout()
        form.addRow("Microphone", self.input_device)
        form.addRow("Speaker", self.output_device)
        form.addRow("Interviewer voice", self.voice)
        form.addRow("Speech rate", self.rate)
        form.addRow("Speech model", _row(self.model, browse_model))
        form.addRow("End answer after silence", self.end_after_silence)
        form.addRow("Nudge to think aloud after", self.nudge_after_silence)
        form.addRow("Long pause from", self.long_pause)
        form.addRow("Warn before phase/round end", self.warning_minutes)
        form.addRow("Data folder", _row(self.data_dir, browse_data))

        self.save_button = QPushButton("Save settings")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton("Revert")
        self.revert_button.clicked.connect(lambda: self.load(self._settings))
        self.status = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Settings</h2>"))
        layout.addLayout(form)
        layout.addWidget(self.devices_note)
        layout.addStretch(1)
        layout.addWidget(QLabel("The data folder change takes effect at the next start. "
                                "Nothing you record ever leaves this machine."))
        layout.addLayout(buttons)
        self.set_devices(DeviceList())
        self.load(settings)

    # ------------------------------------------------------------------ in and out

    def set_devices(self, devices: DeviceList) -> None:
        """Fill the choices; keeps the saved choice even if that device is absent right now."""
        for combo, names, current in (
            (self.input_device, devices.inputs, self._settings.input_device),
            (self.output_device, devices.outputs, self._settings.output_device),
        ):
            combo.clear()
            combo.addItem(DEFAULT_CHOICE, None)
            for name in names:
                combo.addItem(name, name)
            if current and combo.findData(current) < 0:
                combo.addItem(f"{current} (not connected)", current)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.voice.clear()
        self.voice.addItem(DEFAULT_CHOICE, None)
        for voice_id, name in devices.voices:
            self.voice.addItem(name, voice_id)
        if self._settings.voice and self.voice.findData(self._settings.voice) < 0:
            self.voice.addItem(self._settings.voice, self._settings.voice)
        self.voice.setCurrentIndex(max(0, self.voice.findData(self._settings.voice)))
        notes = list(devices.problems)
        if devices.loaded and not devices.inputs:
            notes.append("No microphone found: plug one in, or check that PulseAudio/PipeWire is running.")
        self.devices_note.setText("\n".join(notes) if notes else
                                  ("" if devices.loaded else "Looking for microphones, speakers and voices..."))

    def load(self, settings: AppSettings) -> None:
        self._settings = settings
        self.input_device.setCurrentIndex(max(0, self.input_device.findData(settings.input_device)))
        self.output_device.setCurrentIndex(max(0, self.output_device.findData(settings.output_device)))
        self.voice.setCurrentIndex(max(0, self.voice.findData(settings.voice)))
        self.rate.setValue(settings.speech_rate)
        self.model.setText(settings.model)
        self.end_after_silence.setValue(settings.end_answer_after_silence)
        self.nudge_after_silence.setValue(settings.nudge_after_silence)
        self.long_pause.setValue(settings.long_pause_seconds)
        self.warning_minutes.setValue(settings.warning_minutes)
        self.data_dir.setText(settings.data_dir)
        self.status.clear()

    def set_base(self, settings: AppSettings) -> None:
        """Settings changed elsewhere (e.g. the Home filter); keeps edits not yet saved here."""
        self._settings = settings

    def current(self) -> AppSettings:
        return replace(
            self._settings,
            input_device=self.input_device.currentData(),
            output_device=self.output_device.currentData(),
            voice=self.voice.currentData(),
            speech_rate=self.rate.value(),
            model=self.model.text().strip(),
            end_answer_after_silence=self.end_after_silence.value(),
            nudge_after_silence=self.nudge_after_silence.value(),
            long_pause_seconds=self.long_pause.value(),
            warning_minutes=self.warning_minutes.value(),
            data_dir=self.data_dir.text().strip(),
        )

    def save(self) -> None:
        self._settings = self.current()
        self.saved.emit(self._settings)

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    # ------------------------------------------------------------------ folders

    def _browse_model(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "CTranslate2 Whisper model folder")
        if folder:
            self.model.setText(folder)

    def _browse_data(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Data folder")
        if folder:
            self.data_dir.setText(folder)


def _seconds_box(low: float, high: float, zero_text: str | None) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(0.5)
    box.setDecimals(1)
    box.setSuffix(" s")
    if zero_text:
        box.setSpecialValueText(zero_text)
    return box


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for i, w in enumerate(widgets):
        layout.addWidget(w, 1 if i == 0 else 0)
    return holder
