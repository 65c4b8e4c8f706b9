# Synthetic customers for measure.sh: 2-6 orders over 180 days, 0-2 tickets, 1 in 5 with a return; EVALSHA
# calls of the apply script as RESP on stdout (for redis-cli --pipe). Args: sha customers keyParts(comma-separated).
import random, sys
sha, n, parts = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(',')
SET = ["90","100000","10000","50","10","5000","policy-1","5","30","365","90","1000000","20","10"]
out = sys.stdout.buffer
def cmd(args):
    b = [b"*%d\r\n" % len(args)]
    for a in args:
        a = a.encode(); b.append(b"$%d\r\n%s\r\n" % (len(a), a))
    out.write(b"".join(b))
rnd = random.Random(42)
offsets = [0]*3
import datetime
base = 20400  # epoch day ~ 2025-11
evs = []
for c in range(n):
    cid = "c-%06d" % c
    k = len(parts)
    keys = ["tw:score:{%s}:%s" % (cid, p) for p in parts]
    days = sorted(base + rnd.randrange(0, 180) for _ in range(rnd.randint(2, 6)))
    evlist = [("order", d) for d in days] + [("ticket", days[-1] - rnd.randrange(0, 20)) for _ in range(rnd.randint(0, 2))]
    if rnd.random() < 0.2: evlist.append(("return", days[-1]))
    evlist.sort(key=lambda e: e[1])
    p = c % 3
    for i, (kind, d) in enumerate(evlist):
        offsets[p] += 1
        dt = datetime.date.fromordinal(datetime.date(1970,1,1).toordinal() + d)
        occ = "%sT10:%02d:00Z" % (dt.isoformat(), i)
        eid = "%08x-1111-4222-8333-%012x" % (c, i)
        if kind == "order":
            rev = rnd.randint(2000, 40000); cog = rev * 7 // 10; cts = 0; o, t = 1, 0
        elif kind == "return":
            rev = -rnd.randint(500, 2000); cog = rev * 7 // 10; cts = 0; o, t = 0, 0
        else:
            rev, cog, cts, o, t = 0, 0, rnd.randint(1000, 15000), 0, 1
        topic = "tierwatch.service-tickets" if kind == "ticket" else "tierwatch.orders"
        cmd(["EVALSHA", sha, str(k)] + keys + ["event", "wm:%s:%d" % (topic, p), str(offsets[p]), "", eid, str(d), occ,
             kind, "%s-%d-%d" % (kind[0], c, i), str(rev), str(cog), str(cts), str(o), str(t), dt.isoformat()[:7],
             "", "", "", "0"] + SET)
