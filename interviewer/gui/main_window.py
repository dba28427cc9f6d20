"""The main window: a side bar of screens, a message banner, and the flow between screens.

The window owns the screens, the session store, the speaker and the model status; the actions of
the Check, Review and Debrief screens live in controllers it owns (check_controller,
review_controller, debrief_controller), each given what it uses when it is made. Its screens
registry (lazy_screens), menus (window_menus) and size and place (window_geometry) are mixins."""
from __future__ import annotations

import functools
import html
import logging
import threading
import time
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QFileSystemWatcher, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from interviewer.app.labels import count_text
from interviewer.app.services import AppServices, DeviceList
from interviewer.app.settings import AppSettings
from interviewer.app.speaker_handle import SpeakerHandle
from interviewer.core.scripts.model import RoundScript
from interviewer.gui import accessibility, confirm, text_fit, theme
from interviewer.gui.banner import Banner
from interviewer.gui.home_screen import HomeScreen
from interviewer.gui.lazy_screens import NAV_WIDTH, TITLE_ROLE, LazyScreens
from interviewer.gui.model_status import ModelState, ModelStatus
from interviewer.gui.window_geometry import WindowGeometry
from interviewer.gui.window_menus import WindowMenus
from interviewer.gui.workers import post_to_gui, run_in_background

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from interviewer.app.round_session import RoundSession
    from interviewer.gui.check_controller import CheckController
    from interviewer.gui.check_screen import CheckScreen
    from interviewer.gui.debrief_controller import DebriefController
    from interviewer.gui.debrief_screen import DebriefScreen
    from interviewer.gui.progress_screen import ProgressScreen
    from interviewer.gui.review_controller import ReviewController
    from interviewer.gui.review_screen import ReviewScreen
    from interviewer.gui.round_screen import RoundScreen
    from interviewer.gui.settings_screen import SettingsScreen
    from interviewer.storage import Store

SCRIPTS_RELOAD_DELAY_MS = 400  # after the last change in the user scripts folder
ROUND_PROBLEMS_SHOWN = 3  # a round's problems shown together in the banner
SAVING_DIALOG_AFTER_MS = 300  # quitting: "Saving your round..." shows if saving takes longer
MAX_WATCHED_SCRIPTS = 500  # files watched one by one (the folder itself is always watched)


