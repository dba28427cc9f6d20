import json
import re
from html.parser import HTMLParser

import pytest
import soundfile as sf

from interviewer.errors import UserError
from interviewer.export import export_session
from interviewer.gui.pdf import render_pdf
from storage_helpers import full_round


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = []
        self.tags = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.refs += [v for k, v in attrs if k in ("href", "src", "action", "data")]


@pytest.fixture
def round_id(store):
    return full_round(store, marker="ZEBRA")


def test_markdown_has_the_whole_round(store, round_id, tmp_path):
    out = export_session(store, round_id, "md", tmp_path / "r.md").path
    text = out.read_text()
    assert text.startswith("# Feed ranking design")
    assert "### 1. Question 0?" in text and "### 2. Question 1?" in text
    assert "**um**" in text and "**uh**" in text  # fillers marked
    assert "_[pause 2.5 s]_" in text  # the silence measured on the audio, placed in the text
    # Latency is measured from the end of the question to the first word (issue 11), not from
    # the question's start to the recording's: this stored analysis holds no measurement.
    assert "Response latency: -" in text and "Fillers: 2" in text
    assert "Long pause: 2.5 s silence" in text
    assert "| Clarify | 5 min | 5 min |" in text
    assert "def rank(items):" in text and "# ZEBRA" in text
    assert "**Where did you hesitate?** (self-rating 3/5)" in text


def test_html_is_self_contained(store, round_id, tmp_path):
    out = export_session(store, round_id, "html", tmp_path / "r.html").path
    page = out.read_text()
    parser = LinkCollector()
    parser.feed(page)
    assert parser.refs == []  # no links, images, scripts or fonts to fetch
    assert "script" not in parser.tags and "link" not in parser.tags
    assert not re.search(r"https?://|//[a-z]", page, re.I)
    assert '<span class="filler">um</span>' in page and "[pause 2.5 s]" in page
    assert "<style>" in page and "Self-debrief" in page and "ZEBRA" in page


def test_html_escapes_what_the_user_typed(store, tmp_path):
    sid = store.create_session("s", "<script>alert(1)</script>", "coding", 45)
    store.save_scratchpad(sid, "if a < b && c > d: <img src=x>")
    page = export_session(store, sid, "html", tmp_path / "r.html").path.read_text()
    parser = LinkCollector()
    parser.feed(page)
    assert parser.refs == [] and "script" not in parser.tags and "img" not in parser.tags
    assert "&lt;img src=x&gt;" in page


def test_json_has_everything(store, round_id, tmp_path):
    out = export_session(store, round_id, "json", tmp_path / "r.json").path
    data = json.loads(out.read_text())["session"]
    assert data["title"] == "Feed ranking design" and data["status"] == "completed"
    assert len(data["answers"]) == 2
    answer = data["answers"][0]
    assert answer["transcript"]["segments"][0]["words"][0] == {"text": "um", "start": 0.0, "end": 0.533, "probability": 0.9}
    assert answer["analysis"]["filler_count"] == 2
    assert answer["audio"]["exists"] is True and answer["audio"]["seconds"] == pytest.approx(1.0)
    assert len(data["findings"]) == 4 and data["phases"][0]["phase_id"] == "clarify"
    assert data["debrief"][0]["self_rating"] == 3 and data["debrief"][0]["audio"]["seconds"] == pytest.approx(0.5)
    assert "ZEBRA" in data["scratchpad"]


def test_json_keeps_the_clarifying_exchanges(store, round_id, tmp_path):
    # A round in which the interviewer answered a question failed to export as JSON ("Object of
    # type Clarification is not JSON serializable"), in the app and from the command line.
    answer_id = store.get_session(round_id).answers[0].id
    store.add_clarification(answer_id, 12.5, "How many videos are uploaded a day?", "scale",
                            "About a million new uploads a day.")
    out = export_session(store, round_id, "json", tmp_path / "r.json").path
    answer = json.loads(out.read_text())["session"]["answers"][0]
    assert answer["clarifications"] == [{"asked_at": 12.5, "question": "How many videos are uploaded a day?",
                                         "topic": "scale", "reply": "About a million new uploads a day."}]


def test_pdf_is_written_offscreen(store, round_id, tmp_path):
    out = export_session(store, round_id, "pdf", tmp_path / "r.pdf", render_pdf=render_pdf).path
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 1
    assert len(data) > 5000


@pytest.mark.parametrize("fmt", ["wav", "flac"])
def test_audio_joined_in_order(store, round_id, tmp_path, fmt):
    out = export_session(store, round_id, fmt, tmp_path / f"r.{fmt}").path
    data, rate = sf.read(out, dtype="float32")
    assert rate == 16000
    # two 1 s answers and a 0.5 s spoken debrief, with 0.5 s gaps
    assert len(data) / rate == pytest.approx(1 + 0.5 + 1 + 0.5 + 0.5)
    assert sf.info(out).format == fmt.upper()


