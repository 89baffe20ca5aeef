#!/usr/bin/env python3
"""Times a whole synth as a user runs it, side by side with the AWS CDK baseline, for 1, 4 and 17 regions.

Usage: bench/synth.py [--runs N] [--regions 1,4,17] [--cdk-baseline DIR | --no-cdk] [--jar] [--cdktf PATH]
                      [--full-provider] [--count-calls]

agc-infra runs as `bin/agc-infra` (what users and cdktf.json run: the prebuilt jar, app/target/agc-infra.jar; build it
first with `mvn -B -DskipTests package`) in a scratch directory with a generated agc.yaml (account set, every region
with its defaults, so no AWS call). The AWS CDK baseline (../shared/bench/cdk-baseline beside this repository, or
--cdk-baseline: a plain AWS CDK v2 app that builds the same core per region) is installed with `npm ci` into a cache
folder outside the repository (~/.cache/agc-infra-bench, or $AGC_BENCH_CACHE) and run as
`CDK_VALIDATION=false node app.js N`. The commands alternate run by run (agc-infra, CDK, agc-infra again with nothing
changed), so a change of the machine's speed hits both alike; figures are medians. Peak memory is the highest sum of
the resident memory of the process tree (the JVM and its Node.js child; node for CDK), sampled every 20 ms from /proc.

--jar also times `java -jar app/target/agc-infra.jar` (without bin/agc-infra's JVM and jsii settings);
--cdktf PATH also times `cdktf synth` through cdktf.json; --full-provider the jar with the provider's whole jsii
bundle; --count-calls counts the jsii requests and callbacks of one region (JSII_DEBUG=1).
Prints Markdown tables, and the machine's load before and after.
"""
import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "app", "target", "agc-infra.jar")
LAUNCHER = os.path.join(ROOT, "bin", "agc-infra")
DEFAULT_CDK_BASELINE = os.path.join(os.path.dirname(ROOT), "shared", "bench", "cdk-baseline")
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
    """Runs cmd; returns (wall seconds, peak MiB of its process tree, stdout, stderr)."""
    out_file = tempfile.TemporaryFile()
    err_file = tempfile.TemporaryFile()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out_file, stderr=err_file)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kb(proc.pid))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    out_file.seek(0)
    err_file.seek(0)
    out, err = out_file.read().decode(), err_file.read().decode()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed in {cwd} ({proc.returncode}):\n{err}")
    return wall, peak / 1024, out, err


def install_cdk_baseline(source):
    """Copies the baseline app into the cache (keyed by its lock file) and runs `npm ci` there once."""
    with open(os.path.join(source, "package-lock.json"), "rb") as f:
        key = hashlib.sha256(f.read()).hexdigest()[:12]
    cache = os.environ.get("AGC_BENCH_CACHE", os.path.join(os.path.expanduser("~"), ".cache", "agc-infra-bench"))
    target = os.path.join(cache, "cdk-baseline-" + key)
    if not os.path.isdir(os.path.join(target, "node_modules", "aws-cdk-lib")):
        os.makedirs(target, exist_ok=True)
        for name in ("package.json", "package-lock.json", "app.js"):
            shutil.copy(os.path.join(source, name), target)
        print(f"installing the AWS CDK baseline into {target} (npm ci)", file=sys.stderr, flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=target, check=True, stdout=subprocess.DEVNULL)
    for name in ("app.js",):  # the app may change without its lock file
        shutil.copy(os.path.join(source, name), target)
    return target


def write_settings(d, n):
    with open(os.path.join(d, "agc.yaml"), "w") as f:
        f.write('account: "123456789012"\nregions:\n')
        for r in REGIONS[:n]:
            f.write(f"  {r}: {{}}\n")


def load():
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def med(values):
    return statistics.median(values) if values else float("nan")


