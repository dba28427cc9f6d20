"""The one source of styling: colours (light and dark), a type scale, spacing and icons.

`apply_theme(app, mode)` sets the application palette and one application-wide stylesheet, so
every widget (including screens that never import this module) follows the theme. Widgets that
paint themselves or build HTML read `current()` when they paint; `apply_theme` repaints them.
Mode "system" follows the desktop's light/dark setting. Every text/background pair below is at
least 4.5:1 (WCAG AA); tests/gui/test_theme.py checks the rendered screens.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QByteArray, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from interviewer.resources import assets_dir

MODES = ("system", "light", "dark")
MODE_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}

# Spacing steps in pixels (layouts use these, never ad-hoc numbers).
SPACE_XS, SPACE_S, SPACE_M, SPACE_L, SPACE_XL = 4, 8, 12, 16, 24
RADIUS = 6
HEADER_PADDING = SPACE_XS  # a table header section's padding (views that size columns to it read it here)
# Type scale, relative to the system font (so a large system font scales everything).
TYPE_SCALE = {"display": 1.75, "title": 1.45, "heading": 1.15, "question": 1.35, "body": 1.0, "small": 0.92}


@dataclass(frozen=True)
class Theme:
    name: str
    window: str  # page background
    surface: str  # cards, inputs, lists
    surface_alt: str  # hovered rows, inactive blocks
    text: str
    text_muted: str  # secondary text (still >= 4.5:1 on window and surface)
    # A disabled control's text: clearly fainter than muted text (WCAG exempts disabled controls).
    # With text_muted a disabled "Stop playback" looked enabled (trial 16).
    text_disabled: str
    border: str
    accent: str  # links, focus rings, the question label's edge
    primary_bg: str  # the main action's button
    primary_text: str
    nav_bg: str
    nav_current_bg: str
    nav_current_text: str
    info_bg: str
    info_text: str
    warning_bg: str
    warning_text: str
    error_bg: str
    error_text: str
    good_text: str  # findings: strengths
    problem_text: str  # findings: things to fix
    note_text: str  # findings: neutral notes; interviewer lines
    partial_text: str  # talking points partly covered
    filler_bg: str
    filler_text: str
    pause_bg: str
    pause_text: str
    disfluency_text: str
    meter_track: str
    meter_ok: str
    meter_hot: str
    cursor: str  # the "now" line on the plan, findings dots
    band: str  # target band fill, "#AARRGGBB" (Qt reads the alpha first)
    series: tuple[str, ...]
    phases: tuple[str, ...]  # phase blocks; text on them is `text`

    def color(self, name: str) -> QColor:
        return QColor(getattr(self, name))


LIGHT = Theme(
    name="light", window="#f4f6f9", surface="#ffffff", surface_alt="#e9edf3", text="#1b1f24",
    text_muted="#4d5562", text_disabled="#9aa2ad", border="#c9d0da", accent="#1f5fbf", primary_bg="#1f5fbf",
    primary_text="#ffffff",
    nav_bg="#e6eaf0", nav_current_bg="#1f5fbf", nav_current_text="#ffffff",
    info_bg="#e3f0fd", info_text="#123f6b", warning_bg="#fff3cd", warning_text="#5c4300",
    error_bg="#fde2e1", error_text="#7a1c16", good_text="#1b6b2a", problem_text="#a3261b", note_text="#1f5599",
    partial_text="#7a5200",
    filler_bg="#ffe0b2", filler_text="#6e3900", pause_bg="#e6e8eb", pause_text="#3f4650",
    disfluency_text="#7a3500", meter_track="#dde2e8", meter_ok="#2e8b3e", meter_hot="#d35400",
    cursor="#c0392b", band="#332e7d32",
    series=("#1f5fbf", "#c2540a", "#1e7d32", "#b3261e", "#6a3fb5", "#7a5230"),
    phases=("#bcd6f5", "#c5e8c1", "#f7dca8", "#e5cdee", "#f6c7c7", "#bfe9e4", "#e2dfb0"),
)

DARK = Theme(
    name="dark", window="#1b1e23", surface="#24282f", surface_alt="#2f343c", text="#e9ecf0",
    text_muted="#b3bbc7", text_disabled="#6c7480", border="#434a55", accent="#8ab8ff", primary_bg="#3567b8",
    primary_text="#ffffff",
    nav_bg="#16191d", nav_current_bg="#3567b8", nav_current_text="#ffffff",
    info_bg="#15314f", info_text="#d8e9ff", warning_bg="#3b3011", warning_text="#ffe7a6",
    error_bg="#4a1d1a", error_text="#ffd9d4", good_text="#8fdc98", problem_text="#ff9d93", note_text="#9cc3ff",
    partial_text="#ffd479",
    filler_bg="#5b3a0e", filler_text="#ffe2b8", pause_bg="#3a4049", pause_text="#dde2e8",
    disfluency_text="#ffbd80", meter_track="#3a4049", meter_ok="#58c26a", meter_hot="#ff9a4d",
    cursor="#ff7b72", band="#4058c26a",
    series=("#8ab8ff", "#ffa25c", "#6fd37a", "#ff7b72", "#c3a6ff", "#e0bd8f"),
    phases=("#2e4a6e", "#2f5a36", "#5e4a1f", "#4f3760", "#633434", "#275a55", "#55512a"),
)

class _Notifier(QObject):
    changed = Signal(object)  # the new Theme


_current: Theme = LIGHT
_mode = "system"
TEXT_SIZES = (100, 115, 130, 150)  # Settings > Text size, per cent of the desktop's font
_desktop_pt: float | None = None  # the application font's size before any text size was applied
_notifier: _Notifier | None = None
_stylesheet_generation = 0  # counts stylesheet changes: sizes measured under an older one are stale


def stylesheet_generation() -> int:
    """Changes whenever the application stylesheet (its paddings, borders, type scale) does."""
    return _stylesheet_generation


def current() -> Theme:
    return _current


def mode() -> str:
    return _mode


def notifier() -> _Notifier:
    """`notifier().changed` fires after the theme changes (screens re-render their HTML)."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