def test_audio_of_a_round_with_its_continuous_recording_keeps_the_round_times(store, round_id, tmp_path):
    """A new-user trial: the exported round audio joined the answers' own recordings, so the
    first words were 0.3 s into the file and 0:07 in the transcript. With a round recording the
    file is that recording (times as the review gives them), then the spoken debrief."""
    from storage_helpers import record_tone

    record_tone(store.round_audio_path_for(round_id), 4.0)
    out = export_session(store, round_id, "wav", tmp_path / "r.wav").path
    assert sf.info(out).duration == pytest.approx(4.0 + 0.5 + 0.5)  # the round, a gap, the debrief
    # One file per recording is still one per answer.
    result = export_session(store, round_id, "flac", tmp_path / "parts", split=True)
    assert [p.name for p in result.files] == ["01-q0.flac", "02-q1.flac", "debrief-01.flac"]


def test_audio_split_into_one_file_per_recording(store, round_id, tmp_path):
    result = export_session(store, round_id, "flac", tmp_path / "parts", split=True)
    assert [p.name for p in result.files] == ["01-q0.flac", "02-q1.flac", "debrief-01.flac"]
    assert all(sf.info(p).duration > 0.4 for p in result.files)


def test_missing_recording_is_a_warning_not_a_failure(store, round_id, tmp_path):
    session = store.get_session(round_id)
    store.resolve_audio_path(session.answers[0].audio_path).unlink()
    result = export_session(store, round_id, "wav", tmp_path / "r.wav")
    assert len(result.warnings) == 1 and "recording missing" in result.warnings[0]
    assert sf.info(result.path).duration == pytest.approx(1 + 0.5 + 0.5)
    md = export_session(store, round_id, "md", tmp_path / "r.md")
    assert "Recording missing: recordings/" in md.path.read_text() and md.warnings


def test_bad_requests_are_user_errors(store, round_id, tmp_path):
    with pytest.raises(UserError, match="unknown export format 'docx'"):
        export_session(store, round_id, "docx", tmp_path / "r.docx")
    with pytest.raises(UserError, match="no such folder"):
        export_session(store, round_id, "md", tmp_path / "nowhere" / "r.md")
    empty = store.create_session("s", "t", "coding", 45)
    with pytest.raises(UserError, match="no recordings"):
        export_session(store, empty, "wav", tmp_path / "e.wav")


def test_pdf_paragraphs_are_not_shaded(monkeypatch, tmp_path):
    """New-user trial 6: an answer's numbers (a shaded paragraph) split by a page break printed as
    two grey boxes running into the margins, the page number on top of the first."""
    from PySide6.QtGui import QTextDocument, QTextFormat

    printed = []
    monkeypatch.setattr(QTextDocument, "print_", lambda document, _writer: printed.append(document))
    html = ('<style>.numbers { background: #f6f6f6; } .filler { background: #ffe08a; }</style>'
            '<p class="numbers">Length: <b>1:09.1</b></p><pre style="background: #f6f6f6">notes</pre>'
            '<p><span class="filler">Um,</span> so</p>')
    render_pdf(html, tmp_path / "r.pdf")
    document = printed[0]
    blocks = [document.findBlockByNumber(i) for i in range(document.blockCount())]
    assert not [b.text() for b in blocks if b.blockFormat().hasProperty(QTextFormat.Property.BackgroundBrush)]
    shaded = [(part.fragment().text(), part.fragment().charFormat().background().color().name())
              for b in blocks for part in b
              if part.fragment().charFormat().hasProperty(QTextFormat.Property.BackgroundBrush)]
    assert shaded == [("Um,", "#ffe08a")]  # Qt shaded "Length: " too; the highlights stay


def test_words_whisper_gives_in_pieces_are_written_whole(store, tmp_path):
    """New-user trial 6: Whisper gives "one-hot" as "one" "-hot" and "1%" as "1" "%"; the review
    and the exports wrote "one -hot features" and "With 1 % fraud", as if misheard."""
    sid = full_round(store, marker="and then one -hot features, 1 % fraud, A /B test")
    md = export_session(store, sid, "md", tmp_path / "r.md").path.read_text()
    page = export_session(store, sid, "html", tmp_path / "r.html").path.read_text()
    for text in (md, page):  # both answers' transcripts (the scratchpad and debrief were typed as they are)
        assert text.count("one-hot features, 1% fraud, A/B test") == 2


def test_a_debrief_rating_with_no_words_is_not_called_a_spoken_answer(store, tmp_path):
    """Trial 11, real app: a debrief question only rated (3/5, nothing typed or recorded) was
    exported as '(self-rating 3/5)' over '(spoken answer only)': there was no spoken answer."""
    sid = store.create_session("s", "Behavioral", "behavioral", 45)
    store.add_debrief(sid, "Where did you overexplain?", "", 3)
    store.add_debrief(sid, "Where did you hesitate?", "", None, with_audio=True)
    text = export_session(store, sid, "md", tmp_path / "r.md").path.read_text()
    page = export_session(store, sid, "html", tmp_path / "r.html").path.read_text()
    for report in (text, page):
        assert report.count("spoken answer only") == 1, report
        rated = report.index("Where did you overexplain?")
        assert "spoken answer only" not in report[rated:report.index("Where did you hesitate?")]
