#!/usr/bin/env python3
"""Check annotated example templates: the diagnostics isobar reports in each
file must be exactly the ones written beside the lines that cause them.

An annotation is a YAML comment naming rules by code or name:

    volume_id: {get_resource: data}   # expect: cross-region-identity-reference
    # expect-next: R403               (the same, for the next non-comment line)

A comment line `# isobar-args: --profile ../profiles/openstack.yaml -P a=b`
gives the arguments for that file (paths relative to the file's folder).
Files without annotations must be clean: no error, warning or info at all.
A comment line `# xfail: REASON` marks a file whose annotations isobar does
not meet yet (a known gap, as lit's XFAIL): it is reported, not failed, and
fails as soon as it matches, so that the mark is removed.
Only the primary location of a diagnostic counts (notes are not annotated).
A file `FILE.args` beside a JSON template holds its arguments instead, and a
JSON template is expected to be clean.

Usage: check_annotated.py --isobar build/isobar DIR...
Exit status: 0 every file matches; 1 a file differs; 2 isobar failed.
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys

EXPECT = re.compile(r"#\s*expect(-next)?:\s*(.+?)\s*$")
ARGS = re.compile(r"^\s*#\s*isobar-args:\s*(.*)$")
XFAIL = re.compile(r"^\s*#\s*xfail:\s*(.*)$")
TEMPLATE_SUFFIXES = (".yaml", ".yml", ".json", ".template")


def read_annotations(path):
    """Returns (args, expected, xfail) where expected is a sorted list of
    (line, rule-or-name) and xfail the reason of a known gap, or None."""
    args, expected, pending, xfail = [], [], [], None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, text in enumerate(lines, start=1):
        m = ARGS.match(text)
        if m:
            args = shlex.split(m.group(1))
            continue
        m = XFAIL.match(text)
        if m:
            xfail = m.group(1)
            continue
        m = EXPECT.search(text)
        rules = []
        if m:
            rules = [r.strip() for r in m.group(2).split(",") if r.strip()]
            if m.group(1):
                pending.extend(rules)
                continue
        if text.strip().startswith("#") or not text.strip():
            continue
        expected.extend((number, r) for r in rules + pending)
        pending = []
    side = path + ".args"
    if os.path.exists(side):
        with open(side, encoding="utf-8") as f:
            args = shlex.split(f.read())
    return args, sorted(expected), xfail


def run(isobar, path, args):
    folder = os.path.dirname(path) or "."
    name = os.path.basename(path)
    cmd = [isobar, "lint", "--format", "json", *args, name]
    proc = subprocess.run(cmd, cwd=folder, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} (in {folder}) exited "
                           f"{proc.returncode}: {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    return report["diagnostics"]


def matches(diag, rule):
    return rule in (diag["rule"], diag["name"])


def check_file(isobar, path):
    args, expected, xfail = read_annotations(path)
    name = os.path.basename(path)
    actual = [d for d in run(isobar, path, args) if d["file"] == name]
    problems = []
    unmatched = list(actual)
    for line, rule in expected:
        hit = next((d for d in unmatched
                    if d["line"] == line and matches(d, rule)), None)
        if hit is None:
            problems.append(f"  line {line}: expected {rule}, not reported")
        else:
            unmatched.remove(hit)
    for d in unmatched:
        problems.append(f"  line {d['line']}:{d['column']}: unexpected "
                        f"{d['severity']} {d['rule']} {d['name']}: "
                        f"{d['message']}")
    if xfail is not None:
        if not problems:
            return ["  matches its annotations now: remove `# xfail:`"]
        print(f"XFAIL {path}: {xfail}")
        return []
    return problems


def templates(roots):
    for root in roots:
        if os.path.isfile(root):
            yield root
            continue
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for f in sorted(files):
                # Hidden files (.isobar.yaml, the project configuration)
                # are settings, not templates.
                if f.endswith(TEMPLATE_SUFFIXES) and not f.startswith("."):
                    yield os.path.join(folder, f)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--isobar", default="build/isobar")
    parser.add_argument("--skip", action="append", default=[],
                        help="a folder name to leave out (profiles, children)")
    parser.add_argument("paths", nargs="+")
    opts = parser.parse_args()
    isobar = os.path.abspath(opts.isobar)
    failed, count = 0, 0
    for path in templates(opts.paths):
        if any(part in opts.skip for part in path.split(os.sep)):
            continue
        count += 1
        try:
            problems = check_file(isobar, path)
        except (RuntimeError, json.JSONDecodeError) as e:
            print(f"FAIL {path}: {e}")
            return 2
        if problems:
            failed += 1
            print(f"FAIL {path}")
            print("\n".join(problems))
    print(f"{count - failed} of {count} annotated templates match")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
