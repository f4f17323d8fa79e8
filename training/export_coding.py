"""Build the utterance coder's shipped encoder from a fine-tuned checkpoint.

    python export_coding.py [CACHE/coding_L4_e3.pt [TARGET.onnx]]

Exports the checkpoint's encoder — token states, not pooled, so the coder can still split each
code into one share per word — to int8 ONNX at src/holdspace/practice/models/coding.onnx and prints
its size and the sha256 to put in holdspace.practice.features.CODING_MODEL_SHA256. Then run
training/coding.py to fit the numpy heads over the product's features from that file.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from annomi import CACHE  # noqa: E402
from finetune_coding import CodingModel  # noqa: E402
from holdspace.practice.cues import CUE_NAMES  # noqa: E402

TARGET = Path(__file__).resolve().parents[1] / "src" / "holdspace" / "practice" / "models" / "coding.onnx"


def export(encoder, target: Path, types: bool = False) -> Path:
    """`types`: the model also reads token_type_ids (the therapist's part of a pair is segment 1)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    encoder.eval()
    ids = torch.randint(1000, 2000, (2, 12))
    mask = torch.ones_like(ids)
    inputs, names = (ids, mask), ["input_ids", "attention_mask"]
    if types:
        inputs, names = (ids, mask, torch.zeros_like(ids)), names + ["token_type_ids"]
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(encoder, inputs, str(fp32), input_names=names,
                          output_names=["hidden"], opset_version=17, dynamo=False,
                          dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names},
                                        "hidden": {0: "batch", 1: "tokens"}})
        target.parent.mkdir(parents=True, exist_ok=True)
        quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8,
                         op_types_to_quantize=["MatMul", "Gather"])
    return target


def main() -> None:
    checkpoint = Path(sys.argv[1]) if len(sys.argv) > 1 else CACHE / "coding_L4_e3.pt"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else TARGET
    saved = torch.load(checkpoint, map_location="cpu", weights_only=False)
    model = CodingModel(saved["layers"], len(CUE_NAMES), types=saved.get("types", False))
    model.load_state_dict(saved["state"])
    path = export(model.encoder, target, types=saved.get("types", False))
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB, {saved['layers']} layers, epoch {saved['epoch']}, "
          f"held-out {saved['held_out']}")
    print(f'CODING_MODEL_SHA256 = "{sha}"')


if __name__ == "__main__":
    main()
