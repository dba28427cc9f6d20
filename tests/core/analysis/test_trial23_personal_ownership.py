"""Trial 23 item 5: the behavioral round's Depth line said "Personal ownership 2/2" beside the
conflict story's "'We' over 'I': Said 'we' 8 times and 'I' 0 times". The story's own verdict was
"not heard"; its talking point "What I did to resolve it" was matched (by meaning, on the
"we" sentences) and counted for the area. "I" over "we" is now the story's pronoun verdict
alone, and the "I" of "I think they would say" is no sign of the candidate's own part."""
import json
from pathlib import Path

from interviewer.core.analysis import behavioral
from interviewer.core.analysis.summary import Part, depth_line, summarize
from interviewer.core.analysis.tokens import tokenize
from interviewer.core.analysis.utterances import split_utterances

from .speech import spoken

ROUND = Path(__file__).resolve().parents[2] / "data" / "trial23" / "behavioral_round_parts.json"


def _utterances(text):
    t = spoken(text)
    return split_utterances(tokenize(t.words), t.speech)


def test_the_trials_round_counts_ownership_once_per_story():
    data = json.loads(ROUND.read_text())
    parts = [Part(**p) for p in data["parts"]]
    numbers = summarize(parts, data["phase_starts"], covered_areas=data["covered_areas"])
    ownership = numbers.depth["i_over_we"]
    assert (ownership.heard, ownership.questions) == (1, 2)
    assert "Personal ownership 1/2" in depth_line(numbers)
    # The story told with "we" keeps its finding: the two say the same.
    conflict = next(p for p in data["parts"] if p["question_id"] == "peer_conflict" and not p["follow_up_id"])
    assert any(f["kind"] == "we_over_i" for f in conflict["analysis"]["findings"])


def test_an_opinion_i_is_not_the_candidates_part():
    assert behavioral.i_we_counts(_utterances(
        "I think that would say we had a fair discussion and we both changed our minds a little.")) == (0, 3)
    assert behavioral.i_we_counts(_utterances("I guess we shipped it. I wrote the fix myself.")) == (2, 1)