_platform_dark: bool | None = None  # the desktop's own palette, seen before the app set its own


def system_prefers_dark() -> bool:
    """The desktop's colour scheme (Qt 6.5+), else whether its palette was dark before ours."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    if _platform_dark is not None:
        return _platform_dark
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def resolve(mode_name: str) -> Theme:
    if mode_name == "dark" or (mode_name == "system" and system_prefers_dark()):
        return DARK
    return LIGHT


def apply_theme(app, mode_name: str = "system") -> Theme:
    """Palette + stylesheet for the whole application; returns the theme now in use."""
    global _current, _mode, _platform_dark, _stylesheet_generation
    if _platform_dark is None:  # remember the desktop's palette before it is replaced
        _platform_dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    _mode = mode_name if mode_name in MODES else "system"
    theme = resolve(_mode)
    _current = theme
    app.setPalette(palette_of(theme))
    css = stylesheet(theme, app.font().pointSizeF())
    # Re-polishing every widget is most of a switch: with all ~530 widgets built, 0.33-0.42 s,
    # against 0.05-0.09 s with the sheet left as it was (trial9). A sheet without colours would
    # not do on its own: Qt resolves a sheet's palette(role) when it polishes a widget, and a
    # widget any rule styles keeps the palette it had then (its text, a line edit's background).
    if app.styleSheet() != css:
        _stylesheet_generation += 1
        app.setStyleSheet(css)
    icon.cache_clear()
    for widget in app.allWidgets():
        widget.update()
    notifier().changed.emit(theme)
    return theme


def apply_text_size(app, percent: int) -> None:
    """The whole app's text at `percent` of the desktop's size, at once (trial 22: no setting;
    only QT_SCALE_FACTOR made it bigger). Through the application font, so every widget without
    a font of its own follows; the stylesheet's heading sizes are made from it again."""
    global _desktop_pt
    if _desktop_pt is None:
        _desktop_pt = app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0
    font = app.font()
    size = _desktop_pt * percent / 100
    if abs(font.pointSizeF() - size) < 0.01:
        return
    font.setPointSizeF(size)
    app.setFont(font)
    apply_theme(app, _mode)  # the headings' sizes are the base size times TYPE_SCALE


