"""The Check screen's actions: microphone test with level and playback, voice sample, keeping the
choices. Owned by the main window, which hands it everything it uses."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Callable

from interviewer.app.labels import known_echo_text, stale_echo_text
from interviewer.app.services import AppServices, DeviceList
from interviewer.app.settings import AppSettings, with_output_setup
from interviewer.app.speaker_handle import SpeakerHandle
from interviewer.core.ports import Recorder
from interviewer.core.scripts.model import RoundScript
from interviewer.gui.check_screen import SAMPLE_TEXT, TEST_RECORDING_MS, CheckScreen
from interviewer.gui.mic_test import MicTest
from interviewer.gui.model_status import ModelStatus
from interviewer.gui.workers import post_to_gui, run_in_background

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QPushButton


class CheckController:
    """`speaker` and `devices` read the window's current speaker handle and device list (both
    arrive in the background); `show` brings the Check screen up, `start_round` starts the round
    picked on Home, `use_settings` applies (and saves) settings chosen here."""

    def __init__(self, services: AppServices, screen: CheckScreen, model_status: ModelStatus, *,
                 speaker: Callable[[], SpeakerHandle | None], devices: Callable[[], DeviceList],
                 show: Callable[[], None], start_round: Callable[[RoundScript], None],
                 use_settings: Callable[[AppSettings], None]) -> None:
        self.services = services
        self.screen = screen
        self.model_status = model_status
        self._speaker = speaker
        self._devices = devices
        self._show = show
        self._start_round = start_round
        self._use_settings = use_settings
        self.pending_script: RoundScript | None = None  # the round Start begins
        self._mic_test: Recorder | None = None  # the echo check's recorder, while it runs
        # The guide's test too (mic_test.py): one code path for recording and playback.
        self.mic_test = MicTest(services, screen.meter, screen.mic_test_started, screen.mic_test_playing,
                                screen.mic_test_done, screen)
        screen.start_requested.connect(self._start)
        screen.mic_test_requested.connect(self.test_microphone)
        screen.echo_test_requested.connect(self.test_echo)
        screen.voice_sample_requested.connect(self.speak_sample)
        screen.choices_saved.connect(self._save_choices)
        # Another microphone chosen here: the echo check's verdict for the old one is not current.
        screen.mic.currentIndexChanged.connect(lambda _index: self.show_echo())
        screen.set_round(None)

    def show_echo(self) -> None:
        """The Speakers line for the speaker in use and the microphone chosen on the screen: the
        echo check's verdict when it was found with these, else the offer to check (again)."""
        settings, labels, mic = self.services.settings, self._devices().input_labels, self.screen.mic.currentData()
        self.screen.show_echo_known(known_echo_text(settings, labels, mic), stale_echo_text(settings, mic))

    def open(self, script: RoundScript | None = None) -> None:
        self.pending_script = script
        self.screen.set_round(script.title if script else None)
        settings = self.services.settings
        devices = self._devices()
        self.screen.set_devices(devices, settings.input_device, settings.voice, settings.speech_rate)
        self.show_echo()
        self.screen.set_model_state(self.model_status.state, self.model_status.message)
        self._show()

    def offer(self, script: RoundScript | None, suggested: bool = False) -> None:
        """The round Start begins, without opening the screen (it is being shown). `suggested`:
        Home selected it, not the user."""
        self.pending_script = script
        self.screen.set_round(script.title if script else None, suggested)

    def _start(self) -> None:
        if self.pending_script is not None:
            self._start_round(self.pending_script)

    def test_microphone(self, device) -> None:
        """Record a few seconds from `device`, then play them back. Never blocks the window."""
        if self._mic_test is not None:  # the echo check has the microphone
            return
        self.mic_test.start(device, TEST_RECORDING_MS)

    def test_echo(self, device, status: QLabel | None = None, buttons: tuple[QPushButton, ...] | None = None,
                  on_done: Callable[[], None] | None = None) -> None:
        """Does the microphone hear the interviewer? Loudspeakers: recommend headphones.
        `status` and `buttons` (disabled while it runs): where it reports, the Check screen's by
        default; the first-run guide runs this same check with its own (trial 26), and is told
        when the verdict is shown (`on_done`, while `status` still exists)."""
        from shiboken6 import isValid

        from interviewer import paths
        from interviewer.app.echo_test import run_echo_test

        screen = self.screen
        status = status if status is not None else screen.echo_status
        buttons = buttons if buttons is not None else (screen.echo_button, screen.mic_button)
        handle = self._speaker()
        if handle is None or not handle.wait_ready(0) or not handle.available:
            status.setText("The echo check needs the interviewer's voice, and the speech engine is not ready.")
            return
        if self._mic_test is not None or self.mic_test.running or self.services.make_recorder is None:
            return
        try:
            folder = paths.data_dir()
            folder.mkdir(parents=True, exist_ok=True)
            recorder = self.services.make_recorder(replace(self.services.settings, input_device=device))
        except Exception as exc:
            status.setText(f"The microphone could not be opened: {exc}")
            return
        self._mic_test = recorder  # one test at a time; shutdown() stops it
        for button in buttons:
            button.setEnabled(False)
        status.setText("Listening while the interviewer speaks: please stay quiet...")

        def done(result=None, error: BaseException | None = None) -> None:
            if self._mic_test is recorder:
                self._mic_test = None
            _release(recorder)
            for button in buttons:
                if isValid(button):  # the guide may have closed meanwhile
                    button.setEnabled(True)
            if error is None:
                # Kept for the rounds on this speaker: with loudspeakers talking does not interrupt
                # (even if the guide that asked has closed meanwhile).
                found = with_output_setup(self.services.settings, "loudspeakers" if result.heard else "headphones",
                                          "echo check")
                self._use_settings(replace(found, output_setup_input_device=device))
            if not isValid(status):
                return
            if error is not None:
                status.setText(f"The echo check failed: {error}")
                if on_done is not None:
                    on_done()
                return
            status.setText(result.advice() + (
                " Until you switch to headphones and check again, talking does not interrupt the interviewer "
                "in a round: press Space." if result.heard else ""))
            if on_done is not None:
                on_done()

        run_in_background(lambda: run_echo_test(handle, recorder, folder / "echo-test.wav"),
                          lambda result: done(result), lambda exc: done(error=exc))

    def speak_sample(self, voice, rate: int) -> None:
        screen = self.screen
        handle = self._speaker()
        if handle is None or not handle.wait_ready(0):
            screen.voice_status.setText("The speech engine is still starting; try again in a moment.")
            return
        if not handle.available:
            screen.voice_status.setText(handle.problem or "No speech engine: questions are shown as text.")
            return
        speaking = "Speaking a sample..."

        def spoken() -> None:  # on the speech thread
            post_to_gui(lambda: screen.voice_status.text() == speaking and screen.voice_status.clear())

        try:
            handle.configure(voice, rate)
            handle.say(SAMPLE_TEXT, on_done=spoken)
        except Exception as exc:
            screen.voice_status.setText(f"Could not speak: {exc}")
            return
        screen.voice_status.setText(speaking)

    def _save_choices(self, input_device, voice, rate: int) -> None:
        settings = replace(self.services.settings, input_device=input_device, voice=voice, speech_rate=rate)
        self._use_settings(settings)
        self.screen.voice_status.setText("Choices kept for the next rounds.")

    def shutdown(self) -> None:
        """Stop a microphone test or echo check still recording (the app is quitting)."""
        self.mic_test.cancel()
        test, self._mic_test = self._mic_test, None
        if test is not None:
            try:
                test.stop()
            except Exception:
                pass
            _release(test)


def _release(recorder: Recorder) -> None:
    """Let go of the microphone (it stays open between takes otherwise)."""
    try:
        recorder.close()
    except Exception:  # the recording is already closed and safe
        pass
