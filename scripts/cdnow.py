#!/usr/bin/env python3
"""Writes Fader and Hardie's CDNOW purchase data in the app's import format.

The data come from the files that the `lifetimes` package (PyPI, MIT licence) redistributes in
`lifetimes/datasets/`: `CDNOW_sample.txt` (the 1/10 sample: master id, sample id, YYYYMMDD,
number of CDs, dollars) and `CDNOW_master.txt` (all 23,570 customers: id, YYYYMMDD, number of
CDs, dollars). See docs/metrics.md section 9 for the source and its terms.

    python3 scripts/cdnow.py sample [WHEEL]      -> public/samples/cdnow-sample.csv
    python3 scripts/cdnow.py master OUT [WHEEL]  -> OUT (the full file, for benchmarks only)

WHEEL is a downloaded lifetimes wheel; without it, `pip download --no-deps lifetimes==0.11.3`
fetches one into target/cdnow/.
"""

import glob
import os
import subprocess
import sys
import zipfile

VERSION = "0.11.3"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def wheel(path):
    if path:
        return path
    where = os.path.join(ROOT, "target", "cdnow")
    found = glob.glob(os.path.join(where, f"[Ll]ifetimes-{VERSION}-*.whl"))
    if not found:
        os.makedirs(where, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
             f"lifetimes=={VERSION}", "-d", where],
            check=True,
        )
        found = glob.glob(os.path.join(where, f"[Ll]ifetimes-{VERSION}-*.whl"))
    return found[0]


def rows(whl, name):
    with zipfile.ZipFile(whl) as z:
        text = z.read(f"lifetimes/datasets/{name}").decode("ascii")
    for line in text.splitlines():
        fields = line.split()
        if fields and fields[0].isdigit():
            yield fields


def iso(yyyymmdd):
    return f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:]}"


def write(out, lines):
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", newline="\n") as f:
        f.write("customer_id,date,amount\n")
        for customer, date, dollars in lines:
            f.write(f"{int(customer)},{iso(date)},{dollars}\n")


def main(argv):
    if len(argv) >= 1 and argv[0] == "sample":
        whl = wheel(argv[1] if len(argv) > 1 else None)
        out = os.path.join(ROOT, "public", "samples", "cdnow-sample.csv")
        # The sample's own ids (column 2) number its 2,357 customers 1 to 2357.
        write(out, ((f[1], f[2], f[4]) for f in rows(whl, "CDNOW_sample.txt")))
    elif len(argv) >= 2 and argv[0] == "master":
        whl = wheel(argv[2] if len(argv) > 2 else None)
        write(argv[1], ((f[0], f[1], f[3]) for f in rows(whl, "CDNOW_master.txt")))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
