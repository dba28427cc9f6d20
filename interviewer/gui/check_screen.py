"""Check before starting: microphone with a live level and a test recording played back, voice
and rate with a spoken sample, and the speech model's status with what to do about it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from interviewer.gui.level_meter import LevelMeter
from interviewer.gui.wrap_row import WrapRow
from interviewer.gui.model_status import ModelState
from interviewer.app.services import DeviceList
from interviewer.app.labels import input_label
from interviewer.gui.settings_screen import DEFAULT_CHOICE, fill_voice_choices

TEST_RECORDING_MS = 4000
SAMPLE_TEXT = "Hello, I will be your interviewer today. Let's start whenever you are ready."
MODEL_STATE_TEXT = {ModelState.IDLE: "not loaded yet", ModelState.LOADING: "loading...",
                    ModelState.READY: "ready", ModelState.MISSING: "missing", ModelState.FAILED: "failed to load"}


def model_state_text(state: str, message: str) -> str:
    """The speech model's state for the Check screen and the first-run guide: its message, which
    names the state ("Speech model ready (loaded in 1.2 s)."; a state word before it said it
    twice: "Ready: Speech model ready"), else the state alone. Plain text: a message may quote an
    error with "<" in it."""
    return message or f"Speech model {MODEL_STATE_TEXT.get(state, state)}."


# Before the echo check: here and in the first-run guide, which runs the same check.
ECHO_HINT = "Headphones work best: check whether the microphone hears the interviewer."
ECHO_BUTTON = "Check for echo (stay quiet)"
ECHO_TIP = "The interviewer speaks while the microphone listens: loudspeakers or headphones?"


class CheckScreen(QWidget):
    mic_test_requested = Signal(object)  # device name or None
    echo_test_requested = Signal(object)  # device name or None: does the microphone hear the speaker?
    voice_sample_requested = Signal(object, int)  # voice id or None, rate
    start_requested = Signal()
    choices_saved = Signal(object, object, int)  # input device, voice, rate

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mic = QComboBox()
        self.meter = LevelMeter(scale=True)
        self.mic_button = QPushButton("Test microphone (4 s, then played back)")
        self.mic_button.clicked.connect(lambda: self.mic_test_requested.emit(self.mic.currentData()))
        self.mic_status = QLabel()
        self.mic_status.setWordWrap(True)
        self.voice = QComboBox()
        self.rate = QSpinBox()
        self.rate.setRange(80, 350)
        self.rate.setSuffix(" words/min")
        self.voice_button = QPushButton("Speak a sample")
        self.voice_button.clicked.connect(
            lambda: self.voice_sample_requested.emit(self.voice.currentData(), self.rate.value()))
        self.voice_status = QLabel()
        self.voice_status.setWordWrap(True)
        self.echo_button = QPushButton(ECHO_BUTTON)
        self.echo_button.setToolTip(ECHO_TIP)
        self.echo_button.clicked.connect(lambda: self.echo_test_requested.emit(self.mic.currentData()))
        self.echo_status = QLabel(ECHO_HINT)
        self.echo_status.setWordWrap(True)
        self._echo_known = ""  # the known setup's text shown there (show_echo_known)
        self.model_status = QLabel()
        self.model_status.setTextFormat(Qt.TextFormat.PlainText)  # model_state_text
        self.model_status.setWordWrap(True)
        self.round_label = QLabel()
        # A long round title wraps: in one line it scrolled the screen 36 px sideways at 1024x640
        # with 200 % scaling (trial9).
        self.round_label.setWordWrap(True)
        self.save_button = QPushButton("Keep these choices")
        self.save_button.clicked.connect(
            lambda: self.choices_saved.emit(self.mic.currentData(), self.voice.currentData(), self.rate.value()))
        self.start_button = QPushButton("Start the round")
        self.start_button.clicked.connect(self.start_requested)

        form = QFormLayout()
        # Labels above their fields, and a field's button under it, where a row has no room:
        # the screen scrolled sideways at 1024x640 with 150 % scaling (trial8).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Microphone", WrapRow((self.mic, 1), (self.mic_button, 0)))
        form.addRow("Input level", self.meter)
        form.addRow("", self.mic_status)
        form.addRow("Interviewer voice", WrapRow((self.voice, 1), (self.rate, 0), (self.voice_button, 0)))
        form.addRow("", self.voice_status)
        form.addRow("Speakers", WrapRow((self.echo_status, 1), (self.echo_button, 0)))
        form.addRow("Speech model", self.model_status)
        buttons = WrapRow((self.round_label, 1), (self.save_button, 0), (self.start_button, 0))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Check before starting</h2>"))
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def set_round(self, title: str | None, suggested: bool = False) -> None:
        """`suggested`: Home selected it itself (the practice plan's next round), the user chose
        nothing yet: "chosen on Home" said so at a first start (trial 26)."""
        # A disabled button with no reason left a new user guessing: say what is missing.
        why = "" if title else "No round chosen yet: pick one on Home (Ctrl+1), then come back or start it there."
        # Not "Next round": the practice plan proposes one under that name, maybe another.
        if title and suggested:
            text = f"Suggested round: <b>{title}</b> (pick another on Home, Ctrl+1)"
        else:
            text = f"Round chosen on Home: <b>{title}</b>" if title else why
        self.round_label.setText(text)
        self.start_button.setEnabled(bool(title))
        self.start_button.setToolTip(why)

    def set_devices(self, devices: DeviceList, input_device: str | None, voice: str | None, rate: int) -> None:
        self.mic.clear()
        self.mic.addItem(DEFAULT_CHOICE, None)
        for name in devices.inputs:
            self.mic.addItem(input_label(name, devices.input_labels), name)
        self.mic.setCurrentIndex(max(0, self.mic.findData(input_device)))
        fill_voice_choices(self.voice, devices.voices, voice)
        self.rate.setValue(rate)
        if devices.loaded and not devices.inputs:
            self.mic_status.setText("No microphone found. Plug one in (or start PulseAudio/PipeWire), then "
                                    "come back; rounds still run, but answers are not recorded.")

    def show_echo_known(self, known: str, stale: str = "") -> None:
        """What is known about the speaker in use (app/labels.known_echo_text), else ECHO_HINT:
        after the first-start guide's echo check found headphones, this line still asked for the
        check (new-user trial 29). A check running, or the verdict it has just given for the same
        setup, stays. `stale` (app/labels.stale_echo_text): the last check was for another
        speaker or microphone: said instead of its verdict, with the button to check again."""
        if not self.echo_button.isEnabled():  # a check is running: its status stays
            return
        shown = self.echo_status.text()
        if known and not stale and shown not in (ECHO_HINT, self._echo_known):  # the check's own verdict says more
            return
        self._echo_known = stale or known
        self.echo_status.setText(stale or known or ECHO_HINT)

    def set_model_state(self, state: str, message: str) -> None:
        self.model_status.setText(model_state_text(state, message))

    # --- microphone test feedback (GUI thread) ---
    def mic_test_started(self) -> None:
        self.mic_button.setEnabled(False)
        self.mic_status.setText("Recording: say a sentence as you would in the interview...")

    # The meter is fed by the test itself (mic_test.py).
    def mic_test_playing(self) -> None:
        self.mic_status.setText("Playing back what was recorded...")

    def mic_test_done(self, message: str) -> None:
        self.mic_button.setEnabled(True)
        self.mic_status.setText(message)
