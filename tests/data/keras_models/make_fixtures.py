#!/usr/bin/python3
"""Fixtures for the saved-Keras-model reader (tests/core/test_keras_model.cpp).

Run with Debian's python3 + python3-h5py + python3-numpy, from this folder:
    /usr/bin/python3 make_fixtures.py
The generated files are committed; the tests never need Python.

The real models beside this script (encoder_block.keras, seq2seq.keras) were
saved by Keras 3.16 itself. The ones made here cover what those lack (several
layers of one class, a cross-attention layer with a separate key and no bias,
Attention with score_mode="concat", GroupQueryAttention and MultiHeadAttention
with use_gate and sliding_window) and the broken files of the bad-input table.
They mirror, file for file, what keras/src/saving/saving_lib.py (commit
3422977a) writes:
  * a zip (ZIP_STORED) of metadata.json, config.json, model.weights.h5;
  * config.json: {"module", "class_name": "Functional", "config": {"name",
    "trainable", "layers": [{"module", "class_name", "config", "registered_name",
    "build_config", "name", "inbound_nodes"}, ...], ...}, ...};
  * model.weights.h5: for model.layers in order, layers/<to_snake_case(class)>
    with _1, _2 ... for repeats (_get_unique_name), each with a vars group (attr
    "name") holding datasets "0", "1", ... (save_own_variables); sub-layers
    under their attribute name, visited as _walk_saveable does: public
    attributes first, so MultiHeadAttention's query_dense / key_dense /
    value_dense / output_dense (properties) but _gate_dense (no property), and
    GroupedQueryAttention's _query_dense, _key_dense, _value_dense,
    _output_dense, _gate_dense; _softmax and _dropout_layer hold no variables.
Each case folder has spec.json (keras_model), spec_npz.json (the same layer as
layer + config + weights.npz, the weights written here) and its inputs; the
test checks that both specs give the same trace and that the weights read from
the model equal weights.npz.
"""
import io
import json
import os
import re
import shutil
import zipfile

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261203)


def snake(name):
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def policy(name="float32"):
    return {"module": "keras", "class_name": "DTypePolicy", "config": {"name": name}, "registered_name": None}


def initializer(cls):
    cfg = {"seed": None} if cls == "GlorotUniform" else {}
    return {"module": "keras.initializers", "class_name": cls, "config": cfg, "registered_name": None}


def input_layer(name, shape):
    return {"module": "keras.layers", "class_name": "InputLayer",
            "config": {"batch_shape": [None] + list(shape), "dtype": "float32", "sparse": False, "ragged": False,
                       "name": name, "optional": False},
            "registered_name": None, "name": name, "inbound_nodes": []}


def common(name, dtype="float32"):
    return {"name": name, "trainable": True, "dtype": policy(dtype)}


def dense_args():
    return {"kernel_initializer": initializer("GlorotUniform"), "bias_initializer": initializer("Zeros"),
            "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
            "kernel_constraint": None, "bias_constraint": None, "seed": None}


def entry(cls, name, config, build_config):
    return {"module": "keras.layers", "class_name": cls, "config": config, "registered_name": None,
            "build_config": build_config, "name": name, "inbound_nodes": []}


def shapes_dict(q, v, k=None):
    d = {"query_shape": [None] + list(q), "value_shape": [None] + list(v)}
    if k is not None:
        d["key_shape"] = [None] + list(k)
    return {"shapes_dict": d}


def mha(name, heads, key_dim, value_dim, q, v, k=None, use_bias=True, use_gate=False, sliding_window=None,
        dtype="float32"):
    cfg = common(name, dtype)
    cfg.update({"num_heads": heads, "key_dim": key_dim, "value_dim": value_dim, "dropout": 0.0,
                "use_bias": use_bias, "use_gate": use_gate, "output_shape": None, "attention_axes": [1],
                "sliding_window": sliding_window})
    cfg.update(dense_args())
    e = entry("MultiHeadAttention", name, cfg, shapes_dict(q, v, k))
    dq, dv, dk = q[-1], v[-1], (k or v)[-1]
    w = {"query_dense/kernel": rng.normal(0, 0.4, (dq, heads, key_dim)),
         "key_dense/kernel": rng.normal(0, 0.4, (dk, heads, key_dim)),
         "value_dense/kernel": rng.normal(0, 0.4, (dv, heads, value_dim)),
         "output_dense/kernel": rng.normal(0, 0.4, (heads, value_dim, dq))}
    if use_gate:
        w["gate_dense/kernel"] = rng.normal(0, 0.4, (dq, heads, value_dim))
    if use_bias:
        for sub, shape in [("query_dense", (heads, key_dim)), ("key_dense", (heads, key_dim)),
                           ("value_dense", (heads, value_dim)), ("output_dense", (dq,)),
                           ("gate_dense", (heads, value_dim))]:
            if sub + "/kernel" in w:
                w[sub + "/bias"] = rng.normal(0, 0.2, shape)
    # Public properties for the four projections, the private attribute for the gate.
    subs = {"query_dense": "query_dense", "key_dense": "key_dense", "value_dense": "value_dense",
            "output_dense": "output_dense", "gate_dense": "_gate_dense"}
    return e, w, subs


