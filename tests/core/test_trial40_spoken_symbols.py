"""Trial 40 item 7 and suggestions: a question ending "what did you do? 🙂" was read aloud as
"... What did you do? Slightly smiling face.", and `scripts validate` passed it, and a 3,400
character coding question (about 3 minutes of speech), without a word. Now the voice leaves
emoji and such symbols out (they stay on screen), and validation warns about both, with file,
line and field."""
import threading

from interviewer.adapters import speaker as speaker_module
from interviewer.core.scripts.loader import check_file
from interviewer.core.spoken_text import voice_text

SCRIPT = '''id = "t40-behav"
title = "Ownership 🚀"
kind = "behavioral"
minutes = 45

[[phases]]
id = "stories"
name = "Stories"
minutes = 45
prompt = "Let's go into a few stories."

[[questions]]
id = "owned"
phase = "stories"
text = "Tell me about a time you owned a problem - what did you do? 🙂"

[[questions]]
id = "long"
phase = "stories"
text = "{long}"
'''


def test_validate_warns_about_emoji_and_long_questions_with_file_line_and_field(tmp_path):
    path = tmp_path / "behav.toml"
    path.write_text(SCRIPT.replace("{long}", "Consider this detail of the situation. " * 40), encoding="utf-8")
    problems, warnings = check_file(path)
    assert problems == []
    emoji = [w for w in warnings if "slightly smiling face" in w]
    assert emoji and emoji[0].startswith(f"{path}:15: questions[1].text: warning: 🙂")
    long = [w for w in warnings if "characters long" in w]
    assert long and long[0].startswith(f"{path}:20: questions[2].text: warning: is 1,559 characters long, about ")
    assert "to read aloud" in long[0]
    assert not any("🚀" in w for w in warnings)  # the title is shown, never spoken


def test_the_voice_gets_the_text_without_the_emoji_at_the_same_positions():
    shown = "What did you do? 🙂 Take your time ➡️ go on 👍🏽"
    spoken = voice_text(shown)[0]
    assert len(spoken) == len(shown) and spoken.split() == ["What", "did", "you", "do?", "Take", "your", "time",
                                                            "go", "on"]
    assert voice_text("Café — naïve résumé, 5 °C, x² ≥ 3")[0] == "Café — naïve résumé, 5 °C, x² ≥ 3"


def test_the_speech_engine_is_handed_the_text_without_the_emoji():
    rendered = []

    class Host:
        def render(self, text, voice, rate, path):
            rendered.append(text)
            return None, None

    worker = speaker_module._SynthWorker.__new__(speaker_module._SynthWorker)
    worker._host, worker._lock, worker._ready = Host(), threading.Lock(), threading.Event()
    worker._ready.set()
    worker.unavailable_reason = None
    worker.synthesize("What did you do? 🙂", None, None, "/dev/null")
    assert rendered == ["What did you do?  "]
