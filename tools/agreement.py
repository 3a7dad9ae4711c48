#!/usr/bin/env python3
"""Measure isobar's agreement with Heat and cfn-lint over the shared corpus.

Runs `isobar lint --format json` over every file that
`heat-verdicts.jsonl` and `cfnlint-verdicts.jsonl` name (each file named
explicitly, in batches), then reports:

Heat      over heat-verdicts.jsonl (rows with `time_dependent: true` are
          left out): isobar "rejects" a file when it reports at least one
          error-level diagnostic in it; agreement is the share of files where
          that equals Heat's verdict (`ok: false`). Every disagreement is
          listed.
cfn-lint  over cfnlint-verdicts.jsonl: (1) files where cfn-lint reports no
          error but isobar reports one -- there must be none; (2) of the
          files where cfn-lint reports errors, the share isobar also flags,
          overall and per cfn-lint rule family (E0xxx, E1xxx, ...).

Exit status: 0 all conditions hold; 1 a cfn-lint-clean file has an isobar
error, or Heat agreement is below --min-heat-agreement; 2 isobar failed or
usage error; 77 the corpus is absent (CTest reports the test as skipped).

Standard library only. See docs/fidelity.md, "Measured agreement".
"""

import argparse
import json
import os
import subprocess
import sys

SKIP = 77
BATCH = 100


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except ValueError as e:
                sys.exit("agreement: %s:%d: %s" % (path, n, e))
    return rows


def run_isobar(isobar, corpus, paths, jobs):
    """Return {path: [error diagnostics]} for every path, in isobar's order."""
    errors = {p: [] for p in paths}
    for i in range(0, len(paths), BATCH):
        batch = paths[i:i + BATCH]
        cmd = [isobar, "lint", "--format", "json", "-j", str(jobs)] + batch
        proc = subprocess.run(cmd, cwd=corpus, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
        if proc.returncode not in (0, 1):
            sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
            print("agreement: isobar exited with %d" % proc.returncode,
                  file=sys.stderr)
            sys.exit(2)
        try:
            report = json.loads(proc.stdout.decode("utf-8"))
        except ValueError as e:
            print("agreement: isobar's JSON report does not parse: %s" % e,
                  file=sys.stderr)
            sys.exit(2)
        if report.get("format") != "isobar-report/1":
            print("agreement: unexpected report format %r" % report.get("format"),
                  file=sys.stderr)
            sys.exit(2)
        for d in report.get("diagnostics", []):
            if d.get("severity") != "error":
                continue
            f = os.path.normpath(d.get("file", ""))
            if f in errors:
                errors[f].append(d)
            # A diagnostic inside a nested template (it has a stack_path)
            # whose note points at the parent's use also makes the parent
            # rejected (Heat rejects it). Notes of other diagnostics point
            # elsewhere only to explain them.
            for note in d.get("notes", []) if d.get("stack_path") else []:
                nf = os.path.normpath(note.get("file", f))
                if nf != f and nf in errors and d not in errors[nf]:
                    errors[nf].append(d)
    return errors


def short(text, width=110):
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 3] + "..."


def first_error(diags):
    if not diags:
        return None
    d = diags[0]
    return {"rule": d.get("rule"), "line": d.get("line"),
            "message": d.get("message", "")}


def measure(args):
    corpus = args.corpus
    heat_file = os.path.join(corpus, "heat-verdicts.jsonl")
    cfn_file = os.path.join(corpus, "cfnlint-verdicts.jsonl")
    if not (os.path.isfile(heat_file) and os.path.isfile(cfn_file)):
        print("agreement: corpus not found at %s; skipped" % corpus)
        sys.exit(SKIP)

    heat_rows = [r for r in load_jsonl(heat_file) if not r.get("time_dependent")]
    time_dependent = sum(1 for r in load_jsonl(heat_file) if r.get("time_dependent"))
    cfn_rows = load_jsonl(cfn_file)

    paths, missing = [], []
    for r in heat_rows + cfn_rows:
        p = os.path.normpath(r["path"])
        r["path"] = p
        if not os.path.isfile(os.path.join(corpus, p)):
            missing.append(p)
        elif p not in paths:
            paths.append(p)
    if missing:
        print("agreement: %d corpus files named in the verdicts are missing, e.g. %s"
              % (len(missing), missing[0]), file=sys.stderr)
        sys.exit(2)

    errors = run_isobar(args.isobar, corpus, paths, args.jobs)

    # --- Heat ---------------------------------------------------------------
    disagreements = []
    agree = 0
    for r in heat_rows:
        heat_rejects = not r["ok"]
        isobar_rejects = bool(errors[r["path"]])
        if heat_rejects == isobar_rejects:
            agree += 1
            continue
        disagreements.append({
            "path": r["path"],
            "heat": ("rejected" if heat_rejects else "accepted"),
            "heat_stage": r.get("stage"),
            "heat_error_class": r.get("error_class"),
            "heat_message": r.get("message") or "",
            "isobar_first_error": first_error(errors[r["path"]]),
        })
    heat_total = len(heat_rows)
    heat = {
        "files": heat_total,
        "time_dependent_skipped": time_dependent,
        "heat_rejected": sum(1 for r in heat_rows if not r["ok"]),
        "agree": agree,
        "agreement": agree / heat_total if heat_total else 1.0,
        "minimum": args.min_heat_agreement,
        "disagreements": disagreements,
    }

    # --- cfn-lint -------------------------------------------------------------
    false_errors = []
    flagged = 0
    error_files = 0
    families = {}
    for r in cfn_rows:
        cfn_errs = [e for e in r.get("errors", []) if e.get("level", "Error") == "Error"]
        ours = errors[r["path"]]
        if not cfn_errs:
            if ours:
                false_errors.append({"path": r["path"],
                                     "isobar_first_error": first_error(ours),
                                     "isobar_errors": len(ours)})
            continue
        error_files += 1
        if ours:
            flagged += 1
        for fam in sorted({e.get("rule", "E?")[:2] for e in cfn_errs}):
            f = families.setdefault(fam, {"files": 0, "flagged": 0})
            f["files"] += 1
            if ours:
                f["flagged"] += 1
    for f in families.values():
        f["share"] = f["flagged"] / f["files"] if f["files"] else 0.0
    cfnlint = {
        "files": len(cfn_rows),
        "clean_files": len(cfn_rows) - error_files,
        "false_errors": false_errors,
        "error_files": error_files,
        "flagged": flagged,
        "share_flagged": flagged / error_files if error_files else 1.0,
        "families": families,
    }

    ok_heat = args.min_heat_agreement is None or heat["agreement"] >= args.min_heat_agreement
    ok_cfn = not false_errors
    return {"heat": heat, "cfnlint": cfnlint, "ok": ok_heat and ok_cfn,
            "ok_heat": ok_heat, "ok_cfnlint": ok_cfn}


