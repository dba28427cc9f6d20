"""Screenshots of every screen, light and dark, at 1280x720 and 1920x1080, written to
bench-out/screenshots/ (and the test's tmp folder). Under ./bootstrap.sh test the pictures are
taken on a real X server: the test runs itself again in a child process on its own Xvfb screen
(QT_QPA_PLATFORM=xcb), large enough for 1920x1080. Each image must show something (a grab that
is one flat colour fails) and no screen may need more width than the window gives it (a screen
may scroll vertically when the window is short, never sideways)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from populated import every_screen, populated_window

OUT = Path(__file__).resolve().parents[2] / "bench-out" / "screenshots"
SIZES = ((1280, 720), (1920, 1080))
CHILD_ENV = "INTERVIEWER_SCREENSHOT_CHILD"


def _distinct_colours(image: QImage) -> int:
    return len({image.pixel(x, y) for y in range(0, image.height(), 7) for x in range(0, image.width(), 7)})


def test_screenshots_under_xvfb(tmp_path):
    """The screenshots on a real X server (Xvfb), in a child process; offscreen here otherwise."""
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is missing: ./bootstrap.sh installs xvfb"
    if os.environ.get(CHILD_ENV):
        return  # this is the child: the pictures are taken by test_screenshot_of_every_screen
    env = {**os.environ, CHILD_ENV: str(tmp_path), "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        [xvfb_run, "-a", "-s", "-screen 0 2048x1200x24", sys.executable, "-m", "pytest", "-q", "-p",
         "no:cacheprovider", f"{__file__}::test_screenshot_of_every_screen"],
        env=env, capture_output=True, text=True, timeout=600, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "1 passed" in result.stdout
    pictures = sorted(p.name for p in OUT.glob("*.png"))
    assert len([p for p in pictures if p.endswith(("1280x720.png", "1920x1080.png"))]) >= 28, pictures


def test_screenshot_of_every_screen(qtbot, isolated_dirs, script_dirs, tmp_path):
    window, clock = populated_window(qtbot, script_dirs, tmp_path)
    platform = QApplication.platformName()
    shots: dict[str, QImage] = {}
    too_small = []

    def visit(theme_name: str, key: str) -> None:
        for width, height in SIZES:
            window.resize(width, height)
            QApplication.processEvents()
            screen = window.screen(key)
            page = window.stack.currentWidget()  # the screen's scroll area: vertical only
            if screen.minimumSizeHint().width() > page.viewport().width():
                too_small.append((key, width, height, screen.minimumSizeHint(), page.viewport().size()))
            window.repaint()
            image = window.grab().toImage()
            name = f"{key}-{theme_name}-{width}x{height}"
            for folder in (tmp_path, OUT):
                folder.mkdir(parents=True, exist_ok=True)
                assert image.save(str(folder / f"{name}.png"))
            shots[name] = image

    every_screen(qtbot, window, clock, visit)
    for theme_name in ("light", "dark"):  # the guided start's pages and the shortcut sheet
        window.set_theme(theme_name)
        window.show_first_run()
        dialog = window.first_run
        for page in range(dialog.pages.count()):
            dialog.go(page)
            QApplication.processEvents()
            image = dialog.grab().toImage()
            assert image.save(str(OUT / f"first-run-{page + 1}-{theme_name}.png"))
            assert _distinct_colours(image) > 10
        dialog.skip()
        window.show_shortcuts()
        QApplication.processEvents()
        assert window.shortcut_sheet.grab().toImage().save(str(OUT / f"shortcuts-{theme_name}.png"))
        window.shortcut_sheet.close()
    window.set_theme("light")
    print(f"\n{len(shots)} screenshots on the {platform} platform in {OUT}")
    assert len(shots) == 7 * 2 * len(SIZES)
    assert not too_small, too_small
    for name, image in shots.items():
        width, height = (int(v) for v in name.rsplit("-", 1)[1].split("x"))
        assert (image.width(), image.height()) == (width, height) or image.devicePixelRatio() != 1, name
        assert _distinct_colours(image) > 20, f"{name} looks blank"
