#!/usr/bin/env python3
"""Split versus unsplit builds of real packages, side by side in one run.

For each package and each repetition, builds the package split (through nix-lib's splitPhases)
and unsplit, each under a fresh name suffix, through the same sequence of scenarios:

  cold        first build
  no-op       the same build again
  postInstall postInstall edited
  (failing)   postInstall made to fail: install fails (not timed)
  resume      postInstall fixed after the failure
  configure   configureFlags edited

and writes a Markdown table (medians where several runs were made), the archive sizes of the
split segments against the size of the build tree, and an SVG timeline of one split cold build.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPR = ROOT / "bench" / "split-bench.nix"

SCENARIOS = [
    ("cold", {}, True),
    ("no-op", {}, True),
    ("postInstall", {"postInstallExtra": "true # postInstall edited"}, True),
    ("failing", {"postInstallExtra": "echo install fails on purpose >&2; exit 1"}, False),
    ("resume", {"postInstallExtra": "true # fixed after the failure"}, True),
    ("configure", {"configureFlagsExtra": ["--with-phasesplit-bench"]}, True),
]
TIMED = ["cold", "no-op", "postInstall", "resume", "configure"]


def nix_string(value):
    if isinstance(value, list):
        return "[ " + " ".join(nix_string(v) for v in value) + " ]"
    return json.dumps(value).replace("${", "\\${")


class Build:
    """One nix-build of the benchmark expression, with its wall time and per-derivation times."""

    def __init__(self, package, split, suffix, edits, tool):
        self.args = [
            "nix-build", str(EXPR), "--no-out-link", "--log-format", "internal-json", "-v",
            "--arg", "split", "true" if split else "false",
            "--argstr", "package", package,
            "--argstr", "nameSuffix", suffix,
            "--arg", "phasesplit", tool,
        ]
        for name, value in edits.items():
            self.args += ["--arg", name, nix_string(value)]
        self.seconds = None
        self.ok = None
        self.derivations = {}  # drv path -> [start, stop] seconds since the build started

    def run(self):
        activities = {}
        start = time.monotonic()
        proc = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        tail = []
        for line in proc.stderr:
            now = time.monotonic() - start
            if not line.startswith("@nix "):
                continue
            try:
                event = json.loads(line[5:])
            except json.JSONDecodeError:
                continue
            if event.get("action") == "start" and event.get("type") == 105:
                drv = (event.get("fields") or [None])[0]
                activities[event["id"]] = drv
                self.derivations[drv] = [now, None]
            elif event.get("action") == "stop" and event.get("id") in activities:
                self.derivations[activities[event["id"]]][1] = now
            elif event.get("action") == "msg":
                tail = (tail + [event.get("msg", "")])[-5:]
        proc.wait()
        self.seconds = time.monotonic() - start
        self.ok = proc.returncode == 0
        self.tail = tail
        self.out = proc.stdout.read().split()
        return self


def run_sequence(package, split, tool, label):
    suffix = f"-bench{uuid.uuid4().hex[:8]}"
    results = {}
    for name, edits, expect_ok in SCENARIOS:
        build = Build(package, split, suffix, edits, tool).run()
        if build.ok != expect_ok:
            sys.exit(f"split-bench: {label} {name}: nix-build {'failed' if expect_ok else 'succeeded'} "
                     f"unexpectedly:\n" + "\n".join(build.tail))
        results[name] = build
        print(f"  {label:8} {name:12} {build.seconds:8.2f} s", file=sys.stderr)
    return results


def archive_sizes(tool, cold_build):
    """Bytes of every segment archive of a split cold build, and of the build tree they hold."""
    rows = []
    for drv, _ in sorted(cold_build.derivations.items(), key=lambda item: item[1][0]):
        if "-seg-" not in drv:
            continue
        out = subprocess.run(["nix-store", "-q", "--outputs", drv], capture_output=True, text=True,
                             check=True).stdout.split()[0]
        tree = Path(out) / "tree.pst"
        if not tree.exists():
            continue
        listing = json.loads(subprocess.run([tool, "list", str(tree), "--json"], capture_output=True,
                                            text=True, check=True).stdout)
        entries = listing["entries"] if isinstance(listing, dict) else listing
        tree_bytes = sum(entry.get("size", 0) for entry in entries)
        archive_bytes = sum(f.stat().st_size for f in Path(out).iterdir() if f.suffix == ".pst")
        rows.append((drv.split("-seg-")[-1].removesuffix(".drv"), archive_bytes, tree_bytes, str(tree)))
    return rows


def archive_bench(tool, archive):
    """bench/archive-bench.sh on the build tree held by `archive`, restored into a scratch folder."""
    scratch = Path(tempfile.mkdtemp(prefix="split-bench-tree."))
    try:
        subprocess.run([tool, "unpack", archive, "-C", str(scratch)], check=True)
        result = subprocess.run(["bash", str(ROOT / "bench" / "archive-bench.sh"), tool, str(scratch)],
                                env={**os.environ, "BENCH_ONLY_TREES": "1"}, capture_output=True, text=True,
                                check=True)
        return result.stdout.replace(str(scratch), "tree").strip()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def timeline_svg(build, title):
    spans = sorted(((drv, s, e) for drv, (s, e) in build.derivations.items() if e is not None),
                   key=lambda span: span[1])
    total = max(e for _, _, e in spans)
    width, left, row = 760, 220, 26
    height = 50 + row * len(spans)
    scale = (width - left - 20) / total
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="sans-serif" font-size="12">',
             f'<text x="10" y="20" font-size="14">{title}</text>']
    for index, (drv, s, e) in enumerate(spans):
        y = 36 + index * row
        name = drv.split("-", 1)[1].removesuffix(".drv")
        label = name.split("-seg-")[-1] if "-seg-" in name else "install (final)"
        parts.append(f'<text x="10" y="{y + 15}">{label}</text>')
        parts.append(f'<rect x="{left + s * scale:.1f}" y="{y}" width="{max((e - s) * scale, 1):.1f}" '
                     f'height="{row - 8}" fill="#4a7fb5"/>')
        parts.append(f'<text x="{left + e * scale + 4:.1f}" y="{y + 15}">{e - s:.1f} s</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tool", required=True, help="the phasesplit executable (copied into the store)")
    parser.add_argument("--package", action="append", required=True,
                        help="PACKAGE[:RUNS], a fixture attribute and how many runs (default 1)")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results"))
    args = parser.parse_args()
    output = Path(args.output)
    output.mkdir(parents=True, exist_ok=True)

    lines = ["# Split versus unsplit builds", "",
             f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on this machine "
             f"({os.cpu_count()} cores) by `bash bench/split-bench.sh`. Each package was built under a fresh "
             "name, split and unsplit, through the same scenarios in one run; times are wall-clock "
             "`nix-build` seconds, medians over the runs stated.", "",
             "| package | runs | scenario | unsplit s | split s | split/unsplit |",
             "|---|---|---|---|---|---|"]
    size_lines = []
    largest = None  # (tree.pst path, label, tree bytes)
    for spec in args.package:
        package, _, runs = spec.partition(":")
        runs = int(runs or 1)
        times = {"split": {name: [] for name in TIMED}, "unsplit": {name: [] for name in TIMED}}
        first_split = None
        for run in range(runs):
            print(f"split-bench: {package} run {run + 1}/{runs}", file=sys.stderr)
            for label, split in (("unsplit", False), ("split", True)):
                results = run_sequence(package, split, args.tool, label)
                for name in TIMED:
                    times[label][name].append(results[name].seconds)
                if split and first_split is None:
                    first_split = results["cold"]
        for name in TIMED:
            u = statistics.median(times["unsplit"][name])
            s = statistics.median(times["split"][name])
            lines.append(f"| {package} | {runs} | {name} | {u:.2f} | {s:.2f} | {s / u:.3f} |")
        svg = output / f"timeline-{package}.svg"
        svg.write_text(timeline_svg(first_split, f"{package}: split cold build, seconds per segment"))
        for segment, archive_bytes, tree_bytes, tree in archive_sizes(args.tool, first_split):
            if largest is None or tree_bytes > largest[2]:
                largest = (tree, f"{package} after segment {segment}", tree_bytes)
            size_lines.append(f"| {package} | {segment} | {tree_bytes} | {archive_bytes} | "
                              f"{archive_bytes / max(tree_bytes, 1):.3f} |")
    lines += ["", "## Segment archives against their build trees", "",
              "| package | segment | tree bytes | archive bytes | ratio |", "|---|---|---|---|---|"] + size_lines
    if largest:
        lines += ["", "## phasesplit pack/unpack against tar + zstd on the largest tree", "",
                  f"`bash bench/archive-bench.sh` on the tree of {largest[1]} (restored from {largest[0]}), "
                  "median of 3:", "", "```", archive_bench(args.tool, largest[0]), "```"]
    report = output / "split-bench.md"
    report.write_text("\n".join(lines) + "\n")
    print(report.read_text())


if __name__ == "__main__":
    main()
