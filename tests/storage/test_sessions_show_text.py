"""`interviewer sessions show ID` prints the round for a terminal, where nothing renders Markdown:
no backslash escapes ('ml\\_breadth\\_applied', new-user trial). An exported .md keeps them."""
from __future__ import annotations

import re

from interviewer.cli import main
from interviewer.storage import Store
from storage_helpers import make_transcript, record_tone

ESCAPE = re.compile(r"\\[\\`*_\[\]<>#|]")


def _round(store: Store) -> int:
    sid = store.create_session("ml-breadth", "ML breadth_applied [v2]", "ml_breadth_applied", 45,
                               started_at=1_700_000_000)
    aid = store.add_answer(sid, "q_1", "What is p_99 latency and why does it matter?", asked_at=0.0, answer_start=1.0)
    record_tone(store.audio_path_for(sid, aid))
    store.finish_answer(aid, answer_end=7.0)
    store.attach_transcript(aid, make_transcript("the p_99 latency is the slowest one in a hundred *requests*"))
    store.add_debrief(sid, "Where did you hesitate?", "On model_v2 vs model_v3 # of features", self_rating=3)
    store.finish_session(sid, ended_at=1_700_002_700)
    return sid


def test_show_prints_no_markdown_escapes_and_the_exported_file_keeps_them(data_dir, tmp_path, capsys):
    with Store.open() as store:
        sid = _round(store)
    assert main(["sessions", "show", str(sid)]) == 0
    out = capsys.readouterr().out
    assert "ml_breadth_applied" in out or "ML breadth" in out
    assert "What is p_99 latency" in out and "model_v2 vs model_v3 # of features" in out
    assert "ML breadth_applied [v2]" in out
    assert not ESCAPE.search(out), ESCAPE.findall(out)

    target = tmp_path / "round.md"
    assert main(["sessions", "export", str(sid), "--format", "md", "-o", str(target)]) == 0
    exported = target.read_text()
    assert r"p\_99" in exported and r"model\_v2" in exported  # Markdown files keep their escapes
