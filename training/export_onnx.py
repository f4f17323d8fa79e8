"""Export a (fine-tuned) MiniLM encoder with mean pooling to ONNX, then quantize it to int8.

The exported graph takes `input_ids` and `attention_mask` (int64, batch x tokens) and returns
`pooled` (batch x 384, mean over real tokens). Weights of MatMul and Gather are int8 (dynamic
quantization: activations are quantized per batch at run time).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import torch
from torch import nn

from minilm import MiniLM, mean_pool


class Pooled(nn.Module):
    def __init__(self, encoder: MiniLM):
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids, attention_mask):
        return mean_pool(self.encoder(input_ids, attention_mask), attention_mask)


def export(encoder: MiniLM, target: Path) -> Path:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = Pooled(encoder).eval()
    ids = torch.randint(1000, 2000, (2, 12))
    mask = torch.ones_like(ids)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(model, (ids, mask), str(fp32), input_names=["input_ids", "attention_mask"],
                          output_names=["pooled"], opset_version=17, dynamo=False,
                          dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                        "attention_mask": {0: "batch", 1: "tokens"},
                                        "pooled": {0: "batch"}})
        target.parent.mkdir(parents=True, exist_ok=True)
        quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8,
                         op_types_to_quantize=["MatMul", "Gather"])
    return target


if __name__ == "__main__":
    import sys

    layers = int(sys.argv[1]) if len(sys.argv) > 1 else 6
    out = export(MiniLM(layers).load_onnx(), Path(f"/tmp/holdspace-training/minilm_L{layers}_q8.onnx"))
    print(out, out.stat().st_size / 1e6, "MB")
