#!/usr/bin/env python3
"""Vectorised numpy baseline for the kernel-matrix benchmark (issue 4).

The same recursion as widenets' Network.matrices for Mlp.builder() with the MEAN input convention:
K0 = X Xᵀ/d; Dense: K' = σw² K + σb², Θ' = K' + σw² Θ; activation: K' = T(K), Θ' = Ṫ(K)·Θ with the
diagonal propagated by its own 1-D formula; L activations, L+1 Dense layers (readout included).
Whole N×N arrays per step (what a numpy user writes), in-place where numpy allows it.

Prints one JSON object per configuration: {"activation", "n", "d", "seconds"} (best of --repeats).
"""
import argparse
import json
import math
import time

import numpy as np

SPECS = {"ReLU": (2.0, 0.1), "GELU": (2.0, 0.1)}  # σw², σb², as in BenchActivations.java


def relu_maps(K, kd):
    """T and Ṫ of ReLU, arc-cosine kernel of order 1 (Cho & Saul 2009), atan2 form."""
    s = np.sqrt(kd)
    sin = np.multiply.outer(kd, kd)          # q11 q22
    np.subtract(sin, K * K, out=sin)         # det
    np.maximum(sin, 0, out=sin)
    np.sqrt(sin, out=sin)                    # √det = √P sinθ
    theta = np.arctan2(sin, K)
    np.subtract(math.pi, theta, out=theta)   # π − θ
    tdot = theta / (2 * math.pi)
    T = np.multiply(theta, K, out=theta)
    T += sin
    T /= 2 * math.pi
    del s
    return T, tdot, kd / 2, np.full_like(kd, 0.5)


def gelu_maps(K, kd):
    """T and Ṫ of GELU (Tsuchida et al. 2020 / neural-tangents), as in widenets' Gelu."""
    q11q22 = np.multiply.outer(kd, kd)
    det = q11q22 - K * K
    np.maximum(det, 0, out=det)
    d2 = det
    d2 += 1
    d2 += kd[:, None]
    d2 += kd[None, :]
    d = np.sqrt(d2)
    p = np.multiply.outer(1 + kd, 1 + kd)
    alpha = np.arctan2(K, d)
    T = (K * K + q11q22 * d2) / (p * d)
    T += K * alpha
    T /= 2 * math.pi
    T += K / 4
    tdot = (1 / d2 + (1 - q11q22) / p + 1) * K / (2 * math.pi * d)
    tdot += 0.25 + alpha / (2 * math.pi)
    w = np.sqrt(1 + 2 * kd)
    diag = kd * (0.25 + (kd / ((1 + kd) * w) + 0.5 * np.arctan(kd / w)) / math.pi)
    diag_dot = 0.25 + np.arctan(kd / w) / (2 * math.pi) + kd / (2 * math.pi * w) * (1 / (w * w) + 2 / (1 + kd))
    return T, tdot, diag, diag_dot


MAPS = {"ReLU": relu_maps, "GELU": gelu_maps}


def kernels(X, depth, activation):
    sw2, sb2 = SPECS[activation]
    maps = MAPS[activation]
    n, d = X.shape
    K = X @ X.T
    K /= d
    kd = np.einsum("ij,ij->i", X, X) / d
    theta = np.zeros_like(K)
    td = np.zeros(n)

    def dense(K, kd, theta, td):
        K *= sw2
        K += sb2
        theta *= sw2
        theta += K
        return K, kd * sw2 + sb2, theta, (kd * sw2 + sb2) + sw2 * td

    for _ in range(depth):
        K, kd, theta, td = dense(K, kd, theta, td)
        K, tdot, kd_next, kd_dot = maps(K, kd)
        theta *= tdot
        td = kd_dot * td
        kd = kd_next
        np.fill_diagonal(K, kd)        # the exact diagonal, as widenets does
        np.fill_diagonal(theta, td)
    K, kd, theta, td = dense(K, kd, theta, td)
    return K, theta


def self_check():
    """Entry (0,1) of depth-2 ReLU against a scalar evaluation of the same recursion."""
    X = np.cos(np.arange(12.0)).reshape(4, 3)
    K, T = kernels(X.copy(), 2, "ReLU")
    sw2, sb2 = SPECS["ReLU"]
    x, y = X[0], X[1]
    q11, q12, q22 = x @ x / 3, x @ y / 3, y @ y / 3
    t = 0.0
    for _ in range(2):
        q11, q12, q22 = sw2 * q11 + sb2, sw2 * q12 + sb2, sw2 * q22 + sb2
        t = q12 + sw2 * t
        th = math.acos(max(-1.0, min(1.0, q12 / math.sqrt(q11 * q22))))
        tdot = (math.pi - th) / (2 * math.pi)
        q12 = math.sqrt(q11 * q22) * (math.sin(th) + (math.pi - th) * math.cos(th)) / (2 * math.pi)
        q11, q22 = q11 / 2, q22 / 2
        t = tdot * t
    q12 = sw2 * q12 + sb2
    t = q12 + sw2 * t
    assert abs(K[0, 1] - q12) < 1e-12 * abs(q12) and abs(T[0, 1] - t) < 1e-12 * abs(t), (K[0, 1], q12, T[0, 1], t)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, nargs="+", default=[2000, 4000])
    ap.add_argument("--d", type=int, nargs="+", default=[8, 784])
    ap.add_argument("--activation", nargs="+", default=["ReLU", "GELU"])
    ap.add_argument("--depth", type=int, default=10)
    ap.add_argument("--repeats", type=int, default=2)
    args = ap.parse_args()
    self_check()
    for act in args.activation:
        for n in args.n:
            for d in args.d:
                X = np.random.default_rng(20240601).standard_normal((n, d))
                best = math.inf
                for _ in range(args.repeats):
                    t0 = time.perf_counter()
                    K, T = kernels(X, args.depth, act)
                    best = min(best, time.perf_counter() - t0)
                    assert np.isfinite(K).all() and np.isfinite(T).all()
                    del K, T
                print(json.dumps({"activation": act, "n": n, "d": d, "seconds": best}), flush=True)


if __name__ == "__main__":
    main()
