#!/usr/bin/env python3
"""Writes every scored customer's tier, lifetime and window figures to a JSON file, as
scoring-service's query API gives them, and compares two such files.

    ops/customer-figures.py save before.json [http://127.0.0.1:8082]
    ops/customer-figures.py diff before.json after.json

Used to check a rebuild (docs/operations/redis-loss.md): save before, rebuild, save after, diff.
The API needs a token that reads every book (scope scores:read): $TIERWATCH_TOKEN, or else one of
the local stack's demo client (./tierwatch token).
"""
import os
import subprocess
import json
import sys
import urllib.parse
import urllib.request


def token():
    if os.environ.get("TIERWATCH_TOKEN"):
        return os.environ["TIERWATCH_TOKEN"]
    here = os.path.dirname(os.path.abspath(__file__))
    return subprocess.run([os.path.join(here, "..", "tierwatch"), "token"], check=True,
                          capture_output=True, text=True).stdout.strip()


def get(url, bearer):
    return json.load(urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": "Bearer " + bearer})))


def save(path, base):
    bearer = token()
    api = base.rstrip("/") + "/api/v1/customers"
    ids, cursor = [], None
    while True:
        url = api + "?size=500" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else "")
        page = get(url, bearer)
        ids += [item["customerId"] for item in page["items"]]
        cursor = page["next"]
        if not cursor:
            break
    figures = {}
    for customer in ids:
        c = get(api + "/" + urllib.parse.quote(customer), bearer)
        figures[customer] = {k: c[k] for k in ("tier", "lifetime", "window")}
    with open(path, "w") as out:
        json.dump(figures, out, sort_keys=True)
    print(len(figures), "customers")


def diff(before_path, after_path):
    before, after = json.load(open(before_path)), json.load(open(after_path))
    print("customers: before", len(before), "after", len(after))
    differing = sorted(c for c in set(before) | set(after) if before.get(c) != after.get(c))
    print("customers differing:", len(differing))
    for customer in differing[:20]:
        b, a = before.get(customer, {}), after.get(customer, {})
        changes = [f"tier {b.get('tier')} -> {a.get('tier')}"] if b.get("tier") != a.get("tier") else []
        for period in ("lifetime", "window"):
            for field, value in (b.get(period) or {}).items():
                if (a.get(period) or {}).get(field) != value:
                    changes.append(f"{period} {field} {value} -> {(a.get(period) or {}).get(field)}")
        print(" ", customer, "; ".join(changes) or "(only in one file)")
    return 1 if differing else 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "save":
        save(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "http://127.0.0.1:8082")
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        sys.exit(diff(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
