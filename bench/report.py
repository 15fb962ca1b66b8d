#!/usr/bin/env python3
"""Prints the benchmark tables of bench/run, with the issue-4 targets.

1. KernelMatricesBenchmark (ReLU, GELU, ELU, Tanh at the issue's N): widenets (JMH, best run) against
   numpy (best run), target ReLU ≥ 3× faster than numpy at N = 4000, GELU, ELU ≤ 5× and Tanh ≤ 20× ReLU
   at the same N and d.
2. ActivationRatioBenchmark (ReLU, GELU, ELU, Tanh at one moderate N): each activation's time over
   ReLU's at the same N and d, measured in the same command; targets GELU, ELU ≤ 5× and Tanh ≤ 20×.
   numpy columns where numpy ran the same configuration.
"""
import json
import sys

TARGETS = {"GELU": 5.0, "ELU": 5.0, "Tanh": 20.0}
RATIO_BENCH = "ActivationRatioBenchmark"


def best(r):
    # best of the measured iterations, as numpy_baseline.py reports its best of --repeats
    runs = [v for fork in r["primaryMetric"].get("rawData", []) for v in fork]
    return min(runs) if runs else r["primaryMetric"]["score"]


def table(title, java, numpy, grid_targets):
    print(title)
    print(f"{'activation':<10} {'N':>5} {'d':>4} {'widenets s':>11} {'numpy s':>9} {'numpy/widenets':>15} {'vs ReLU':>8}  target")
    ok = True
    for key in sorted(java, key=lambda k: (k[1], k[2], ["ReLU", "GELU", "ELU", "Tanh"].index(k[0])
                                           if k[0] in ("ReLU", "GELU", "ELU", "Tanh") else 9, k[0])):
        act, n, d = key
        jt = java[key]
        nt = numpy.get(key)
        speedup = f"{nt / jt:15.1f}" if nt else f"{'—':>15}"
        relu = java.get(("ReLU", n, d))
        vs = jt / relu if relu else float("nan")
        target = ""
        if grid_targets and act == "ReLU" and n == 4000 and nt:
            good = nt / jt >= 3
            target = f"≥ 3× faster than numpy: {'met' if good else 'MISSED'}"
            ok &= good
        elif act in TARGETS and relu:
            good = vs <= TARGETS[act]
            target = f"≤ {TARGETS[act]:.0f}× ReLU: {'met' if good else 'MISSED'}"
            ok &= good
        nts = f"{nt:9.3f}" if nt else f"{'—':>9}"
        print(f"{act:<10} {n:>5} {d:>4} {jt:11.4f} {nts} {speedup} {vs:8.2f}  {target}")
    print()
    return ok


def main(jmh_path, numpy_path):
    grid, ratios = {}, {}
    for r in json.load(open(jmh_path)):
        p = r["params"]
        key = (p["activation"], int(p["n"]), int(p["d"]))
        (ratios if RATIO_BENCH in r["benchmark"] else grid)[key] = best(r)
    numpy = {}
    for line in open(numpy_path):
        if line.strip():
            r = json.loads(line)
            numpy[(r["activation"], r["n"], r["d"])] = r["seconds"]
    ok = True
    if grid:
        ok &= table("Large N (KernelMatricesBenchmark): widenets against numpy", grid, numpy, True)
    if ratios:
        ok &= table("Every activation against ReLU at the same N, same run (ActivationRatioBenchmark)",
                    ratios, numpy, False)
    print("all targets met" if ok else "some targets missed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
