#!/usr/bin/env python3
"""Samples per-thread CPU ticks of the Shirong JVM and per-process ticks of postgres every ~10 ms (issue 13, W2: where a
report's time goes during an import). Costs about a fifth of one core itself. Run it beside the benchmark, inside the lock:

    flock /tmp/mvn.lock bash -c 'python3 src/bench/jfr/w2_cpu_sampler.py /tmp/w2.jsonl & S=$!; \
        mvn -q -o -Pbench verify -Dbench.only=W2 -Dbench.h2=false; kill $S'
    python3 src/bench/jfr/w2_cpu_windows.py /tmp/w2.jsonl
"""
import os, time, sys, subprocess, json, re
out = open(sys.argv[1], "w")
def find_jvm():
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                c = open(f"/proc/{p}/cmdline", "rb").read()
            except OSError:
                continue
            if b"org.shirong.ShirongApplication" in c:
                return p
def ticks(path):
    try:
        s = open(path).read()
    except OSError:
        return None
    r = s.rsplit(")", 1)[1].split()
    return int(r[11]) + int(r[12])
deadline = time.time() + 1800
names = {}
jvm = None
while time.time() < deadline:
    if jvm is None or not os.path.exists(f"/proc/{jvm}"):
        jvm = find_jvm(); names = {}
        if jvm is None:
            time.sleep(0.5); continue
    tids = os.listdir(f"/proc/{jvm}/task")
    if any(t not in names for t in tids):
        # map tid -> java thread name when new threads appear
        try:
            td = subprocess.run(["jcmd", jvm, "Thread.print"], capture_output=True, text=True, timeout=20).stdout
            for m in re.finditer(r'^"([^"]+)".*?nid=(0x[0-9a-f]+)', td, re.M):
                names[str(int(m.group(2), 16))] = m.group(1)
        except Exception:
            pass
        for t in tids:
            names.setdefault(t, open(f"/proc/{jvm}/task/{t}/comm").read().strip() if os.path.exists(f"/proc/{jvm}/task/{t}/comm") else "?")
        out.write(json.dumps({"names": names}) + "\n")
    rec = {"t": time.time(), "j": {}, "p": {}}
    for t in tids:
        x = ticks(f"/proc/{jvm}/task/{t}/stat")
        if x is not None:
            rec["j"][t] = x
    global_i = rec["t"]
    if not hasattr(sys, "pgs") or rec["t"] - sys.pgt > 0.5:
        sys.pgt = rec["t"]; sys.pgs = {}
        for p in os.listdir("/proc"):
            if p.isdigit():
                try:
                    if open(f"/proc/{p}/comm").read().strip() == "postgres":
                        sys.pgs[p] = open(f"/proc/{p}/cmdline", "rb").read().split(b"\0")[0].decode(errors="replace")[:40]
                except OSError:
                    pass
    for p, title in sys.pgs.items():
        x = ticks(f"/proc/{p}/stat")
        if x is not None:
            rec["p"][p] = (x, title)
    rec["all"] = open("/proc/stat").readline().split()[1:8]
    out.write(json.dumps(rec) + "\n")
    time.sleep(0.008)
