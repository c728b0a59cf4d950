#!/usr/bin/env python3
"""Summarises a flight recording of the benchmark (-Dbench.shirong.jfr=true): where the CPU samples are (the frame on
top, its package, every frame a sample passes through) and what allocates (object class and allocating frame, weighted).

    python3 src/bench/jfr/jfr_top.py target/bench/jfr/W1-PostgreSQL-4t.jfr [N] [thread-substring]
"""
import collections
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+(\S+)\((.*?)\)\s+line:")


def events(path, kind):
    out = subprocess.run(["jfr", "print", "--stack-depth", "1024", "--events", kind, path],
                         capture_output=True, text=True, check=True).stdout
    event = None
    for line in out.splitlines():
        if line.startswith(kind + " {") or line.startswith("jdk."):
            event = {"frames": []}
        elif line.startswith("}") and event is not None:
            yield event
            event = None
        elif event is not None:
            m = FRAME.match(line)
            if m:
                event["frames"].append(m.group(1))
            else:
                kv = line.strip().split(" = ", 1)
                if len(kv) == 2:
                    event.setdefault(kv[0], kv[1])


def package(frame, depth=3):
    parts = frame.split(".")[:-2]  # drop Class.method
    return ".".join(parts[:depth])


def table(title, counter, total, n):
    print(f"\n## {title} ({total} in all)")
    for key, count in counter.most_common(n):
        print(f"{100.0 * count / total:6.1f} %  {count:7}  {key}")


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    only_thread = sys.argv[3] if len(sys.argv) > 3 else None
    top, top_pkg, inclusive, own_top, threads = (collections.Counter() for _ in range(5))
    total = 0
    for e in events(path, "jdk.ExecutionSample"):
        thread = e.get("sampledThread", "?").split('"')[1] if '"' in e.get("sampledThread", "") else "?"
        threads[re.sub(r"\d+", "N", thread)] += 1
        if only_thread and only_thread not in thread:
            continue
        frames = e["frames"]
        if not frames:
            continue
        total += 1
        top[frames[0]] += 1
        top_pkg[package(frames[0])] += 1
        for f in set(frames):
            inclusive[f] += 1
        first_own = next((f for f in frames if f.startswith("org.shirong.")), None)
        own_top[first_own or "(no org.shirong frame)"] += 1
    table("threads (all samples)", threads, sum(threads.values()), 15)
    table("top frame (self time)", top, total, n)
    table("top frame's package", top_pkg, total, n)
    table("inclusive: samples passing through the method", inclusive, total, 3 * n)
    table("innermost org.shirong frame", own_top, total, n)
    alloc_class, alloc_site = collections.Counter(), collections.Counter()
    weight_total = 0
    for e in events(path, "jdk.ObjectAllocationSample"):
        w = e.get("weight", "0")
        m = re.match(r"([\d.,]+)\s*(bytes|kB|MB|GB)", w)
        if not m:
            continue
        value = float(m.group(1).replace(",", "")) * {"bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}[m.group(2)]
        weight = int(value / 1000)
        weight_total += weight
        alloc_class[e.get("objectClass", "?").split(" ")[0]] += weight
        frames = e["frames"]
        site = next((f for f in frames if not f.startswith(("java.", "jdk.", "sun."))), frames[0] if frames else "?")
        alloc_site[site] += weight
    if weight_total:
        table("allocation by class (kB, sampled weight)", alloc_class, weight_total, n)
        table("allocation by first non-JDK frame (kB)", alloc_site, weight_total, n)


if __name__ == "__main__":
    main()
