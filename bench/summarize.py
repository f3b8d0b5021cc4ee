#!/usr/bin/env python3
"""Medians and ranges of the runs bench/run-benchmarks.sh recorded, as Markdown tables (python3 bench/summarize.py DIR)."""
import json
import statistics
import sys
from collections import OrderedDict
from pathlib import Path

FIELDS = {
    "relay": ["messagesPerSecond", "p50Us", "p90Us", "p99Us", "p999Us", "sendLateP50Us", "sendLateP99Us", "fromSendP50Us", "fromSendP99Us", "serverCpuCores", "serverCpuUsPerOp", "benchCpuCores", "setupMs"],
    "join": ["cyclesPerSecond", "p50Us", "p99Us", "serverCpuCores", "serverCpuUsPerOp", "benchCpuCores"],
    "session": ["sessionsPerSecond", "p50Us", "p99Us", "serverCpuCores", "serverCpuUsPerOp", "benchCpuCores"],
    "connect": ["succeeded", "failed", "failedByStatus", "connectionsPerSecond", "rssBytesPerConnection", "heapDirectBytesPerConnection", "dropped", "openAtEnd"],
}
CHECKS = ["errors", "duplicates", "outOfOrder", "failed", "dropped", "unsent"]


def fmt(values):
    nums = [v for v in values if isinstance(v, (int, float))]
    if not nums:
        return "–"
    med = statistics.median(nums)
    lo, hi = min(nums), max(nums)
    f = (lambda x: f"{x:,.3f}") if any(isinstance(v, float) and abs(v) < 100 for v in nums) else (lambda x: f"{x:,.0f}")
    return f(med) if lo == hi else f"{f(med)} ({f(lo)}–{f(hi)})"


def table(rows, fields):
    out = ["| label | side | runs | " + " | ".join(fields) + " | errors/dup/ooo |", "|" + "---|" * (len(fields) + 4)]
    for (label, side), results in rows.items():
        checks = "/".join(str(sum(r.get(k, 0) or 0 for r in results)) for k in ("errors", "duplicates", "outOfOrder"))
        out.append(f"| {label} | {side} | {len(results)} | " + " | ".join(fmt([r.get(f) for r in results]) for f in fields) + f" | {checks} |")
    return "\n".join(out)


def main(directory):
    for path in sorted(Path(directory).glob("*.jsonl")):
        rows = OrderedDict()
        ratios = OrderedDict()
        scenario = None
        for line in path.read_text().splitlines():
            entry = json.loads(line)
            result = entry["result"]
            scenario = result.get("scenario", scenario)
            if "target" in result:
                rows.setdefault((entry["label"], "reference"), []).append(result["reference"])
                rows.setdefault((entry["label"], "switchboard"), []).append(result["target"])
                ratios.setdefault(entry["label"], []).append(result["ratio"])
            else:
                rows.setdefault((entry["label"], ""), []).append(result)
        fields = FIELDS.get(scenario, FIELDS["relay"])
        print(f"### {path.stem}\n")
        print(table(rows, fields))
        if ratios:
            keys = sorted({k for rs in ratios.values() for r in rs for k in r})
            print("\nRatios (Switchboard / reference), median (range):\n")
            print("| label | " + " | ".join(keys) + " |\n|" + "---|" * (len(keys) + 1))
            for label, rs in ratios.items():
                print(f"| {label} | " + " | ".join(fmt([r.get(k) for r in rs]) for k in keys) + " |")
        print()


if __name__ == "__main__":
    main(sys.argv[1])