_following = False


def follow_system_changes(app) -> None:
    """Re-apply "system" when the desktop switches between light and dark (connected once)."""
    global _following
    hints = QGuiApplication.styleHints()
    if not _following and hasattr(hints, "colorSchemeChanged"):
        _following = True
        hints.colorSchemeChanged.connect(lambda *_: _mode == "system" and apply_theme(app, "system"))


def palette_of(theme: Theme) -> QPalette:
    c = theme.color
    pal = QPalette()
    roles = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, name in ((roles.Window, "window"), (roles.WindowText, "text"), (roles.Base, "surface"),
                           (roles.AlternateBase, "surface_alt"), (roles.Text, "text"), (roles.Button, "surface"),
                           (roles.ButtonText, "text"), (roles.ToolTipBase, "surface"), (roles.ToolTipText, "text"),
                           (roles.PlaceholderText, "text_muted"), (roles.Highlight, "primary_bg"),
                           (roles.HighlightedText, "primary_text"), (roles.Link, "accent"),
                           (roles.LinkVisited, "accent"), (roles.BrightText, "error_text")):
            pal.setColor(group, role, c(name))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        pal.setColor(disabled, role, c("text_disabled"))
    for role, name in ((roles.Window, "window"), (roles.Base, "surface"), (roles.Button, "surface_alt")):
        pal.setColor(disabled, role, c(name))
    return pal