def gqa(name, head_dim, nq, nkv, q, v, k=None, use_bias=True, use_gate=False, sliding_window=None):
    cfg = common(name)
    cfg.update({"head_dim": head_dim, "num_query_heads": nq, "num_key_value_heads": nkv, "use_bias": use_bias,
                "use_gate": use_gate, "sliding_window": sliding_window, "dropout": 0.0})
    cfg.update(dense_args())
    e = entry("GroupedQueryAttention", name, cfg, shapes_dict(q, v, k))
    dq, dv, dk = q[-1], v[-1], (k or v)[-1]
    w = {"query_dense/kernel": rng.normal(0, 0.4, (dq, nq, head_dim)),
         "key_dense/kernel": rng.normal(0, 0.4, (dk, nkv, head_dim)),
         "value_dense/kernel": rng.normal(0, 0.4, (dv, nkv, head_dim)),
         "output_dense/kernel": rng.normal(0, 0.4, (nq, head_dim, dq))}
    if use_gate:
        w["gate_dense/kernel"] = rng.normal(0, 0.4, (dq, nq, head_dim))
    if use_bias:
        for sub, shape in [("query_dense", (nq, head_dim)), ("key_dense", (nkv, head_dim)),
                           ("value_dense", (nkv, head_dim)), ("output_dense", (dq,)),
                           ("gate_dense", (nq, head_dim))]:
            if sub + "/kernel" in w:
                w[sub + "/bias"] = rng.normal(0, 0.2, shape)
    subs = {s: "_" + s for s in ["query_dense", "key_dense", "value_dense", "output_dense", "gate_dense"]}
    return e, w, subs


def attention(name, q, v, use_scale, score_mode):
    cfg = common(name)
    cfg.update({"use_scale": use_scale, "score_mode": score_mode, "dropout": 0.0, "seed": None})
    e = entry("Attention", name, cfg, {"input_shape": [[None] + list(q), [None] + list(v)]})
    w = {}
    if use_scale:
        w["scale"] = np.array(rng.normal(1.0, 0.3), dtype=np.float64)
    if score_mode == "concat":
        w["concat_score_weight"] = np.array(rng.normal(1.0, 0.3), dtype=np.float64)
    return e, w, None


def plain(cls, name, config, build_config):
    cfg = common(name)
    cfg.update(config)
    return entry(cls, name, cfg, build_config), {}, None


def write_layer_vars(h5, group, name, w, subs, cls):
    g = h5.create_group(group).create_group("vars")
    g.attrs["name"] = name
    if cls in ("MultiHeadAttention", "GroupedQueryAttention"):
        root = h5[group]
        for sub in ["_dropout_layer", "_softmax"]:
            root.create_group(sub).create_group("vars").attrs["name"] = sub.strip("_")
        for sub, attr in subs.items():
            if sub + "/kernel" not in w:
                continue
            vg = root.create_group(attr).create_group("vars")
            vg.attrs["name"] = {"query_dense": "query", "key_dense": "key", "value_dense": "value",
                                "output_dense": "attention_output", "gate_dense": "gate"}[sub]
            vg["0"] = w[sub + "/kernel"]
            if sub + "/bias" in w:
                vg["1"] = w[sub + "/bias"]
    elif cls == "Attention":
        i = 0
        for key in ["scale", "concat_score_weight"]:
            if key in w:
                g[str(i)] = w[key]
                i += 1
    elif cls == "Dense":
        for i, key in enumerate(["kernel", "bias"]):
            if key in w:
                g[str(i)] = w[key]


