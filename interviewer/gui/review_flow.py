"""Opening a stored round for review, playing its audio, exporting it.

A mixin of MainWindow (it uses the window's services, banner, store and screens)."""
from __future__ import annotations

from pathlib import Path

from interviewer.core.scripts.model import RoundScript
from interviewer.gui.workers import post_to_gui, run_in_background


class ReviewFlow:
    def script_by_id(self, script_id: str) -> RoundScript | None:
        return next((s for s in self.scripts if s.id == script_id), None)

    def load_session(self, session_id: int):
        store = self.store()
        if store is None:
            return None
        try:
            return store.get_session(session_id)
        except Exception as exc:
            self.banner.show_message(f"Could not open session {session_id}: {exc}")
            return None

    def open_review(self, session_id: int) -> None:
        session = self.load_session(session_id)
        if session is None:
            return
        missing = []
        try:
            missing = self.store().missing_audio(session)
        except Exception:
            pass
        self.review_screen.show_session(session, self.script_by_id(session.script_id), missing)
        self.show_screen("review")

    def play_answer(self, answer_id: int, start: float) -> None:
        """Play an answer's recording from `start` seconds, off the GUI thread."""
        answer = None
        for session in (self.review_screen.session, self.debrief_screen.session):
            if session is not None:
                answer = answer or next((a for a in session.answers if a.id == answer_id), None)
        store = self.store()
        path = store.audio_file(answer.audio_path) if (answer and store and answer.audio_path) else None
        if path is None:
            self.banner.show_message("The recording of this answer is missing, so it cannot be played.", "warning")
            return
        if self.services.play_audio is None:
            self.banner.show_message("Audio playback is not available.", "warning")
            return
        self.stop_playback()
        play = self.services.play_audio
        self.review_screen.set_playing(f"Playing from {start:.1f} s")

        def started(handle) -> None:
            self.playback = handle

        def failed(exc: BaseException) -> None:
            self.review_screen.set_playing("")
            self.banner.show_message(f"Could not play the recording: {exc}", "warning")

        def ended(error: str | None) -> None:  # on the playback thread
            post_to_gui(lambda: self._playback_ended(error))

        run_in_background(lambda: play(path, max(0.0, start - 0.3), on_done=ended), started, failed)

    def _playback_ended(self, error: str | None) -> None:
        self.review_screen.set_playing("")
        if error:
            self.banner.show_message(error, "warning")

    # ------------------------------------------------------------------ export

    def _ask_export(self, session_id: int, fmt: str) -> None:
        from PySide6.QtWidgets import QFileDialog

        from interviewer.export import default_output

        suggested = str(Path.home() / default_output(session_id, fmt).name)
        path, _ = QFileDialog.getSaveFileName(self, "Export the round", suggested)
        if path:
            self.export_session(session_id, fmt, Path(path))

    def export_session(self, session_id: int, fmt: str, out: Path) -> None:
        """Write an export; off the GUI thread except PDF, which Qt lays out on this thread."""
        store = self.store()
        if store is None:
            return
        from interviewer.export import export_session

        def done(result) -> None:
            note = f" ({'; '.join(result.warnings)})" if result.warnings else ""
            self.banner.show_message(f"Exported to {result.path}{note}.", "info")
            self.last_export = result

        def failed(exc: BaseException) -> None:
            self.banner.show_message(f"The export failed: {exc}")

        if fmt == "pdf":
            try:
                done(export_session(store, session_id, fmt, out))
            except Exception as exc:
                failed(exc)
            return
        run_in_background(lambda: export_session(store, session_id, fmt, out), done, failed)

    def stop_playback(self) -> None:
        if self.playback is not None:
            self.playback.stop()
            self.playback = None
        self.last_export = None
        self.review_screen.set_playing("")
