"""The main window: a side bar of screens, a message banner, and the flow between screens."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from interviewer.core.scripts.model import RoundScript
from interviewer.gui.banner import Banner
from interviewer.gui.home_screen import HomeScreen
from interviewer.gui.model_status import ModelStatus
from interviewer.gui.services import AppServices, DeviceList
from interviewer.gui.settings_screen import SettingsScreen
from interviewer.gui.workers import run_in_background


class MainWindow(QMainWindow):
    def __init__(self, services: AppServices | None = None) -> None:
        super().__init__()
        self.services = services or AppServices()
        self.setWindowTitle("Interviewer")
        self.resize(1200, 800)

        self.banner = Banner()
        settings = self.services.settings
        load_model = self.services.load_model
        self.model_status = ModelStatus((lambda: load_model(settings)) if load_model else None, self)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        self._screens: dict[str, QWidget] = {}

        self.home = HomeScreen()
        self._add_screen("home", "Home", self.home)
        self.home.start_requested.connect(self.start_round)

        self.settings_screen = SettingsScreen(self.services.settings)
        self._add_screen("settings", "Settings", self.settings_screen)
        self.settings_screen.saved.connect(self.apply_settings)
        self.devices = DeviceList()

        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

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
        self.refresh_scripts()
        self.show_screen("home")

    # ------------------------------------------------------------------ screens

    def _add_screen(self, key: str, title: str, widget: QWidget, in_nav: bool = True) -> None:
        self._screens[key] = widget
        self.stack.addWidget(widget)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)
        if not in_nav:
            item.setHidden(True)

    def screen(self, key: str) -> QWidget:
        return self._screens[key]

    def current_screen_key(self) -> str:
        widget = self.stack.currentWidget()
        return next(k for k, w in self._screens.items() if w is widget)

    def show_screen(self, key: str) -> None:
        index = list(self._screens).index(key)
        self.nav.item(index).setHidden(False)
        self.nav.setCurrentRow(index)

    # ------------------------------------------------------------------ actions

    def refresh_scripts(self) -> None:
        try:
            found = self.services.load_scripts()
        except Exception as exc:  # an unreadable scripts folder must not stop the app
            self.banner.show_message(f"Could not load the question scripts: {exc}")
            return
        self.home.set_scripts(found.scripts, found.problems)

    def start_background_loading(self) -> None:
        """Called once the window is shown: load the model and list devices without blocking."""
        self.model_status.start()
        self.refresh_devices()

    def refresh_devices(self) -> None:
        if self.services.list_devices is None:
            return

        def done(devices: DeviceList) -> None:
            self.devices = devices
            self.settings_screen.set_devices(devices)

        run_in_background(self.services.list_devices, done,
                          lambda exc: self.banner.show_message(f"Could not list audio devices: {exc}", "warning"))

    def apply_settings(self, settings) -> None:
        old = self.services.settings
        self.services.settings = settings
        if self.services.save_settings is not None:
            try:
                path = self.services.save_settings(settings)
            except OSError as exc:  # disk full, read-only config folder
                self.banner.show_message(f"Settings are used for now but could not be saved: "
                                         f"{exc.strerror or exc}. Free some disk space and save again.")
                return
            self.settings_screen.show_status(f"Saved to {path}." if path else "Saved.")
        else:
            self.settings_screen.show_status("Saved for this session.")
        if settings.model != old.model and self.services.load_model is not None:
            load_model = self.services.load_model
            self.model_status.start(lambda: load_model(settings))

    def shutdown(self) -> None:
        """Stop whatever is running (round, recording, speech) before the app exits."""

    def start_round(self, script: RoundScript) -> None:
        self.banner.show_message(f"Starting '{script.title}'.", "info")
