#!/usr/bin/env python3
"""A local AWS endpoint for agc-audit's benchmarks: answers what `resources` calls, after a fixed delay.

Each answer comes from the aws-wire fixtures (one AGC region, us-east-1, account 123456789012) with the region of
the request (from the SigV4 credential scope) substituted, so every region holds one AGC deployment of 35 resources.
With --resources N, GetResources instead serves N synthetic tagged subnets in pages of 100 (the API's
maximum), and EC2 and Logs find nothing: the memory benchmark.

With --accounts N it is also an organization of N accounts: Organizations ListAccounts gives the caller
(123456789012, the management account) and N-1 members, 20 a page (the API's maximum); STS AssumeRole answers
credentials whose access key names the role's account (ASIA + the 12 digits + 0000), and every answer to a call
signed with such a key has that account substituted for 123456789012: each account holds one AGC deployment per
region.

  python3 latency_server.py --port 8765 --latency-ms 100
  python3 latency_server.py --port 8765 --latency-ms 0 --resources 100000
  python3 latency_server.py --port 8765 --latency-ms 100 --accounts 200

Serves the AWS CLI as well (same wire protocols), for the CLI-loop comparison. Stdlib only.
"""
import argparse
import json
import os
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "aws-wire")
EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/"
REGIONS = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3",
           "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
           "ap-southeast-1", "ap-southeast-2", "sa-east-1"]
PAGE = 100
CALLER = "123456789012"
ORG_PAGE = 20


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
    accounts = 1
    calls = 0

    def log_message(self, *args):
        pass

    def region(self):
        m = re.search(r"Credential=[^/]+/\d{8}/([a-z0-9-]+)/", self.headers.get("Authorization", ""))
        return m.group(1) if m else "us-east-1"

    def account(self):
        """The account of the request's credentials: an assumed role's key names it, any other key is the caller's."""
        m = re.search(r"Credential=ASIA(\d{12})0000/", self.headers.get("Authorization", ""))
        return m.group(1) if m else CALLER

    def reply(self, status, body, content_type, delay=True):
        if delay:
            time.sleep(self.latency)
            with LOCK:
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
        text = FIXTURES_TEXT.get(name) or fixture(name)
        return text.replace("us-east-1", self.region()).replace(CALLER, self.account())

    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/bench/calls":
            return self.reply(200, str(Handler.calls), "text/plain", delay=False)
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
            if op == "ListAccounts":
                return self.list_accounts(request)
            return self.reply(400, json.dumps({"__type": "UnknownOperationException", "message": op}),
                              "application/x-amz-json-1.1")
        action = parse_qs(body).get("Action", [""])[0]
        if action == "GetCallerIdentity":
            return self.xml(self.regional("sts-GetCallerIdentity.xml"))
        if action == "AssumeRole":
            return self.assume_role(parse_qs(body).get("RoleArn", [""])[0])
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

    def list_accounts(self, request):
        start = int(request.get("NextToken") or 0)
        end = min(start + ORG_PAGE, self.accounts)
        page = [{"Id": member_id(i), "Arn": "arn:aws:organizations::%s:account/o-bench00000/%s" % (CALLER, member_id(i)),
                 "Email": "lab-%d@example.com" % i, "Name": "master" if i == 0 else "lab-%d" % i,
                 "Status": "ACTIVE", "State": "ACTIVE", "JoinedMethod": "CREATED", "JoinedTimestamp": 1700000000}
                for i in range(start, end)]
        answer = {"Accounts": page}
        if end < self.accounts:
            answer["NextToken"] = str(end)
        return self.json(answer)

    def assume_role(self, role_arn):
        account = role_arn.split(":")[4] if role_arn.count(":") >= 5 else CALLER
        expiration = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600))
        return self.xml(
            '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>'
            '<AccessKeyId>ASIA%s0000</AccessKeyId><SecretAccessKey>bench</SecretAccessKey>'
            '<SessionToken>bench-%s</SessionToken><Expiration>%s</Expiration></Credentials><AssumedRoleUser>'
            '<AssumedRoleId>AROABENCH:agc-audit</AssumedRoleId><Arn>arn:aws:sts::%s:assumed-role/%s/agc-audit</Arn>'
            '</AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000000'
            '</RequestId></ResponseMetadata></AssumeRoleResponse>'
            % (account, account, expiration, account, role_arn.rsplit("/", 1)[-1]))

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


def member_id(i):
    """The caller for 0, else a member's 12-digit id."""
    return CALLER if i == 0 else "%012d" % (200000000000 + i)


FIXTURES_TEXT = {}
LOCK = threading.Lock()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--latency-ms", type=int, default=100)
    parser.add_argument("--resources", type=int, default=0, help="serve N synthetic tagged resources")
    parser.add_argument("--accounts", type=int, default=1, help="an organization of N accounts (the caller's first)")
    args = parser.parse_args()
    Handler.latency = args.latency_ms / 1000.0
    Handler.synthetic = args.resources
    Handler.accounts = args.accounts
    for name in os.listdir(FIXTURES):
        if name.endswith((".xml", ".json")):
            FIXTURES_TEXT[name] = fixture(name)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print("listening on http://127.0.0.1:%d, %d ms per call" % (args.port, args.latency_ms), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
