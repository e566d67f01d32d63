#!/usr/bin/python3
"""Inputs of lesson 09-positions (run from this folder; commits its .npy files).

positions_words.npy        (1, 6, 8) one fixed random vector per word of "the cat sat on the mat"
                           (numpy seed 9, N(0, 1)): both "the" get the same row, as typed words do.
positions_sinusoidal.npy   (1, 6, 8) the sinusoidal positions of Vaswani et al. (2017):
                           PE[t, 2i] = sin(t / 10000^(2i/d)), PE[t, 2i+1] = cos(t / 10000^(2i/d)).
positions_words_plus_sinusoidal.npy  their sum: the input a Transformer's first layer sees.
"""
import numpy as np

tokens = ["the", "cat", "sat", "on", "the", "mat"]
d = 8
rng = np.random.default_rng(9)
vocab = {w: rng.standard_normal(d) for w in dict.fromkeys(tokens)}
words = np.stack([vocab[w] for w in tokens])[None].astype(np.float32)
t = np.arange(len(tokens))[:, None]
i = np.arange(d // 2)[None, :]
angle = t / np.power(10000.0, 2 * i / d)
pe = np.zeros((len(tokens), d))
pe[:, 0::2] = np.sin(angle)
pe[:, 1::2] = np.cos(angle)
pe = pe[None].astype(np.float32)
np.save("positions_words.npy", words)
np.save("positions_sinusoidal.npy", pe)
np.save("positions_words_plus_sinusoidal.npy", (words + pe).astype(np.float32))
