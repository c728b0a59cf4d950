#!/usr/bin/env python3
"""From sampler.py output: CPU ticks (10 ms each) by thread/process category, inside report windows during the import
versus the rest of the import, and inside report windows after the import."""
import json, sys, collections, re
names = {}
recs = []
for line in open(sys.argv[1]):
    r = json.loads(line)
    if "names" in r:
        names.update(r["names"]); continue
    recs.append(r)
def cat(n):
    n = re.sub(r"\d+$", "#", n)
    return n
# deltas
rows = []
for a, b in zip(recs, recs[1:]):
    if set(a["j"]) - set(b["j"]) and len(set(a["j"]) & set(b["j"])) < 5:
        continue  # JVM switched
    dj = {t: b["j"][t] - a["j"].get(t, b["j"][t]) for t in b["j"]}
    dp = {p: (b["p"][p][0] - a["p"].get(p, b["p"][p])[0], b["p"][p][1]) for p in b["p"]}
    tot = [int(y) - int(x) for x, y in zip(a["all"], b["all"])]
    busy = sum(tot[:3]) + sum(tot[5:7])  # user nice system irq softirq
    rows.append((a["t"], b["t"], dj, dp, busy, sum(tot)))
# identify import period: case-import threads exist with ticks
imp_tids = {t for t, n in names.items() if n.startswith("case-import")}
http_tids = {t for t, n in names.items() if re.match(r"http-nio-\d+-exec-\d+$", n)}
busiest = collections.Counter()
for r in rows:
    for t in http_tids:
        busiest[t] += r[2].get(t, 0)
upload = busiest.most_common(1)[0][0] if busiest else None
report_tids = http_tids - {upload}
first_imp = min((r[0] for r in rows if any(r[2].get(t, 0) for t in imp_tids)), default=None)
last_imp = max((r[1] for r in rows if any(r[2].get(t, 0) for t in imp_tids)), default=None)
print("upload thread", names.get(upload), "import from", first_imp, "to", last_imp, "=", round(last_imp - first_imp, 1), "s")
# report windows: consecutive rows where a report thread has ticks (merge gaps <= 30 ms)
act = [r for r in rows if any(r[2].get(t, 0) for t in report_tids)]
def group(r):
    c = collections.Counter()
    for t, d in r[2].items():
        if d:
            n = names.get(t, "?")
            if t in report_tids: k = "report http thread"
            elif t == upload: k = "import upload http thread"
            elif n.startswith("case-import"): k = "import workers"
            elif "Compiler" in n: k = "JIT " + n[:2]
            elif n.startswith(("G1", "GC")) or "Conc" in n or "Refine" in n: k = "GC threads"
            elif n.startswith("http-nio"): k = "tomcat poller/acceptor"
            else: k = "jvm other: " + cat(n)
            c[k] += d
    for p, (d, title) in r[3].items():
        if d:
            if "postgres:" in title:
                k = "pg " + ("backend" if re.search(r"postgres: \S+ \S+ ", title) else title.split(":", 1)[1].strip()[:25])
            else:
                k = "pg postmaster"
            c[k] += d
    known = sum(c.values())
    c["other processes (machine busy - above)"] += max(0, r[4] - known)
    c["idle"] += r[5] - r[4]
    return c
def summ(rs, title):
    c = collections.Counter()
    for r in rs:
        c.update(group(r))
    span = sum(r[1] - r[0] for r in rs)
    total = sum(c.values())
    print("\n== %s: %d samples, %.2f s wall; CPU ticks share (of both cores):" % (title, len(rs), span))
    for k, v in c.most_common(18):
        print("  %-45s %5d ticks  %5.1f %%" % (k, v, 100.0 * v / max(1, total)))
during_rep = [r for r in act if first_imp <= r[0] <= last_imp]
during_rest = [r for r in rows if first_imp <= r[0] <= last_imp and r not in during_rep]
after_rep = [r for r in act if r[0] > last_imp + 0.5]
before_rep = [r for r in act if r[1] < first_imp - 0.5]
summ(during_rep, "report active, during import")
summ(during_rest, "no report, during import")
summ(after_rep, "report active, after import")
summ(before_rep, "report active, before import")