def stylesheet(theme: Theme, base_pt: float) -> str:
    t = theme
    base_pt = base_pt if base_pt > 0 else 10.0

    def size(step: str) -> str:
        return f"{base_pt * TYPE_SCALE[step]:.1f}pt"

    # Radio buttons' rings (and check boxes', none in the app yet) are drawn here: the style drew them from the window colour, darker, so
    # in the dark theme the debrief's self-ratings were dark grey circles on a near-black page
    # (trial 46); text_muted is >= 4.5:1 on the page, the checked one is the accent with a dot.
    # Combo and spin boxes are left to the style (drawn from the palette above): styling their
    # frames would also replace their arrows.
    return f"""
QMainWindow, QDialog {{ background: {t.window}; }}
QLabel[role="display"] {{ font-size: {size('display')}; font-weight: 600; }}
QLabel[role="title"] {{ font-size: {size('title')}; font-weight: 600; }}
QLabel[role="heading"] {{ font-size: {size('heading')}; font-weight: 600; }}
QLabel[role="muted"] {{ color: {t.text_muted}; }}
QLabel[role="small"] {{ color: {t.text_muted}; font-size: {size('small')}; }}
QToolTip {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.border}; padding: 4px; }}
QPushButton {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.border}; border-radius: {RADIUS}px;
    padding: {SPACE_XS + 2}px {SPACE_M}px; min-height: 1.4em; }}
QPushButton:hover {{ background: {t.surface_alt}; }}
QPushButton:focus {{ border: 2px solid {t.accent}; }}
QPushButton:disabled {{ color: {t.text_disabled}; background: {t.window}; border-color: {t.surface_alt}; }}
QPushButton:checked {{ background: {t.warning_bg}; color: {t.warning_text}; }}
QPushButton[primary="true"] {{ background: {t.primary_bg}; color: {t.primary_text}; border-color: {t.primary_bg}; }}
QPushButton[primary="true"]:focus {{ border: 2px solid {t.text}; }}
QPushButton[primary="true"]:disabled {{ background: {t.surface_alt}; color: {t.text_disabled}; border-color: {t.border}; }}
QPushButton[flat="true"] {{ border: none; background: transparent; }}
QRadioButton {{ spacing: 6px; }}
QRadioButton::indicator {{ width: 12px; height: 12px; border: 2px solid {t.text_muted}; border-radius: 8px;
    background: {t.surface}; }}
QRadioButton::indicator:hover, QRadioButton::indicator:focus {{ border-color: {t.accent}; }}
QRadioButton::indicator:checked {{ border-color: {t.accent}; background: qradialgradient(cx:0.5, cy:0.5,
    radius:0.5, fx:0.5, fy:0.5, stop:0 {t.accent}, stop:0.55 {t.accent}, stop:0.65 {t.surface}, stop:1 {t.surface}); }}
QRadioButton::indicator:disabled {{ border-color: {t.text_disabled}; }}
QCheckBox {{ spacing: 6px; }}
QCheckBox::indicator {{ width: 12px; height: 12px; border: 2px solid {t.text_muted}; border-radius: 3px;
    background: {t.surface}; }}
QCheckBox::indicator:hover, QCheckBox::indicator:focus {{ border-color: {t.accent}; }}
QCheckBox::indicator:checked {{ border-color: {t.accent}; background: {t.accent}; }}
QCheckBox::indicator:disabled {{ border-color: {t.text_disabled}; }}
QLineEdit {{ background: {t.surface}; color: {t.text};
    border: 1px solid {t.border}; border-radius: {RADIUS - 2}px; padding: 3px 6px; min-height: 1.4em; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QListWidget:focus, QTableWidget:focus {{
    border: 2px solid {t.accent}; }}
QComboBox {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.border}; border-radius: {RADIUS - 2}px;
    padding: 3px 6px; min-height: 1.4em; }}
QComboBox:focus {{ border: 2px solid {t.accent}; }}
QComboBox QAbstractItemView {{ background: {t.surface}; color: {t.text}; selection-background-color: {t.primary_bg};
    selection-color: {t.primary_text}; }}
QPlainTextEdit, QTextEdit, QTextBrowser, QListWidget, QTableWidget, QTreeWidget {{ background: {t.surface};
    color: {t.text}; border: 1px solid {t.border}; border-radius: {RADIUS - 2}px; }}
QListWidget::item, QTableWidget::item {{ padding: 3px; }}
QListWidget::item:selected, QTableWidget::item:selected {{ background: {t.primary_bg}; color: {t.primary_text}; }}
QHeaderView::section {{ background: {t.surface_alt}; color: {t.text}; border: none;
    border-right: 1px solid {t.border}; padding: {HEADER_PADDING}px; }}
QGroupBox {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: {RADIUS}px;
    margin-top: 1.6em; padding: {SPACE_S}px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: {SPACE_S}px; color: {t.text}; }}
QProgressBar {{ background: {t.surface_alt}; color: {t.text}; border: 1px solid {t.border}; border-radius: 4px;
    text-align: center; }}
QProgressBar::chunk {{ background: {t.primary_bg}; border-radius: 3px; }}
QMenuBar {{ background: {t.window}; color: {t.text}; }}
QMenuBar::item:selected, QMenu::item:selected {{ background: {t.primary_bg}; color: {t.primary_text}; }}
QMenu {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.border}; }}
QMenu::item:disabled {{ color: {t.text_muted}; }}
QScrollArea {{ background: transparent; border: none; }}
/* Scroll bars drawn whole in the theme: styling the scroll areas left the style's bar a thin line
   with stray arrow bits (trial 24). A handle on a plain track, no arrows. */
QScrollBar:vertical {{ background: {t.window}; width: 12px; margin: 0; border: none; }}
QScrollBar:horizontal {{ background: {t.window}; height: 12px; margin: 0; border: none; }}
QScrollBar::handle {{ background: {t.text_disabled}; border-radius: 4px; margin: 2px; }}
QScrollBar::handle:vertical {{ min-height: 32px; }}
QScrollBar::handle:horizontal {{ min-width: 32px; }}
QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {t.text_muted}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; background: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QSplitter::handle {{ background: {t.window}; }}
#navigation {{ background: {t.nav_bg}; border: none; border-radius: {RADIUS}px; padding: {SPACE_XS}px;
    outline: none; }}
#navigation:focus, #roundCards:focus, #recentSessions:focus {{ border: 2px solid {t.accent}; }}
#navigation::item {{ color: {t.text}; padding: {SPACE_S}px {SPACE_S}px; margin: 2px 0; border-radius: {RADIUS}px; }}
#navigation::item:hover {{ background: {t.surface_alt}; }}
#navigation::item:selected {{ background: {t.nav_current_bg}; color: {t.nav_current_text}; font-weight: 600; }}
#roundCards, #recentSessions {{ background: {t.window}; border: none; }}
#roundCards::item, #recentSessions::item {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.border};
    border-radius: {RADIUS + 2}px; padding: {SPACE_S}px {SPACE_M}px; margin: 2px 4px; }}
#roundCards::item:hover, #recentSessions::item:hover {{ border-color: {t.accent}; }}
#roundCards::item:selected, #recentSessions::item:selected {{ background: {t.primary_bg}; color: {t.primary_text};
    border: 2px solid {t.primary_bg}; }}
#roundCards::item:disabled {{ background: transparent; border: none; color: {t.text}; padding: {SPACE_M}px 4px 0 4px; }}
#card {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: {RADIUS + 2}px; }}
#card:focus {{ border: 2px solid {t.accent}; }}
#card[selected="true"] {{ border: 2px solid {t.accent}; }}
#card QLabel {{ background: transparent; }}
#question {{ background: {t.surface}; color: {t.text}; border-left: 4px solid {t.accent};
    border-radius: {RADIUS}px; padding: {SPACE_M}px; font-size: {size('question')}; }}
#warning {{ background: {t.warning_bg}; color: {t.warning_text}; border-radius: {RADIUS}px; padding: {SPACE_XS}px; }}
#banner[level="error"] {{ background: {t.error_bg}; border: 1px solid {t.error_text}; border-radius: {RADIUS}px; }}
#banner[level="warning"] {{ background: {t.warning_bg}; border: 1px solid {t.warning_text}; border-radius: {RADIUS}px; }}
#banner[level="info"] {{ background: {t.info_bg}; border: 1px solid {t.info_text}; border-radius: {RADIUS}px; }}
#banner[level="error"] QLabel, #banner[level="error"] QPushButton {{ color: {t.error_text}; background: transparent; }}
#banner[level="warning"] QLabel, #banner[level="warning"] QPushButton {{ color: {t.warning_text}; background: transparent; }}
#banner[level="info"] QLabel, #banner[level="info"] QPushButton {{ color: {t.info_text}; background: transparent; }}
#problems, QLabel[role="problem"] {{ color: {t.problem_text}; }}
"""


# ---------------------------------------------------------------------------------- icons

def icon_path(name: str):
    return assets_dir() / "icons" / f"{name}.svg"


@lru_cache(maxsize=128)
def icon(name: str, color: str | None = None, size: int = 20) -> QIcon:
    """An SVG icon from assets/icons drawn in `color` (default: the theme's text colour), so
    icons stay visible in both themes. The SVGs use currentColor."""
    return QIcon(pixmap(name, color, size))


def pixmap(name: str, color: str | None = None, size: int = 20) -> QPixmap:
    svg = icon_path(name).read_text(encoding="utf-8").replace("currentColor", color or _current.text)
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 1.0
    image = QPixmap(QSize(int(size * ratio), int(size * ratio)))
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def icon_html(name: str, color: str | None = None, size: int = 16) -> str:
    """An <img> for rich-text labels (the warning strip), in place of emoji glyphs that render
    as empty boxes on machines without an emoji font."""
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap(name, color, size).toImage().save(buffer, "PNG")
    data = bytes(buffer.data().toBase64()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" width="{size}" height="{size}" style="vertical-align:middle">'


# ------------------------------------------------------------------------------ contrast

def relative_luminance(color: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