class MainWindow(LazyScreens, WindowMenus, WindowGeometry, QMainWindow):
    # Quitting was confirmed: emitted before the round is ended and saved (seconds), so the app
    # lets a new start run at once (gui/app.py releases the one-copy lock on it; trial 15).
    quitting = Signal()

    def __init__(self, services: AppServices | None = None) -> None:
        super().__init__()
        self.services = services or AppServices()
        self.setWindowTitle("Interviewer")
        # 1920x1080 at 200 % leaves 960x540; a smaller screen (1024x640 at 150 or 200 %) gets a
        # smaller minimum, never more than it shows (the screens scroll instead): see _fit_to_screen.
        self._wanted_minimum = QSize(900, 520)
        self._screens_watched: set[Any] = set()  # the window handle and the screens it was on
        app = QApplication.instance()
        if app is not None:
            theme.apply_text_size(app, self.services.settings.text_size)
            theme.apply_theme(app, self.services.settings.theme)
            theme.follow_system_changes(app)
        theme.notifier().changed.connect(self._theme_changed)

        self.banner = Banner()
        self._round_problems = ""  # the round's problems the banner shows (_show_round_problem)
        self._round_outcome = ""  # the ended round's outcome the banner shows (_show_round_outcome)
        self._model_problem_shown = ""  # the speech model's failure the banner shows, if it does
        settings = self.services.settings
        load_model = self.services.load_model
        self._model_fallback = ""  # why the default model is loaded instead of the one chosen
        if load_model is not None:
            from interviewer.app.model_choice import model_to_load

            to_load, self._model_fallback = model_to_load(settings)
        self.model_status = ModelStatus(functools.partial(load_model, to_load) if load_model else None, self)
        self.model_status.changed.connect(self._model_changed)
        self.devices = DeviceList()
        self.speaker: SpeakerHandle | None = None
        self.text_encoder: Any = None  # the meaning matcher's model, once loaded (prepare_text_encoder)
        self._store: Store | None = None
        self._store_failed = False
        self.round_session: RoundSession | None = None
        self._round_was_saved = False  # the last round's session is saved (or failed to be)
        self._round_closed = False  # its saving waited for (close_in_background) while quitting
        self._saving_to_quit = None  # the "Saving your round..." dialog while quitting waits on it
        self.last_session_id: int | None = None
        self.first_run = None  # the guided start, while it is or was open
        self._rounds_completed: int | None = None  # rounds of the loop stored, once the sessions are read
        self.scripts: list[RoundScript] = []
        self.script_problems: dict[str, list[str]] = {}  # script id -> why its file did not load
        self._last_good_scripts: dict[str, RoundScript] = {}  # see _show_scripts
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)  # icons only in a narrow window (fit_navigation)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setAccessibleName("Screens")
        self.nav.setAccessibleDescription("Choose a screen: Home, Check, Progress, Settings; Round, Review "
                                          "and Debrief appear once used. Ctrl+1, Ctrl+2 and on go to them in this order.")
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.stack = QStackedWidget()
        self._screens: dict[str, QWidget | None] = {}  # None: not built yet (see screen())
        self._pages: dict[str, QScrollArea] = {}
        self._builders: dict[str, Callable[[], None]] = {}
        self._pending: dict[str, dict[str, Callable[[Any], None]]] = {}  # see _update_screen()
        self._check: CheckController | None = None
        self._review: ReviewController | None = None
        self._debrief: DebriefController | None = None

        self.home = HomeScreen()
        self._add_screen("home", "Home", self.home)
        self._add_screen("check", "Check", self._build_check, icon="check")
        self._add_screen("round", "Round", self._build_round, in_nav=False)
        self._add_screen("review", "Review", self._build_review, in_nav=False)
        self._add_screen("debrief", "Debrief", self._build_review, in_nav=False)
        self._add_screen("progress", "Progress", self._build_progress)
        self._add_screen("settings", "Settings", self._build_settings)

        self.home.start_requested.connect(self.start_round)
        self.home.check_requested.connect(self._check_before_round)
        self.home.session_opened.connect(self._open_review)
        self.home.progress_requested.connect(lambda: self.go_to("progress"))
        self.home.session_discarded.connect(self.discard_session)
        self.home.session_deleted.connect(self.delete_session)

        self.nav.currentRowChanged.connect(self._nav_changed)
        from interviewer.gui.focus_return import FocusReturn

        FocusReturn(self)  # keys work at once after any dialog closes (the window owns it)
        from interviewer.gui.inactive_window_keys import ShortcutsWithoutActivation

        ShortcutsWithoutActivation(self)  # Ctrl+E, F1... also when no window manager activated it

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.banner)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        if self.services.settings_message:
            self.banner.show_message(self.services.settings_message, "warning")
        self.home.set_kind_filter(self.services.settings.recent_kind_filter)
        self.home.kind_filter.currentIndexChanged.connect(self._remember_kind_filter)
        # Your own scripts are read again when their folder changes, so a script written or fixed
        # while the app is open shows on Home without a restart.
        self._scripts_watcher = QFileSystemWatcher(self)
        self._scripts_watcher.directoryChanged.connect(self._user_scripts_changed)
        self._scripts_watcher.fileChanged.connect(self._user_scripts_changed)
        self._scripts_timer = QTimer(self)
        self._scripts_timer.setSingleShot(True)
        self._scripts_timer.setInterval(SCRIPTS_RELOAD_DELAY_MS)
        self._scripts_timer.timeout.connect(self._reload_user_scripts)
        self._scripts_loading = False
        self.refresh_scripts()
        self.show_screen("home")
        self._build_menus()
        self._build_task_bars()
        self._restore_geometry()
        accessibility.name_controls(self)
        accessibility.no_blind_scroll_stops(self)
        text_fit.fit_long_text(self)

    # ------------------------------------------------------------------ screens

    def _build_check(self) -> None:
        from interviewer.gui.check_controller import CheckController
        from interviewer.gui.check_screen import CheckScreen

        screen = CheckScreen()
        self._check = CheckController(
            self.services, screen, self.model_status,
            speaker=lambda: self.speaker, devices=lambda: self.devices,
            show=lambda: self.show_screen("check"), start_round=self.start_round,
            use_settings=self._use_check_choices)
        self._install("check", screen)

    def _build_round(self) -> None:
        from interviewer.gui.round_screen import RoundScreen

        screen = RoundScreen()
        screen.finished.connect(self._round_finished)
        self._install("round", screen)

    def _build_review(self) -> None:
        """Review and Debrief are built together: each one's controller uses both screens."""
        from interviewer.gui.debrief_controller import DebriefController
        from interviewer.gui.debrief_screen import DebriefScreen
        from interviewer.gui.review_controller import ReviewController
        from interviewer.gui.review_screen import ReviewScreen

        review_screen, debrief_screen = ReviewScreen(), DebriefScreen()
        review = self._review = ReviewController(
            self.services, self.banner, self.model_status, review_screen, debrief_screen,
            store=self.store, scripts=self.review_scripts, show=lambda: self.show_screen("review"),
            recording=lambda: self.debrief.recording, sessions_changed=self.refresh_sessions,
            script_problems=lambda: self.script_problems)
        debrief = self._debrief = DebriefController(
            self.services, self.banner, self.model_status, debrief_screen, review,
            store=self.store, show=lambda: self.show_screen("debrief"), saved=self.refresh_progress)
        review.remember_export_folder = self._remember_export_folder
        review_screen.debrief_requested.connect(debrief.open)
        debrief_screen.review_requested.connect(review.open)
        self._status_bar_follows(review.import_progress)  # File > Import's progress
        accessibility.name_controls(review.import_progress)
        review_screen.reanalyse_requested.connect(lambda session_id: review.reanalyse([session_id]))
        self._status_bar_follows(review.reanalyse_progress)  # analysing rounds again
        accessibility.name_controls(review.reanalyse_progress)
        self._install("review", review_screen)
        self._install("debrief", debrief_screen)

    def _build_progress(self) -> None:
        from interviewer.gui.progress_screen import ProgressScreen

        screen = ProgressScreen()
        screen.weeks.setValue(self.services.settings.plan_weeks)
        screen.weeks.valueChanged.connect(self._remember_plan_weeks)
        screen.session_requested.connect(self._open_review)
        # "Analyse 4 older rounds again": in the background with its bar, as File > Analyse all rounds again.
        screen.reanalyse_requested.connect(lambda ids: self.review.reanalyse(list(ids)))
        self._install("progress", screen)

    def _build_settings(self) -> None:
        from interviewer.gui.settings_screen import SettingsScreen

        screen = SettingsScreen(self.services.settings)
        screen.saved.connect(self.apply_settings)
        screen.sample_requested.connect(self._speak_sample)
        self._install("settings", screen)

    def _speak_sample(self, voice, rate: int) -> None:
        """Settings' "Speak a sample": the chosen voice and rate, then back to the saved ones (the
        sample saves nothing). On a worker thread: the engine may still be starting."""
        from interviewer.gui.first_run import SAMPLE_TEXT

        screen, handle = self.settings_screen, self.speaker
        if handle is None:
            screen.show_sample_status("No speech engine: questions are shown as text.")
            return

        def speak() -> None:
            if not handle.wait_ready(30):
                raise RuntimeError("the speech engine is still starting; try again in a moment")
            if not handle.available:
                raise RuntimeError(handle.problem or "no speech engine: questions are shown as text")
            spoken = threading.Event()
            handle.configure(voice, rate)
            try:
                handle.say(SAMPLE_TEXT, on_done=spoken.set)
                spoken.wait(60)
            finally:
                settings = self.services.settings
                handle.configure(settings.voice, settings.speech_rate)

        screen.show_sample_status("Speaking a sample...")
        run_in_background(speak, lambda _: screen.show_sample_status("Sample spoken."),
                          lambda exc: screen.show_sample_status(f"Could not speak: {exc}"))

    @property
    def check_screen(self) -> CheckScreen:
        return self.screen("check")

    @property
    def round_screen(self) -> RoundScreen:
        return self.screen("round")

    @property
    def review_screen(self) -> ReviewScreen:
        return self.screen("review")

    @property
    def debrief_screen(self) -> DebriefScreen:
        return self.screen("debrief")

    @property
    def progress_screen(self) -> ProgressScreen:
        return self.screen("progress")

    @property
    def settings_screen(self) -> SettingsScreen:
        return self.screen("settings")

    @property
    def check(self) -> CheckController:
        self.screen("check")
        return self._check

    @property
    def review(self) -> ReviewController:
        self.screen("review")
        return self._review

    @property
    def debrief(self) -> DebriefController:
        self.screen("debrief")
        return self._debrief

    def _check_before_round(self, script: RoundScript) -> None:
        self.check.open(script)

    def _open_review(self, session_id: int) -> None:
        self.review.open(session_id)

    def _round_running(self) -> bool:
        return self._screens["round"] is not None and self.round_screen.running

    def _nav_changed(self, row: int) -> None:
        """Leaving a round in progress asks first; ending it opens its review."""
        if 0 <= row < len(self._screens):
            self.screen(list(self._screens)[row])  # built before it is shown
        keys = list(self._screens)
        current = self.stack.currentIndex()
        if row != current and 0 <= current < len(keys):
            left = keys[current]
            ask = {"debrief": self._debrief_may_close, "settings": self._settings_may_close}.get(left)
            if left == "round" and self._round_running():
                def ask() -> bool:
                    return self.round_screen.confirm_stop_round(going_to=self.nav.item(row).data(TITLE_ROLE))
            if ask is not None:
                # The side bar stays on the screen asked about while asked (trial 21: it showed
                # Settings under the round's question; trial 39: Home under the debrief's).
                self._set_nav_row(current)
                if not ask():
                    return
                self._set_nav_row(row)
        if row != self.stack.currentIndex() and self._review is not None:
            self._review.stop_clip()  # the clip playing belongs to the screen left (trial 21)
        self.stack.setCurrentIndex(row)
        self._screen_shown(row)

    def _set_nav_row(self, row: int) -> None:
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)

    def _ask_save(self, title: str, text: str):
        """Save / Discard / Cancel, Save the default: "save", "discard" or None (stay). Yes and
        No (a test's stand-in for a person) count as Save and Discard."""
        button = QMessageBox.StandardButton
        answer = QMessageBox.question(self, title, text, button.Save | button.Discard | button.Cancel, button.Save)
        if answer in (button.Save, button.Yes):
            return "save"
        if answer in (button.Discard, button.No):
            return "discard"
        return None

    def _debrief_may_close(self) -> bool:
        """Leaving the debrief (another screen, or quitting) with answers typed, transcribed or
        rated but not saved asks first: they were lost without a word. Save saves them."""
        if self._screens.get("debrief") is None or not self.debrief_screen.has_unsaved_changes():
            return True
        answer = self._ask_save("Save the debrief?", "Your debrief has answers or ratings that are not saved. "
                                "Save them now? Discard leaves them out.")
        if answer == "save":
            return self.debrief.save(self.debrief_screen.answers())
        if answer == "discard":
            self.debrief_screen.mark_saved()  # asked once; the next open shows what is stored
            return True
        return False

    def _settings_may_close(self) -> bool:
        """Leaving Settings (another screen, or quitting) with changes not saved asks, as the
        debrief does: they were lost without a word (trial 39). Discard reverts the fields."""
        if self._screens.get("settings") is None or not self.settings_screen.has_unsaved_changes():
            return True
        answer = self._ask_save("Save the settings?", "Your settings have changes that are not saved. "
                                "Save them now? Discard undoes them.")
        if answer == "save":
            self.settings_screen.save()
            return True
        if answer == "discard":
            self.settings_screen.revert()
            return True
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit_navigation(event.size().width())

    def _theme_changed(self, _theme) -> None:
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            item.setIcon(theme.icon(item.data(Qt.ItemDataRole.UserRole + 1)))
        for action in getattr(self, "actions", {}).values():
            if action.data():
                action.setIcon(theme.icon(action.data()))
        self._show_plan_on_home()  # its "Select this round" link is written in the theme's accent

    def _screen_shown(self, index: int) -> None:
        """A screen reached from the side bar shows the settings as they are now (saved in
        Settings after the screen was last filled). Check offers the round selected on Home: it
        said "No round chosen yet" with one selected there (new-user trial 6). A message about
        the screen left (the review's "Exported to ...") goes with it."""
        if 0 <= index < len(self._screens):
            self.banner.screen_shown(list(self._screens)[index])
        if 0 <= index < len(self._screens) and list(self._screens)[index] == "home" and not self.nav.hasFocus():
            # The arrow keys choose a round at once (trial 42: they did nothing until the list was
            # clicked). Not from the side bar's own keys, which go on through the screens.
            self.home.take_focus()
        if 0 <= index < len(self._screens) and list(self._screens)[index] == "check":
            self._show_check_choices()
            selected = self.home.selected_script()
            if selected is not None:
                self.check.offer(selected, suggested=not self.home.user_picked)

    def _show_check_choices(self) -> None:
        settings, devices = self.services.settings, self.devices

        def show(screen) -> None:
            screen.set_devices(devices, settings.input_device, settings.voice, settings.speech_rate)
            self.check.show_echo()  # what the guide found, or that it was for other devices

        self._update_screen("check", "devices", show)

    # ------------------------------------------------------------------ actions

    def review_scripts(self) -> list:
        """The scripts loaded now, and the last loaded version of any broken since (for reviews)."""
        scripts = list(getattr(self, "scripts", None) or [])
        ids = {s.id for s in scripts}
        return scripts + [s for i, s in getattr(self, "_last_good_scripts", {}).items() if i not in ids]

    def refresh_scripts(self) -> None:
        try:
            found = self.services.load_scripts()
        except Exception as exc:  # an unreadable scripts folder must not stop the app
            self._scripts_not_loaded(exc)
            return
        self._show_scripts(found)

    def _show_scripts(self, found) -> None:
        broken = dict(getattr(found, "broken", None) or {})
        # A script broken by an edit while the app runs: its rounds are reviewed with the version
        # last loaded, so their summary and talking points do not change (trial 40: "Talking
        # points covered" went, "Edge cases" came, while fraud.toml had a typo). New rounds
        # cannot pick it (Home lists only the scripts loaded now, and the problem).
        kept = {s.id: s for s in [*self.review_scripts(), *found.scripts]}
        self._last_good_scripts = {i: kept[i] for i in broken if i in kept}
        self.script_problems = broken
        self.scripts = list(found.scripts)
        self.home.set_scripts(found.scripts, found.problems)
        self._watch_user_scripts()

    def _scripts_not_loaded(self, exc: BaseException) -> None:
        self.banner.show_message(f"Could not load the question scripts: {exc}")

    def _refresh_scripts_in_background(self) -> None:
        """Read the scripts again off the GUI thread: parsing and checking the 32 bundled scripts
        takes 0.4 s on an idle 2-core machine and 1 s under load, and a change in the watched
        folder (the first settings saved at start) froze the window that long (trial11)."""
        if self._scripts_loading:
            self._scripts_timer.start()  # read again once the reading under way is done
            return
        self._scripts_loading = True

        def done(found) -> None:
            self._scripts_loading = False
            self._show_scripts(found)

        def failed(exc: BaseException) -> None:
            self._scripts_loading = False
            self._scripts_not_loaded(exc)

        run_in_background(self.services.load_scripts, done, failed)

    def _watch_user_scripts(self) -> None:
        """Watch the user scripts folder and its .toml files (an editor that saves by renaming
        replaces the file watched, so the paths are set again after every reload). Before the
        folder exists, the closest folder above it that does is watched, so the scripts folder
        made while the app is open (as a new user does, following the docs) is read too."""
        from interviewer.paths import user_scripts_dir

        watcher = self._scripts_watcher
        watched = watcher.files() + watcher.directories()
        if watched:
            watcher.removePaths(watched)
        try:
            folder = user_scripts_dir()
            if folder.is_dir():
                paths = [str(folder)] + [str(p) for p in sorted(folder.glob("*.toml"))[:MAX_WATCHED_SCRIPTS]]
            else:
                above = next((p for p in folder.parents if p.is_dir()), None)
                paths = [str(above)] if above is not None else []
        except OSError:  # an unreadable folder: Home already names it
            paths = []
        if paths:
            watcher.addPaths(paths)

    def _user_scripts_changed(self, _path: str) -> None:
        self._scripts_timer.start()  # a save often comes as several changes: read once, after them

    def _reload_user_scripts(self) -> None:
        if self.current_screen_key() == "round":  # not during a round: after it
            self._scripts_timer.start()
            return
        self._refresh_scripts_in_background()

    def _remember_kind_filter(self) -> None:
        """The Home filter is kept between runs."""
        self._remember(recent_kind_filter=self.home.kind_filter.currentData() or "")

    def _remember_export_folder(self, folder: str) -> None:
        """The export's save dialog opens where the last export went, also after a restart."""
        self._remember(last_export_dir=folder)

    def _remember(self, **changes) -> None:
        """A setting the app keeps for the user (not one of Settings' fields): saved at once, kept
        under unsaved edits on the Settings screen; failing to save it is not worth a message."""
        from dataclasses import replace

        settings = self.services.settings = replace(self.services.settings, **changes)
        self._update_screen("settings", "base", lambda screen: screen.set_base(settings))
        if self.services.save_settings is not None:
            try:
                self.services.save_settings(self.services.settings)
            except OSError:
                pass

    def _remember_plan_weeks(self, weeks: int) -> None:
        """The plan's length is kept between runs (a 6-week plan read "2 of 8 weeks done" after
        every start), and Home's plan line follows it at once."""
        from dataclasses import replace

        self.services.settings = replace(self.services.settings, plan_weeks=weeks)
        self._show_plan_on_home()
        if self.services.save_settings is not None:
            try:
                self.services.save_settings(self.services.settings)
            except OSError as exc:  # read-only or full config folder: used now, not kept
                self.banner.show_message(f"The plan's length is used for now but could not be saved: "
                                         f"{exc.strerror or exc}.", "warning")

    def start_background_loading(self) -> None:
        """Called once the window is shown: load the model, start speech, list devices."""
        if self._model_fallback:
            self.banner.show_message(self._model_fallback, "warning")
        self.model_status.start()
        self.prepare_speaker()
        self.prepare_text_encoder()
        self.refresh_devices()
        self.refresh_sessions()

    def prepare_text_encoder(self) -> None:
        """Loads the meaning matcher's model in the background; rounds started before it is
        ready match by keywords and word overlap."""
        load = self.services.load_text_encoder
        if load is None or self.text_encoder is not None:
            return

        def done(encoder) -> None:
            self.text_encoder = encoder
            # Rounds Home and Progress matched by keywords while it loaded are matched again
            # with it: Home kept "3 of 7" where the review and exports said 5 of 7 (trial 26).
            self.refresh_progress()

        run_in_background(load, done, lambda exc: log.warning("the meaning matcher did not load: %s", exc))

    def prepare_speaker(self) -> None:
        if self.services.make_speaker is None or self.speaker is not None:
            return
        settings = self.services.settings
        make = self.services.make_speaker
        handle = self.speaker = SpeakerHandle(lambda: make(settings))

        def done(_result) -> None:
            if handle.problem:
                self.banner.show_message(handle.problem, "warning")

        run_in_background(handle.prepare, done)

    def _model_changed(self, state: str, message: str) -> None:
        self._update_screen("check", "model", lambda screen: screen.set_model_state(state, message))
        if state in (ModelState.MISSING, ModelState.FAILED):
            retry = ("Retry", self.model_status.start) if self.model_status.retry_offered else None
            self.banner.show_message(message, "warning", action=retry)
            self._model_problem_shown = message
        elif self._model_problem_shown and self.banner.text == self._model_problem_shown:
            # Loading again (Settings saved, or the model changed): the old failure is no longer
            # true. It stayed up after the model had loaded.
            self.banner.clear()
            self._model_problem_shown = ""
        if state == ModelState.READY:
            self._hold_file_work(self._round_running())  # a model loaded mid-round: the round first
        if state == ModelState.READY and self._review is not None:  # else nothing waits for it
            self._review.model_ready()

    def store(self) -> Store | None:
        """The session store, opened on first use; None (with a message) if it cannot be."""
        if self._store is None and not self._store_failed and self.services.open_store is not None:
            try:
                self._store = self.services.open_store()
            except Exception as exc:
                self._store_failed = True
                self.banner.show_message(f"Sessions cannot be saved or shown: {exc}")
                return None
            notices = list(self._store.notices)
            try:
                recovered = self._store.recover_interrupted()
            except Exception as exc:
                recovered = []
                notices.append(f"Interrupted rounds could not be checked: {exc}")
            if recovered:
                one = len(recovered) == 1
                # No microphone: nothing was kept, and "its recordings were kept" said otherwise (trial 38).
                sound = any(v > 0 for r in recovered for v in r.audio_seconds.values())
                notices.append(f"{count_text(len(recovered), 'round')} "
                               f"{'was' if one else 'were'} interrupted (the app stopped during the round); "
                               + (f"{'its' if one else 'their'} recordings were kept and can be reviewed from Home."
                                  if sound else f"nothing had been recorded in {'it' if one else 'them'}."))
            if notices:
                self.banner.show_message(" ".join(notices), "warning")
        return self._store

    def refresh_sessions(self) -> None:
        store = self.store()
        if store is None:
            return
        try:
            sessions = store.list_sessions(include_discarded=False)
        except Exception as exc:
            self.banner.show_message(f"Could not read past sessions: {exc}")
            return
        import time as _time

        from interviewer.core.analysis.phases import round_length_seconds, round_length_text
        from interviewer.core.scripts.model import ROUND_KINDS
        from interviewer.storage import SessionStatus

        rows = []
        for s in sessions:
            when = _time.strftime("%d %b %H:%M", _time.localtime(s.started_at))
            status = "" if s.status == SessionStatus.COMPLETED else f" [{s.status}]"
            # A round ended early says so, by the review's verdict (core.analysis.phases.ended_early,
            # stored with the round): by its clock alone, Home called early a round the review did not.
            if s.status == SessionStatus.COMPLETED and s.kind in ROUND_KINDS and s.ended_early:
                # On the round clock, as the review and the exports give it (4.6, not 5 beside it).
                ran = round_length_seconds(s.round_seconds, s.started_at, s.ended_at, s.paused_seconds) or 0.0
                status = f" · ended after {round_length_text(ran, s.planned_minutes)}"
            # Single spaces, " · " between the parts, as on the round cards (two spaces read as a slip).
            rows.append((s.id, f"{when} · {s.title}{status} ({count_text(s.answer_count, 'answer')})"))
        interrupted = {s.id for s in sessions if s.status == SessionStatus.INTERRUPTED}
        self.home.set_recent_sessions(rows, self.home.progress_label.text(), interrupted)
        self.refresh_progress()

    def discard_session(self, session_id: int) -> None:
        """Asks first (the round leaves Home and Progress, with no way back here), then says so."""
        store = self.store()
        if store is None:
            return
        try:
            recorded = store.has_recordings(session_id)
        except Exception:
            recorded = True  # not known: said as it was
        name = self.home.session_label(session_id)
        kept = ("its recordings stay in the data folder" if recorded else "nothing was recorded in it")
        # The question opens the text, as Delete's does: with no title bar (some desktops show
        # none) the box read only "It leaves Home and Progress; ..." (trial 38).
        question = "Discard the interrupted round?"
        if not confirm.ask_destructive(
                self, question, question + (f"\n\n{name}" if name else "") + f"\n\nIt leaves Home and Progress; "
                f"{kept} (`interviewer sessions list` still shows it).", "&Discard the round", "&Keep it"):
            return
        try:
            store.discard_session(session_id)
        except Exception as exc:
            self.banner.show_message(f"Could not discard the round: {exc}")
            return
        self.banner.show_message("The interrupted round was discarded; " + (
            "its recordings are kept." if recorded else "nothing had been recorded in it."), "info")
        self.refresh_sessions()

    def delete_session(self, session_id: int) -> None:
        """Asks first (nothing brings it back), deletes the round with its recordings, and
        closes its review and debrief if they show it."""
        store = self.store()
        if store is None:
            return
        if self.round_session is not None and self.round_session.session_id == session_id and self._round_running():
            self.banner.show_message("This round is still running: end it first.", "warning")
            return
        name = self.home.session_label(session_id)  # which round: the Delete key asks too
        # The question itself opens the text (the title bar alone is easy to miss, and some
        # desktops show none), and the buttons say what they do: a bare Yes/No under the round's
        # name did not say what Yes did (trial 25).
        if not confirm.ask_destructive(
                self, "Delete this round?", "Delete this round?" + (f"\n\n{name}" if name else "") + "\n\nIts "
                "recordings, transcripts, review and debrief are removed from this computer, and Progress and the "
                "practice plan no longer count it. This cannot be undone.", "&Delete the round", "&Keep it"):
            return
        self._close_screens_of(session_id)
        try:
            store.delete_session(session_id)
        except Exception as exc:
            self.banner.show_message(f"Could not delete the round: {exc}")
            return
        if self.last_session_id == session_id:
            self.last_session_id = None
        self.banner.show_message("The round was deleted, with its recordings.", "info")
        self.refresh_sessions()

    def _close_screens_of(self, session_id: int) -> None:
        """The review and debrief leave the side bar when they show `session_id`."""
        for key in ("review", "debrief"):
            screen = self._screens.get(key)
            shown = getattr(getattr(screen, "session", None), "id", None)
            if screen is None or shown != session_id:
                continue
            row = list(self._screens).index(key)
            if self.stack.currentIndex() == row:
                self.show_screen("home")
            self.nav.item(row).setHidden(True)
            self.sync_screen_keys()

    def refresh_progress(self) -> None:
        """Per-session numbers for Progress and the Home summary, read off the GUI thread."""
        store = self.store()
        if store is None:
            return

        encoder = self.text_encoder  # None until loaded: the keyword fallback, redone once it is
        scripts = {s.id: s for s in self.scripts}
        if self._rounds_completed is None and not self.home.progress_label.text():
            # Read while the speech model loads: "Next step" stood empty for seconds at the start.
            self.home.progress_label.setText("Reading your past rounds...")

        def load():
            from interviewer.app.round_areas import load_progress

            return load_progress(store, scripts.get, encoder, list(scripts.values()))

        def done(data) -> None:
            rows = data.rows
            self.progress_screen.set_areas(data.areas, data.scripts)  # topic areas per round (weak spots)
            self.progress_screen.set_progress(rows)
            self.home.set_areas(data.areas)  # each round's topic areas, the weakest lately
            self.home.set_history(rows)  # the cards' last scores, the recent sessions' numbers
            from interviewer.core.practice_plan import practised_rounds

            # The rounds the plan counts, the ones ended early told apart (core.practice_plan).
            self._rounds_completed = practised_rounds(rows)
            self._show_plan_on_home()

        def failed(exc: BaseException) -> None:
            if self._rounds_completed is None:
                self.home.progress_label.clear()  # not "Reading your past rounds..." for ever
            self.banner.show_message(f"Could not compute progress: {exc}", "warning")

        run_in_background(load, done, failed)

    def _show_plan_on_home(self) -> None:
        completed = self._rounds_completed
        if completed is None:  # the sessions are not read yet
            return
        from interviewer.core.practice_plan import practised_text

        from interviewer.gui.home_screen import PROPOSAL_LINK

        proposal = getattr(self.progress_screen, "proposal", None)
        link = ""
        # The selection the user sees is not changed under them (trial 39): a proposal for
        # another card than the selected one is a link that selects it.
        if (proposal is not None and proposal.script is not None
                and not self.home.select_proposed(proposal.script.id)):
            link = (f" <a href='{PROPOSAL_LINK}{html.escape(proposal.script.id, quote=True)}' "
                    f"style='color:{theme.current().accent}'>Select this round</a>")
        self.home.progress_label.setText(
            f"<b>{practised_text(completed)}.</b> Practice plan: "
            f"{html.escape(self.progress_screen.plan_summary.text(), quote=False)}{link}")

    def refresh_devices(self) -> None:
        if self.services.list_devices is None:
            return

        def done(devices: DeviceList) -> None:
            self.devices = devices
            self._update_screen("settings", "devices", lambda screen: screen.set_devices(devices))
            if self.first_run is not None and self.first_run.isVisible():
                self.first_run.set_devices(devices)
            self._show_check_choices()

        run_in_background(self.services.list_devices, done,
                          lambda exc: self.banner.show_message(f"Could not list audio devices: {exc}", "warning"))

    def _setup_found_in_round(self, setup: str) -> None:
        """The round heard the interviewer in the microphone (loudspeakers): kept for this
        speaker as the echo check keeps what it finds, unless the setup is known by then."""
        from interviewer.app.settings import output_setup_for, with_output_setup

        if output_setup_for(self.services.settings) == "unknown":
            self.apply_settings(with_output_setup(self.services.settings, setup, "heard in a round"))

    def apply_settings(self, settings) -> None:
        old = self.services.settings
        self.services.settings = settings
        self._show_check_choices()  # the Check screen offers what was just chosen
        if settings.text_size != old.text_size and QApplication.instance() is not None:
            theme.apply_text_size(QApplication.instance(), settings.text_size)
        if settings.theme != theme.mode():
            app = QApplication.instance()
            if app is not None:
                theme.apply_theme(app, settings.theme)
            if settings.theme in getattr(self, "theme_actions", {}):
                self.theme_actions[settings.theme].setChecked(True)
        if self.services.save_settings is not None:
            try:
                path = self.services.save_settings(settings)
            except OSError as exc:  # disk full, read-only config folder
                self.banner.show_message(f"Settings are used for now but could not be saved: "
                                         f"{exc.strerror or exc}. Free some disk space and save again.")
                return
            from interviewer.app.settings import data_dir_change_note

            note = data_dir_change_note(old, settings)
            # The time says this save happened now: "Saved to ..." alone read as stale (trial 27).
            at = time.strftime("%H:%M")
            self.settings_screen.show_saved((f"Saved at {at} to {path}." if path else f"Saved at {at}.")
                                            + (f" {note}" if note else ""))
        else:
            self.settings_screen.show_saved(f"Saved at {time.strftime('%H:%M')} for this session.")
        handle = self.speaker
        if handle is not None and (settings.voice, settings.speech_rate) != (old.voice, old.speech_rate):
            def configure() -> None:
                handle.wait_ready(30)
                handle.configure(settings.voice, settings.speech_rate)

            run_in_background(configure, None, lambda exc: self.banner.show_message(
                f"The interviewer's voice could not be changed: {exc}", "warning"))
        # A new model loads; so does the same one again when it is missing, failed or stopped.
        reload = settings.model != old.model or self.model_status.state in (ModelState.MISSING, ModelState.FAILED)
        if reload and self.services.load_model is not None:
            from interviewer.app.model_choice import model_to_load

            load_model = self.services.load_model
            to_load, fallback = model_to_load(settings)  # a model folder deleted since it was chosen
            if fallback:
                self.banner.show_message(fallback, "warning")
            self.model_status.start(functools.partial(load_model, to_load))  # partial: keeps `cancel=`

    def bring_to_front(self) -> None:
        """Another start of the app asked for this window (gui/single_instance.py): shown,
        un-minimised and raised, as a desktop app's second launch does."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def shutdown(self) -> None:
        """Stop whatever is running (round, recording, speech) before the app exits."""
        if self._screens["round"] is not None:
            self.round_screen.shutdown()
        if self._check is not None:
            self._check.shutdown()
        if self._review is not None:
            self._review.stop_playback()
            self._review.cancel_work()  # exports, imports, catching up: stopped and cleaned up first
        self.model_status.cancel()  # a model still loading: its process is ended
        if self._debrief is not None:
            self._debrief.stop_recording()
        if self.round_session is not None:
            self.round_session.close()
        if self.speaker is not None:
            self.speaker.close()
        model = self.model_status.model
        if model is not None and hasattr(model, "close"):
            model.close()
        if self._store is not None:
            self._store.close()
            self._store = None

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Enter presses the focused button, as Space does (the F1 sheet says so; outside a
        dialog Qt's buttons ignore Enter, which then reaches the window)."""
        from PySide6.QtWidgets import QPushButton

        focused = QApplication.focusWidget()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and isinstance(focused, QPushButton) and focused.window() is self):
            if focused.isEnabled():
                focused.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # Closing the window during a round ends it: ask first (what was recorded is kept).
        if self._round_running() and not self.round_screen.ask_to_end_round(quitting=True):
            event.ignore()
            return
        # Settings asks only when it is the screen shown: leaving it asked already, and fields
        # it shows stale (settings changed elsewhere, e.g. during a round) are no edit of the user's.
        settings_shown = self.current_screen_key() == "settings"
        if not (self._debrief_may_close() and (not settings_shown or self._settings_may_close())):
            event.ignore()
            return
        if self._saving_to_quit is not None:  # closed again while saving: it closes once saved
            event.ignore()
            return
        self._save_geometry()
        # A start while this one still saves the round used to get "one copy per settings folder"
        # for 6-15 s; the round's own lock (storage.session_lock) keeps it from being recovered.
        self.quitting.emit()
        if self.round_session is not None and not self._round_closed:
            # Ending and saving a round can take seconds (the last answer's transcript, its
            # analysis, the writes): done off the GUI thread, the window showing that it saves
            # and staying live, and closing once it is done (trial 24: up to 10 s of nothing).
            event.ignore()
            # The dialog first: ending the round below says what it says by it (_round_finished).
            self._saving_to_quit = self._saving_dialog()
            if self._screens["round"] is not None:
                self.round_screen.shutdown()
            self.round_session.close_in_background(self._saved_for_quit)
            return
        self.shutdown()
        super().closeEvent(event)

    def _saving_dialog(self):
        """'Saving your round...' with a busy bar, shown only if saving takes a moment (no flash
        when there is nothing left to save), modal so that the ended round is not touched."""
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog("Saving your round...", None, 0, 0, self)
        dialog.setWindowTitle("Interviewer")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SAVING_DIALOG_AFTER_MS)
        dialog.setAutoReset(False)
        dialog.setValue(0)  # starts the minimum-duration clock
        return dialog

    def _saved_for_quit(self) -> None:
        """On the GUI thread: the round is saved (close_in_background); the window closes now."""
        from shiboken6 import isValid

        if not isValid(self):
            return  # the window went meanwhile (the app was ended another way)
        self._round_closed = True
        dialog, self._saving_to_quit = self._saving_to_quit, None
        if dialog is not None and isValid(dialog):
            dialog.close()
            dialog.deleteLater()
        self.close()

    def update_settings(self, **changes) -> None:
        """Settings changed outside the Settings form (theme, window place, first run): kept,
        shown to the form as its base, and saved quietly (a failure here is not worth a message)."""
        from dataclasses import replace

        settings = self.services.settings = replace(self.services.settings, **changes)
        self._update_screen("settings", "base", lambda screen: screen.set_base(settings))
        if self.services.save_settings is not None:
            try:
                self.services.save_settings(self.services.settings)
            except OSError as exc:
                log.warning("settings not saved: %s", exc)

    def start_round(self, script: RoundScript) -> None:
        from interviewer.app.round_session import RoundSession, RoundSessionConfig

        if self.round_screen.running:
            self.banner.show_message("A round is already running: end it first.", "warning")
            self.show_screen("round")
            return
        settings = self.services.settings
        self._clear_round_outcome()  # the last round's "The round is over..." is not about this one
        self._round_problems = ""  # a new round's problems start a new list
        recorder = None
        if self.services.make_recorder is not None:
            try:
                recorder = self.services.make_recorder(settings)
            except Exception as exc:
                self._show_round_problem(f"No recording this round: {exc}. The round runs; answers are "
                                         "not recorded.")
        make = self.services.make_live_transcriber
        status = self.model_status

        def live_transcriber():
            # Until the model is ready, answers are recorded without a live transcript.
            if not status.ready:
                return None
            try:
                return make(status.model, settings)
            except Exception as exc:
                from interviewer.app.transcription_process import TranscriptionStopped

                if isinstance(exc, TranscriptionStopped):
                    reason = str(exc)
                    post_to_gui(lambda: status.mark_stopped(reason))
                raise

        transcriber_factory = live_transcriber if make is not None else None

        from interviewer.app.settings import output_setup_for
        from interviewer.core.round_settings import START_NUDGE_MIN_S, ControllerSettings

        config = RoundSessionConfig(
            phase_warning_minutes=settings.warning_minutes,
            round_warning_minutes=max(settings.warning_minutes, 5.0) if settings.warning_minutes else 0.0,
            controller=ControllerSettings(
                silence_ends_answer_after=settings.end_answer_after_silence or None,
                silence_nudge_after=settings.nudge_after_silence or None,
                # Thinking before the first word of an answer gets longer than a pause mid-answer.
                start_nudge_after=START_NUDGE_MIN_S,
                # Loudspeakers: the microphone hears the interviewer, who must not stop on its own voice.
                barge_in=output_setup_for(settings) != "loudspeakers",
                speakers_checked=output_setup_for(settings) != "unknown"))
        if self.round_session is not None:
            self.round_session.close(timeout=2.0)
        self._round_was_saved = self._round_closed = False
        try:
            self.round_session = RoundSession(
                script, self.services.clock, speaker=self.speaker, recorder=recorder,
                transcriber_factory=transcriber_factory, store=self.store(), config=config,
                on_update=self.round_screen.on_update,
                on_problem=self._show_round_problem,
                on_saved=self._round_saved, on_setup_found=self._setup_found_in_round,
                run_in_background=lambda fn: run_in_background(fn), post=post_to_gui,
                text_encoder=self.text_encoder, extra_scripts=self.scripts,
                recent_scripts=self._recent_script_ids(script.kind))
        except Exception as exc:
            self.banner.show_message(f"The round could not start: {exc}")
            return
        self.show_screen("round")
        self.round_screen.begin(self.round_session)
        self._hold_file_work(True)

    def _recent_script_ids(self, kind: str) -> list[str]:
        """The scripts of this kind's recent rounds, newest first: an extra question comes from
        another one first (core.extra_questions.pick_extra). Empty when the store cannot say."""
        try:
            store = self.store()
            return [] if store is None else [s.script_id for s in store.list_sessions(kind=kind)[:20]]
        except Exception:
            return []

    def _show_round_problem(self, message: str) -> None:
        """A problem of the round joins the ones the banner shows (the newest three, each once),
        unless something else took the banner since: with no sound server at all, 'The
        interviewer's voice could not be played' was replaced at once by 'Could not record: No
        microphone was found' (trial8), and the round's silence was left unexplained."""
        shown = self.banner.text.split("\n") if self.banner.text and self.banner.text == self._round_problems else []
        lines = [line for line in shown if line != message] + [message]
        self._round_problems = "\n".join(lines[-ROUND_PROBLEMS_SHOWN:])
        self.banner.show_message(self._round_problems, "warning")

    def _show_round_outcome(self, text: str, level: str) -> None:
        """The ended round's outcome in the banner, for the screen shown now: it goes when the
        user moves to another screen or starts a round."""
        self._round_outcome = text
        self.banner.show_message(text, level, screen=self.current_screen_key())

    def _clear_round_outcome(self) -> None:
        if self._round_outcome and self.banner.text == self._round_outcome:
            self.banner.clear()
        self._round_outcome = ""

    def _hold_file_work(self, held: bool) -> None:
        """While a round runs, transcriptions of files (an import, the review catching up) wait
        between chunks: on two cores they delayed every answer's transcript by seconds."""
        hold, model = self.services.hold_file_work, self.model_status.model
        if hold is not None and model is not None and self.model_status.ready:
            hold(model, held)
        if self._review is not None:
            self._review.file_work_held(held)

    def _round_finished(self, session: RoundSession) -> None:
        from interviewer.gui.round_screen import ROUND_SAVED_ON_QUIT

        self._hold_file_work(False)
        if session is self.round_session and not self._round_was_saved:  # saving can finish first
            # Quitting: no review follows, the window closes once saved (trial 26).
            self._show_round_outcome(ROUND_SAVED_ON_QUIT if self._saving_to_quit is not None
                                     else "The round is over. Saving the session...", "info")

    def _round_saved(self, session_id: int | None) -> None:
        self._round_was_saved = True
        self.last_session_id = session_id
        if self._saving_to_quit is not None:
            return  # quitting: no review to open, the window closes once the writes are done
        self.refresh_sessions()
        self._clear_round_outcome()  # "Saving the session..." is over
        not_kept = self.round_session.not_kept if self.round_session is not None else None
        if session_id is None and not_kept:  # left without a word: nothing to review, nothing went wrong
            # Said once: by the round screen's question box, or, when the round was ended to go
            # to another screen, by a banner that belongs to that screen. A window-wide banner
            # said it a third time, stayed over Home and Settings, and over the next running
            # round (trial 30).
            self.round_screen.show_outcome(f"The round is over. {not_kept}", "Round over: not kept.")
            if self.current_screen_key() != "round":
                self._show_round_outcome(f"The round is over. {not_kept}", "info")
            return
        if session_id is None:
            self.round_screen.show_outcome("The round is over. It was not saved.", "Round over: not saved.")
            self._show_round_outcome("The round is over. It was not saved (see the message above).", "warning")
            return
        self.banner.clear()
        if self.current_screen_key() == "round":
            self.round_screen.show_outcome("The round is over and saved; its review is open.",
                                           "Round over and saved.")
            self.review.open(session_id)
            return
        # The round was ended to go to another screen (Settings, Home): stay there; the review
        # waits on the side bar.
        self.round_screen.show_outcome("The round is over and saved; its review is on Review in the side bar.",
                                       "Round over and saved.")
        self.review.open(session_id, show=False)
        self.nav.item(list(self._screens).index("review")).setHidden(False)
        self.sync_screen_keys()

    def _use_check_choices(self, settings: AppSettings) -> None:
        """Choices made on the Check screen: shown in Settings, used and saved like them."""
        self.settings_screen.load(settings)
        self.apply_settings(settings)
