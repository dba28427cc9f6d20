"""A transcript word whose text is empty or only spaces (a hand-edited transcript, or a word
Whisper emits as a lone space): analysed as no word. Before, `interviewer analyze FILE.json`
stopped with IndexError in analysis/tokens.py ('' counted as the start of a bracketed note,
since '' is in every string)."""
import json

import pytest

from interviewer.cli import main
from interviewer.core.analysis.tokens import spoken_word_indexes, tokenize
from interviewer.core.transcript import Word


@pytest.mark.parametrize("empty", ["", " ", "\t"])
def test_an_empty_word_is_no_word(empty):
    words = [Word("so", 0.0, 0.3), Word(empty, 0.3, 0.4), Word("um", 0.5, 0.8), Word("(sighs)", 0.9, 1.2),
             Word("cache", 1.3, 1.7)]
    assert spoken_word_indexes(words) == [0, 2, 4]
    assert [t.text for t in tokenize(words)] == ["so", "um", "cache"]


def test_analyze_reads_a_transcript_with_an_empty_word_as_if_it_were_not_there(tmp_path, capsys):
    said = [{"text": "so", "start": 0.5, "end": 0.8}, {"text": "um", "start": 0.9, "end": 1.2},
            {"text": "cache", "start": 1.6, "end": 2.0}]
    empty = [{"text": "", "start": 0.8, "end": 0.9}, {"text": " ", "start": 1.3, "end": 1.4}]
    results = []
    for name, words in (("plain", said), ("with-empty", said[:1] + empty[:1] + said[1:2] + empty[1:] + said[2:])):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps({"duration": 3.0, "segments": [
            {"text": "so um the cache", "start": 0.5, "end": 2.5, "words": words}]}))
        assert main(["analyze", str(path)]) == 0
        assert main(["analyze", str(path), "--json"]) == 0
        out, err = capsys.readouterr()
        assert err == ""
        results.append(json.loads(out.splitlines()[-1]))
    assert results[1]["filler_stats"] == results[0]["filler_stats"]
    assert results[1]["fillers"] == results[0]["fillers"]
