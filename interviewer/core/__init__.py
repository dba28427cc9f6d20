"""Qt-free core: question scripts, round timing, analysis.

Nothing under this package may import PySide6, faster_whisper, pyttsx3 or sounddevice
(tests/core/test_import_contract.py enforces it). Heavy work lives in interviewer.adapters.
"""
