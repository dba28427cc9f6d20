"""Opening a stored round for review, playing its audio, exporting it, and transcribing the
recordings that have no transcript yet. Owned by the main window, which hands it what it uses."""
from __future__ import annotations

import inspect
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from interviewer.app.labels import clock_text
from interviewer.app.services import AppServices
from interviewer.core.scripts.model import RoundScript
from interviewer.core.stored_script import session_script
from interviewer.gui.banner import Banner
from interviewer.gui.debrief_screen import DebriefScreen
from interviewer.gui.model_status import ModelStatus
from interviewer.gui.review_screen import ReviewScreen
from interviewer.gui.task_progress import TaskProgress
from interviewer.gui.workers import Job, post_to_gui, run_in_background, run_job

# What the import dialog offers: what adapters/long_audio.py reads (M4A/AAC through PyAV).
AUDIO_FILES = "Audio (*.wav *.flac *.mp3 *.ogg *.oga *.opus *.m4a *.aac);;All files (*)"
# The save dialog's filter per export format: it offered "All Files (*)" for a Markdown export,
# so nothing said what kind of file was being saved (trial 16).
EXPORT_FILTERS = {"md": "Markdown (*.md)", "html": "HTML (*.html)", "pdf": "PDF (*.pdf)", "json": "JSON (*.json)",
                  "wav": "WAV (*.wav)", "flac": "FLAC (*.flac)"}

def in_steps(transcribe: Callable[..., Any], model: Any) -> Callable[..., Any] | None:
    """The app's file transcriber as backfill's in-steps transcriber (progress within a file,
    stopped before its next chunk), when it takes `on_progress` and `cancel`."""
    try:
        takes = set(inspect.signature(transcribe).parameters)
    except (TypeError, ValueError):
        return None
    if not {"on_progress", "cancel"} <= takes:
        return None
    return lambda path, progress, cancel: transcribe(path, model, on_progress=progress, cancel=cancel)


if TYPE_CHECKING:
    from interviewer.export import ExportResult
    from interviewer.storage import Store



def transcribing_message(pending: int) -> str:
    """'Transcribing 1 recording that has no transcript yet...' (it said 'that have' for one)."""
    if pending == 1:
        return "Transcribing 1 recording that has no transcript yet..."
    return f"Transcribing {pending} recordings that have no transcript yet..."


