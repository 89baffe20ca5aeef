#!/usr/bin/env python3
"""Writes the part of hashicorp/aws's schema that agc-infra's schema test checks synthesized stacks against.

Source: the prebuilt CDKTF bindings @cdktf/provider-aws on npm, which HashiCorp generates from one hashicorp/aws
release (21.22.1 from 6.25.0). Two things in that package carry the provider's schema, and both are read:

- its jsii assembly (.jsii, JSON): every resource and data source class links its registry page
  (".../docs/resources/nat_gateway aws_nat_gateway"), and every property of its configuration struct, nested block
  structs included, links the registry anchor that is the Terraform argument's name ("...#availability_mode"), so
  names are never guessed from camelCase. A property whose type is another struct of the package is a nested block;
  the provider's own configuration (AwsProviderConfig) is read the same way;
- its JavaScript (lib/<resource>/index.js), for the attributes that are only computed (public_ip, arn, ...), which the
  configuration structs do not list: every getter of a resource class reads its attribute by its Terraform name
  (this.getStringAttribute('public_ip'), new ...List(this, "regional_nat_gateway_address", ...)).

What it writes (JSON, sorted, small): the provider's version and where it came from; the provider block's arguments
and blocks; and, for each resource type and data source named, its arguments, its nested blocks (recursively) and its
computed attributes. By default the types are those of the existing output file, so a refresh keeps the set the test
needs; --type adds one (a new construct that synthesizes a new type), --all writes every type of the provider (about
2,200, several MB: for a local look, not for committing).

Usage:
  provider-schema.py --version 21.22.1 --out FILE [--type aws_x ...] [--data-source aws_y ...] [--all]
      runs `npm pack @cdktf/provider-aws@VERSION` in a temporary directory (the npm registry must be reachable)
  provider-schema.py --package DIR --out FILE ...
      reads an already unpacked package (DIR holds package.json, .jsii and lib/)
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@cdktf/provider-aws"
PREFIX = PACKAGE + "."
TYPE_LINK = re.compile(
    r"\{@link https://registry\.terraform\.io/providers/hashicorp/aws/([0-9.]+)/docs/(resources|data-sources)/\S+ (\S+)\}")
PROVIDER_LINK = re.compile(r"\{@link https://registry\.terraform\.io/providers/hashicorp/aws/([0-9.]+)/docs \S+\}")
ANCHOR = re.compile(r"\{@link https://registry\.terraform\.io/providers/hashicorp/aws/[0-9.]+/docs\S*#([a-z0-9_]+) \S+\}")
FQN = re.compile(r'"fqn": "(@cdktf/provider-aws\.[^"]+)"')
GETTER = re.compile(r"""this\.(?:get[A-Za-z]*Attribute|interpolationForAttribute)\('([a-z0-9_]+)'\)""")
COMPLEX = re.compile(r"""new \w+\(this, "([a-z0-9_]+)\"""")


def load_package(args):
    if args.package:
        return args.package, None
    tmp = tempfile.TemporaryDirectory(prefix="provider-schema-")
    spec = f"{PACKAGE}@{args.version}"
    print(f"provider-schema: npm pack {spec} (about 40 MB)", file=sys.stderr)
    out = subprocess.run(["npm", "pack", "--silent", spec], cwd=tmp.name, check=True, capture_output=True, text=True)
    tgz = os.path.join(tmp.name, out.stdout.strip().splitlines()[-1])
    with tarfile.open(tgz) as archive:
        archive.extractall(tmp.name, filter="data")
    return os.path.join(tmp.name, "package"), tmp


def docs_text(docs):
    return " ".join(str(docs.get(k, "")) for k in ("summary", "remarks"))


def struct_schema(types, fqn, seen=()):
    """Arguments and nested blocks of a configuration struct, by the registry anchors of its properties."""
    if fqn in seen:
        sys.exit(f"provider-schema: {fqn} nests itself")
    struct = types[fqn]
    arguments, blocks = [], {}
    for prop in struct.get("properties", []):
        anchor = ANCHOR.search(docs_text(prop.get("docs", {})))
        if anchor is None:
            sys.exit(f"provider-schema: {fqn}.{prop['name']} has no registry anchor to name it")
        name = anchor.group(1)
        nested = [f for f in FQN.findall(json.dumps(prop["type"]))
                  if types.get(f, {}).get("kind") == "interface" and types[f].get("datatype")]
        if nested:
            blocks[name] = struct_schema(types, nested[0], seen + (fqn,))
        else:
            arguments.append(name)
    schema = {"arguments": sorted(set(arguments))}
    if blocks:
        schema["blocks"] = dict(sorted(blocks.items()))
    return schema


