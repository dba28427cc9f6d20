"""The core must stay Qt-free and free of heavy libraries, so its tests run in milliseconds."""
import subprocess
import sys
from pathlib import Path

import interviewer

FORBIDDEN = ("PySide6", "shiboken6", "faster_whisper", "ctranslate2", "pyttsx3", "sounddevice", "onnxruntime", "av")
CORE_PACKAGES = ("interviewer.core", "interviewer.storage")


def _core_modules():
    root = Path(interviewer.__file__).parent
    for package in CORE_PACKAGES:
        folder = root.joinpath(*package.split(".")[1:])
        for path in sorted(folder.rglob("*.py")):
            rel = path.relative_to(root.parent).with_suffix("")
            parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
            yield ".".join(parts)


def test_core_imports_no_gui_or_heavy_library():
    modules = list(_core_modules())
    assert "interviewer.core.clock" in modules
    code = (
        "import sys, importlib\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = sorted(n for n in sys.modules if n.split('.')[0] in {FORBIDDEN!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported: {out.stdout.strip()}"


def test_contract_detects_a_violation():
    # Guard against a contract that can never fail: importing an adapter does load a heavy library.
    code = "import sys, sounddevice; print('sounddevice' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "True"