def model_files(name, layers, weights_dtype=np.float32):
    """layers: list of (entry, weights, subs). Returns (config dict, h5 bytes)."""
    config = {"module": "keras.src.models.functional", "class_name": "Functional",
              "config": {"name": name, "trainable": True, "layers": [l[0] for l in layers],
                         "input_layers": [], "output_layers": []},
              "registered_name": "Functional", "build_config": {"input_shape": None}, "compile_config": None}
    buf = io.BytesIO()
    with h5py.File(buf, "w") as h5:
        used = {}
        for e, w, subs in layers:
            base = snake(e["class_name"])
            if base in used:
                used[base] += 1
                group = "layers/%s_%d" % (base, used[base])
            else:
                used[base] = 0
                group = "layers/" + base
            ww = {k: v.astype(weights_dtype) for k, v in w.items()}
            write_layer_vars(h5, group, e["name"], ww, subs, e["class_name"])
        h5.create_group("vars").attrs["name"] = name
    return config, buf.getvalue()


def write_keras(path, config, h5bytes, members=("metadata.json", "config.json", "model.weights.h5")):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        if "metadata.json" in members:
            z.writestr("metadata.json", json.dumps({"keras_version": "3.16.0", "date_saved": "2026-12-03@09:00:00"}))
        if "config.json" in members:
            z.writestr("config.json", json.dumps(config))
        if "model.weights.h5" in members:
            z.writestr("model.weights.h5", h5bytes)


def npz_weights(w):
    return {k: v.astype(np.float32) for k, v in w.items()}


def write_case(folder, model_file, layer_entry, w, inputs):
    d = os.path.join(HERE, folder)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for k, v in inputs.items():
        np.save(os.path.join(d, k + ".npy"), v.astype(np.float32))
    spec = {"keras_model": {"file": "../" + model_file, "layer": layer_entry["name"]},
            "call": {"use_causal_mask": False, "training": False},
            "inputs": {k: k + ".npy" for k in inputs}}
    with open(os.path.join(d, "spec.json"), "w") as f:
        json.dump(spec, f, indent=1)
    cfg = {k: v for k, v in layer_entry["config"].items()
           if k not in ("name", "trainable", "dtype", "seed") and not k.endswith(("_initializer", "_regularizer",
                                                                                  "_constraint"))}
    np.savez(os.path.join(d, "weights.npz"), **npz_weights(w))
    spec_npz = {"layer": layer_entry["class_name"], "config": cfg, "call": spec["call"], "inputs": spec["inputs"],
                "weights": "weights.npz"}
    with open(os.path.join(d, "spec_npz.json"), "w") as f:
        json.dump(spec_npz, f, indent=1)