class ReviewController:
    """`store` opens the session store (None, with a message, when it cannot be); `scripts` lists
    the question scripts known now; `show` brings the Review screen up; `recording` says whether a
    spoken debrief answer is being written (its file must not be transcribed yet). The debrief
    screen is here because its answers play, and its spoken answers are transcribed, from here."""

    def __init__(self, services: AppServices, banner: Banner, model_status: ModelStatus,
                 screen: ReviewScreen, debrief_screen: DebriefScreen, *,
                 store: Callable[[], Store | None], scripts: Callable[[], list[RoundScript]],
                 show: Callable[[], None], recording: Callable[[], bool],
                 sessions_changed: Callable[[], None] | None = None,
                 script_problems: Callable[[], dict[str, list[str]]] | None = None) -> None:
        """`sessions_changed`: called when catching up changed a stored round (an answer
        transcribed, or dropped as empty), so lists of rounds elsewhere count it again.
        `script_problems`: script id -> why its file could not be loaded (the review says so,
        not "not found")."""
        self.services = services
        self._sessions_changed = sessions_changed
        self.banner = banner
        self.model_status = model_status
        self.screen = screen
        self.debrief_screen = debrief_screen
        self._store = store
        self._scripts = scripts
        problems = script_problems or dict
        screen.script_problems = lambda script_id: list(problems().get(script_id, ()))
        self._show = show
        self._recording = recording
        self._backfill_sessions: set[int] = set()  # transcribing from recordings now
        self._backfill_waiting: int | None = None  # a session waiting for the model for that
        self.playback: Any = None  # what play_audio returned: stop() ends it
        self._play_token: object = None  # the playback the status line is about
        self.last_export: ExportResult | None = None
        self.export_job: Job | None = None  # the export being written (its Cancel is on the screen)
        self.catch_up_job: Job | None = None  # recordings being transcribed (the same)
        # Importing a recording is not tied to one screen: the window shows this bar (status bar).
        self.import_progress = TaskProgress()
        self.import_job: Job | None = None
        # Analysing stored rounds again (File menu, the review's menu): the status bar's bar too.
        self.reanalyse_progress = TaskProgress()
        self.reanalyse_job: Job | None = None
        screen.play_requested.connect(self.play_answer)
        screen.stop_requested.connect(self.stop_playback)
        screen.export_requested.connect(self._ask_export)
        screen.coverage_needed.connect(self.match_talking_points)
        self._coverage_matcher: Any = None  # see text_encoder()
        debrief_screen.play_requested.connect(self.play_answer)

    def script_by_id(self, script_id: str) -> RoundScript | None:
        return next((s for s in self._scripts() if s.id == script_id), None)

    def script_of(self, session) -> RoundScript | None:
        """The round's script as it ran: the copy kept with it (else the file of its id), with
        any extra parts (core.stored_script, the one lookup of a stored round's script)."""
        return session_script(session, self._scripts())

    def load_session(self, session_id: int):
        store = self._store()
        if store is None:
            return None
        try:
            return store.get_session(session_id)
        except Exception as exc:
            self.banner.show_message(f"Could not open session {session_id}: {exc}")
            return None

    def open(self, session_id: int, show: bool = True) -> None:
        """`show`: switch to the review (False: fill it, for the side bar's Review, and stay)."""
        session = self.load_session(session_id)
        if session is None:
            return
        missing = []
        try:
            missing = self._store().missing_audio(session)
        except Exception:
            pass
        self.stop_clip()  # a clip of the round shown before is not this one's (trial 21)
        self.screen.show_session(session, self.script_of(session), missing)
        if show:
            self._show()
        self.transcribe_missing_answers(session)

    def cancel_work(self, timeout: float = 5.0) -> bool:
        """Cancel the exports, imports and catching up still running and wait (up to `timeout`
        s) until they have stopped and cleaned up: before the app closes the store. True if all
        stopped in time."""
        import time

        jobs = [j for j in (self.export_job, self.catch_up_job, self.import_job, self.reanalyse_job)
                if j is not None and not j.finished]
        for job in jobs:
            job.cancel()
        deadline = time.monotonic() + timeout
        return all(job.task is None or job.task.finished.wait(max(0.0, deadline - time.monotonic()))
                   for job in jobs)

    # -- importing a recorded interview -------------------------------------------------------
    def ask_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.screen.window(), "Import a recorded interview",
                                              str(self._last_folder()), AUDIO_FILES)
        if path:
            self._remember_folder(str(Path(path).parent))
            self.import_recording(Path(path))

    def import_recording(self, path: Path) -> None:
        """Transcribe a recorded interview of any length off the GUI thread, with a progress bar
        and Cancel (nothing is kept when cancelled), then open it for review."""
        from interviewer.app.import_recording import import_recording

        store = self._store()
        if store is None:
            return
        if store.read_only:
            self.banner.show_message("The data folder is read-only, so a recording cannot be imported.", "warning")
            return
        if self.import_job is not None and not self.import_job.finished:
            self.banner.show_message("A recording is still being imported; wait for it or cancel it.", "info")
            return
        if not (self.model_status.ready and self.services.transcribe_file):
            self.banner.show_message("The speech model is not ready, so the recording cannot be transcribed yet; "
                                     "try again once it is (the Check screen shows its state).", "warning")
            return
        transcribe, model = self.services.transcribe_file, self.model_status.model
        steps = in_steps(transcribe, model) or (lambda file, _progress, _cancel: transcribe(file, model))
        bar = self.import_progress

        def work(progress, cancel):
            return import_recording(store, path, steps, progress=progress, cancel=cancel)

        def ended() -> None:
            if self.import_job is job:
                bar.finish()

        def done(session_id: int) -> None:
            ended()
            # One answer: what the interviewer says in the file counts as the candidate's.
            self.banner.show_message(
                f"Imported {path.name}. The whole recording is reviewed as one answer of yours, so every "
                "voice in it counts: the interviewer's questions count as clarifying questions and its "
                "words as yours, and the gaps between speakers as pauses.", "info",
                screen="review")  # about this review: it followed the user to Progress (trial 39)
            self.open(session_id)

        def failed(exc: BaseException) -> None:
            ended()
            self.banner.show_message(f"Could not import {path.name}: {exc}", "warning")

        def cancelled() -> None:
            ended()
            self.banner.show_message(f"Import of {path.name} cancelled; nothing was saved.", "info")

        job = self.import_job = run_job(work, on_progress=bar.report, on_done=done, on_error=failed,
                                        on_cancelled=cancelled)
        bar.start(job, f"Importing {path.name}...", seconds=True)

    def file_work_held(self, held: bool) -> None:
        """An import under way says that it waits for the round to end (and goes on after)."""
        self.import_progress.set_note("waits until the round ends" if held else "")

    # -- talking points ----------------------------------------------------------------------
    def text_encoder(self) -> Any:
        """What the talking points are matched with, in the review and its exports alike: a
        matcher on the app's sentence-embedding model (waits for it to load; call off the GUI
        thread), else on the keyword fallback. One matcher, so an export after the review
        reuses the sentences' vectors instead of encoding them again (seconds for a long round)."""
        from interviewer.core.matching import LexicalEncoder, Matcher

        load = self.services.load_text_encoder
        encoder = load() if load is not None else LexicalEncoder()
        if self._coverage_matcher is None or self._coverage_matcher.encoder is not encoder:
            self._coverage_matcher = Matcher(encoder)
        return self._coverage_matcher

    def match_talking_points(self, session: Any, script: RoundScript | None) -> None:
        """Fill the review's checklist from the round summary, computed on a worker thread."""
        if script is None:
            return
        from interviewer.storage.progress import round_summary

        def work():
            from interviewer.core.analysis.summary import answered_question_ids
            from interviewer.core.weak_spots import (areas_line, point_area_results, round_area_results,
                                                     round_content, script_point_areas, skipped_follow_up_results,
                                                     unanswered_questions)

            numbers = round_summary(session, script, self.text_encoder())
            # The round's topic areas as Home and Progress count them (the same core verdict).
            areas = round_area_results(point_area_results(numbers, script, session.lines), numbers, script_point_areas(script),
                                       skipped_follow_up_results(script, session.lines, numbers))
            unanswered = unanswered_questions(script, answered_question_ids(numbers))
            return (numbers.coverage, numbers.phase_coverage, areas_line(areas, unanswered, session.ended_early, bool(session.skipped)),
                    numbers.depth, round_content(areas, unanswered, session.ended_early, bool(session.skipped)).missed,
                    areas)

        def done(result) -> None:
            if self.screen.session is session:  # not a round opened since
                self.screen.coverage.set_coverage(*result[:3])
                self.screen.side.fit()  # its panes show now: the open Talking points tab gets its room
                self.screen.show_matched_depth(result[3])
                self.screen.show_missed_areas(result[4])  # the findings list's praise, as the summary's
                # the points covered, first; the areas missed, to work on (as the summary says them)
                self.screen.ten_seconds.show_session(session, result[0], result[4], result[5])

        def failed(exc: BaseException) -> None:
            if self.screen.session is session:
                self.screen.coverage.show_message(f"The talking points could not be matched: {exc}")

        run_in_background(work, done, failed)

    # -- recordings without a transcript --------------------------------------------------
    @property
    def transcribing(self) -> bool:
        """True while recordings of some round are being transcribed in the background."""
        return bool(self._backfill_sessions)

    def wait_for_model(self, session_id: int) -> None:
        """Transcribe this round's recordings once the speech model is ready (model_ready)."""
        self._backfill_waiting = session_id

    def transcribe_missing_answers(self, session) -> None:
        """Catch up on recordings with no transcript (answers recorded while the model was
        loading or had failed, or when the app crashed mid-answer; spoken debrief answers saved
        before the model was ready), in the background; the review and debrief refresh after."""
        from interviewer.app.backfill import has_work, transcribe_missing

        store = self._store()
        if store is None or store.read_only or session.id in self._backfill_sessions:
            return
        if self._recording():  # its file is still being written
            self._backfill_waiting = session.id
            return
        pending = has_work(store, session)
        if not pending:
            return
        count = f"{pending} recording{'s' if pending != 1 else ''}"
        if not (self.model_status.ready and self.services.transcribe_file):
            self._backfill_waiting = session.id  # picked up by model_ready
            self.banner.show_message(f"{count} of this round {'have' if pending != 1 else 'has'} no transcript "
                                     "yet; they will be transcribed when the speech model is ready.", "info")
            return
        transcribe, model = self.services.transcribe_file, self.model_status.model
        script = self.script_of(session)
        self._backfill_sessions.add(session.id)
        self.banner.show_message(transcribing_message(pending), "info")
        bar = self.screen.transcribe_progress

        def work(progress, cancel):
            return transcribe_missing(store, session, script, lambda path: transcribe(path, model),
                                      progress, cancel, in_steps(transcribe, model))

        def done(result) -> None:
            self._backfill_sessions.discard(session.id)
            self._catch_up_ended(job)
            if result.message:
                self.banner.show_message(result.message, "warning" if result.failed or result.debrief_failed else "info")
            elif self.banner.text == transcribing_message(pending):  # only answers the round
                self.banner.clear()  # dropped as empty meanwhile: nothing to tell
            shown = self.screen.session
            if (result.transcribed or result.gone) and self._sessions_changed is not None:
                self._sessions_changed()  # Home counted the answers before they were caught up
            if (result.transcribed or result.gone) and shown is not None and shown.id == session.id:
                fresh = self.load_session(session.id)
                if fresh is not None:
                    self.screen.show_session(fresh, script, store.missing_audio(fresh))
            debrief = self.debrief_screen.session
            if result.debrief_texts and debrief is not None and debrief.id == session.id:
                for index, item in enumerate(self.debrief_screen.items):
                    text = result.debrief_texts.get(item.entry_id)
                    if text and not item.text.toPlainText().strip():  # never overwrite what was typed
                        self.debrief_screen.append_text(index, text)

        def failed(exc: BaseException) -> None:
            self._backfill_sessions.discard(session.id)
            self._catch_up_ended(job)
            self.banner.show_message(f"Recordings without a transcript could not be transcribed: {exc}. "
                                     "The recordings are kept.", "warning")

        job = self.catch_up_job = run_job(work, on_progress=bar.report, on_done=done, on_error=failed)
        bar.start(job, transcribing_message(pending))

    # -- analysing stored rounds again ----------------------------------------------------
    def reanalyse(self, session_ids: list[int] | None = None) -> None:
        """Analyse stored rounds (all of them with None) again with the current rules, from their
        transcripts (app/backfill.reanalyse_rounds), off the GUI thread with a bar and Cancel:
        after an update, old rounds then show the same findings and numbers as new ones. A round
        whose recordings are being transcribed now is left for later (the catch-up analyses it)."""
        from interviewer.app.backfill import reanalyse_rounds

        store = self._store()
        if store is None:
            return
        if store.read_only:
            self.banner.show_message("The rounds cannot be analysed again: the data folder is read-only.", "warning")
            return
        if self.reanalyse_job is not None and not self.reanalyse_job.finished:
            self.banner.show_message("Rounds are being analysed again already (see the bar below).", "info")
            return
        try:
            ids = [s.id for s in store.list_sessions()] if session_ids is None else list(session_ids)
        except Exception as exc:
            self.banner.show_message(f"Could not read the rounds: {exc}")
            return
        ids = [i for i in ids if i not in self._backfill_sessions]
        if not ids:
            self.banner.show_message("No rounds to analyse again." if session_ids is None else
                                     "This round's recordings are being transcribed; analyse it again after.",
                                     "info")
            return
        scripts = {s.id: s for s in self._scripts()}  # read here, on the GUI thread
        title = ("Analysing this round again..." if session_ids is not None and len(ids) == 1
                 else f"Analysing {len(ids)} rounds again...")
        bar = self.reanalyse_progress

        def work(progress, cancel):
            return reanalyse_rounds(store, ids, scripts.get, progress, cancel)

        def ended() -> None:
            if self.reanalyse_job is job:
                bar.finish()

        def done(result) -> None:
            ended()
            self.banner.show_message(result.message, "info")
            # Home and Progress read the analyses, and Progress which rounds are still older ones.
            if (result.analysed or result.rounds) and self._sessions_changed is not None:
                self._sessions_changed()
            shown = self.screen.session
            if shown is not None and shown.id in result.rounds:
                # An export written before no longer matches the round's analysis (trial 39).
                self.screen.export_note.set_note("")
                fresh = self.load_session(shown.id)
                if fresh is not None:
                    self.screen.show_session(fresh, self.script_of(fresh), store.missing_audio(fresh))

        def failed(exc: BaseException) -> None:
            ended()
            self.banner.show_message(f"The rounds could not be analysed again: {exc}. Their transcripts and "
                                     "earlier analyses are kept.", "warning")

        job = self.reanalyse_job = run_job(work, on_progress=bar.report, on_done=done, on_error=failed)
        bar.start(job, title)

    def _catch_up_ended(self, job: Job) -> None:
        if self.catch_up_job is job:
            self.screen.transcribe_progress.finish()

    def model_ready(self) -> None:
        """The speech model became ready: transcribe what the open review or debrief waits for."""
        waiting, self._backfill_waiting = self._backfill_waiting, None
        shown = [s for s in (self.screen.session, self.debrief_screen.session) if s is not None]
        if waiting is not None and any(s.id == waiting for s in shown):
            fresh = self.load_session(waiting)
            if fresh is not None:
                self.transcribe_missing_answers(fresh)

    # -- playback -------------------------------------------------------------------------
    def play_answer(self, answer_id: int, start: float) -> None:
        """Play an answer's recording from `start` seconds, off the GUI thread."""
        answer = None
        for session in (self.screen.session, self.debrief_screen.session):
            if session is not None:
                answer = answer or next((a for a in session.answers if a.id == answer_id), None)
        store = self._store()
        path = store.audio_file(answer.audio_path) if (answer and store and answer.audio_path) else None
        if path is None:
            where = ""
            if answer and store and answer.audio_path:
                try:
                    where = f" ({store.resolve_audio_path(answer.audio_path)} was moved or deleted)"
                except Exception:
                    where = f" ({answer.audio_path})"
            self.banner.show_message(f"The recording of this answer is missing{where}, so it cannot be played; "
                                     "its transcript and analysis are kept.", "warning")
            return
        if self.services.play_audio is None:
            self.banner.show_message("Audio playback is not available.", "warning")
            return
        self.stop_playback()
        self._clear_playback_problem()  # a new clip: the last one's problem is no longer news
        play = self.services.play_audio
        # On the round clock, as the findings, transcript and timeline give times ("[00:37] Long
        # pause" played "from 9.2 s", the time into that answer's recording).
        at = clock_text(answer.answer_start + start) if answer.answer_start is not None else f"{start:.1f} s"
        self.screen.set_playing(f"Playing from {at}")
        # Only the latest click owns the status line: an earlier clip ending (or starting late)
        # must neither clear it nor keep playing under the new one.
        token = self._play_token = object()

        def started(handle) -> None:
            if token is self._play_token:
                self.playback = handle
            else:
                handle.stop()

        def failed(exc: BaseException) -> None:
            if token is self._play_token:
                self.screen.set_playing("")
            self.banner.show_message(f"Could not play the recording: {exc}", "warning")

        def ended(error: str | None) -> None:  # on the playback thread
            post_to_gui(lambda: self._playback_ended(error) if token is self._play_token else None)

        run_in_background(lambda: play(path, max(0.0, start - 0.3), on_done=ended), started, failed)

    def _playback_ended(self, error: str | None) -> None:
        """A clip's problem ("The speaker stopped responding...") is said where "Playing from
        ..." was, so nothing moves; on the debrief, which has no such line, in the banner for
        that screen only. Either goes when the next clip starts: in the banner above the page it
        stayed after the next clip played, through the debrief, and moved every control down
        ~40 px (trial 29)."""
        self.screen.set_playing("")
        if not error:
            return
        self.screen.set_playback_problem(error)
        if self.debrief_screen.isVisible():
            self.banner.show_message(error, "warning", screen="debrief")
            self._problem_in_banner = error

    def _clear_playback_problem(self) -> None:
        self.screen.set_playback_problem("")
        shown = getattr(self, "_problem_in_banner", None)
        if shown is not None and self.banner.text == shown:
            self.banner.clear()
        self._problem_in_banner = None

    def stop_playback(self) -> None:
        self.stop_clip()
        self.last_export = None

    def stop_clip(self) -> None:
        """Stop the answer playing, if any, and clear "Playing from ..." and Stop playback; also
        a clip still starting (its token no longer matches, so it stops as it starts)."""
        self._play_token = None
        if self.playback is not None:
            self.playback.stop()
            self.playback = None
        self.screen.set_playing("")

    # -- export ---------------------------------------------------------------------------
    remember_export_folder: Callable[[str], None] | None = None  # keeps the folder for the next save

    def _last_folder(self) -> Path:
        """Where File > Import and Export's dialogs open: the folder last used by either (settings'
        last_export_dir), else home. Import opened in the home folder right after an export to
        another folder (trial 44)."""
        last = getattr(self.services.settings, "last_export_dir", "")
        return Path(last) if last and Path(last).is_dir() else Path.home()

    def _remember_folder(self, folder: str) -> None:
        if self.remember_export_folder is not None:
            self.remember_export_folder(folder)

    def _ask_export(self, session_id: int, fmt: str) -> None:
        """The save dialog opens in the folder last exported to (it always opened in the home
        folder, trial 39); the name typed decides the format (export.chosen_output)."""
        from PySide6.QtWidgets import QFileDialog

        from interviewer.export import chosen_output

        suggested = str(self._last_folder() / self._suggested_name(session_id, fmt))
        path, _ = QFileDialog.getSaveFileName(self.screen.window(), "Export the round", suggested,
                                              EXPORT_FILTERS.get(fmt, ""))
        if path:
            fmt, out = chosen_output(Path(path), fmt)
            self._remember_folder(str(out.parent))
            self.export_session(session_id, fmt, out)

    def _suggested_name(self, session_id: int, fmt: str) -> str:
        """'2026-12-03 ML breadth: training....html' as a file name: the date and the title the
        app shows (it was 'session-5.html', a number the app never shows)."""
        import re
        import time

        from interviewer.export import default_output

        store = self._store()
        try:
            session = store.get_session(session_id) if store is not None else None
        except Exception:
            session = None
        if session is None:
            return default_output(session_id, fmt).name
        title = re.sub(r"[^\w ,.()+-]+", " ", session.title or "round")  # no / : * ? and the like
        title = re.sub(r"\s+", " ", title).strip(" .")[:80].strip() or "round"
        return f"{time.strftime('%Y-%m-%d', time.localtime(session.started_at))} {title}.{fmt}"

    def export_session(self, session_id: int, fmt: str, out: Path) -> None:
        """Write an export off the GUI thread (PDF too: Qt lays it out on a pool thread), with
        a progress bar and Cancel; a cancelled export leaves no file. Overwrites `out`: the save
        dialog has already asked about an existing file."""
        store = self._store()
        if store is None:
            return
        if self.export_job is not None and not self.export_job.finished:
            self.banner.show_message("An export is still being written; wait for it or cancel it.", "info",
                                     screen="review")
            return
        from interviewer.export import AUDIO_FORMATS, export_session
        from interviewer.gui.pdf import render_pdf

        bar = self.screen.export_progress

        def work(progress, cancel):
            return export_session(store, session_id, fmt, out, render_pdf=render_pdf, force=True,
                                  progress=progress, cancel=cancel, text_encoder=self.text_encoder(),
                                  script=self.script_of(store.get_session(session_id)))

        def done(result) -> None:
            self._export_ended(job)
            note = f" ({'; '.join(result.warnings)})" if result.warnings else ""
            # On the review's own line under Export: a banner above the page moved the button.
            self.screen.export_note.set_note(f"Exported to {result.path}{note}.")
            self.last_export = result

        def failed(exc: BaseException) -> None:
            self._export_ended(job)
            self.banner.show_message(f"The export failed: {exc}", "error", screen="review")

        def cancelled() -> None:
            self._export_ended(job)
            self.screen.export_note.set_note(f"Export cancelled; {out.name} was not written.")

        job = self.export_job = run_job(work, on_progress=bar.report, on_done=done, on_error=failed,
                                        on_cancelled=cancelled)
        bar.start(job, f"Exporting {out.name}...", seconds=fmt in AUDIO_FORMATS)

    def _export_ended(self, job: Job) -> None:
        if self.export_job is job:
            self.screen.export_progress.finish()
