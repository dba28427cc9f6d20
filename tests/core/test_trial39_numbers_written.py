"""Trial 39 defect 5: the screen, the review and the exports read the spoken form of numbers
("errors at one, two, three, ten and eleven, and W equal to five"; "learning rate three e minus
four ... batch size two hundred fifty-six"). Scripts hold the written form; the voice gets what
it should say from core.spoken_text.voice_text, with the word positions mapped back."""
from __future__ import annotations

import re
import threading

from interviewer.adapters import speaker as speaker_module
from interviewer.core.scripts.loader import load_script
from interviewer.resources import bundled_scripts_dir

_SMALL = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def _shown_texts():
    for path in sorted(bundled_scripts_dir().glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            yield f"{path.name}:{number}", line


def test_bundled_scripts_write_numbers_in_digits():
    spoken_forms = [
        rf"\b{_SMALL}, {_SMALL}, {_SMALL}\b",  # a list of numbers said one by one
        r"\b\w+ e minus \w+\b",  # scientific notation said aloud
        r"\bequal to {_SMALL}\b".replace("{_SMALL}", _SMALL),
        r"\bhundred \w+-\w+\b",  # two hundred fifty-six
        r"\b(?:zero|twenty-one) point \w+\b",
    ]
    offending = [f"{where}: {line.strip()}" for where, line in _shown_texts()
                 if any(re.search(p, line) for p in spoken_forms)]
    assert not offending, "\n".join(offending)


def test_the_examples_trial_39_read_are_written():
    texts = {}
    for path in bundled_scripts_dir().glob("*.toml"):
        script = load_script(path, bundled=True)
        for q in script.questions:
            texts[q.id] = q
    assert "with errors at 1, 2, 3, 10 and 11, and W = 5, the answer is 3." in " ".join(
        texts["error_burst"].text.split())
    setups = [str(v) for p in bundled_scripts_dir().glob("ml_breadth_applied.toml")
              for v in [p.read_text(encoding="utf-8")]]
    assert "learning rate 3e-4, mixed precision on GPUs, batch size 256." in setups[0]


def test_the_voice_says_scientific_notation_in_words_and_maps_words_back():
    from interviewer.core.spoken_text import voice_text

    shown = "It's trained with Adam, learning rate 3e-4, batch size 256."
    spoken, at = voice_text(shown)
    assert spoken == "It's trained with Adam, learning rate 3 e minus 4, batch size 256."
    assert len(at) == len(spoken) + 1
    # the end of each word said points at the end of a word shown
    ends = [m.end() for m in re.finditer(r"\S+", spoken)]
    assert [shown[:at[e]].split()[-1] for e in ends] == [
        "It's", "trained", "with", "Adam,", "learning", "rate", "3e-4", "3e-4", "3e-4", "3e-4,",
        "batch", "size", "256."]
    assert voice_text("v2e3 and 1.5E+6")[0] == "v2e3 and 1.5 e plus 6"


def test_the_speech_engine_reads_the_spoken_form_and_reports_positions_in_the_text_shown():
    rendered = []

    class Host:
        def render(self, text, voice, rate, path):
            rendered.append(text)
            return None, speaker_module.estimated_word_times(text, 3.0)

    worker = speaker_module._SynthWorker.__new__(speaker_module._SynthWorker)
    worker._host, worker._lock, worker._ready = Host(), threading.Lock(), threading.Event()
    worker._ready.set()
    worker.unavailable_reason = None
    shown = "Learning rate 3e-4, batch 256."
    words = worker.synthesize(shown, None, None, "/dev/null")
    assert rendered == ["Learning rate 3 e minus 4, batch 256."]
    assert words[-1][0] == len(shown)
    assert all(0 <= end <= len(shown) for end, _ in words)
    assert speaker_module.chars_heard(words, 10.0) == len(shown)