def main():
    # --- several layers of one class, cross-attention with key, no bias, concat Attention
    self_attn = mha("self_attn", 2, 3, 3, (4, 6), (4, 6))
    cross_attn = mha("cross_attn", 3, 2, 4, (4, 6), (5, 10), (5, 7), use_bias=False)
    attn_concat = attention("attn_concat", (4, 6), (4, 6), use_scale=False, score_mode="concat")
    attn_scaled = attention("attn_scaled", (4, 6), (5, 6), use_scale=True, score_mode="dot")
    layers = [(input_layer("tokens", (4, 6)), {}, None), (input_layer("memory", (5, 10)), {}, None),
              (input_layer("memory_key", (5, 7)), {}, None), self_attn,
              plain("LayerNormalization", "ln", {"axis": [2], "epsilon": 0.001}, {"input_shape": [None, 4, 6]}),
              cross_attn, attn_concat, attn_scaled]
    config, h5 = model_files("multi_attention", layers)
    write_keras(os.path.join(HERE, "multi_attention.keras"), config, h5)
    q = rng.normal(size=(2, 4, 6))
    write_case("multi_self_attn", "multi_attention.keras", self_attn[0], self_attn[1], {"query": q, "value": q})
    write_case("multi_cross_attn", "multi_attention.keras", cross_attn[0], cross_attn[1],
               {"query": q, "value": rng.normal(size=(2, 5, 10)), "key": rng.normal(size=(2, 5, 7))})
    write_case("multi_attn_concat", "multi_attention.keras", attn_concat[0], attn_concat[1],
               {"query": q, "value": rng.normal(size=(2, 4, 6))})
    write_case("multi_attn_scaled", "multi_attention.keras", attn_scaled[0], attn_scaled[1],
               {"query": q, "value": rng.normal(size=(2, 5, 6))})

    # --- GroupQueryAttention and MultiHeadAttention with gate and sliding window
    g = gqa("gqa", 3, 4, 2, (6, 8), (6, 8), use_gate=True, sliding_window=3)
    gm = mha("gated_mha", 2, 3, 3, (6, 8), (6, 8), use_gate=True, sliding_window=2)
    config, h5 = model_files("gated", [(input_layer("x", (6, 8)), {}, None), g, gm])
    write_keras(os.path.join(HERE, "gated.keras"), config, h5)
    x = rng.normal(size=(2, 6, 8))
    write_case("gated_gqa", "gated.keras", g[0], g[1], {"query": x, "value": x})
    write_case("gated_mha", "gated.keras", gm[0], gm[1], {"query": x, "value": x})

    # --- the real encoder_block.weights.h5 (no config): layer + config in the spec, real Keras expected.npz
    d = os.path.join(HERE, "encoder_block_weights_h5")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    for n in ["query.npy", "value.npy", "expected.npz"]:
        shutil.copy(os.path.join(HERE, "encoder_block_self_attn", n), d)
    with open(os.path.join(d, "spec.json"), "w") as f:
        json.dump({"layer": "MultiHeadAttention", "config": {"num_heads": 2, "key_dim": 4, "value_dim": 4},
                   "keras_model": {"file": "../encoder_block.weights.h5", "layer": "multi_head_attention"},
                   "inputs": {"query": "query.npy", "value": "value.npy"}}, f, indent=1)

    # --- the bad-input table
    bad = os.path.join(HERE, "bad")
    shutil.rmtree(bad, ignore_errors=True)
    os.makedirs(bad)
    with open(os.path.join(bad, "not_a_zip.keras"), "w") as f:
        f.write("this is a text file, not a zip archive\n")
    enc_cfg, enc_h5 = None, None
    with zipfile.ZipFile(os.path.join(HERE, "encoder_block.keras")) as z:
        enc_cfg = json.loads(z.read("config.json"))
        enc_h5 = z.read("model.weights.h5")
    write_keras(os.path.join(bad, "no_config.keras"), enc_cfg, enc_h5, members=("metadata.json", "model.weights.h5"))
    write_keras(os.path.join(bad, "no_weights.keras"), enc_cfg, enc_h5, members=("metadata.json", "config.json"))
    write_keras(os.path.join(bad, "truncated_h5.keras"), enc_cfg, enc_h5[: len(enc_h5) * 3 // 5])
    corrupt = bytearray(enc_h5)
    for i in range(96, len(corrupt)):  # keep the signature and superblock, scramble every object header
        corrupt[i] ^= 0x5A
    write_keras(os.path.join(bad, "corrupt_h5.keras"), enc_cfg, bytes(corrupt))
    with open(os.path.join(HERE, "encoder_block.keras"), "rb") as f:
        whole = f.read()
    with open(os.path.join(bad, "truncated_zip.keras"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    dense = plain("Dense", "dense", {"units": 4, "activation": "relu", "use_bias": True},
                  {"input_shape": [None, 4, 6]})
    dense = (dense[0], {"kernel": rng.normal(size=(6, 4)), "bias": np.zeros(4)}, None)
    config, h5 = model_files("dense_only", [(input_layer("x", (4, 6)), {}, None), dense])
    write_keras(os.path.join(bad, "no_attention.keras"), config, h5)
    inner, _ = model_files("inner", [(input_layer("x", (4, 6)), {}, None), mha("inner_attn", 2, 3, 3, (4, 6), (4, 6))])
    nested_entry = {"module": "keras.src.models.functional", "class_name": "Functional", "config": inner["config"],
                    "registered_name": "Functional", "build_config": {"input_shape": [None, 4, 6]}, "name": "inner",
                    "inbound_nodes": []}
    config, h5 = model_files("outer", [(input_layer("x", (4, 6)), {}, None), dense])
    config["config"]["layers"].append(nested_entry)
    write_keras(os.path.join(bad, "nested.keras"), config, h5)
    half = mha("half_attn", 2, 3, 3, (4, 6), (4, 6), dtype="float16")
    config, h5 = model_files("half", [(input_layer("x", (4, 6)), {}, None), half])
    write_keras(os.path.join(bad, "float16_policy.keras"), config, h5)
    f64 = mha("f64_attn", 2, 3, 3, (4, 6), (4, 6))
    config, h5 = model_files("f64", [(input_layer("x", (4, 6)), {}, None), f64], weights_dtype=np.float64)
    write_keras(os.path.join(bad, "float64_vars.keras"), config, h5)
    # A config that says use_bias=True over weights saved without biases.
    nb = mha("mismatch_attn", 2, 3, 3, (4, 6), (4, 6), use_bias=False)
    config, h5 = model_files("mismatch", [(input_layer("x", (4, 6)), {}, None), nb])
    config["config"]["layers"][1]["config"]["use_bias"] = True
    write_keras(os.path.join(bad, "missing_bias.keras"), config, h5)
    with open(os.path.join(bad, "corrupt.weights.h5"), "wb") as f:
        f.write(bytes(corrupt))


if __name__ == "__main__":
    main()
