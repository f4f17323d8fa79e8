"""EXPERIMENT (not shipped): the fine-tuned risk model as int8 ONNX, and its speed on one short message.

    OMP_NUM_THREADS=1 nice -n 15 .venv/bin/python training/export_risk.py [CACHE/risk_ft_L4.pt] [OUT.onnx] [--gather-only]

Exports the whole model (encoder, mean pooling, head, softmax: input_ids + attention_mask in, the three
probabilities out) with export_coding.export's int8 recipe (MatMul and Gather quantized), checks the int8
model against torch on the training part's texts, and times single short messages on CPU (one intra-op
thread, no spinning, as the language engine runs): p50 / p95 ms once warm. Writes to /tmp by default:
nothing here is shipped. `--gather-only` quantizes only the embedding table (MatMuls stay float32, as the
shipped MiniLM file computes them): less drift from the torch model, slower; its scores go to
CACHE/<checkpoint>_gather_scores.npz.
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
from finetune_risk import RiskModel, tokenize  # noqa: E402

MESSAGES = ["i cant do this anymore", "Had a rough day at work but the walk helped.",
            "nobody would even notice if i was gone tbh", "I keep thinking about the bridge near my flat.",
            "My sister is visiting this weekend and I'm nervous about it.", "this deadline is killing me lol"]


def export(model: nn.Module, target: Path, op_types: list[str]) -> Path:
    """export_coding.export's recipe (fp32 ONNX, then dynamic int8 of `op_types`), for a probabilities model."""
    import tempfile

    from onnxruntime.quantization import QuantType, quantize_dynamic

    ids = torch.randint(1000, 2000, (2, 12))
    names = ["input_ids", "attention_mask"]
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(model, (ids, torch.ones_like(ids)), str(fp32), input_names=names,
                          output_names=["probabilities"], opset_version=17, dynamo=False,
                          dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names}, "probabilities": {0: "batch"}})
        target.parent.mkdir(parents=True, exist_ok=True)
        quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8, op_types_to_quantize=op_types)
    return target


class Probabilities(nn.Module):
    def __init__(self, model: RiskModel):
        super().__init__()
        self.model = model

    def forward(self, ids, mask):
        return self.model(ids, mask).softmax(-1)


def main() -> None:
    import onnxruntime as ort

    gather_only = "--gather-only" in sys.argv
    argv = [a for a in sys.argv[1:] if a != "--gather-only"]
    checkpoint = Path(argv[0]) if argv else CACHE / "risk_ft_L4.pt"
    target = Path(argv[1]) if len(argv) > 1 else Path("/tmp/riskft/risk_ft.onnx")
    saved = torch.load(checkpoint, map_location="cpu", weights_only=False)
    model = RiskModel(saved["layers"])
    model.load_state_dict(saved["state"])
    model.eval()
    path = export(Probabilities(model).eval(), target, ["Gather"] if gather_only else ["MatMul", "Gather"])
    model.eval()  # the export hands back the mode the wrapper had; dropout off for the checks below
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
        out = CACHE / f"{checkpoint.stem}_{'gather' if gather_only else 'int8'}_scores.npz"
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