def count_calls(env):
    """The jsii requests (Java to Node.js) and callbacks (Node.js to Java) of a one-region synth."""
    with tempfile.TemporaryDirectory() as d:
        write_settings(d, 1)
        _, _, _, err = measure([LAUNCHER], d, dict(env, JSII_DEBUG="1"))
    requests = sum(1 for line in err.splitlines() if line.startswith("> {") and '"complete"' not in line[:14])
    callbacks = sum(1 for line in err.splitlines() if line.startswith('< {"callback"'))
    kinds = {}
    for line in err.splitlines():
        if line.startswith('> {"api":"'):
            kind = line[10:].split('"', 1)[0]
            kinds[kind] = kinds.get(kind, 0) + 1
        elif line.startswith('> {"fqn":'):
            kinds["create"] = kinds.get("create", 0) + 1
    detail = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]))
    print(f"\njsii calls of a one-region synth: {requests} requests from Java ({detail}), {callbacks} callbacks "
          f"from Node.js\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--regions", default="1,4,17")
    parser.add_argument("--cdk-baseline", default=DEFAULT_CDK_BASELINE)
    parser.add_argument("--no-cdk", action="store_true")
    parser.add_argument("--jar", action="store_true", help="also time java -jar app/target/agc-infra.jar")
    parser.add_argument("--cdktf", help="the CDKTF CLI 0.19.2, to also time `cdktf synth`")
    parser.add_argument("--full-provider", action="store_true",
                        help="also time the jar with the provider's full jsii bundle (what the trimming saves)")
    parser.add_argument("--count-calls", action="store_true")
    args = parser.parse_args()
    if not os.path.exists(JAR):
        sys.exit(f"{JAR} is missing: run `mvn -B -DskipTests package` first")
    counts = [int(n) for n in args.regions.split(",")]
    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20", CHECKPOINT_DISABLE="1",
               DISABLE_VERSION_CHECK="1")
    env.pop("CDKTF_OUTDIR", None)
    env.pop("AGC_INFRA_FORCE", None)
    cdk = None
    if not args.no_cdk:
        if os.path.isdir(args.cdk_baseline):
            cdk = os.path.join(install_cdk_baseline(args.cdk_baseline), "app.js")
        else:
            print(f"no AWS CDK baseline at {args.cdk_baseline} (--cdk-baseline DIR): agc-infra only", file=sys.stderr)
    # The first synth after a build writes the launcher's class archive (bin/agc-infra): once, untimed, as a user's
    # first synth would.
    with tempfile.TemporaryDirectory() as d:
        write_settings(d, 1)
        measure([LAUNCHER], d, env)
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(f"Java: {version}{' (JAVA_HOME)' if os.environ.get('JAVA_HOME') else ''}.")
    print(f"Before: {load()}.\n")
    if args.count_calls:
        count_calls(env)

    print(f"| regions | stacks | `bin/agc-infra` s | AWS CDK s | ratio | unchanged re-synth s | of a full synth "
          f"| peak MiB | CDK peak MiB | jsii ready at s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in counts:
        with tempfile.TemporaryDirectory() as d, tempfile.TemporaryDirectory() as cdk_dir:
            write_settings(d, n)
            walls, peaks, ready, again, cdk_walls, cdk_peaks = [], [], [], [], [], []
            for _ in range(args.runs):
                shutil.rmtree(os.path.join(d, "cdktf.out"), ignore_errors=True)
                wall, peak, _, err = measure([LAUNCHER], d, dict(env, AGC_INFRA_TIMINGS="1"))
                walls.append(wall)
                peaks.append(peak)
                ready.extend(int(line.split()[1]) / 1000 for line in err.splitlines()
                             if line.startswith("timing") and "provider loaded" in line)
                if cdk:
                    shutil.rmtree(os.path.join(cdk_dir, "cdk.out"), ignore_errors=True)
                    wall, peak, _, _ = measure(["node", cdk, str(n)], cdk_dir, dict(env, CDK_VALIDATION="false"))
                    cdk_walls.append(wall)
                    cdk_peaks.append(peak)
                wall, _, _, _ = measure([LAUNCHER], d, env)
                again.append(wall)
            stacks = len(os.listdir(os.path.join(d, "cdktf.out", "stacks")))
            ratio = f"{med(walls) / med(cdk_walls):.2f}x" if cdk_walls else "-"
            cdk_wall = f"{med(cdk_walls):.2f}" if cdk_walls else "-"
            cdk_peak = f"{max(cdk_peaks):.0f}" if cdk_peaks else "-"
            print(f"| {n} | {stacks} | {med(walls):.2f} | {cdk_wall} | {ratio} | {med(again):.2f} | "
                  f"{med(again) / med(walls):.2f} | {max(peaks):.0f} | {cdk_peak} | "
                  f"{med(ready) if ready else float('nan'):.2f} |", flush=True)

    others = []
    if args.jar:
        others.append(("`java -jar app/target/agc-infra.jar`", lambda d: ["java", "-jar", JAR]))
    if args.full_provider:
        # The provider jar first on the class path: jsii loads its full bundle instead of the trimmed one.
        lib = os.path.join(ROOT, "app", "target", "lib")
        provider = [os.path.join(lib, j) for j in os.listdir(lib) if j.startswith("cdktf-provider-aws-")]
        others.append(("jar, full provider bundle",
                       lambda d: ["java", "-cp", os.pathsep.join(provider + [JAR]), "dev.agcinfra.app.Main"]))
    if args.cdktf:
        others.append(("`cdktf synth`", lambda d: [args.cdktf, "synth"]))
    if others:
        print(f"\n| command | regions | wall s (median of {args.runs}) | peak MiB |")
        print("|---|---|---|---|")
    for name, cmd in others:
        for n in counts:
            with tempfile.TemporaryDirectory() as d:
                write_settings(d, n)
                shutil.copy(os.path.join(ROOT, "cdktf.json"), d)
                os.symlink(os.path.join(ROOT, "bin"), os.path.join(d, "bin"))
                walls, peaks = [], []
                for _ in range(args.runs):
                    shutil.rmtree(os.path.join(d, "cdktf.out"), ignore_errors=True)
                    wall, peak, _, _ = measure(cmd(d), d, env)
                    walls.append(wall)
                    peaks.append(peak)
                print(f"| {name} | {n} | {med(walls):.2f} | {max(peaks):.0f} |", flush=True)
    print(f"\nAfter: {load()}.")


if __name__ == "__main__":
    main()
