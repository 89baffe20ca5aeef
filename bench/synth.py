#!/usr/bin/env python3
"""Times a whole synth as a user runs it, for 1, 4 and 17 regions, and reports wall time and peak memory.

Usage: bench/synth.py [--runs N] [--cdktf PATH_TO_CDKTF_CLI] [--full-provider]

Runs the prebuilt jar (app/target/agc-infra.jar; build it first with `mvn -pl app -am -DskipTests package`)
in a scratch directory with generated agc.yaml files (account set, every region with defaults, so no AWS call),
and `cdktf synth` too when the CDKTF CLI is given or on PATH. Peak memory is the highest sum of the resident
memory of the JVM and its Node.js (jsii) child, sampled every 20 ms from /proc. Prints a Markdown table.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "app", "target", "agc-infra.jar")
REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2",
           "eu-west-3", "eu-central-1", "eu-north-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1",
           "ap-southeast-2", "ap-south-1", "sa-east-1", "af-south-1"]


def tree_rss_kb(pid):
    """Resident memory of pid and all its descendants, in KiB."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def measure(cmd, cwd, env):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    return wall, peak / 1024, err


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cdktf", default=shutil.which("cdktf"))
    parser.add_argument("--full-provider", action="store_true",
                        help="also time the jar with the provider's full jsii bundle (what the trimming saves)")
    args = parser.parse_args()
    if not os.path.exists(JAR):
        sys.exit(f"{JAR} is missing: run `mvn -pl app -am -DskipTests package` first")
    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20", CHECKPOINT_DISABLE="1",
               DISABLE_VERSION_CHECK="1")
    tools = [("agc-infra.jar", lambda d: ["java", "-jar", JAR])]
    if args.full_provider:
        # The provider jar first on the class path: jsii loads its full bundle instead of the trimmed one.
        lib = os.path.join(ROOT, "app", "target", "lib")
        provider = [os.path.join(lib, j) for j in os.listdir(lib) if j.startswith("cdktf-provider-aws-")]
        tools.append(("agc-infra.jar, full provider bundle",
                      lambda d: ["java", "-cp", os.pathsep.join(provider + [JAR]), "dev.agcinfra.app.Main"]))
    if args.cdktf:
        tools.append(("cdktf synth", lambda d: [args.cdktf, "synth"]))
    print(f"| tool | regions | stacks | wall s (median of {args.runs}) | peak MiB | jsii+provider load s |")
    print("|---|---|---|---|---|---|")
    for name, cmd in tools:
        for n in (1, 4, 17):
            with tempfile.TemporaryDirectory() as d:
                with open(os.path.join(d, "agc.yaml"), "w") as f:
                    f.write('account: "123456789012"\nregions:\n')
                    for r in REGIONS[:n]:
                        f.write(f"  {r}: {{}}\n")
                shutil.copy(os.path.join(ROOT, "cdktf.json"), d)
                os.symlink(os.path.join(ROOT, "bin"), os.path.join(d, "bin"))
                walls, peaks, loads = [], [], []
                for _ in range(args.runs):
                    shutil.rmtree(os.path.join(d, "cdktf.out"), ignore_errors=True)
                    wall, peak, err = measure(cmd(d), d, dict(env, AGC_INFRA_TIMINGS="1"))
                    walls.append(wall)
                    peaks.append(peak)
                    for line in err.splitlines():
                        if "provider loaded" in line:
                            loads.append(int(line.split()[1]) / 1000)
                stacks = len(os.listdir(os.path.join(d, "cdktf.out", "stacks")))
                load = f"{statistics.median(loads):.2f}" if loads else "-"
                print(f"| {name} | {n} | {stacks} | {statistics.median(walls):.2f} | {max(peaks):.0f} | {load} |",
                      flush=True)


if __name__ == "__main__":
    main()
