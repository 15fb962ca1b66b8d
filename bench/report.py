#!/usr/bin/env python3
"""Prints the benchmark table: widenets (JMH, best run) vs numpy (best run), and each activation vs ReLU, with the targets."""
import json
import sys

TARGETS = {"GELU": 5.0, "ELU": 5.0, "Tanh": 20.0}


def main(jmh_path, numpy_path):
    java, scaled_from = {}, {}
    results = json.load(open(jmh_path))
    big_ns = sorted({int(r["params"]["n"]) for r in results if "Expensive" not in r["benchmark"]})
    for r in results:
        p = r["params"]
        # best of the measured runs, as numpy_baseline.py reports its best of --repeats
        runs = [v for fork in r["primaryMetric"].get("rawData", []) for v in fork]
        act, n, d = p["activation"], int(p["n"]), int(p["d"])
        t = min(runs) if runs else r["primaryMetric"]["score"]
        if "Expensive" in r["benchmark"]:
            # every entry costs the same: scale by the number of computed (upper-triangle) entries
            for big in big_ns:
                java[(act, big, d)] = t * (big * (big + 1) / 2) / (n * (n + 1) / 2)
                scaled_from[(act, big, d)] = n
        else:
            java[(act, n, d)] = t
    numpy = {}
    for line in open(numpy_path):
        if line.strip():
            r = json.loads(line)
            numpy[(r["activation"], r["n"], r["d"])] = r["seconds"]
    print(f"{'activation':<10} {'N':>5} {'d':>4} {'widenets s':>11} {'numpy s':>9} {'numpy/widenets':>15} {'vs ReLU':>8}  target")
    ok = True
    for key in sorted(java, key=lambda k: (k[1], k[2], k[0])):
        act, n, d = key
        jt = java[key]
        nt = numpy.get(key)
        speedup = f"{nt / jt:15.1f}" if nt else f"{'—':>15}"
        relu = java.get(("ReLU", n, d))
        vs = jt / relu if relu else float("nan")
        target = ""
        if act == "ReLU" and n == 4000 and nt:
            good = nt / jt >= 3
            target = f"≥ 3× faster than numpy: {'met' if good else 'MISSED'}"
            ok &= good
        elif act in TARGETS:
            good = vs <= TARGETS[act]
            target = f"≤ {TARGETS[act]:.0f}× ReLU: {'met' if good else 'MISSED'}"
            ok &= good
        if key in scaled_from:
            target += f"  (measured at N = {scaled_from[key]}, scaled by entries)"
        print(f"{act:<10} {n:>5} {d:>4} {jt:11.3f} {(nt if nt else float('nan')):9.3f} {speedup} {vs:8.2f}  {target}")
    print("all targets met" if ok else "some targets missed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