def pct(x):
    return "%.1f%%" % (100.0 * x)


def print_text(res):
    h = res["heat"]
    print("Heat agreement: %d/%d files = %s  (time-dependent rows left out: %d; "
          "Heat rejected %d)" % (h["agree"], h["files"], pct(h["agreement"]),
                                 h["time_dependent_skipped"], h["heat_rejected"]))
    if h["minimum"] is not None:
        print("  minimum: %s -> %s" % (pct(h["minimum"]),
                                       "ok" if res["ok_heat"] else "BELOW MINIMUM"))
    print("  disagreements: %d" % len(h["disagreements"]))
    for d in h["disagreements"]:
        print("  - %s" % d["path"])
        if d["heat"] == "rejected":
            print("      Heat:   rejected at %s, %s: %s" % (
                d["heat_stage"], d["heat_error_class"], short(d["heat_message"])))
        else:
            print("      Heat:   accepted")
        e = d["isobar_first_error"]
        if e:
            print("      isobar: %s line %s: %s" % (e["rule"], e["line"], short(e["message"])))
        else:
            print("      isobar: no error")

    c = res["cfnlint"]
    print()
    print("cfn-lint: %d files, %d with no cfn-lint error, %d with errors"
          % (c["files"], c["clean_files"], c["error_files"]))
    print("  isobar errors on cfn-lint-clean files: %d (must be 0)%s"
          % (len(c["false_errors"]), "" if res["ok_cfnlint"] else "  FAIL"))
    for f in c["false_errors"]:
        e = f["isobar_first_error"]
        print("  - %s: %s line %s: %s" % (f["path"], e["rule"], e["line"], short(e["message"])))
    print("  cfn-lint error files isobar also flags: %d/%d = %s"
          % (c["flagged"], c["error_files"], pct(c["share_flagged"])))
    print()
    print("  | cfn-lint family | files with such errors | isobar flags | share |")
    print("  |---|---:|---:|---:|")
    for fam in sorted(c["families"]):
        f = c["families"][fam]
        print("  | %sxxx | %d | %d | %s |" % (fam, f["files"], f["flagged"], pct(f["share"])))
    print("  (a file counts once per family it has errors in)")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--isobar", default=os.path.join(here, "..", "build", "isobar"),
                    help="the isobar binary (default: build/isobar)")
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus"),
                    help="the corpus directory (default: ../shared/corpus)")
    ap.add_argument("--min-heat-agreement", type=float, default=None, metavar="X",
                    help="exit 1 when Heat agreement is below X (a fraction, e.g. 0.97)")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="isobar worker threads")
    args = ap.parse_args()
    if args.min_heat_agreement is not None and args.min_heat_agreement > 1:
        args.min_heat_agreement /= 100.0  # accept 92 as well as 0.92
    args.corpus = os.path.abspath(args.corpus)
    if not os.path.isdir(args.corpus):
        print("agreement: corpus not found at %s; skipped" % args.corpus)
        return SKIP
    args.isobar = os.path.abspath(args.isobar)
    if not os.access(args.isobar, os.X_OK):
        print("agreement: isobar binary not found at %s" % args.isobar, file=sys.stderr)
        return 2

    res = measure(args)
    if args.json:
        json.dump(res, sys.stdout, indent=2, sort_keys=True)
        print()
    else:
        print_text(res)
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
