"""The Check screen's actions: microphone test with level and playback, voice sample.

A mixin of MainWindow (it uses the window's services, banner, speaker and screens)."""
from __future__ import annotations

from PySide6.QtCore import QTimer

from interviewer.core.scripts.model import RoundScript
from interviewer.gui.check_screen import SAMPLE_TEXT, TEST_RECORDING_MS
from interviewer.gui.workers import post_to_gui, run_in_background


class CheckFlow:
    def open_check(self, script: RoundScript | None = None) -> None:
        self._pending_script = script
        self.check_screen.set_round(script.title if script else None)
        settings = self.services.settings
        self.check_screen.set_devices(self.devices, settings.input_device, settings.voice, settings.speech_rate)
        self.check_screen.set_model_state(self.model_status.state, self.model_status.message)
        self.show_screen("check")

    def test_microphone(self, device) -> None:
        """Record a few seconds from `device`, then play them back. Never blocks the window."""
        from dataclasses import replace

        from interviewer import paths

        if self._mic_test is not None or self.services.make_recorder is None:
            return
        screen = self.check_screen
        peak = [-100.0]

        def level(dbfs: float) -> None:  # recorder thread: just store numbers
            screen.level_dbfs = dbfs
            peak[0] = max(peak[0], dbfs)

        try:
            folder = paths.data_dir()
            folder.mkdir(parents=True, exist_ok=True)  # recordings stay in the data folder
            path = folder / "microphone-test.wav"
            recorder = self.services.make_recorder(replace(self.services.settings, input_device=device))
            recorder.start(path, on_level=level)
        except Exception as exc:
            screen.mic_test_done(f"The microphone could not be opened: {exc}")
            return
        self._mic_test = recorder
        screen.mic_test_started()

        def stop() -> None:
            if self._mic_test is not recorder:
                return
            self._mic_test = None
            try:
                recorded = recorder.stop()
            except Exception as exc:
                screen.mic_test_done(f"The recording failed: {exc}")
                return
            verdict = ("That sounded very quiet: move closer, or pick another microphone."
                       if peak[0] < -50 else f"Good: the loudest moment was {peak[0]:.0f} dBFS.")
            if self.services.play_audio is None:
                screen.mic_test_done(verdict)
                return
            screen.mic_test_playing()
            play = self.services.play_audio

            def ended(error) -> None:
                post_to_gui(lambda: finish(error))

            def finish(error) -> None:
                try:
                    recorded.unlink()
                except OSError:
                    pass
                screen.mic_test_done(verdict + (f" Playback failed: {error}" if error else ""))

            run_in_background(lambda: play(recorded, 0.0, on_done=ended), None,
                              lambda exc: finish(str(exc)))

        QTimer.singleShot(TEST_RECORDING_MS, stop)

    def speak_sample(self, voice, rate: int) -> None:
        screen = self.check_screen
        handle = self.speaker
        if handle is None or not handle.wait_ready(0):
            screen.voice_status.setText("The speech engine is still starting; try again in a moment.")
            return
        if not handle.available:
            screen.voice_status.setText(handle.problem or "No speech engine: questions are shown as text.")
            return
        try:
            handle.configure(voice, rate)
            handle.say(SAMPLE_TEXT)
        except Exception as exc:
            screen.voice_status.setText(f"Could not speak: {exc}")
            return
        screen.voice_status.setText("Speaking a sample...")

    def _save_check_choices(self, input_device, voice, rate: int) -> None:
        from dataclasses import replace

        settings = replace(self.services.settings, input_device=input_device, voice=voice, speech_rate=rate)
        self.settings_screen.load(settings)
        self.apply_settings(settings)
        self.check_screen.voice_status.setText("Choices kept for the next rounds.")
