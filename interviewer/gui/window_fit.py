"""Windows that fit the screen they are on, at any scale: 1024x640 at 200 % leaves 512x320.

A window's minimum size never exceeds the screen's available area (what does not fit, the
screens scroll instead); the first window takes a share of that area, centred; a saved
place and size that no longer fit (a monitor unplugged, a smaller screen, a larger scale) are
moved and shrunk onto the screen. The arithmetic takes the screen's area as an argument."""
from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

FIRST_SHARE = 0.8  # of the available area, on a first launch
FIRST_CAP = QSize(1440, 900)  # a 4K screen does not get a 3000 px wide window
MINIMUM_SHARE = 0.9  # a minimum size too large for the screen becomes this much of it
# The window frame (title bar, borders) is only known once the window manager has framed the
# window; until then this much is kept free for it.
FRAME_GUESS = QMargins(4, 32, 4, 4)


def frame_margins(window: QWidget) -> QMargins:
    """What the window manager's frame adds around the window: a guess until it is shown, then
    what it is (none without a window manager)."""
    if not window.isVisible():
        return QMargins(FRAME_GUESS)
    frame, inner = window.frameGeometry(), window.geometry()
    return QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                    frame.right() - inner.right(), frame.bottom() - inner.bottom())


def _room(available: QRect, frame: QMargins) -> QRect:
    """Where the inner rectangle of a window may be, its frame on the available area."""
    return available.marginsRemoved(frame)


def _larger(one: QMargins, other: QMargins) -> QMargins:
    return QMargins(max(one.left(), other.left()), max(one.top(), other.top()),
                    max(one.right(), other.right()), max(one.bottom(), other.bottom()))


def fitting_minimum(wanted: QSize, available: QRect, frame: QMargins) -> QSize:
    """`wanted`, or 90 % of the available area (less the frame) where that is smaller: the
    window can still be made a little smaller than the screen."""
    room = _room(available, _larger(frame, FRAME_GUESS))  # the same before and after showing
    return QSize(max(1, min(wanted.width(), int(room.width() * MINIMUM_SHARE))),
                 max(1, min(wanted.height(), int(room.height() * MINIMUM_SHARE))))


def first_geometry(available: QRect, frame: QMargins, minimum: QSize) -> QRect:
    """The window's inner rectangle on a first launch: about 80 % of the available area (capped,
    never below the minimum), centred with its frame."""
    room = _room(available, frame)
    width = max(minimum.width(), min(round(available.width() * FIRST_SHARE), FIRST_CAP.width()))
    height = max(minimum.height(), min(round(available.height() * FIRST_SHARE), FIRST_CAP.height()))
    width, height = min(width, room.width()), min(height, room.height())
    return QRect(room.x() + (room.width() - width) // 2, room.y() + (room.height() - height) // 2, width, height)


def clamped_geometry(saved: QRect, available: QRect, frame: QMargins, minimum: QSize) -> QRect:
    """`saved` (the inner rectangle, as QWidget.geometry gives it) shrunk to fit the available
    area with its frame, and moved so that all of it, frame included, is on the area. A
    rectangle that fits is returned as it is."""
    room = _room(available, frame)
    width = max(min(saved.width(), room.width()), min(minimum.width(), saved.width()))
    height = max(min(saved.height(), room.height()), min(minimum.height(), saved.height()))
    x = max(min(saved.x(), room.x() + room.width() - width), room.x())
    y = max(min(saved.y(), room.y() + room.height() - height), room.y())
    return QRect(x, y, width, height)


def screen_for(rect: QRect) -> QScreen | None:
    """The screen showing most of `rect`, else the one under its centre, else the primary."""
    def overlap(screen: QScreen) -> int:
        common = screen.availableGeometry().intersected(rect)
        return common.width() * common.height() if common.isValid() else 0

    screens = QGuiApplication.screens()
    best = max(screens, key=overlap) if screens else None
    if best is not None and overlap(best) > 0:
        return best
    return QGuiApplication.screenAt(rect.center()) or QGuiApplication.primaryScreen()


def available_area(widget: QWidget) -> QRect:
    """The available area of the screen the widget is on (or would open on)."""
    handle = widget.windowHandle()
    screen = handle.screen() if handle is not None else None
    if screen is None:
        screen = QGuiApplication.screenAt(widget.geometry().center()) if widget.isVisible() else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(QPoint(0, 0), QSize(1280, 720))


def fit_dialog(dialog: QWidget, wanted_minimum: QSize | None = None) -> None:
    """Called as the dialog shows: its minimum (`wanted_minimum`, made to fit) and its size no
    larger than its screen, and all of it on the screen (its content scrolls instead)."""
    area = available_area(dialog.parentWidget() or dialog)
    frame = _larger(frame_margins(dialog), FRAME_GUESS)
    if wanted_minimum is not None:
        dialog.setMinimumSize(fitting_minimum(wanted_minimum, area, frame))
    size = dialog.size().boundedTo(_room(area, frame).size()).expandedTo(dialog.minimumSize())
    fitted = clamped_geometry(QRect(dialog.geometry().topLeft(), size), area, frame, dialog.minimumSize())
    if fitted != dialog.geometry():
        dialog.setGeometry(fitted)
