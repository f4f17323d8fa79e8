"""EXPERIMENT (not shipped): the fine-tuned risk model as int8 ONNX, and its speed on one short message.

    OMP_NUM_THREADS=1 nice -n 15 .venv/bin/python training/export_risk.py [CACHE/risk_ft_L4.pt] [OUT.onnx]

Exports the whole model (encoder, mean pooling, head, softmax: input_ids + attention_mask in, the three
probabilities out) with export_coding.export's int8 recipe (MatMul and Gather quantized), checks the int8
model against torch on the training part's texts, and times single short messages on CPU (one intra-op
thread, no spinning, as the language engine runs): p50 / p95 ms once warm. Writes to /tmp by default:
nothing here is shipped.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).parent))
from annomi import CACHE  # noqa: E402
from export_coding import export  # noqa: E402
from finetune_risk import RiskModel, tokenize  # noqa: E402

MESSAGES = ["i cant do this anymore", "Had a rough day at work but the walk helped.",
            "nobody would even notice if i was gone tbh", "I keep thinking about the bridge near my flat.",
            "My sister is visiting this weekend and I'm nervous about it.", "this deadline is killing me lol"]


class Probabilities(nn.Module):
    def __init__(self, model: RiskModel):
        super().__init__()
        self.model = model

    def forward(self, ids, mask):
        return self.model(ids, mask).softmax(-1)


def main() -> None:
    import onnxruntime as ort

    checkpoint = Path(sys.argv[1]) if len(sys.argv) > 1 else CACHE / "risk_ft_L4.pt"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/riskft/risk_ft.onnx")
    saved = torch.load(checkpoint, map_location="cpu", weights_only=False)
    model = RiskModel(saved["layers"])
    model.load_state_dict(saved["state"])
    model.eval()
    path = export(Probabilities(model), target)
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB, {saved['layers']} layers")
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    ids = tokenize(MESSAGES, 256)
    worst = 0.0
    for seq in ids:
        x = np.array([seq], dtype=np.int64)
        m = np.ones_like(x)
        with torch.no_grad():
            ref = model(torch.from_numpy(x), torch.from_numpy(m)).softmax(-1).numpy()
        got = session.run(None, {"input_ids": x, "attention_mask": m})[0]
        worst = max(worst, float(np.abs(ref - got).max()))
    print(f"largest |int8 onnx - torch| probability over {len(ids)} messages: {worst:.3f}")
    # Every row finetune_risk.py scored, scored again by the int8 file (one at a time, as the product
    # would): written beside the torch scores, so risk_finetune_eval.py measures the int8 model too.
    scores = CACHE / f"{checkpoint.stem}_scores.npz"
    if scores.exists():
        d = dict(np.load(scores))
        rows = np.flatnonzero(~np.isnan(d["full"][:, 0]))
        all_ids = tokenize([str(t) for t in d["text"]], 256)
        full = np.full_like(d["full"], np.nan)
        for r in rows:
            x = np.array([all_ids[r]], dtype=np.int64)
            full[r] = session.run(None, {"input_ids": x, "attention_mask": np.ones_like(x)})[0][0]
        diff = np.abs(full[rows] - d["full"][rows])
        print(f"int8 against torch over {len(rows)} scored rows: |p(none)| mean {diff[:, 0].mean():.4f}, "
              f"p95 {np.percentile(diff[:, 0], 95):.4f}, max {diff[:, 0].max():.4f}")
        d["full"] = full
        out = CACHE / f"{checkpoint.stem}_int8_scores.npz"
        np.savez_compressed(out, **d)
        print(f"wrote {out}")
    tokens = [len(s) for s in ids]
    from holdspace.language.embedding import model_file

    shipped = ort.InferenceSession(str(model_file()), options, providers=["CPUExecutionProvider"])
    for name, sess in (("fine-tuned 4-layer int8 (encoder+head)", session),
                       ("shipped 6-layer MiniLM int8 (encoder only)", shipped)):
        names = [i.name for i in sess.get_inputs()]
        times = []
        for k in range(600):
            x = np.array([ids[k % len(ids)]], dtype=np.int64)
            feed = {"input_ids": x, "attention_mask": np.ones_like(x), "token_type_ids": np.zeros_like(x)}
            start = time.perf_counter()
            sess.run(None, {n: feed[n] for n in names})
            if k >= 100:  # warm
                times.append((time.perf_counter() - start) * 1000)
        print(f"{name}: one message ({min(tokens)}-{max(tokens)} word pieces), 500 runs once warm, 1 thread: "
              f"p50 {np.percentile(times, 50):.2f} ms, p95 {np.percentile(times, 95):.2f} ms")


if __name__ == "__main__":
    main()
