"""The main window's desktop conventions: the File, View and Help menus with their shortcuts and
platform roles, their actions, and the status bar's task progress. A mixin of MainWindow.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QStatusBar, QWidget

from interviewer.gui import theme
from interviewer.gui.model_status import ModelState
from interviewer.gui.task_progress import TaskProgress


class WindowMenus:
    """Mixed into MainWindow: builds its menus and status bar and answers their actions."""

    def _build_menus(self) -> None:
        """File, View, Help with the platform's roles (macOS moves About, Settings and Quit into
        the application menu) and the usual shortcuts."""
        self.actions: dict[str, QAction] = {}  # by name: settings, quit, go-home, shortcuts, about...
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "settings", "&Settings...", self._open_settings, "settings",
                     ["Ctrl+,", QKeySequence.StandardKey.Preferences], QAction.MenuRole.PreferencesRole)
        file_menu.addSeparator()
        self._action(file_menu, "quit", "&Quit", self.close, "quit",
                     ["Ctrl+Q", QKeySequence.StandardKey.Quit], QAction.MenuRole.QuitRole)
        view_menu = bar.addMenu("&View")
        # One entry per side-bar screen; sync_screen_keys shows those the side bar shows and
        # gives them Ctrl+1, 2, ... in its order.
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            self._action(view_menu, f"go-{key}", item.data(Qt.ItemDataRole.AccessibleTextRole),
                         lambda k=key: self.go_to(k), item.data(Qt.ItemDataRole.UserRole + 1))
        self.sync_screen_keys()
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        self.theme_actions = {}
        group = QActionGroup(self)
        for mode in theme.MODES:
            action = QAction(theme.MODE_LABELS[mode], self, checkable=True)
            action.setChecked(mode == theme.mode())
            action.triggered.connect(lambda _=False, m=mode: self.set_theme(m))
            group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[mode] = action
        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "shortcuts", "&Keyboard shortcuts", self.show_shortcuts, "keyboard",
                     ["F1", QKeySequence.StandardKey.HelpContents])
        self._action(help_menu, "first-run", "&Getting started...", self.show_first_run, "help")
        help_menu.addSeparator()
        self._action(help_menu, "about", "&About Interviewer", self.show_about, "info",
                     role=QAction.MenuRole.AboutRole)

    def _build_task_bars(self) -> None:
        """Long work that is not tied to one screen shows in the status bar: loading the speech
        model (a busy indicator with Cancel) and importing a recording (a bar with Cancel; File
        menu)."""
        self._status_bar_filter = _StatusBarWhileBusy(self.statusBar())
        self.model_loading = TaskProgress()
        self._status_bar_follows(self.model_loading)
        self.model_status.changed.connect(self._show_model_loading)
        file_menu = self.menuBar().actions()[0].menu()
        first = file_menu.actions()[0]
        self.import_action = self._action(file_menu, "import", "&Import a recorded interview...",
                                          lambda: self.review.ask_import(), "", ["Ctrl+I"])
        file_menu.removeAction(self.import_action)
        file_menu.insertAction(first, self.import_action)  # first in File, as an Open would be
        scripts_action = self._action(file_menu, "scripts-folder", "Open my &question scripts folder",
                                      self.open_user_scripts_folder)
        file_menu.removeAction(scripts_action)
        file_menu.insertAction(first, scripts_action)
        # After an update: every stored round's findings and numbers with the current rules.
        reanalyse_action = self._action(file_menu, "reanalyse-all", "&Analyse all rounds again",
                                        lambda: self.review.reanalyse())
        file_menu.removeAction(reanalyse_action)
        file_menu.insertAction(first, reanalyse_action)

    def _status_bar_follows(self, bar: QWidget) -> None:
        """`bar` in the status bar, which shows only while one of its bars does: empty, it took
        39 px of a 720 px window's height (the review's talking points were under the fold)."""
        status_bar = self.statusBar()
        status_bar.addPermanentWidget(bar, 1)
        bar.installEventFilter(self._status_bar_filter)
        self._status_bar_filter.update_bar()

    def _show_model_loading(self, state: str, _message: str) -> None:
        if state == ModelState.LOADING:
            self.model_loading.start(self.model_status, "Loading the speech model...")
        else:
            self.model_loading.finish()

    def _action(self, menu, name: str, text: str, slot, icon_name: str = "", keys=(), role=None) -> QAction:
        action = QAction(text, self)
        self.actions[name] = action
        action.setData(icon_name)  # redrawn in the theme's colours
        if icon_name:
            action.setIcon(theme.icon(icon_name))
        sequences = []
        for key in keys:
            for sequence in ([QKeySequence(key)] if isinstance(key, str) else QKeySequence.keyBindings(key)):
                if not sequence.isEmpty() and sequence not in sequences:
                    sequences.append(sequence)
        if sequences:
            action.setShortcuts(sequences)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if role is not None:
            action.setMenuRole(role)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    def side_bar_screens(self) -> list[tuple[str, str]]:
        """(key, title) of the screens the side bar shows, in its order."""
        items = (self.nav.item(row) for row in range(self.nav.count()))
        return [(item.data(Qt.ItemDataRole.UserRole), item.data(Qt.ItemDataRole.AccessibleTextRole))
                for item in items if not item.isHidden()]

    def sync_screen_keys(self) -> None:
        """Ctrl+N goes to the Nth screen the side bar shows (the F1 sheet lists the same), and
        the View menu lists just those; called whenever a screen joins or leaves the side bar."""
        if not isinstance(getattr(self, "actions", None), dict):  # QWidget.actions() until then
            return  # the menus are not built yet: _build_menus calls this
        shown = {key: n for n, (key, _) in enumerate(self.side_bar_screens(), start=1)}
        for row in range(self.nav.count()):
            key = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
            action = self.actions[f"go-{key}"]
            action.setVisible(key in shown)
            action.setShortcuts([QKeySequence(f"Ctrl+{shown[key]}")] if key in shown and shown[key] <= 9 else [])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def go_to(self, key: str) -> None:
        """A screen from the menu or Ctrl+number, through the same path as a side-bar click."""
        self.nav.setCurrentRow(list(self._screens).index(key))

    def _open_settings(self) -> None:
        self.go_to("settings")

    def show_shortcuts(self) -> None:
        from interviewer.gui.shortcuts_dialog import ShortcutSheet

        self.shortcut_sheet = ShortcutSheet(self, [title for _, title in self.side_bar_screens()])
        self.shortcut_sheet.open()

    def open_user_scripts_folder(self) -> None:
        """Your own scripts' folder, made if missing, in the file manager: the app named it nowhere
        (new-user trial 6 found it only with `interviewer scripts list`). Home reads what is saved
        there. Without a file manager the banner says where it is."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from interviewer.paths import user_scripts_dir

        folder = user_scripts_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.banner.show_message(f"Could not make the question scripts folder {folder}: {exc.strerror or exc}")
            return
        self._watch_user_scripts()
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.banner.show_message(f"Your own question scripts go in {folder}: one .toml file per round "
                                     "(the format is in docs/question-scripts.md).", "info")

    def show_about(self) -> None:
        """Name, version, and where this computer keeps the user's rounds, settings and logs (what
        a bug report or a backup needs; trial8 found them named nowhere in the app but Settings'
        data folder field)."""
        import html

        from interviewer import __version__
        from interviewer.paths import config_dir, data_dir, log_dir

        folders = "".join(f"<br>{label}: <tt>{html.escape(str(folder))}</tt>" for label, folder in (
            ("Your rounds and recordings", data_dir()), ("Settings", config_dir()),
            ("Log and crash reports", log_dir())))
        QMessageBox.about(
            self, "About Interviewer",
            f"<p><b>Interviewer {__version__}</b></p><p>An offline, voice-driven mock interviewer for "
            "machine-learning engineer interview loops. Everything runs on this computer; no audio or "
            f"text leaves it.</p><p>{folders[4:]}</p><p>Press F1 for the keyboard shortcuts. MIT licence.</p>")

    def show_first_run(self) -> None:
        from interviewer.gui.first_run import FirstRunDialog

        self.first_run = FirstRunDialog(self)
        self.first_run.open()

    def maybe_show_first_run(self) -> None:
        """The guided start, once: until it is finished or skipped (Help > Getting started after)."""
        if not self.services.settings.first_run_done:
            self.show_first_run()

    def set_theme(self, mode: str) -> None:
        app = QApplication.instance()
        if app is not None:
            theme.apply_theme(app, mode)
        if mode in self.theme_actions:
            self.theme_actions[mode].setChecked(True)
        self.update_settings(theme=mode)
        self._update_screen("settings", "theme", lambda screen: screen.show_theme(mode))


class _StatusBarWhileBusy(QObject):
    """Shows the status bar while one of its permanent widgets (progress bars) is shown."""

    def __init__(self, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.status_bar = status_bar

    def update_bar(self) -> None:
        self.status_bar.setVisible(any(not w.isHidden() for w in self.status_bar.findChildren(TaskProgress)))

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.update_bar()
        return False
