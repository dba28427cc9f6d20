"""The main window's size and place: saved and restored, and kept on its screen as screens, scales
and window frames change. A mixin of MainWindow, apart from the window's screens and flow.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from interviewer.gui import window_fit


class WindowGeometry:
    """Mixed into MainWindow (a QMainWindow with `services`, `_wanted_minimum` and
    `_screens_watched`): the window fitted to the screen it is on."""

    def _save_geometry(self) -> None:
        """"x,y,width,height[,maximized]" of the normal (not maximized) window."""
        box = self.normalGeometry() if self.isMaximized() else self.geometry()
        geometry = f"{box.x()},{box.y()},{box.width()},{box.height()}" + (",maximized" if self.isMaximized() else "")
        if geometry != self.services.settings.window_geometry:
            self.update_settings(window_geometry=geometry)

    def _restore_geometry(self) -> None:
        """The saved size and place, moved and shrunk onto a screen if they no longer fit one (a
        monitor unplugged, a smaller screen, a larger scale); on a first launch, or when the saved
        value is damaged, about 80 % of the screen, centred."""
        from PySide6.QtCore import QRect

        parts = self.services.settings.window_geometry.split(",")
        try:
            x, y, width, height = (int(v) for v in parts[:4])
        except ValueError:
            x = y = width = height = 0
        frame = window_fit.frame_margins(self)
        if width > 0 and height > 0:
            saved = QRect(x, y, width, height)
            screen = window_fit.screen_for(saved)
            area = screen.availableGeometry() if screen is not None else window_fit.available_area(self)
            minimum = window_fit.fitting_minimum(self._wanted_minimum, area, frame)
            box = window_fit.clamped_geometry(saved, area, frame, minimum)
        else:
            area = window_fit.available_area(self)
            minimum = window_fit.fitting_minimum(self._wanted_minimum, area, frame)
            box = window_fit.first_geometry(area, frame, minimum)
        self.setMinimumSize(minimum)
        self.setGeometry(box)
        if parts[4:5] == ["maximized"]:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def _fit_to_screen(self, place: bool = False) -> None:
        """The minimum size made to fit the window's screen; a window larger than its screen is
        shrunk onto it. `place`: a window sticking out of the screen is moved onto it too (when
        it is shown; not while it is dragged to another screen)."""
        area = window_fit.available_area(self)
        frame = window_fit.frame_margins(self)
        self.setMinimumSize(window_fit.fitting_minimum(self._wanted_minimum, area, frame))
        if self.isMaximized() or self.isFullScreen():
            return  # placed by the window manager
        box = self.geometry()
        box.setSize(box.size().expandedTo(self.minimumSize()))  # grown to the minimum, not yet applied
        room = area.marginsRemoved(frame)
        if place or box.width() > room.width() or box.height() > room.height():
            fitted = window_fit.clamped_geometry(box, area, frame, self.minimumSize())
            if fitted != self.geometry():
                self.setGeometry(fitted)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and handle not in self._screens_watched:
            self._screens_watched.add(handle)
            handle.screenChanged.connect(self._screen_changed)
            self._screen_changed(handle.screen())
        self._fit_to_screen(place=True)
        # A window manager may frame the window after it is shown: fitted again if it did.
        shown_with = window_fit.frame_margins(self)
        QTimer.singleShot(300, self, lambda: window_fit.frame_margins(self) != shown_with
                          and self._fit_to_screen(place=True))

    def _screen_changed(self, screen) -> None:
        """On another screen (or this one changed: resolution, scale, a panel): fitted to it."""
        if screen is not None and screen not in self._screens_watched:
            self._screens_watched.add(screen)
            screen.availableGeometryChanged.connect(self._screen_area_changed)  # a method: let go with the window
        self._fit_to_screen()

    def _screen_area_changed(self, _area) -> None:
        self._fit_to_screen()