def class_source(package_dir, type_info, class_name):
    """The JavaScript of one class: from its declaration to its export."""
    ts = type_info["locationInModule"]["filename"]  # src/nat-gateway/index.ts
    js = os.path.join(package_dir, "lib", *ts.split("/")[1:]).replace(".ts", ".js")
    with open(js, encoding="utf-8") as f:
        text = f.read()
    start = text.find(f"class {class_name} extends cdktf.")
    end = text.find(f"exports.{class_name} = {class_name};", start)
    if start < 0 or end < 0:
        sys.exit(f"provider-schema: class {class_name} not found in {js}")
    return text[start:end]


def type_schema(package_dir, types, fqn):
    info = types[fqn]
    config = info["initializer"]["parameters"][2]["type"]["fqn"]
    schema = struct_schema(types, config)
    source = class_source(package_dir, info, info["name"])
    known = set(schema["arguments"]) | set(schema.get("blocks", {}))
    computed = (set(GETTER.findall(source)) | set(COMPLEX.findall(source))) - known
    if computed:
        schema["attributes"] = sorted(computed)
    return schema


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--version", help=f"the {PACKAGE} version to npm pack, e.g. 21.22.1")
    source.add_argument("--package", help="an unpacked package directory (package.json, .jsii, lib/)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--type", action="append", default=[], help="a resource type to add, e.g. aws_nat_gateway")
    parser.add_argument("--data-source", action="append", default=[], help="a data source to add, e.g. aws_vpc")
    parser.add_argument("--all", action="store_true", help="every resource type and data source")
    args = parser.parse_args()

    package_dir, tmp = load_package(args)
    with open(os.path.join(package_dir, "package.json"), encoding="utf-8") as f:
        package = json.load(f)
    if package["name"] != PACKAGE:
        sys.exit(f"provider-schema: {package_dir} holds {package['name']}, not {PACKAGE}")
    with open(os.path.join(package_dir, ".jsii"), encoding="utf-8") as f:
        types = json.load(f)["types"]

    resources, data_sources, provider_fqn, provider_version = {}, {}, None, None
    for fqn, info in types.items():
        if info.get("kind") != "class" or not fqn.startswith(PREFIX):
            continue
        text = docs_text(info.get("docs", {}))
        if info.get("base") == "cdktf.TerraformProvider":
            provider_fqn, provider_version = fqn, PROVIDER_LINK.search(text).group(1)
            continue
        link = TYPE_LINK.search(text)
        if link and info.get("base") in ("cdktf.TerraformResource", "cdktf.TerraformDataSource"):
            (resources if link.group(2) == "resources" else data_sources)[link.group(3)] = fqn

    wanted_resources, wanted_data = set(args.type), set(args.data_source)
    if os.path.exists(args.out) and not args.all:
        with open(args.out, encoding="utf-8") as f:
            existing = json.load(f)
        wanted_resources |= set(existing.get("resources", {}))
        wanted_data |= set(existing.get("dataSources", {}))
    if args.all:
        wanted_resources, wanted_data = set(resources), set(data_sources)
    unknown = sorted(t for t in wanted_resources if t not in resources) \
        + sorted("data." + t for t in wanted_data if t not in data_sources)
    if unknown:
        sys.exit(f"provider-schema: hashicorp/aws {provider_version} has no {', '.join(unknown)}")

    out = {
        "//": [
            f"hashicorp/aws {provider_version}'s schema as published in {PACKAGE} {package['version']} on npm (its "
            ".jsii assembly for arguments and nested blocks, by their registry anchors; lib/*/index.js for computed "
            "attributes), for the types agc-infra synthesizes.",
            "Written by app/build/provider-schema.py; do not edit: refresh it as "
            "app/src/test/resources/provider-schema/README.md says."],
        "provider": {"source": "hashicorp/aws", "version": provider_version,
                     "from": f"{PACKAGE} {package['version']} (npm)"},
        "providerConfig": struct_schema(types, types[provider_fqn]["initializer"]["parameters"][2]["type"]["fqn"]),
        "resources": {t: type_schema(package_dir, types, resources[t]) for t in sorted(wanted_resources)},
        "dataSources": {t: type_schema(package_dir, types, data_sources[t]) for t in sorted(wanted_data)},
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=False)
        f.write("\n")
    print(f"provider-schema: {args.out}: hashicorp/aws {provider_version}, {len(out['resources'])} resource types, "
          f"{len(out['dataSources'])} data sources", file=sys.stderr)
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
