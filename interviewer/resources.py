"""Where bundled files live, in a checkout, an installed wheel or a PyInstaller bundle."""
from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

_CHECKOUT_ROOT = Path(__file__).resolve().parent.parent


def _bundled_dir(package: str, checkout_name: str) -> Path:
    # A PyInstaller one-folder build puts data beside the executable (sys._MEIPASS).
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidate = Path(frozen_root) / checkout_name
        if candidate.is_dir():
            return candidate
    checkout = _CHECKOUT_ROOT / checkout_name
    if checkout.is_dir() and (_CHECKOUT_ROOT / "pyproject.toml").is_file():
        return checkout
    # An installed wheel maps the folder into the package (see pyproject's package-dir).
    # It has no __init__.py, so importlib.resources would give a MultiplexedPath, not a Path.
    installed = Path(__file__).resolve().parent / package.rsplit(".", 1)[-1]
    if installed.is_dir():
        return installed
    return Path(str(resources.files(package)))


def bundled_scripts_dir() -> Path:
    """Folder of the question scripts that ship with the app."""
    return _bundled_dir("interviewer.bundled_scripts", "question_scripts")


def assets_dir() -> Path:
    """Folder of icons and other assets that ship with the app."""
    return _bundled_dir("interviewer.bundled_assets", "assets")
