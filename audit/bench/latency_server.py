#!/usr/bin/env python3
"""A local AWS endpoint for agc-audit's benchmarks: answers what `resources` calls, after a fixed delay.

Each answer comes from the aws-wire fixtures (one AGC region, us-east-1) with the region of the request
(from the SigV4 credential scope) substituted, so every region holds one AGC deployment of 35 resources.
With --resources N, GetResources instead serves N synthetic tagged subnets in pages of 100 (the API's
maximum), and EC2 and Logs find nothing: the memory benchmark.

  python3 latency_server.py --port 8765 --latency-ms 100
  python3 latency_server.py --port 8765 --latency-ms 0 --resources 100000

Serves the AWS CLI as well (same wire protocols), for the CLI-loop comparison. Stdlib only.
"""
import argparse
import json
import os
import re
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "aws-wire")
EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/"
REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3",
           "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
           "ap-southeast-1", "ap-southeast-2", "sa-east-1"]
PAGE = 100


def fixture(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        return f.read()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # One write per response and no Nagle: otherwise delayed ACKs add ~40 ms to every keep-alive call.
    wbufsize = 1 << 16
    disable_nagle_algorithm = True
    latency = 0.1
    synthetic = 0
    calls = 0

    def log_message(self, *args):
        pass

    def region(self):
        m = re.search(r"Credential=[^/]+/\d{8}/([a-z0-9-]+)/", self.headers.get("Authorization", ""))
        return m.group(1) if m else "us-east-1"

    def reply(self, status, body, content_type):
        time.sleep(self.latency)
        Handler.calls += 1
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000")
        self.end_headers()
        self.wfile.write(data)

    def xml(self, body):
        self.reply(200, body, "text/xml;charset=UTF-8")

    def json(self, body):
        self.reply(200, body if isinstance(body, str) else json.dumps(body), "application/x-amz-json-1.1")

    def regional(self, name):
        return fixture(name).replace("us-east-1", self.region())

    def do_GET(self):
        url = urlparse(self.path)
        if "location" in parse_qs(url.query, keep_blank_values=True):
            region = self.region()
            constraint = "" if region == "us-east-1" else region
            self.reply(200, '<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">%s</LocationConstraint>'
                       % constraint, "application/xml")
        else:
            self.reply(404, "<Error><Code>NoSuchKey</Code><Message>not served</Message></Error>", "application/xml")

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0)).decode("utf-8")
        target = self.headers.get("X-Amz-Target", "")
        if target:
            request = json.loads(body or "{}")
            op = target.split(".")[-1]
            if op == "GetResources":
                return self.get_resources(request)
            if op == "DescribeLogGroups":
                if self.synthetic:
                    return self.json({"logGroups": []})
                groups = json.loads(self.regional("logs-DescribeLogGroups-lambda-prefix.json"))["logGroups"] + \
                    json.loads(self.regional("logs-DescribeLogGroups-agc-prefix.json"))["logGroups"]
                prefix = request.get("logGroupNamePrefix", "")
                return self.json({"logGroups": [g for g in groups if g["logGroupName"].startswith(prefix)]})
            if op == "ListTagsForResource":
                return self.json({"tags": {}})
            return self.reply(400, json.dumps({"__type": "UnknownOperationException", "message": op}),
                              "application/x-amz-json-1.1")
        action = parse_qs(body).get("Action", [""])[0]
        if action == "GetCallerIdentity":
            return self.xml(fixture("sts-GetCallerIdentity.xml"))
        if action == "DescribeRegions":
            items = "".join("<item><regionName>%s</regionName><regionEndpoint>ec2.%s.amazonaws.com</regionEndpoint>"
                            "<optInStatus>opt-in-not-required</optInStatus></item>" % (r, r) for r in REGIONS)
            return self.xml('<DescribeRegionsResponse xmlns="%s"><regionInfo>%s</regionInfo></DescribeRegionsResponse>'
                            % (EC2_NS, items))
        empty = {"DescribeNatGateways": "natGatewaySet", "DescribeVpcEndpoints": "vpcEndpointSet",
                 "DescribeAddresses": "addressesSet"}
        if action in empty:
            if self.synthetic:
                return self.xml('<%sResponse xmlns="%s"><%s/></%sResponse>' % (action, EC2_NS, empty[action], action))
            return self.xml(self.regional("ec2-%s.xml" % action))
        self.reply(400, "<Response><Errors><Error><Code>InvalidAction</Code><Message>%s</Message></Error></Errors>"
                        "</Response>" % action, "text/xml")

    def get_resources(self, request):
        token = request.get("PaginationToken", "")
        if not self.synthetic:
            if not token:
                return self.json(self.regional("resourcegroupstaggingapi-GetResources.json"))
            return self.json(self.regional("resourcegroupstaggingapi-GetResources-page2.json"))
        start = int(token or 0)
        end = min(start + PAGE, self.synthetic)
        region = self.region()
        page = [{"ResourceARN": "arn:aws:ec2:%s:123456789012:subnet/subnet-%017x" % (region, i),
                 "Tags": [{"Key": "Name", "Value": "agc-core-%s/bench-%d" % (region, i)},
                          {"Key": "application-name", "Value": "agc"},
                          {"Key": "agc-version", "Value": "1.6.0"}]} for i in range(start, end)]
        return self.json({"PaginationToken": str(end) if end < self.synthetic else "",
                          "ResourceTagMappingList": page})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--latency-ms", type=int, default=100)
    parser.add_argument("--resources", type=int, default=0, help="serve N synthetic tagged resources")
    args = parser.parse_args()
    Handler.latency = args.latency_ms / 1000.0
    Handler.synthetic = args.resources
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print("listening on http://127.0.0.1:%d, %d ms per call" % (args.port, args.latency_ms), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
