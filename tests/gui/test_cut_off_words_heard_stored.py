"""A line talked over is stored as its words heard (the speaker's stop() tells how much was
played) and marked cut off: the review shows that text once, as the heading of what the
candidate said over it, and the exports show the same text, not the whole line."""
from __future__ import annotations

import time

from test_round_session import HeldSpeaker, LevelRecorder

from interviewer.app.round_session import RoundSession
from interviewer.core.clock import FakeClock
from interviewer.core.round_records import CUT_OFF_MARK, cut_off_text
from interviewer.core.scripts.loader import discover_scripts


class TellingSpeaker(HeldSpeaker):
    """Held lines; stop() reports the first two words of the line being said as played."""

    def stop(self):
        heard = None
        if self.held is not None:
            text = self.said[-1]
            heard = text.index(" ", text.index(" ") + 1)  # the end of its second word
        super().stop()
        return heard


def test_the_line_talked_over_is_stored_and_shown_as_heard(tmp_path, script_dirs, isolated_dirs):
    from interviewer.export import export_session
    from interviewer.export.interviewer_lines import lines_to_show
    from interviewer.storage import Store

    script = discover_scripts(*script_dirs).by_id("test-design")
    speaker = TellingSpeaker()
    with Store.open(tmp_path / "data") as store:
        session = RoundSession(script, FakeClock(), speaker=speaker, recorder=LevelRecorder(speech_s=0.0),
                               store=store, post=lambda fn: fn())
        session.start()
        deadline = time.monotonic() + 5
        while not speaker.said and time.monotonic() < deadline:
            session.poll()
            time.sleep(0.01)
        prompt = speaker.said[0]
        session.controller.on_voice()  # the hello, two words into the prompt
        session.poll()
        session.controller.end_answer()
        while len(speaker.said) < 3 and time.monotonic() < deadline:
            session.poll()
            if speaker.held and speaker.said[-1] != prompt:
                speaker.held, held = None, speaker.held
                held()  # said to its end
            time.sleep(0.01)
        session.stop()
        session.close()
        stored = store.get_session(session.session_id)
        for fmt in ("md", "html"):
            export_session(store, session.session_id, fmt, tmp_path / f"round.{fmt}")
    words = prompt.split()
    marked = " ".join(words[:2]).rstrip(",.;:!?") + "..." + CUT_OFF_MARK
    assert marked != cut_off_text(prompt)
    assert [line.text for line in stored.lines][0] == marked, "stored as heard"
    assert stored.answers[0].question_text == marked, "the review heads the hello with it"
    assert marked not in [line.text for line in lines_to_show(stored)], "shown once, as that heading"
    for fmt in ("md", "html"):
        text = (tmp_path / f"round.{fmt}").read_text(encoding="utf-8")
        # (each format escapes the mark and the apostrophe its own way)
        assert words[1].rstrip(",.;:!?") + "..." in text and " ".join(words[1:]) not in text, fmt
