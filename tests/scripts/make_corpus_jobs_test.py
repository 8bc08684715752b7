"""scripts/make-corpus --pages writes the same pages whatever --jobs is: each
article's text comes from a generator of its own, and the pages are written in
forked processes. Exits 77 (skipped) without ../shared's essays."""

import filecmp
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ESSAYS = os.path.join(REPO, "..", "shared", "data", "public-domain-essays")


def differing(a, b):
    """Paths under a and b whose contents differ or exist on one side only."""
    out = []
    cmp = filecmp.dircmp(a, b)
    out += [os.path.join(a, n) for n in cmp.left_only + cmp.right_only + cmp.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    out += [os.path.join(a, n) for n in mismatch + errors]
    for sub in cmp.common_dirs:
        out += differing(os.path.join(a, sub), os.path.join(b, sub))
    return out


def main():
    if not os.path.isdir(ESSAYS):
        print("skipped: no ../shared/data/public-domain-essays")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        folders = []
        for jobs in (1, 3):
            out = os.path.join(tmp, f"jobs{jobs}")
            subprocess.run([sys.executable, os.path.join(REPO, "scripts", "make-corpus"), "--pages", "400",
                            "--jobs", str(jobs), "--out", out], check=True, stdout=subprocess.DEVNULL)
            folders.append(out)
        pages = sum(len(files) for _, _, files in os.walk(folders[0]))
        diff = differing(*folders)
        if pages < 400 or diff:
            print(f"FAIL: {pages} files; differing: {diff[:5]}")
            return 1
        print(f"ok: {pages} files, the same with 1 and 3 jobs")
        return 0


if __name__ == "__main__":
    sys.exit(main())
