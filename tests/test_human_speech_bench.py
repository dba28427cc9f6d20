"""The human-speech scorer and the script that rebuilds its data (no audio needed)."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


bench = _load("human_speech_bench")
build = _load("human_speech_build")


def _write_set(tmp_path, clips):
    (tmp_path / "audio").mkdir()
    for c in clips:
        (tmp_path / c["file"]).write_bytes(b"")
    (tmp_path / "truth.json").write_text(json.dumps({"clips": clips}))


def _clip(name, split):
    return {"file": f"audio/{name}.flac", "split": split, "source": "mfa", "transcript": "uh so",
            "hesitations": 1, "questions": []}


def test_the_new_held_out_split_is_accepted_and_an_unknown_one_named(tmp_path):
    _write_set(tmp_path, [_clip("a", "tune"), _clip("b", "heldout2")])
    assert [c["split"] for c in bench.load_truth(tmp_path)] == ["tune", "heldout2"]
    (tmp_path / "truth.json").write_text(json.dumps({"clips": [_clip("a", "dev")]}))
    with pytest.raises(bench.BenchError, match=r"clip 1 \(audio/a.flac\): field 'split'"):
        bench.load_truth(tmp_path)


def test_a_split_without_clips_is_a_one_line_error(tmp_path, capsys):
    _write_set(tmp_path, [_clip("a", "tune")])
    assert bench.main(["--data", str(tmp_path), "--split", "heldout2", "--no-baseline"]) == 1
    assert "no clips in split 'heldout2'" in capsys.readouterr().err


def test_dev_means_both_parts_already_scored():
    assert bench.GROUPS["dev"] == ("tune", "heldout")


def test_rebuilt_truth_has_the_counts_the_readme_states():
    # benchmarks/human_speech/README.md: tune 32 clips / 18 hesitations, heldout 12 / 19.
    def count(split):
        clips = [c for c in build.CLIPS if c[1] == split]
        return len(clips), sum(build.HESITATION_OVERRIDE.get(c[0], len(build.HESITATION.findall(c[6])))
                               for c in clips)
    assert count("tune") == (32, 18)
    assert count("heldout") == (12, 19)
    assert count("heldout2") == (1, 1)
    assert count("heldout3") == (24, 0)   # false-alarm controls only
    assert not [c for c in build.CLIPS if c[1] == "heldout3" and c[7]]   # and no question


def test_heldout8_is_a_split_the_scorer_takes_blind(tmp_path, capsys):
    _write_set(tmp_path, [_clip("a", "heldout8")])
    assert [c["split"] for c in bench.load_truth(tmp_path)] == ["heldout8"]
    assert "heldout8" not in bench.GROUPS["dev"] and "heldout8" in bench.BLIND


def test_heldout8_rebuilds_with_the_counts_the_readme_states():
    # README "heldout8": five clips of AMI ES2004a, 4 filled pauses (AMI's um/uh), no question.
    clips = [c for c in build.CLIPS if c[1] == "heldout8"]
    assert len(clips) == 5 and not [c for c in clips if c[7]]
    assert sum(build.HESITATION_OVERRIDE[c[0]] for c in clips) == 4
    assert all(build.CUT_S[c[0]][1] - build.CUT_S[c[0]][0] >= 5 for c in clips)


def test_heldout9_is_a_split_the_scorer_takes_blind(tmp_path):
    _write_set(tmp_path, [_clip("a", "heldout9")])
    assert [c["split"] for c in bench.load_truth(tmp_path)] == ["heldout9"]
    assert "heldout9" not in bench.GROUPS["dev"] and "heldout9" in bench.BLIND


def test_heldout9_rebuilds_with_the_counts_the_readme_states():
    # README "heldout9": 12 AMI clips (EN2002b, ES2002a), 94.8 s, 14 filled pauses, 4 questions.
    clips = [c for c in build.CLIPS if c[1] == "heldout9"]
    assert len(clips) == 12 and sum(len(c[7]) for c in clips) == 4
    assert sum(build.HESITATION_OVERRIDE[c[0]] for c in clips) == 14
    assert round(sum(last - first for _, _, _, _, first, last, *_ in build.HOTATO_AMI), 1) == 94.8
    # the explicit counts matter: HESITATION alone would count the "mm" of "actually mm, yeah"
    assert len(build.HESITATION.findall(dict((c[0], c[6]) for c in clips)["ami_en2002b_ihm_0910"])) == 2


HOTATO_MIRROR = Path("/work/.mirror/attenlabs+hotato/repo")


@pytest.mark.skipif(not HOTATO_MIRROR.is_dir(), reason="no git mirror of attenlabs/hotato here")
def test_heldout9_audio_is_cut_from_the_pinned_hotato_clips():
    stems = [c[0] for c in build.HOTATO_AMI]
    cut = {c[0]: round(c[5] - c[4], 2) for c in build.HOTATO_AMI}
    for stem in stems:
        mono, speaker, note = build.hotato_clip(HOTATO_MIRROR, stem)
        assert round(len(mono) / build.RATE, 2) == cut[stem]
        assert 0 < abs(mono).max() < 1.0
        assert speaker in ("ami_EN2002b_ihm_FEO072+MEE073", "ami_ES2002a_ihm_FEE005+MEE008")
        assert note.startswith("AMI ")


def test_heldout3_is_a_split_the_scorer_takes_blind(tmp_path):
    _write_set(tmp_path, [_clip("a", "heldout3")])
    assert [c["split"] for c in bench.load_truth(tmp_path)] == ["heldout3"]
    assert "heldout3" not in bench.GROUPS["dev"]


@pytest.mark.parametrize("text, n", [("montreal uh uh forced", 2), ("i hardly know 'er", 0),
                                     ("forced~ aligner-", 0), ("um hm mm", 3)])
def test_the_build_counts_filled_pauses_not_her_or_marked_words(text, n):
    assert len(build.HESITATION.findall(text)) == n
