"""all-MiniLM-L6-v2 in torch, with its weights read from the int8 ONNX file that holdspace ships.

Training only. The ONNX file stores each weight as int8 with a per-channel scale and computes in
fp32; here the weights are dequantized (q * scale) into a plain BERT encoder so it can be
fine-tuned. `check()` confirms the torch model reproduces the ONNX model's hidden states.
"""

from __future__ import annotations

import math

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn

from holdspace.language.embedding import MODEL_SHA256, model_file, verify

HIDDEN, HEADS, INTERMEDIATE, LAYERS, EPS = 384, 12, 1536, 6, 1e-12


def onnx_weights() -> dict[str, np.ndarray]:
    """Every weight of the shipped model, dequantized and named as in Hugging Face's BERT."""
    path = model_file()
    verify(path, MODEL_SHA256)
    graph = onnx.load(str(path)).graph
    init = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    weights = {}
    for name, value in init.items():
        if name.startswith("inner.") and value.dtype == np.float32:
            weights[name[len("inner."):]] = value
        elif name.endswith("_q") and name.startswith("inner."):
            weights[name[len("inner."):-2]] = value.astype(np.float32) * init[name[:-2] + "_scale"]
    consumers: dict[str, list] = {}
    for node in graph.node:
        for i in node.input:
            consumers.setdefault(i, []).append(node)
    # Linear weights are anonymous (val_N): name each by the bias added right after its MatMul.
    for node in graph.node:
        if node.op_type != "MatMul":
            continue
        quantized = [i for i in node.input if i + "_q" in init]
        if not quantized:
            continue
        for after in consumers.get(node.output[0], []):
            biases = [i for i in after.input if i.startswith("inner.") and i.endswith(".bias")]
            if after.op_type == "Add" and biases:
                w = quantized[0]
                name = biases[0][len("inner."):-len(".bias")] + ".weight"
                weights[name] = (init[w + "_q"].astype(np.float32) * init[w + "_scale"]).T  # torch: (out, in)
    return weights


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.query, self.key, self.value = (nn.Linear(HIDDEN, HIDDEN) for _ in range(3))
        self.attn_out = nn.Linear(HIDDEN, HIDDEN)
        self.attn_norm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.intermediate = nn.Linear(HIDDEN, INTERMEDIATE)
        self.output = nn.Linear(INTERMEDIATE, HIDDEN)
        self.out_norm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.dropout = nn.Dropout(0.1)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        n, t, _ = x.shape

        def heads(v):
            return v.view(n, t, HEADS, HIDDEN // HEADS).transpose(1, 2)

        q, k, v = heads(self.query(x)), heads(self.key(x)), heads(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(HIDDEN // HEADS) + bias
        context = (self.dropout(scores.softmax(-1)) @ v).transpose(1, 2).reshape(n, t, HIDDEN)
        x = self.attn_norm(x + self.dropout(self.attn_out(context)))
        h = nn.functional.gelu(self.intermediate(x))
        return self.out_norm(x + self.dropout(self.output(h)))


class MiniLM(nn.Module):
    """A BERT encoder with MiniLM's shape; `layers` keeps only the first N of the six."""

    def __init__(self, layers: int = LAYERS):
        super().__init__()
        self.word = nn.Embedding(30522, HIDDEN)
        self.position = nn.Embedding(512, HIDDEN)
        self.token_type = nn.Embedding(2, HIDDEN)
        self.norm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.dropout = nn.Dropout(0.1)
        self.layers = nn.ModuleList(Layer() for _ in range(layers))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor | None = None) -> torch.Tensor:
        positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        types = torch.zeros_like(ids) if types is None else types
        x = self.word(ids) + self.position(positions) + self.token_type(types)
        x = self.dropout(self.norm(x))
        bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * -1e4
        for layer in self.layers:
            x = layer(x, bias)
        return x

    def load_onnx(self) -> "MiniLM":
        w = onnx_weights()
        own = {
            "word.weight": "embeddings.word_embeddings.weight",
            "position.weight": "embeddings.position_embeddings.weight",
            "token_type.weight": "embeddings.token_type_embeddings.weight",
            "norm.weight": "embeddings.LayerNorm.weight", "norm.bias": "embeddings.LayerNorm.bias",
        }
        parts = {"query": "attention.self.query", "key": "attention.self.key",
                 "value": "attention.self.value", "attn_out": "attention.output.dense",
                 "attn_norm": "attention.output.LayerNorm", "intermediate": "intermediate.dense",
                 "output": "output.dense", "out_norm": "output.LayerNorm"}
        for i in range(len(self.layers)):
            for mine, theirs in parts.items():
                for p in ("weight", "bias"):
                    own[f"layers.{i}.{mine}.{p}"] = f"encoder.layer.{i}.{theirs}.{p}"
        state = {mine: torch.from_numpy(np.ascontiguousarray(w[theirs])) for mine, theirs in own.items()}
        self.load_state_dict(state)
        return self


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)


def check() -> float:
    """Largest absolute difference between this model's and onnxruntime's hidden states."""
    from holdspace.language.embedding import encoder

    texts = ["I can't stop thinking about what she said to me.", "Thanks so much, this made my day!"]
    enc = encoder()
    ids = enc.tokenizer.encode_batch(texts)
    width = max(len(e.ids) for e in ids)
    ids_t = torch.zeros((2, width), dtype=torch.long)
    mask_t = torch.zeros((2, width), dtype=torch.long)
    for r, e in enumerate(ids):
        ids_t[r, : len(e.ids)] = torch.tensor(e.ids)
        mask_t[r, : len(e.ids)] = 1
    model = MiniLM().load_onnx().eval()
    with torch.no_grad():
        ours = model(ids_t, mask_t).numpy()
    theirs = enc._run(texts).hidden
    real = mask_t.numpy()[..., None] > 0
    return float(np.abs(np.where(real, ours - theirs, 0)).max())


if __name__ == "__main__":
    print(f"max |torch - onnx| over real tokens: {check():.2e}")
