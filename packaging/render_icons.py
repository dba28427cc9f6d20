"""Render assets/interviewer.svg to the PNG sizes desktops and installers ask for.

Run after editing the SVG:  .venv/bin/python packaging/render_icons.py
The PNGs are committed, so building the app does not need this step.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
SOURCE = ASSETS / "interviewer.svg"
SIZES = (64, 128, 256)


def png_path(size: int) -> Path:
    return ASSETS / f"interviewer-{size}.png"


def render(source: Path = SOURCE, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts need it)
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = png_path(size)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"{target}: could not write")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in render():
        print(path)
    sys.exit(0)
