"""A damaged or hand-edited settings.json: the app still starts, with one message naming the
file, the line and the key of each value not used (that key gets its default). Before, a
non-UTF-8 byte, a 5000-digit number or deeply nested lists raised out of load_settings (the app
and `interviewer devices` stopped with a traceback), and wrong values were used as they were
(NaN or negative seconds, a speech rate of 10**26 that Qt's spin box cannot hold, a window size
of 3,000,000,000) or dropped without a word."""
import math

import pytest

from interviewer.app.settings import AppSettings, load_settings, save_settings


@pytest.mark.parametrize("content, says", [
    (b'{\n  "theme": "dark",\n  "voice": "caf\xe9"\n}', "line 3: not UTF-8 text"),
    (b'{"speech_rate": ' + b"9" * 5000 + b"}", "a number with thousands of digits"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
])
def test_an_unreadable_file_gives_defaults_and_a_message(tmp_path, content, says):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings, message = load_settings(path)
    assert settings == AppSettings()
    assert message.startswith(f"The settings file {path} is damaged (") and says in message


def test_a_byte_order_mark_is_not_damage(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b'\xef\xbb\xbf{"theme": "dark"}')
    assert load_settings(path) == (AppSettings(theme="dark"), None)


def test_each_unusable_value_is_named_with_its_line_and_gets_its_default(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{\n "speech_rate": 100000000000000000000000000,\n "long_pause_seconds": NaN,\n'
                    ' "end_answer_after_silence": -3,\n "warning_minutes": Infinity,\n "theme": "purple",\n'
                    ' "first_run_done": "yes",\n "input_device": 5,\n "window_geometry": "1,2,3000000000,4",\n'
                    ' "data_dir": "relative/folder",\n "voice": "en-gb",\n "nudge_after_silence": 20,\n'
                    ' "from_a_newer_version": 1\n}\n')
    settings, message = load_settings(path)
    assert settings == AppSettings(voice="en-gb", nudge_after_silence=20.0)
    assert message.startswith(f"The settings file {path} has values the app cannot use: ")
    for expected in ("line 2: speech_rate must be a whole number from 80 to 350, not 100000000000000000000000000; using 170",
                     "line 3: long_pause_seconds must be a number from 0.5 to 10, not NaN; using 2.0",
                     "line 4: end_answer_after_silence must be a number from 0 to 60, not -3; using 8.0",
                     "line 5: warning_minutes must be a number from 0 to 15, not Infinity; using 2.0",
                     'line 6: theme must be one of system, light, dark, not "purple"; using "system"',
                     'line 7: first_run_done must be true or false, not "yes"; using false',
                     "line 8: input_device must be text or null, not 5; using none",
                     'line 9: window_geometry must be x,y,width,height[,maximized] (whole numbers), not "1,2,3000000000,4"',
                     'line 10: data_dir must be a full folder path, not "relative/folder"'):
        assert expected in message
    assert "from_a_newer_version" not in message and "voice" not in message
    assert all(math.isfinite(v) for v in (settings.long_pause_seconds, settings.warning_minutes))


def test_saved_settings_and_every_value_the_settings_screen_allows_load_without_a_message(tmp_path):
    path = tmp_path / "settings.json"
    for settings in (AppSettings(), AppSettings(speech_rate=80, end_answer_after_silence=0.0, nudge_after_silence=120.0,
                                                long_pause_seconds=0.5, warning_minutes=15.0, theme="light",
                                                window_geometry="-10,20,1280,720,maximized", data_dir="~/interviews",
                                                output_setup="loudspeakers", voice=None, model="small.en")):
        save_settings(settings, path)
        assert load_settings(path) == (settings, None)


def test_the_app_starts_with_a_non_utf8_settings_file(tmp_path, monkeypatch):
    from interviewer.app.real_adapters import default_services

    monkeypatch.setenv("INTERVIEWER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_bytes(b'{"voice": "\xff"}')
    services = default_services()
    assert services.settings == AppSettings() and "not UTF-8" in services.settings_message
