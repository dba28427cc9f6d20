"""The round: the interviewer speaks, the candidate answers, the clock runs. Keyboard-first.

Keys (when the scratchpad does not have focus): Space or Enter ends the answer (with loudspeakers,
where talking does not interrupt the interviewer, it interrupts it first), R repeats the
question, N moves on to the next part (ends the round in the last one), P pauses or resumes the
round (clocks and recording). Ctrl+Enter, Ctrl+R, Ctrl+N, Ctrl+P and Ctrl+E work anywhere in the
window, the scratchpad and the side bar included; from outside the round screen they give the
keys back to it, so Space ends the next answer. End round asks first. The keys are bound from
screen_keys.ROUND_KEYS, the table the F1 sheet lists.

The status line shows only what the controller's status machine says (StatusChanged), so it
can never be left saying "speaking" while the app listens.
"""
from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from interviewer.gui import confirm
from interviewer.core.engine import AskQuestion, PhaseEnd, PhaseEndingSoon, PhaseStarted, RoundEndingSoon, TimeUp
from interviewer.core.round_records import UtteranceKind, ended_on_question
from interviewer.core.round_status import ControllerStatus
from interviewer.core.scripts.model import NO_SCRATCHPAD_KINDS
from interviewer.core.extra_questions import OFFER_LABEL
from interviewer.core.time_left import ONE_PROBLEM_KINDS, early_end_note, left_with_next
from interviewer.core.round_updates import (
    AnswerDropped, AnswerEnded, ClarifyingAnswered, LineCutOff, ListeningStarted, MicPaused, MicResumed, PartialTranscript,
    ReplyCutOff, RoundFinished, Speaking, SpeechInterrupted, StatusChanged, TranscriptReady,
)
from interviewer.core.time_warnings import warning_text
from interviewer.core.weak_spots import skipped_label
from interviewer.app.labels import clock_text, kind_label, phase_clock_text
from interviewer.gui.fitted_scroll import FittedScroll
from interviewer.gui.flow_layout import FlowLayout
from interviewer.gui.level_meter import LevelMeter
from interviewer.core.ask_labels import PROBE_LABEL, from_earlier_part, is_own_ask, label_for, line_label
from interviewer.gui.live_transcript import LiveTranscriptView
from interviewer.app.round_session import RoundSession
from interviewer.export.interviewer_lines import BANNER_KINDS, TRANSCRIPT_LINE_KINDS, reply_rest
from interviewer.gui.screen_keys import ROUND_KEYS
from interviewer.gui.timeline_widgets import PhasePlanBar, PlannedPhase

POLL_MS = 100  # controller poll and countdown refresh
METER_MIN_WIDTH = 160  # the mic meter stays readable beside a long status line
RENDER_MS = 250  # live transcript repaint at most this often (throttle)
# The question shown takes at most this share of the screen's height; a longer one scrolls in its
# box (a user's 1,500-character problem pushed the answer keys off a 1024x640 window).
QUESTION_SHARE = 0.25
SCRATCHPAD_SAVE_MS = 10000
QUESTION_KINDS = (UtteranceKind.QUESTION, UtteranceKind.FOLLOW_UP, UtteranceKind.CHANGED_CONSTRAINT,
                  UtteranceKind.REPEAT)
QUESTION_LABELS = {UtteranceKind.FOLLOW_UP: "Follow-up: ", UtteranceKind.CHANGED_CONSTRAINT: "New constraint: ",
                   UtteranceKind.REPEAT: "Again: "}


def _question_label(update: Speaking, default: str) -> str:
    """The label before a line asked (QUESTION_LABELS), the core's (ask_labels.line_label, as the
    review and the exports label it): "Probe:" for a follow-up the interviewer adds on its own
    ("Could you say a bit more?", trials 38 and 46)."""
    if update.kind in QUESTION_LABELS:
        return line_label(update.kind, update.follow_up_id, update.text) + " "
    return default


PART_LABEL_SHARE = 0.45  # of the round screen's width, at most, for the part's name on one line


def _with_icon(icon: str, text: str) -> str:
    """A warning with its icon (an SVG in the theme's colours; emoji glyphs show as empty boxes
    where no emoji font is installed). Colours of #question and #warning: gui/theme.py."""
    import html

    from interviewer.gui import theme

    return f"{theme.icon_html(icon, theme.current().warning_text)}&nbsp;{html.escape(text)}"

LOUDSPEAKER_HINT = ("Loudspeakers: press Space to interrupt the interviewer; headphones let you simply "
                    "talk over it")
# Before the echo check has told headphones from loudspeakers (new-user trial 7: the first round
# said "Just talk to interrupt", which loudspeakers would not have kept).
UNCHECKED_HINT = ("Headphones or loudspeakers? Not checked yet: press Space to interrupt the interviewer. "
                  "The echo check (Check screen) finds out; with headphones, talking interrupts it too.")


ROUND_OVER = "over"  # after the "Round" caption: "Round over" once the round has ended
ROUND_STARTING = "The interviewer will start in a moment."  # the question box before the first line
# While the ended round is saved; then show_outcome() says what became of it (saved and its review
# open, or not kept): "Its review is open" was said at once, also of a round kept nowhere (trial 29).
ROUND_SAVING = "The round is over. Saving it..."
# Quitting mid-round: the round is saved, then the window closes; no review opens (trial 26).
ROUND_SAVED_ON_QUIT = "The round is over. Saving your round before the app closes..."

# Round kinds whose questions are questions, not problems to solve (the box's heading under a follow-up).
QUESTION_ROUNDS = frozenset({"behavioral", "ml_depth", "ml_breadth"})


