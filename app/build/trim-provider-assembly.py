#!/usr/bin/env python3
"""Writes a trimmed copy of the AWS provider's jsii bundle that holds only the types agc-infra uses.

Why: the bundle of @cdktf/provider-aws 18.0.3 holds 28,636 types (a 128 MB type system) and 1,792 JavaScript
submodules that Node.js loads eagerly; jsii parses and loads all of them on every synth, about 2-3 s of CPU before the
first construct exists. agc-infra uses about 25 of them. The trimmed bundle keeps those, and every type they
reference, transitively, so jsii behaves exactly as with the full bundle for everything agc-infra does.

How it is used: the app module's build writes the result into target/classes under the same resource name as the
provider jar's bundle (com/hashicorp/cdktf/providers/aws/provider-aws@<version>.jsii.tgz). The app's classes come
before its dependencies on every class path (the jar's manifest, Surefire), so jsii loads this copy. The app's tests
synthesize every stack through it: a type left out fails them.

The same goes for the Java side's map of jsii types to Java classes, com/hashicorp/cdktf/providers/aws/$Module.txt
(7.8 MB, one line per type, read into a map before the provider's first class is used: about 0.2 s of a cold JVM):
the copy holds the lines of the kept types only, the only ones jsii can hand back to Java.

The set of provider packages is read from the Java sources: every `com.hashicorp.cdktf.providers.aws.<package>`
they mention. The output is deterministic (sorted entries, zero timestamps), so jsii's package cache keeps hitting.

Usage: trim-provider-assembly.py --jar PROVIDER_JAR --out OUTPUT_DIR SOURCE_DIR...
"""
import argparse
import gzip
import io
import json
import os
import re
import sys
import tarfile
import zipfile

PREFIX = "@cdktf/provider-aws."
JAVA_PACKAGE = re.compile(r"com\.hashicorp\.cdktf\.providers\.aws\.([a-z0-9_]+)\.")
FQN_REF = re.compile(r'"fqn": "(@cdktf/provider-aws\.[^"]+)"')
EXPORT = re.compile(r'^exports\.(\w+) = require\("\./([^"]+)"\);$')


def used_submodules(source_dirs):
    packages = set()
    for top in source_dirs:
        for root, _, files in os.walk(top):
            for name in files:
                if name.endswith(".java"):
                    with open(os.path.join(root, name), encoding="utf-8") as f:
                        packages.update(JAVA_PACKAGE.findall(f.read()))
    # Java package data_aws_vpc is jsii submodule dataAwsVpc.
    return {PREFIX + re.sub(r"_([a-z0-9])", lambda m: m.group(1).upper(), p) for p in packages}


def type_closure(assembly, submodules):
    missing = [s for s in submodules if s not in assembly["submodules"]]
    if missing:
        sys.exit(f"trim-provider-assembly: no such provider submodule(s): {', '.join(sorted(missing))}")
    todo = [fqn for fqn in assembly["types"] if fqn.rsplit(".", 1)[0] in submodules]
    keep = set()
    while todo:
        fqn = todo.pop()
        if fqn in keep:
            continue
        keep.add(fqn)
        todo.extend(set(FQN_REF.findall(json.dumps(assembly["types"][fqn]))) - keep)
        t = assembly["types"][fqn]
        for parent in [t.get("base")] + t.get("interfaces", []):
            if parent and parent.startswith(PREFIX) and parent not in keep:
                todo.append(parent)
    return keep


def lib_dir(type_info):
    # "src/vpc/index.ts" -> "vpc"
    parts = type_info["locationInModule"]["filename"].split("/")
    return parts[1] if len(parts) > 2 else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jar", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("sources", nargs="+")
    args = parser.parse_args()

    submodules = used_submodules(args.sources)
    stamp_text = json.dumps({"jar": os.path.abspath(args.jar), "jarSize": os.path.getsize(args.jar),
                             "script": os.path.getmtime(__file__), "submodules": sorted(submodules)})
    stamp = os.path.join(os.path.dirname(os.path.abspath(args.out)),
                         "provider-aws-trim-" + os.path.basename(os.path.abspath(args.out)) + ".stamp")
    if os.path.exists(stamp):
        written, _, targets = open(stamp).read().partition("\n")
        if written == stamp_text and targets and all(os.path.exists(t) for t in targets.split("\n")):
            print("trim-provider-assembly: up to date")
            return

    with zipfile.ZipFile(args.jar) as jar:
        bundles = [n for n in jar.namelist() if n.endswith(".jsii.tgz")]
        if len(bundles) != 1:
            sys.exit(f"trim-provider-assembly: expected one .jsii.tgz in {args.jar}, found {bundles}")
        bundle_name = bundles[0]
        bundle = jar.read(bundle_name)
        module_name = os.path.dirname(bundle_name) + "/$Module.txt"
        module_types = jar.read(module_name).decode()

    with tarfile.open(fileobj=io.BytesIO(bundle), mode="r:gz") as tar:
        members = {m.name: (m, tar.extractfile(m).read() if m.isfile() else None) for m in tar.getmembers()}

    assembly = json.loads(members["package/.jsii"][1])
    total = len(assembly["types"])
    keep = type_closure(assembly, submodules)
    dirs = {lib_dir(assembly["types"][fqn]) for fqn in keep} - {None}
    assembly["types"] = {fqn: assembly["types"][fqn] for fqn in sorted(keep)}
    assembly["submodules"] = {name: sm for name, sm in assembly["submodules"].items()
                              if sm.get("symbolId", "").split("/")[1:2] and sm["symbolId"].split("/")[1] in dirs}

    index_lines = []
    for line in members["package/lib/index.js"][1].decode().splitlines():
        m = EXPORT.match(line)
        if m is None or m.group(2) in dirs:
            index_lines.append(line)
    replaced = {
        "package/.jsii": json.dumps(assembly, separators=(",", ":")).encode(),
        "package/lib/index.js": ("\n".join(index_lines) + "\n").encode(),
    }

    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name in sorted(members):
            info, data = members[name]
            parts = name.split("/")
            if len(parts) > 2 and parts[1] == "lib" and parts[2] not in dirs and not parts[2].startswith("index."):
                continue
            data = replaced.get(name, data)
            info = tarfile.TarInfo(name)
            info.type = members[name][0].type
            info.mode = members[name][0].mode
            info.mtime = 0
            if data is not None:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            else:
                tar.addfile(info)
    target = os.path.join(args.out, os.path.dirname(bundle_name), os.path.basename(bundle_name))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0) as gz:
            gz.write(out.getvalue())
    module_target = os.path.join(args.out, module_name)
    module_lines = [line for line in module_types.splitlines() if line.partition("=")[0] in keep]
    missing = keep - {line.partition("=")[0] for line in module_lines}
    if missing:
        sys.exit(f"trim-provider-assembly: {module_name} names no Java class for {', '.join(sorted(missing)[:5])}")
    with open(module_target, "w", encoding="utf-8") as f:
        f.write("\n".join(module_lines) + "\n")
    with open(stamp, "w") as f:
        f.write(stamp_text + "\n" + os.path.abspath(target) + "\n" + os.path.abspath(module_target))
    print(f"trim-provider-assembly: {len(keep)} of {total} types, "
          f"{len(dirs)} submodules -> {target} ({os.path.getsize(target) // 1024} KiB), and their {len(module_lines)} "
          f"Java classes -> {module_target}")


if __name__ == "__main__":
    main()
