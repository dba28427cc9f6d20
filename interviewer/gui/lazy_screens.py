"""The main window's screens, each built when first opened (LAZY_SCREEN_MODULES): the side bar's
entries, the scrolling pages, and data kept for a screen until it is built. A mixin of MainWindow.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QScrollArea, QWidget

from interviewer.gui import accessibility, text_fit, theme


# Only Home is built with the window; the other screens, their controllers and these modules
# when first opened or used (MainWindow.screen), which keeps them off the way to the first
# window. Listed for the self-check, which imports them as a frozen build must contain them.
LAZY_SCREEN_MODULES = (
    "interviewer.gui.check_controller", "interviewer.gui.check_screen", "interviewer.gui.round_screen",
    "interviewer.gui.review_controller", "interviewer.gui.review_screen", "interviewer.gui.debrief_controller",
    "interviewer.gui.debrief_screen", "interviewer.gui.progress_screen", "interviewer.gui.settings_screen",
    "interviewer.app.round_session",
)


TITLE_ROLE = Qt.ItemDataRole.UserRole + 2  # a side bar item's screen name
NAV_WIDTH = 176
NAV_COMPACT_WIDTH = 56  # an icon (20) in its item's and the bar's padding and focus border
NAV_COMPACT_BELOW = 800  # window widths (logical px) at which the side bar shows icons only


class LazyScreens:
    """Mixed into MainWindow (with `nav`, `stack`, `_screens`, `_pages`, `_builders` and
    `_pending`): screens by key, built on first use."""

    def _add_screen(self, key: str, title: str, screen: QWidget | Callable[[], None], in_nav: bool = True,
                    icon: str = "") -> None:
        """`screen`: the screen, or what builds it (and calls _install) when first needed."""
        # Each screen scrolls vertically when the window is shorter than it needs (1280x720, a
        # large system font, 200 % scaling). Text wraps or elides rather than scroll sideways
        # (tests/gui/test_scaling.py down to 960x540); only a window narrower than a screen's
        # minimum (1024x640 at 150 or 200 %) gets a sideways scroll bar: cut off, its right-hand
        # side could not be reached at all.
        page = QScrollArea()
        page.setWidgetResizable(True)
        page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        page.setFrameShape(QScrollArea.Shape.NoFrame)
        # Not a Tab stop: it shows no focus and has no name (Tab from the side bar seemed to lose
        # the focus once); a control below the fold scrolls into view when Tab reaches it.
        page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._pages[key] = page
        if isinstance(screen, QWidget):
            self._screens[key] = screen
            page.setWidget(screen)
        else:
            self._screens[key] = None
            self._builders[key] = screen
        self.stack.addWidget(page)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.UserRole + 1, icon or key)  # the icon's name (redrawn per theme)
        item.setIcon(theme.icon(icon or key))
        item.setToolTip(title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)  # its name, also when only its icon shows
        item.setData(TITLE_ROLE, title)
        self.nav.addItem(item)
        if not in_nav:
            item.setHidden(True)

    def fit_navigation(self, window_width: int) -> None:
        """The side bar shows icons only (names in their tooltips) in a narrow window: at
        1024x640 with 150 % scaling its 176 px took a quarter of the 683 px and left Home's
        cards 128 px (trial8)."""
        compact = window_width < NAV_COMPACT_BELOW
        width = NAV_COMPACT_WIDTH if compact else NAV_WIDTH
        if self.nav.width() == width and self.nav.minimumWidth() == width:
            return
        self.nav.setFixedWidth(width)
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            item.setText("" if compact else item.data(TITLE_ROLE))

    def _install(self, key: str, screen: QWidget) -> None:
        """A screen just built: shown in its page, given the data sent to it before, named."""
        self._screens[key] = screen
        self._pages[key].setWidget(screen)
        for update in self._pending.pop(key, {}).values():
            update(screen)
        accessibility.name_controls(screen)
        accessibility.no_blind_scroll_stops(screen)
        text_fit.fit_long_text(screen)

    def _update_screen(self, key: str, what: str, update: Callable[[Any], None]) -> None:
        """`update(screen)` now if the screen is built, else when it is (the latest update of
        each kind): data for a screen not opened yet does not build it."""
        screen = self._screens[key]
        if screen is not None:
            update(screen)
        else:
            self._pending.setdefault(key, {})[what] = update

    def screen(self, key: str) -> QWidget:
        """The screen `key`, built now if it was not yet."""
        if self._screens[key] is None:
            self._builders[key]()
        return self._screens[key]

    def current_screen_key(self) -> str:
        return list(self._screens)[self.stack.currentIndex()]

    def show_screen(self, key: str) -> None:
        index = list(self._screens).index(key)
        self.nav.item(index).setHidden(False)
        self.sync_screen_keys()
        self.nav.setCurrentRow(index)