class RoundScreen(QWidget):
    finished = Signal(object)  # the RoundSession, once the round is over
    problem = Signal(str)  # plain message for the banner

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: RoundSession | None = None
        self._app_closing = False  # shutdown() ended the round: the app quits, no review opens
        self._shown_plan: list | None = None
        self._phase_id: str | None = None  # the part running (PhaseStarted)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        # Elides, never wider than the room beside the part's name: as wide as a long script
        # title, the label pushed the round sideways at 1024 px; wrapped, it split the kind.
        self.title = _RoundTitle()
        self.title.setObjectName("roundTitle")
        self.phase_label = QLabel()
        self.phase_label.setWordWrap(True)  # "Scale it up · a follow-up from the "Code" part"
        self.phase_clock = QLabel()
        self.round_clock = QLabel()
        for label in (self.phase_clock, self.round_clock):
            label.setFont(fixed_family_font())
        self.plan = PhasePlanBar()
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        # Wraps: the early-end note is a sentence, and at 200 % scaling one line needed 1,046 px.
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.question = QLabel(ROUND_STARTING)
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        # Its size comes from the stylesheet (TYPE_SCALE "question"), so the Text size setting
        # reaches it: a font set here stayed at the size the screen was built with.
        self.question_box = FittedScroll(self.question, lines=6)
        self.question_box.setAccessibleName("Question")  # a Tab stop when it scrolls
        self.status = QLabel()
        self.status.setObjectName("status")
        # Wraps: on one line the listening hint ran into "Mic" and squeezed the meter to a sliver.
        self.status.setWordWrap(True)
        self.meter = LevelMeter()
        self.meter.setMinimumWidth(METER_MIN_WIDTH)
        self.transcript = LiveTranscriptView()
        self.scratchpad = QPlainTextEdit()
        self.scratchpad.setPlaceholderText(
            "Scratchpad: code and design notes, saved with the session. While typing here, Space types "
            "a space: Ctrl+Enter ends the answer, Esc leaves the scratchpad (then Space ends it again).")
        # Named, not called by its whole placeholder: a screen reader read all 190 characters
        # as its name each time it took the focus; how its keys work is its description.
        self.scratchpad.setAccessibleName("Scratchpad")
        self.scratchpad.setAccessibleDescription(self.scratchpad.placeholderText())
        self.scratchpad.setFont(fixed_family_font())
        self.scratchpad.textChanged.connect(self._scratchpad_changed)

        self.end_button = QPushButton("End answer (Space)")
        self.end_button.setToolTip("Space or Enter ends your answer; Ctrl+Enter also works while typing "
                                   "in the scratchpad (Esc leaves it).")
        self.repeat_button = QPushButton("Repeat question (R)")
        self.next_button = QPushButton("Next part (N)")
        self.pause_button = QPushButton("Pause (P)")
        self.stop_button = QPushButton("End round (Ctrl+E)")  # it had no key: only the mouse ended a round
        for button in (self.end_button, self.repeat_button, self.next_button, self.pause_button, self.stop_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must not press a focused button
        self.end_button.clicked.connect(self.end_answer)
        self.repeat_button.clicked.connect(self.repeat_question)
        self.next_button.clicked.connect(self.next_part)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.confirm_stop_round)
        # The keys the F1 sheet lists (screen_keys.ROUND_KEYS). With Ctrl, anywhere in the window
        # while the round shows (a hidden screen's shortcuts do not fire): with the focus in the
        # side bar none of them worked, though the sheet says they work everywhere (trial 14).
        self._plain_keys: dict[int, str] = {}
        for binding in ROUND_KEYS:
            for keys in binding.ctrl:
                shortcut = QShortcut(QKeySequence(keys), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(partial(self._round_shortcut, binding.action))
            for keys in binding.plain:
                self._plain_keys[QKeySequence(keys)[0].key()] = binding.action
        leave_scratchpad = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.scratchpad)
        leave_scratchpad.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave_scratchpad.activated.connect(self.leave_scratchpad)

        header = QHBoxLayout()
        header.addWidget(self.title)  # its whole title when the row has room (sizeHint), else elided
        header.addSpacing(16)  # the title ran into the phase name ("...· Behavioral Introduction")
        # The part's name shares the row with the title: at its narrowest beside the clocks it
        # wrapped into 2-3 cramped lines at 1280x800 ("Conflict with a / peer", trial 25).
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.phase_label, 1)
        header.addSpacing(16)
        self.phase_caption = QLabel("Part")
        self.round_caption = QLabel("Round")
        # As wide as their text, never wider: with the part's name hidden (the round over) the
        # "Round" caption took the row's spare room, and read "Round      over" (trial 29).
        for label in (self.phase_caption, self.phase_clock, self.round_caption, self.round_clock):
            label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        header.addWidget(self.phase_caption)
        header.addWidget(self.phase_clock)
        header.addSpacing(12)
        header.addWidget(self.round_caption)
        header.addWidget(self.round_clock)

        self.interrupt_hint = QLabel()  # how to interrupt, unless talking does (headphones)
        self.interrupt_hint.setProperty("role", "muted")
        self.interrupt_hint.setWordWrap(True)
        self.interrupt_hint.hide()

        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addSpacing(12)
        status_row.addWidget(QLabel("Mic"), 0, Qt.AlignmentFlag.AlignVCenter)
        status_row.addWidget(self.meter, 0, Qt.AlignmentFlag.AlignVCenter)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.transcript)
        splitter.addWidget(self.scratchpad)
        splitter.setSizes([550, 450])

        # The answer's buttons go on to a second line in a narrow window: in one row they made
        # the round scroll sideways at 1024x640 with 150 % scaling, 'End round' out of sight.
        answer_buttons = FlowLayout()
        for button in (self.end_button, self.repeat_button, self.next_button, self.pause_button):
            answer_buttons.addWidget(button)
        buttons = QHBoxLayout()
        buttons.addLayout(answer_buttons, 1)
        buttons.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.plan)
        layout.addWidget(self.warning)
        layout.addWidget(self.question_box)
        layout.addWidget(self.interrupt_hint)
        layout.addLayout(status_row)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self._tick)
        self._render_timer = QTimer(self)
        self._render_timer.setInterval(RENDER_MS)
        self._render_timer.setSingleShot(True)
        self._render_timer.timeout.connect(self._render_partial)
        self._save_timer = QTimer(self)
        self._save_timer.setInterval(SCRATCHPAD_SAVE_MS)
        self._save_timer.timeout.connect(self._save_scratchpad)
        self._warning_timer = QTimer(self)
        self._warning_timer.setSingleShot(True)
        self._warning_timer.setInterval(15000)
        self._warning_timer.timeout.connect(self.warning.hide)
        self._partial_segments: dict[int, list] = {}
        self._partial_speech: dict[int, list] = {}  # answer -> its speech regions so far (filler marks)
        self._split_answers: set[int] = set()  # answers with an exchange in the middle
        self._exchange_replies: list[str] = []  # replies shown with their exchange, not yet spoken
        self._last_said: str | None = None  # the interviewer's last line (a reply said again is shown once)
        self._shown_answer: int | None = None
        self._last_heading: str | None = None
        self._last_heading_kind: UtteranceKind | None = None  # the kind of what `_last_heading` asked
        self._problem: str | None = None
        self._questions: dict[str, str] = {}  # each question asked this round, by its script id

    def _question_box_text(self, update: Speaking) -> str:
        """What was said, and under a follow-up or a part's opening words that go on with the
        same problem, the problem itself: a trial's coding round showed "Go ahead and code it
        up in the scratchpad" in its place, and the problem and its example were gone while coding."""
        if self._is_offer(update):
            return f"{OFFER_LABEL} {update.text}"
        text = label_for(_question_label(update, ""), update.text) + update.text
        if update.kind == UtteranceKind.QUESTION:
            self._problem = update.text
            if update.question_id is not None:
                self._questions[update.question_id] = update.text
            return text
        if update.kind == UtteranceKind.CHANGED_CONSTRAINT and self._one_problem():
            # A change said as a part starts belongs to that part: trial 16's Monitoring incident
            # (a follow-up of the design question) was shown under "Design the system that...".
            # Only a question really asked, though: trial 32 showed the Serving question, not yet
            # asked, under "Before serving, a new constraint: ...", and the first Requirements
            # question under the rain scenario. Otherwise the change is the question being
            # answered now: nothing under it.
            part_question = self._part_question()
            if part_question is None or part_question not in self._questions.values():
                return text
            self._problem = part_question
        elif update.question_id in self._questions:
            # A follow-up of an earlier question ("thinking back to the conflict you described at
            # the start...") goes under that question, not the one asked last (trial 11).
            self._problem = self._questions[update.question_id]
        if self._problem and update.kind != UtteranceKind.REPEAT and (
                update.kind != UtteranceKind.PROMPT or self._part_goes_on_with_the_problem()):
            text += f"\n\n{self._problem_heading()}: {self._problem}"
        return text

    def _is_offer(self, update: Speaking) -> bool:
        """The line is the offer of another question (core.extra_questions), waiting for its yes or no."""
        engine = getattr(self.session, "engine", None)
        return update.kind == UtteranceKind.FOLLOW_UP and bool(getattr(engine, "offer_open", False))

    def _problem_heading(self) -> str:
        """A coding or design round poses a problem; a story round asks a question (trial 11: a
        behavioral follow-up read "The problem: Tell me about a time you had a serious conflict...").
        So does a coding round's later part that asks one (trial 13: "The problem: Which test
        cases would you write for this function?"). A sentence of it that asks is enough: trial 28's
        "Which test cases would you write for this function? Name each one and what it checks."
        ends with an instruction and read "The problem: ..." again."""
        kind = self.session.script.kind if self.session is not None else None
        asks = "?" in (self._problem or "")
        return "The question" if kind in QUESTION_ROUNDS or asks else "The problem"

    def _one_problem(self) -> bool:
        return self.session is not None and self.session.script.kind in ONE_PROBLEM_KINDS

    def _part_question(self) -> str | None:
        """The current part's own (first) question in the script in a one-problem round (a
        design: each part's question is a step of it), else None. Elsewhere a change goes back
        to the question it follows ("Back to the recommender for a moment: ...")."""
        if self.session is None or self.session.script.kind not in ONE_PROBLEM_KINDS:
            return None
        phase = self.session.engine.current_phase
        questions = self.session.script.questions_in(phase.id) if phase is not None else ()
        return questions[0].text if questions else None

    def _part_goes_on_with_the_problem(self) -> bool:
        """The part that starts asks no question of its own and is not the last part (the
        candidate's questions, the summary)."""
        script, phase = self.session.script, self.session.engine.current_phase
        if phase is None or not script.phases or phase.id == script.phases[-1].id:
            return False
        return not script.questions_in(phase.id)

    def _show_question(self, text: str) -> None:
        self.question.setText(text)
        self.question_box.fit()

    def _set_part_label(self, text: str) -> None:
        self.phase_label.setText(text)
        self._fit_part_label()

    def _fit_part_label(self) -> None:
        """The part's name on one line while it takes at most PART_LABEL_SHARE of the screen's
        width; the title wraps first. Squeezed beside the clocks it wrapped into 2-3 cramped
        lines at 1280x800 ("Conflict with a / peer", trial 25)."""
        doc = QTextDocument()
        doc.setDefaultFont(self.phase_label.font())
        doc.setHtml(self.phase_label.text())
        one_line = int(doc.idealWidth()) + 2 * int(doc.documentMargin()) + 2
        self.phase_label.setMinimumWidth(min(one_line, int(self.width() * PART_LABEL_SHARE)))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_part_label()
        line = self.question.fontMetrics().lineSpacing()
        lines = max(3, int(self.window().height() * QUESTION_SHARE // max(line, 1)))  # the page may scroll
        if lines != self.question_box.lines:
            self.question_box.lines = lines
            self.question_box.fit()

    # ------------------------------------------------------------------ running a round

    def begin(self, session: RoundSession) -> None:
        """Show and start a prepared round. The caller built `session` with on_update=self.on_update."""
        self.session = session
        self._app_closing = False
        # Nothing of the last round is left on screen while the new one gets going: for about a
        # second it showed the last part's name and "The round is over..." (trial 29).
        self._set_part_label("")
        self._show_question(ROUND_STARTING)
        self.status.setText("")
        script = session.script
        self.title.set_title(script.title, kind_label(script.kind))
        self._shown_plan = None
        self._phase_id = None
        self._told_early_end = False  # the round shortening itself is said once
        self._show_plan()
        self.transcript.clear()
        self.scratchpad.blockSignals(True)
        self.scratchpad.clear()
        self.scratchpad.blockSignals(False)
        self._show_scratchpad()
        self.warning.hide()
        self.interrupt_hint.setText("")
        self._show_interrupt_hint()
        self._partial_segments.clear()
        self._partial_speech.clear()
        self._exchange_replies.clear()
        self._last_said = None
        self._shown_answer = None
        self._last_heading = None
        self._last_heading_kind = None
        self._problem = None  # the last question asked (not a follow-up)
        self._questions = {}
        self._set_buttons(running=True)
        session.start()
        if not self.status.text():
            self.status.setText(session.controller.status_line)
        self._show_pause_state()
        self._poll_timer.start()
        self._save_timer.start()
        self._refresh_clocks()
        self.setFocus()

    @property
    def running(self) -> bool:
        return self.session is not None and not self.session.controller.finished

    def end_answer(self) -> None:
        """Space/Enter: end the answer; while the interviewer waits, start adding to it instead."""
        if not self.running:
            return
        controller = self.session.controller
        if controller.status == ControllerStatus.WAITING:
            controller.continue_answer()
        elif controller.settings.barge_in:  # talking stops the interviewer; Space ends the answer
            controller.end_answer() or controller.interrupt()
        else:  # loudspeakers: Space is how the candidate talks over the interviewer
            controller.interrupt() or controller.end_answer()

    def repeat_question(self) -> None:
        if self.running:
            self.session.controller.repeat_question()

    def next_part(self) -> None:
        """N: the candidate is done with this part; in the last part this ends the round, after
        asking as End round does (one key ended the whole round without a word). Not while paused:
        the round cannot move on then, and asking would end nothing after a Yes."""
        if self.running and not self.session.controller.paused:
            # N just as the round moved on to the last part by itself meant the part before: no
            # question about ending the round (controller.next_is_same_move_on).
            if (not self.session.engine.has_next_phase and not self.session.controller.next_is_same_move_on
                    and not self.ask_to_end_round()):
                return
            self.session.controller.next_part()

    def toggle_pause(self) -> None:
        """P: pause the round (clocks and recording) or go on."""
        if not self.running:
            return
        controller = self.session.controller
        if controller.paused:
            controller.resume()
        else:
            controller.pause()


    def confirm_stop_round(self, going_to: str | None = None) -> bool:
        """End round, after asking. True if the round was ended (or was not running).
        `going_to`: the screen asked for (side bar, menu, Ctrl+number), which the question names."""
        if not self.running:
            return True
        if not self.ask_to_end_round(going_to=going_to):
            return False
        self.stop_round()
        return True

    def ask_to_end_round(self, quitting: bool = False, going_to: str | None = None) -> bool:
        """`quitting`: the app is closing (Ctrl+Q, the window's close button), which the question says.
        `going_to`: another screen was asked for; the question says why that ends the round
        (trial 21: a bare "End the round now?" after Ctrl+, ended a round by accident)."""
        kept = (self.session.end_round_note() if self.running and hasattr(self.session, "end_round_note")
                else "What was recorded so far is kept and analysed.")
        if quitting:
            quit_kept = kept if self.running and getattr(self.session, "records_nothing", False) \
                else "What was recorded so far is kept."
            title, text, yes = ("Quit and end the round?", f"Quit the app and end the round now? {quit_kept}",
                                "&Quit and end the round")
        elif going_to:
            title, text, yes = ("End the round?", f"{going_to} can't be opened during a round. End the round "
                                f"and open {going_to}? {kept}", f"&End the round and open {going_to}")
        else:
            title, text, yes = ("End the round?", f"End the round now? {kept}", "&End the round")
        # The round pauses under the question, as P pauses it (trial 22: time spent reading it
        # became "Slow start"); "Keep going" resumes it, a Yes ends it from the pause.
        controller = self.session.controller if self.running else None
        if controller is not None:
            controller.question_opened()
        ended = False
        try:
            ended = confirm.ask_destructive(self, title, text, yes, "&Keep going")
            return ended
        finally:
            if controller is not None:
                controller.question_closed(round_goes_on=not ended)

    def stop_round(self) -> None:
        if self.running:
            self.session.set_scratchpad(self.scratchpad.toPlainText())
            self.session.stop()

    def shutdown(self) -> None:
        """The app is closing: stop the round (what was recorded is kept) and all timers."""
        self._app_closing = True  # no review opens: the round-over text must not promise one
        self.stop_round()
        self._stop_timers()

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        key = event.key()
        if event.isAutoRepeat():  # a held key must not end an answer and start another
            return
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        action = self._plain_keys.get(key)
        if action is not None:
            getattr(self, action)()
        else:
            super().keyPressEvent(event)

    def _round_shortcut(self, action: str) -> None:
        """A Ctrl key of the round, pressed anywhere in the window: its action, then the keys go
        back to the round if the focus was outside it (trial 16: after Ctrl+N from the side bar,
        Space went to the side bar and did not end the next answer). The scratchpad keeps it."""
        getattr(self, action)()
        focus = QApplication.focusWidget()
        if self.isVisible() and focus is not self and (focus is None or not self.isAncestorOf(focus)):
            self.setFocus()

    def _show_scratchpad(self) -> None:
        """Only rounds with code or a design to write down show the scratchpad ("code and design
        notes" beside a behavioral round's stories, trial 17), and any round whose answers are
        typed because the microphone failed."""
        session = self.session
        wanted = session is None or session.script.kind not in NO_SCRATCHPAD_KINDS or session.controller.typing_answers
        if self.scratchpad.isHidden() == wanted:
            self.scratchpad.setVisible(wanted)

    def leave_scratchpad(self) -> None:
        """Esc: the keys go back to the round, so Space and the single letters work again."""
        self.setFocus()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.setFocus()  # clicking outside the scratchpad gives the keys back to the round
        super().mousePressEvent(event)

    # ------------------------------------------------------------------ updates (GUI thread)

    def on_update(self, update) -> None:
        if isinstance(update, PhaseStarted):
            self._mark_follow_up_skipped()
            self._phase_id = update.phase
            phase = self.session.script.phase(update.phase)
            self._set_part_label(f"<b>{phase.name}</b>")
            self._tell_early_end()
        elif isinstance(update, Speaking):
            self._speaking(update)
        elif isinstance(update, (PhaseEndingSoon, RoundEndingSoon)):
            self.warning.setText(_with_icon("clock", warning_text(update)))
            self.warning.show()
            self._warning_timer.start()
        elif isinstance(update, StatusChanged):
            self.status.setText(update.text)
            self._tell_early_end()
            self.transcript.set_hearing(self.session is not None and self.session.controller.talking_before_words)
            self._show_scratchpad()  # answers typed when the microphone failed need it in any round
            self._show_interrupt_hint()  # the round may have found loudspeakers meanwhile
        elif isinstance(update, AnswerEnded):
            # "Could you repeat that?", "No, let's wrap up.": shown, not counted (as in the review;
            # the core decides, AnswerRecord.counted).
            if update.asked_to_repeat or update.not_counted:
                self.transcript.leave_out_of_counts(update.answer)
        elif isinstance(update, AnswerDropped):
            # No answer after all (only a reply to a control question, "No, that's all."; or no
            # words): shown, counted in no number (core.control_questions).
            self.transcript.leave_out_of_counts(update.answer)
        elif isinstance(update, ListeningStarted):
            self.transcript.finish_answer()
            self.transcript.begin_answer(update.answer)
            self._shown_answer = update.answer
            self._partial_segments[update.answer] = []
            self._exchange_replies.clear()  # a reply dropped unsaid (the part ended) is no longer due
        elif isinstance(update, ClarifyingAnswered):
            # The exchange goes into the transcript: the candidate's question, the reply.
            self._show_reply(update.answer, update.clarification.reply)
            self._exchange_replies.append(update.clarification.reply)
        elif isinstance(update, SpeechInterrupted):
            # Stopped by N, the round's end or time up: the line reads what was heard of it, as
            # the review does; one not heard at all goes (trial 30 showed both in full).
            if update.marked == "":
                if self.transcript.take_back(update.text) and self._last_heading == update.text:
                    self._last_heading = None
            elif update.marked:
                self.transcript.mark_cut_off(update.marked, update.text)
            if update.kind in QUESTION_KINDS and self.session.engine.is_over:
                # Bug: End round during a question showed it as if it had been asked.
                box, line = ended_on_question(update.marked)
                self._show_question(box)
                self.transcript.add_heading(line, prompt=True)
        elif isinstance(update, PartialTranscript):
            self._partial_segments.setdefault(update.answer, []).append(update.segment)
            if update.speech is not None:
                self._partial_speech[update.answer] = list(update.speech)
            if update.answer == self._shown_answer and not self._render_timer.isActive():
                self._render_timer.start()
            elif self.transcript.holds(update.answer):  # late words of an answer above
                self.transcript.set_held_words(
                    update.answer, [w for s in self._partial_segments[update.answer] for w in s.words],
                    self._partial_speech.get(update.answer))
        elif isinstance(update, TranscriptReady):
            if update.transcript is None:
                pass
            elif update.answer in self._split_answers:  # shown in pieces around replies: each takes its final words
                self.transcript.settle_counts(update.answer, list(update.transcript.words), update.transcript.speech)
                self._partial_segments[update.answer] = []  # shown: not again as live words under it
            elif update.answer == self._shown_answer:
                self.transcript.set_current_words(update.transcript.words, update.transcript.speech)
            elif self.transcript.holds(update.answer):
                self.transcript.set_held_words(update.answer, list(update.transcript.words),
                                               update.transcript.speech, final=True)
        elif isinstance(update, (MicPaused, MicResumed)):
            self._show_pause_state()
        elif isinstance(update, TimeUp):
            self.warning.setText("Time is up: the round is over.")
            self.warning.show()
        elif isinstance(update, RoundFinished):
            self._round_over()
        elif isinstance(update, AskQuestion):
            pass  # shown when it is spoken (Speaking), so text and voice stay in step
        elif isinstance(update, LineCutOff):
            # Talked over before its end: the line it names, a question or a part's lead-in
            # (trial 34: "Here's the problem. Take a few minutes..." cut, shown whole live).
            self.transcript.mark_cut_off(update.marked, update.text)
        elif isinstance(update, ReplyCutOff):  # a reply talked over: as the review shows it
            if not update.text:
                pass  # a held reply never said: it was never shown, only its exchange is marked
            elif not update.reply:  # a reply with no exchange (a hint): its line
                self.transcript.mark_cut_off(update.marked, update.text)
            elif update.marked_reply != update.reply:
                # Cut inside the reply: what it went on with ("Let me finish the question: ...",
                # shown as a line of its own) was never said, so it goes, as in the review
                # (trial 24: live showed both whole, the speaker had stopped mid-reply).
                rest = reply_rest(update.text, update.reply)
                if rest:
                    self.transcript.take_back(rest)
                self.transcript.mark_cut_off(update.marked_reply, update.reply)
            else:  # the reply was out; what went on after it was cut
                rest, cut = reply_rest(update.text, update.reply), reply_rest(update.marked, update.reply)
                if rest and cut:
                    self.transcript.mark_cut_off(cut, rest)

    def _mark_follow_up_skipped(self) -> None:
        """A new part started after N over a follow-up with no answer under it: its heading reads
        "Follow-up (skipped with Next):", the label the review and the exports give it
        (core.weak_spots.SKIPPED_LABEL, one wording); the Round screen kept "Follow-up:" (trial 38)."""
        phases = self.session.engine.timeline.phases if self.session is not None else []
        if (len(phases) >= 2 and phases[-2].ended_by == PhaseEnd.NEXT and self._shown_answer is None
                and self._last_heading_kind == UtteranceKind.FOLLOW_UP):
            # A probe stays a probe (trial 43: "Probe:" live, relabelled nothing, while the review
            # said "Follow-up (skipped with Next):"): the label is the core's, from the line's words,
            # as the review finds it (core.weak_spots.skipped_label, core.ask_labels.is_own_ask).
            probe = is_own_ask(None, self._last_heading or "")
            self.transcript.relabel_last(PROBE_LABEL if probe else QUESTION_LABELS[UtteranceKind.FOLLOW_UP].strip(),
                                         skipped_label(probe))

    def _tell_early_end(self) -> None:
        """Once, in plain words, why the round clock just dropped (trial 24: from ~39:00 to
        02:44 left, said only in small type on the plan bar)."""
        engine = self.session.engine
        ends_at = engine.ends_early_at()
        if ends_at is None or getattr(self, "_told_early_end", False):
            return
        controller = getattr(self.session, "controller", None)
        if controller is not None and not controller.only_their_questions_left:
            return  # a last scenario or the summary still to come: said once they are over (trial 38)
        self._told_early_end = True
        skipped, skipped_extras = left_with_next(engine.timeline.phases)
        self.warning.setText(_with_icon("clock", early_end_note(ends_at, engine.round_seconds,
                                                                 last_part=not engine.has_next_phase,
                                                                 skipped=skipped, skipped_extras=skipped_extras,
                                                                 extras=len(engine.extras_from),
                                                                 no_extra=engine.no_extra_why)))
        self.warning.show()
        self._warning_timer.start()

    def _speaking(self, update: Speaking) -> None:
        last, self._last_said = self._last_said, update.text
        if update.kind in QUESTION_KINDS:
            # The part of the question being asked: a twist on an earlier part's question said at
            # the start of the next part is shown under the earlier part (RoundScript.part_of).
            phase_id = self._phase_id
            if phase_id is not None and self.session is not None:
                self._set_part_label(self._part_text(phase_id, update.question_id, update.kind))
        if update.kind in QUESTION_KINDS or update.kind == UtteranceKind.PROMPT:
            self._show_question(self._question_box_text(update))
            if update.kind == UtteranceKind.REPEAT:
                self._show_repeat(update.text)
            elif update.text != self._last_heading or update.again:  # said again after a pause: heard twice
                self._render_partial()
                if self._shown_answer is not None:
                    # Its last words are often still being transcribed (N or Space right after
                    # speaking): they go in its place, above the new question, when they come.
                    self.transcript.hold_answer(self._shown_answer)
                self.transcript.add_heading(update.text, prompt=update.kind == UtteranceKind.PROMPT,
                                            label=OFFER_LABEL if self._is_offer(update)
                                            else _question_label(update, "Q: ").strip())
                self._last_heading = update.text
                self._last_heading_kind = update.kind
                # The answer shown so far stays above; nothing is rendered under the new
                # question until its own answer starts.
                self._shown_answer = None
        elif update.kind in TRANSCRIPT_LINE_KINDS | BANNER_KINDS:
            if update.kind in BANNER_KINDS:
                self.warning.setText(_with_icon("clock", update.text))
                self.warning.show()
                self._warning_timer.start()
            if update.kind in TRANSCRIPT_LINE_KINDS:  # a line where it was said, as the review shows it
                if self._shown_answer is not None:
                    self._show_reply(self._shown_answer, update.text)
                else:
                    self.transcript.add_heading(update.text, prompt=True)
        elif update.kind == UtteranceKind.ACKNOWLEDGEMENT:
            # "Okay, thanks." after an answer: a line of the transcript as in the review (trial 18
            # showed it only there), below the answer, whose last words may still come.
            self._show_repeat(update.text)
        elif update.kind == UtteranceKind.CLOSING:
            self._show_question(update.text)
            # Said aloud, so a line of the transcript too, as the review and exports show it
            # (trial 34: "Thank you, that's the end of the round." only in the question box, soon
            # replaced by "The round is over and saved", read as never said live).
            if self._shown_answer is not None:
                self._show_reply(self._shown_answer, update.text)
            else:
                self.transcript.add_heading(update.text, prompt=True)
        elif update.kind == UtteranceKind.CLARIFICATION:
            shown = next((r for r in self._exchange_replies if reply_rest(update.text, r) is not None), None)
            if update.again and update.text == last:
                pass  # cut at its start and said again: one line, as the round logs it
            elif shown is not None:  # shown with its exchange already
                self._exchange_replies.remove(shown)
                rest = reply_rest(update.text, shown)
                if rest and self._shown_answer is not None:  # "Let me finish the question: ..."
                    self._show_reply(self._shown_answer, rest)
            elif self._shown_answer is not None:
                # A reply with no exchange kept (a hint, the time left, "Sure, take your time.",
                # "Sure, go ahead."): the candidate heard it, so the transcript shows it too.
                self._show_reply(self._shown_answer, update.text)

    def _show_repeat(self, text: str) -> None:
        """The question said again is a line where it was said, under what the candidate said
        before it ("Sorry, could you repeat the question?"), as the review shows the exchange
        (export.interviewer_lines): trial 17's pane showed neither while its counter counted the
        request. The words before it keep their place: the last of them may still come."""
        self._render_partial()
        if self._shown_answer is not None:
            self.transcript.hold_answer(self._shown_answer)
            self._shown_answer = None  # what follows the repeat shows below it
        self.transcript.add_heading(text, prompt=True)
        # The last line shown now: the question said after it ("Let me finish the question:",
        # then the question) is a new line, not the same one said again (trial 25: live showed
        # the lead-in and no question; the review showed both).
        self._last_heading = text

    def _show_reply(self, answer: int, reply: str) -> None:
        """The interviewer's reply in the middle of answer `answer`: the words so far above it."""
        self._render_partial()
        self._partial_segments[answer] = []  # what follows the reply shows below it
        self._split_answers.add(answer)
        self.transcript.add_heading(reply, prompt=True)

    def _render_partial(self) -> None:
        if self._shown_answer is None:
            return
        words = [w for s in self._partial_segments.get(self._shown_answer, []) for w in s.words]
        self.transcript.set_current_words(words, self._partial_speech.get(self._shown_answer))

    def _show_interrupt_hint(self) -> None:
        settings = self.session.controller.settings
        hint = LOUDSPEAKER_HINT if not settings.barge_in else "" if settings.speakers_checked else UNCHECKED_HINT
        if hint != self.interrupt_hint.text() or self.interrupt_hint.isHidden() == bool(hint):
            self.interrupt_hint.setText(hint)
            self.interrupt_hint.setVisible(bool(hint))

    def _tick(self) -> None:
        if self.session is None:
            return
        self.session.poll()
        self._refresh_clocks()
        status = self.session.controller.status
        if status == ControllerStatus.LISTENING:
            self.meter.set_level(self.session.controller.input_level)
        else:
            self.meter.set_level(0.0)

    def _part_text(self, phase_id: str, question_id: str | None, kind: UtteranceKind | None = None) -> str:
        """The header names the part its clock and the plan bar count (the phase running), and,
        when the line being asked belongs to an earlier part (a follow-up or twist carried over,
        RoundScript.part_of), that part too. Trial 22: "Requirements" beside a clock and a bar
        that were on "Ingestion and labels"."""
        script = self.session.script
        phase, asked = script.phase(phase_id), script.part_of(question_id, phase_id)
        if asked == phase_id:
            return f"<b>{html.escape(phase.name)}</b>"
        # The part running first, then where the question comes from, worded as a sentence:
        # "Scale it up – follow-up on Code" read oddly (trial 24). A changed constraint is worded
        # as what it is (trial 25), and in a design as a change of the design (trial 32).
        where = from_earlier_part(script.phase(asked).name, kind == UtteranceKind.CHANGED_CONSTRAINT,
                                  script.kind in ONE_PROBLEM_KINDS, script.kind)
        return f"<b>{html.escape(phase.name)}</b>" + (f" · {html.escape(where, quote=False)}" if where else "")

    def _refresh_clocks(self) -> None:
        engine = self.session.engine
        over = self.session.controller.finished
        # An ended round shows "Round over", not its clocks frozen where it stopped ("Phase 10:48
        # Round 42:11" read as a round still running, trial 19).
        for label in (self.phase_label, self.phase_caption, self.phase_clock):
            label.setVisible(not over)
        if over:
            self.round_clock.setText(ROUND_OVER)
            self.round_clock.setToolTip(ROUND_SAVED_ON_QUIT if self._app_closing else "The round has ended")
            return
        self.round_clock.setToolTip("Time left in the round")
        phase_left = engine.phase_clock()
        self.phase_clock.setText(phase_clock_text(phase_left))
        self.phase_clock.setToolTip("Time spent past this part's planned minutes; the round has time saved "
                                    "from parts done early" if phase_left < 0 else "Time left in this part")
        self.round_clock.setText(clock_text(engine.time_left_in_round()))
        phase = engine.current_phase
        self._show_plan()
        self.plan.set_position(engine.elapsed(), phase.id if phase else None)

    def _show_plan(self) -> None:
        """The parts as they run (core RoundEngine.plan_blocks): a part over where it ran, the
        running one for its planned minutes (as the phase clock counts it), the parts to come
        right after it at their planned sizes, and the time parts done early saved hatched at
        the end: the bar left blank stretches between parts, and "Scale it up" changed size
        three times (trial 42)."""
        engine, script = self.session.engine, self.session.script
        plan = engine.plan_blocks()
        early = engine.ends_early_at()
        running = engine.current_phase.id if engine.current_phase else None
        # The running part's used time follows the cursor (set_position): not a new plan each tick.
        key = ([(b.phase, b.start, b.end, b.planned, b.used_until is not None and b.phase != running and b.used_until)
                for b in plan], early)
        if key == self._shown_plan:
            return
        self._shown_plan = key
        self.plan.set_plan([PlannedPhase(b.phase, script.phase(b.phase).name, b.start, b.end, b.planned, b.used_until)
                            for b in plan], engine.round_seconds,
                           early if early is not None else engine.round_seconds)

    def _scratchpad_changed(self) -> None:
        if self.session is not None:
            self.session.set_scratchpad(self.scratchpad.toPlainText())
            self.session.typing()

    def _save_scratchpad(self) -> None:
        if self.session is not None:
            self.session.save_scratchpad()

    def _round_over(self) -> None:
        self._stop_timers()
        self._refresh_clocks()
        self._render_partial()
        self.transcript.finish_answer()
        self._set_buttons(running=False)
        self._show_pause_state()
        # Not the last prompt or question: nothing more is asked, and the keys do nothing now.
        self._show_question(ROUND_SAVED_ON_QUIT if self._app_closing else ROUND_SAVING)
        self.status.setText(self.session.controller.status_line)
        self.session.set_scratchpad(self.scratchpad.toPlainText())
        self.finished.emit(self.session)

    def show_outcome(self, text: str, status: str) -> None:
        """What became of the ended round (saved, its review open; not kept; not saved): said in
        full by the question box, in short (`status`: "Round over: not kept.") by the status
        line. The same sentence twice, with the banner a third time, read as clutter (trial 30)."""
        self._show_question(text)
        self.status.setText(status)

    def _stop_timers(self) -> None:
        for timer in (self._poll_timer, self._render_timer, self._save_timer, self._warning_timer):
            timer.stop()

    def _set_buttons(self, running: bool) -> None:
        for button in (self.end_button, self.repeat_button, self.next_button, self.pause_button, self.stop_button):
            button.setEnabled(running)

    def _show_pause_state(self) -> None:
        """The Pause button and the answer keys read the controller's one state, not the last
        pause event: a round ended from "End the round?" ends paused with no MicResumed, and the
        button said "Resume (P)" through every later round (trial 25)."""
        paused = self.running and self.session.controller.paused
        self.pause_button.setText("Resume (P)" if paused else "Pause (P)")
        self._set_answer_buttons(not paused)  # nothing to end, repeat or skip until it goes on

    def _set_answer_buttons(self, enabled: bool) -> None:
        for button in (self.end_button, self.repeat_button, self.next_button):
            button.setEnabled(enabled and self.running)


def fixed_family_font() -> QFont:
    """The desktop's fixed-width family and nothing else: its size follows the application
    font, so Settings > Text size reaches it. The whole system fixed font (an explicit point
    size) left the clocks' digits and the scratchpad at the desktop's size at 150 % (trial 29)."""
    font = QFont()
    font.setFamilies(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).families())
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    return font


class _RoundTitle(QLabel):
    """The round's title and kind on one line: the title elides ("...food deliv…"), the kind
    stays whole. Wrapped, the header read "...food delivery app · ML" / "system design" and
    "...owning mistakes ·" / "Behavioral" (trial 27). The whole line is the tooltip and the
    accessible name."""

    def __init__(self) -> None:
        super().__init__()
        self._title = self._kind = ""
        self.setTextFormat(Qt.TextFormat.RichText)

    def set_title(self, title: str, kind: str) -> None:
        self._title, self._kind = title, kind
        whole = f"{title} · {kind}"
        self.setToolTip(whole)
        self.setAccessibleName(whole)
        self._fit()
        self.updateGeometry()

    def _tail(self) -> str:
        return f" · {self._kind}"

    def _bold(self) -> QFontMetrics:
        font = QFont(self.font())
        font.setBold(True)
        return QFontMetrics(font)

    def _width(self, title: str) -> int:
        margins = self.contentsMargins()
        return (self._bold().horizontalAdvance(title) + self.fontMetrics().horizontalAdvance(self._tail())
                + margins.left() + margins.right() + 2 * self.margin() + 8)  # + elidedText's rounding

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self._width(self._title), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self._width("\u2026"), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()
            self.updateGeometry()

    def _fit(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin() - self.fontMetrics().horizontalAdvance(self._tail()) - 2
        shown = self._bold().elidedText(self._title, Qt.TextElideMode.ElideRight, max(0, room)) or "\u2026"
        self.setText(f"<b>{html.escape(shown)}</b>{html.escape(self._tail())}")
