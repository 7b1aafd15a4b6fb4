#!/usr/bin/env python3
"""Combines tabular-suite runs (suite*.json files) into one table: per table and synthesizer, the mean ± sd over seeds
of the tree and linear metrics and their ratio to the real-trained metric, and per synthesizer the mean ratio.

usage: combine.py SYNTH[,SYNTH...] FILE.json [FILE.json ...]   (a run seen twice — same table, synthesizer, seed — counts once)
"""
import json
import statistics
import sys


def main():
    synthesizers = sys.argv[1].split(",")
    runs = {}
    for path in sys.argv[2:]:
        for run in json.load(open(path))["runs"]:
            runs[(run["Table"], run["Synthesizer"], run["Seed"])] = run
    tables = sorted({t for t, s, _ in runs if s in synthesizers}, key=lambda t: [r[0] for r in runs].index(t))
    ratios = {s: {} for s in synthesizers}  # synthesizer -> table -> (tree ratio, linear ratio)
    print("| table (metric) | real (tree / linear) | " + " | ".join(f"{s} (tree / linear; ratio)" for s in synthesizers) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in synthesizers) + " |")
    for table in tables:
        cells, real, metric = [], None, None
        for s in synthesizers:
            seeds = sorted(seed for t, syn, seed in runs if t == table and syn == s)
            if not seeds:
                cells.append("–")
                continue
            mine = [runs[(table, s, seed)] for seed in seeds]
            metric = mine[0]["Metric"]
            tree = [r["Trainers"][0]["Synthetic"] for r in mine]
            linear = [r["Trainers"][1]["Synthetic"] for r in mine]
            real = (mine[0]["Trainers"][0]["Real"], mine[0]["Trainers"][1]["Real"])
            sd = lambda v: statistics.stdev(v) if len(v) > 1 else 0.0
            cell = f"{statistics.mean(tree):.3f} ± {sd(tree):.3f} / {statistics.mean(linear):.3f} ± {sd(linear):.3f}"
            if real[0] >= 0.1:
                rt, rl = statistics.mean(tree) / real[0], statistics.mean(linear) / real[1]
                ratios[s][table] = (rt, rl)
                cell += f" (**{rt:.3f}** / {rl:.3f})"
            cells.append(cell + f" [{len(seeds)} seeds]")
        print(f"| {table} ({metric}) | {real[0]:.3f} / {real[1]:.3f} | " + " | ".join(cells) + " |")
    common = [t for t in tables if all(t in ratios[s] for s in synthesizers)]
    shapes = lambda s: statistics.mean(r["ColumnShapes"] for (t, syn, _), r in runs.items() if syn == s and t in common)
    mean = lambda s, k: statistics.mean(ratios[s][t][k] for t in common)
    print(f"| **mean ratio** ({len(common)} tables with every synthesizer) | | " + " | ".join(
        f"**{mean(s, 0):.3f}** / {mean(s, 1):.3f}; shapes {shapes(s):.3f}" if common else "–" for s in synthesizers) + " |")

if __name__ == "__main__":
    main()
