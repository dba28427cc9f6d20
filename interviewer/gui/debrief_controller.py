"""The debrief's actions: saving answers and ratings, recording and transcribing spoken answers.
Owned by the main window, which hands it everything it uses."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from interviewer.app.services import AppServices
from interviewer.core.ports import Recorder
from interviewer.gui.banner import Banner
from interviewer.gui.debrief_screen import DebriefAnswer, DebriefScreen
from interviewer.gui.model_status import ModelStatus
from interviewer.gui.review_controller import ReviewController, in_steps
from interviewer.gui.workers import Job, run_job

if TYPE_CHECKING:
    from interviewer.storage import Store


@dataclass
class _Recording:
    index: int  # the prompt being answered
    recorder: Recorder
    path: Path


class DebriefController:
    """`store` opens the session store (None, with a message, when it cannot be); `show` brings
    the Debrief screen up; `review` loads sessions and transcribes saved recordings; `saved` is
    called after each successful save."""

    def __init__(self, services: AppServices, banner: Banner, model_status: ModelStatus,
                 screen: DebriefScreen, review: ReviewController, *,
                 store: Callable[[], Store | None], show: Callable[[], None],
                 saved: Callable[[], None] | None = None) -> None:
        self.services = services
        self.banner = banner
        self.model_status = model_status
        self.screen = screen
        self.review = review
        self._store = store
        self._show = show
        self._saved = saved  # ratings feed Progress: it is refreshed after each save
        self._recording: _Recording | None = None
        self.transcribe_job: Job | None = None  # a spoken answer being transcribed
        screen.save_requested.connect(self.save)
        screen.record_requested.connect(self.record)

    @property
    def recording(self) -> bool:
        """True while a spoken answer is being recorded (its file is still being written)."""
        return self._recording is not None

    def open(self, session_id: int) -> None:
        session = self.review.load_session(session_id)
        if session is None:
            return
        self.screen.show_session(session, self.review.script_of(session))
        self._show()
        self.review.transcribe_missing_answers(session)  # spoken answers saved before the model was ready

    def save(self, answers: list[DebriefAnswer]) -> bool:
        store, session = self._store(), self.screen.session
        if store is None or session is None:
            self.banner.show_message("The debrief cannot be saved: sessions are not available.")
            return False
        ids = []
        try:
            for a in answers:
                if a.entry_id is None:
                    ids.append(store.add_debrief(session.id, a.prompt, a.text, a.rating)
                               if (a.text or a.rating) else None)
                else:
                    store.update_debrief(a.entry_id, a.text, a.rating)
                    ids.append(a.entry_id)
        except Exception as exc:  # disk full, read-only folder: the text stays in the window
            self.banner.show_message(f"The debrief could not be saved: {exc}. Your answers are still "
                                     "in the window; free some space and press Save again.")
            return False
        self.screen.set_entry_ids(ids)
        self.screen.mark_saved()
        self.screen.status.setText("Debrief saved.")
        if self._saved is not None:
            self._saved()
        return True

    def record(self, index: int, start: bool) -> None:
        if start:
            self._start_recording(index)
        else:
            self.stop_recording()

    def _start_recording(self, index: int) -> None:
        self.stop_recording()
        store, session = self._store(), self.screen.session
        item = self.screen.items[index]
        if store is None or session is None or self.services.make_recorder is None:
            self.screen.set_recording(None)
            self.banner.show_message("Recording is not available here; type your answer instead.", "warning")
            return
        try:
            entry_id = store.add_debrief(session.id, item.prompt.text, item.text.toPlainText().strip(),
                                         item.rating(), with_audio=True)
            item.entry_id = entry_id
            path = store.debrief_audio_path(session.id, entry_id)
            recorder = self.services.make_recorder(self.services.settings)
            screen = self.screen

            def level(dbfs: float) -> None:  # the recorder's thread: only a number is stored
                screen.level_dbfs = dbfs

            recorder.start(path, on_level=level)
        except Exception as exc:
            self.screen.set_recording(None)
            self.banner.show_message(f"Could not record: {exc}. Type your answer instead.", "warning")
            return
        self._recording = _Recording(index, recorder, path)
        self.screen.set_recording(index)

    def stop_recording(self) -> None:
        """Stop a spoken answer being recorded (if any) and transcribe it when the model is ready."""
        if self._recording is None:
            return
        index, recorder, path = self._recording.index, self._recording.recorder, self._recording.path
        self._recording = None
        self.screen.set_recording(None)
        try:
            path = recorder.stop()
        except Exception as exc:
            self.banner.show_message(f"The recording did not close cleanly: {exc}", "warning")
        try:
            recorder.close()  # let go of the microphone (it stays open between takes otherwise)
        except Exception:  # the recording is already closed and safe
            pass
        if not (self.model_status.ready and self.services.transcribe_file):
            self.banner.show_message("Your spoken answer is saved; it will be transcribed once the speech "
                                     "model is ready. You can also type it.", "warning")
            if self.screen.session is not None:
                self.review.wait_for_model(self.screen.session.id)
            return
        self._transcribe(index, path)

    def _transcribe(self, index: int, path: Path) -> None:
        """Off the GUI thread, with the progress bar and Cancel that other long work has (it
        shows after half a second). A cancelled or failed answer keeps its recording; opening
        the debrief again transcribes it (ReviewController.transcribe_missing_answers)."""
        transcribe, model = self.services.transcribe_file, self.model_status.model
        stepwise = in_steps(transcribe, model)
        bar = self.screen.transcribe_progress
        self.screen.status.setText("Transcribing your answer...")

        def work(progress, cancel):
            if stepwise is not None:
                return stepwise(path, progress, cancel)
            return transcribe(path, model)

        def ended() -> None:
            if self.transcribe_job is job:  # a later answer's transcription keeps the bar
                self.transcribe_job = None
                bar.finish()

        def done(transcript) -> None:
            ended()
            self.screen.append_text(index, transcript.text)
            self.screen.status.setText("Transcribed. Press Save debrief (Ctrl+S) to keep it.")

        def failed(exc: BaseException) -> None:
            ended()
            self.screen.status.clear()
            self.banner.show_message(f"Your spoken answer is saved but could not be transcribed: {exc}", "warning")

        def cancelled() -> None:
            ended()
            self.screen.status.setText("Transcription cancelled. Your spoken answer is kept; it is transcribed "
                                       "the next time you open this debrief, or type it.")

        job = self.transcribe_job = run_job(work, on_progress=bar.report, on_done=done, on_error=failed,
                                            on_cancelled=cancelled)
        bar.start(job, "Transcribing your spoken answer...", seconds=True)
