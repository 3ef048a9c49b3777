#!/usr/bin/env python3
"""Writes the bad-input corpus: one <category>.jsonl per category, and the counts in README.md.

Run from the repository root after a build (it reads the generated tool schemas and bindings):

    mvn -o -q install -DskipTests ... && python3 sample-server/src/test/resources/bad-input/generate.py

Stdlib only, deterministic: the same build gives the same files, byte for byte.
"""
import base64
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", ".."))
SCHEMAS = os.path.join(
    ROOT, "sample-server/target/generated-resources/streak-mcp/streak-mcp/schemas")
SOURCES = os.path.join(ROOT, "sample-server/target/generated-sources/streak-mcp")

V_BATCH = "2025-03-26"
V_NEW = "2025-11-25"
JSON_HEADERS = [["Content-Type", "application/json"],
                ["Accept", "application/json, text/event-stream"]]
CASES = {}


def filled(request, text, times):
    """Big bodies are stored as a marker and a repeat count, not megabytes of the same byte."""
    request["body"] = request["body"].replace(text * times, "{fill}", 1)
    assert "{fill}" in request["body"]
    request["fill"] = [text, times]
    return request


def add(category, description, request, expect):
    cases = CASES.setdefault(category, [])
    case = {"id": "%s-%04d" % (category, len(cases) + 1), "category": category,
            "description": description, "request": request, "expect": expect}
    cases.append(case)


def mcp_post(body=None, raw=None, version=V_NEW, headers=None, path="/mcp/{token}",
             session=False):
    """A POST to the MCP endpoint; body is JSON text, raw is bytes (sent as base64)."""
    h = [list(x) for x in (JSON_HEADERS if headers is None else headers)]
    if version is not None and not any(k.lower() == "mcp-protocol-version" for k, _ in h):
        h.append(["MCP-Protocol-Version", version])
    req = {"method": "POST", "path": path, "headers": h}
    if raw is not None:
        req["body_base64"] = base64.b64encode(raw).decode("ascii")
    else:
        req["body"] = body if body is not None else ""
    if version is not None:
        req["protocol_version"] = version
    if session:
        req["session"] = True
        req["headers"].append(["Mcp-Session-Id", "{session}"])
    return req


def rpc(method, params=None, id_=1):
    m = {"jsonrpc": "2.0", "id": id_, "method": method}
    if params is not None:
        m["params"] = params
    return json.dumps(m, ensure_ascii=False)


def call(tool, arguments, id_=1):
    return rpc("tools/call", {"name": tool, "arguments": arguments}, id_)


def err(status, code, says=None, streak="none"):
    e = {"status": status, "code": code}
    if says:
        e["says"] = says
    if streak:
        e["streak"] = streak
    return e


def tool_error(says, streak="none"):
    return {"status": 200, "tool_error": True, "says": says, "streak": streak}


# ---------------------------------------------------------------- the tools, from the build
def load_tools():
    tools = {}
    for f in sorted(glob.glob(os.path.join(SCHEMAS, "*.input.json"))):
        name = os.path.basename(f)[: -len(".input.json")]
        with open(f, encoding="utf-8") as fh:
            tools[name] = {"schema": json.load(fh), "path": []}
    if not tools:
        sys.exit("no generated schemas under %s: build first" % SCHEMAS)
    for f in glob.glob(os.path.join(SOURCES, "**", "*.java"), recursive=True):
        text = open(f, encoding="utf-8").read()
        m = re.search(r'String NAME = "([a-z0-9_]+)"', text)
        if not m or m.group(1) not in tools:
            continue
        tools[m.group(1)]["path"] = re.findall(
            r'new ArgumentBinding\("([a-z_]+)", "[A-Za-z]+", ArgumentLocation.PATH', text)
    missing = [n for n, t in tools.items() if t["path"] == [] and re.search(r"_by_id$", n)]
    if missing:
        sys.exit("path bindings not found for %s" % missing)
    return tools


def good_value(prop):
    if "enum" in prop:
        return prop["enum"][0]
    return {"string": "k1", "integer": 1, "number": 1, "boolean": True,
            "array": [], "object": {}}.get(prop.get("type"), "k1")


def required_args(schema, skip=None):
    props = schema.get("properties", {})
    return {r: good_value(props.get(r, {})) for r in schema.get("required", []) if r != skip}


WRONG = {"string": [123, True, ["k1"], {"k": 1}, None],
         "integer": ["10", 1.5, True, [1], {"n": 1}],
         "number": ["1", True, [1]],
         "boolean": ["true", 1, [True]],
         "array": ["k1", 1, {"a": 1}],
         "object": ["x", 1, [1]]}


def schema_cases(tools):
    for name, t in sorted(tools.items()):
        schema = t["schema"]
        props = schema.get("properties", {})
        base = required_args(schema)
        # Wrong types: one per property, rotating through the wrong values of its type.
        for i, (p, ps) in enumerate(sorted(props.items())):
            if p == "next_cursor":
                continue
            wrongs = WRONG.get(ps.get("type"), [])
            if not wrongs:
                continue
            bad = wrongs[i % len(wrongs)]
            if bad is None and p not in schema.get("required", []):
                bad = wrongs[0]  # null for an optional argument means "absent"
            args = dict(base)
            args[p] = bad
            add("schema", "%s: %s of the wrong type (%s)" % (name, p, json.dumps(bad)),
                mcp_post(call(name, args)), tool_error(["`%s`" % p, "valid"]))
        # Missing each required argument.
        for r in schema.get("required", []):
            add("schema", "%s: required %s missing" % (name, r),
                mcp_post(call(name, required_args(schema, skip=r))),
                tool_error(["`%s`" % r, "required"]))
        # Unknown arguments.
        for bogus in ["bogus_argument", "boxKey" if "box_key" in props else "Limit"]:
            args = dict(base)
            args[bogus] = "x"
            add("schema", "%s: unknown argument %s" % (name, bogus),
                mcp_post(call(name, args)), tool_error(["`%s`" % bogus, "valid arguments"]))
        # limit out of range, and bad cursors.
        if "limit" in props:
            for bad in [0, -1, 101, 1e30, 1.5, "10", -1e30, 2147483648, 1e300, None]:
                args = dict(base)
                args["limit"] = bad
                add("schema", "%s: limit %s" % (name, json.dumps(bad)),
                    mcp_post(call(name, args)), tool_error(["`limit`", "1 to 100"]))
        if "next_cursor" in props:
            for bad in ["garbage", "", "eyJ4IjoxfQ", "A" * 600, 123]:
                args = dict(base)
                args["next_cursor"] = bad
                says = ["`next_cursor`"] if bad != 123 else ["`next_cursor`", "valid"]
                add("schema", "%s: next_cursor %s" % (name, json.dumps(bad)[:20]),
                    mcp_post(call(name, args)), tool_error(says))
        # Enum violations.
        for p, ps in sorted(props.items()):
            if "enum" in ps:
                for bad in ["not_a_value", ps["enum"][0].lower() + "x"]:
                    args = dict(base)
                    args[p] = bad
                    add("schema", "%s: %s outside its enum" % (name, p),
                        mcp_post(call(name, args)), tool_error(["`%s`" % p, ps["enum"][0]]))
        # Oversized keys.
        for p in t["path"][:1]:
            args = dict(base)
            args[p] = "k" * 20_000
            add("schema", "%s: %s of 20,000 characters" % (name, p),
                filled(mcp_post(call(name, args)), "k", 20_000), tool_error(["`%s`" % p, "valid"]))


# ---------------------------------------------------------------- jsonrpc
def jsonrpc_cases():
    malformed = ['{', '}', '{"jsonrpc":"2.0",', '[', 'nul', 'tru', "{'jsonrpc':'2.0'}",
                 '{"jsonrpc":"2.0","id":1,"method":"ping",}', '{jsonrpc:"2.0"}',
                 '/* c */{"jsonrpc":"2.0","id":1,"method":"ping"}',
                 '{"jsonrpc":"2.0","id":1,"method":"ping"}{"x":1}',
                 '{"jsonrpc":"2.0","id":NaN,"method":"ping"}',
                 '{"jsonrpc":"2.0","id":Infinity,"method":"ping"}',
                 '{"jsonrpc":"2.0","id":01,"method":"ping"}',
                 '{"jsonrpc":"2.0","id":0x1,"method":"ping"}',
                 '{"jsonrpc":"2.0","id":1,"method":"pi\x01ng"}',
                 '{"jsonrpc":"2.0","id":1,"method":"\\x41"}',
                 '{"jsonrpc":"2.0","id":1,"method":"\\u12"}',
                 '{"jsonrpc":"2.0","id":1,"method":"ping"', '{"jsonrpc":"2.0" "id":1}',
                 '{"jsonrpc"="2.0"}', '"unterminated', '{"a":[1,2}', '{"a":1e}', '{"a":-}',
                 '{"a":.5}', '{"a":+1}', '{"a":tRUE}', ' ', '', '\n\n', '{"a":1}]',
                 '{"a":"\\ud800\\"}', '#', '<xml/>', 'jsonrpc=2.0&method=ping']
    for body in malformed:
        add("jsonrpc", "not JSON: %s" % json.dumps(body)[:50], mcp_post(body),
            err(400, -32700, ["Parse error"]))
    not_object = ['null', '1', '"tools/list"', 'true', '3.14', '{}']
    for body in not_object:
        add("jsonrpc", "JSON but not a message: %s" % body, mcp_post(body), err(400, -32600))
    for v in ['"1.0"', '2', '2.0', 'null', '"2.0 "', '""', 'true', '[]', '{}', '"2"']:
        add("jsonrpc", "jsonrpc is %s" % v,
            mcp_post('{"jsonrpc":%s,"id":1,"method":"tools/list"}' % v),
            err(400, -32600, ["jsonrpc"]))
    add("jsonrpc", "jsonrpc missing", mcp_post('{"id":1,"method":"tools/list"}'),
        err(400, -32600, ["jsonrpc"]))
    for v in ['null', '1.5', '{}', '[]', 'true', '1e3', '-0.0', '[1]']:
        add("jsonrpc", "id is %s" % v,
            mcp_post('{"jsonrpc":"2.0","id":%s,"method":"tools/list"}' % v),
            err(400, -32600, ["id"]))
    add("jsonrpc", "no method, no result", mcp_post('{"jsonrpc":"2.0","id":1}'),
        err(400, -32600, ["method"]))
    add("jsonrpc", "no method, params only",
        mcp_post('{"jsonrpc":"2.0","id":1,"params":{}}'), err(400, -32600, ["method"]))
    add("jsonrpc", "response without id", mcp_post('{"jsonrpc":"2.0","result":{}}'),
        err(400, -32600))
    for v in ['1', 'null', '[]', '{}', '""', 'true']:
        add("jsonrpc", "method is %s" % v,
            mcp_post('{"jsonrpc":"2.0","id":1,"method":%s}' % v), err(400, -32600, ["method"]))
    for m in ["foo/bar", "Tools/List", "tools/list ", " tools/list", "tools/call/", "TOOLS/CALL",
              "resources/read", "prompts/get", "completion/complete", "logging/setLevel",
              "tools/list\u0000", "server/discover", "subscriptions/listen", "rpc.discover"]:
        add("jsonrpc", "unknown method %s" % json.dumps(m), mcp_post(rpc(m, {})),
            err(200, -32601, ["Method not found"]))
    add("jsonrpc", "a notification method sent with an id",
        mcp_post(rpc("notifications/initialized", {})), err(200, -32601))
    add("jsonrpc", "a cancellation sent with an id",
        mcp_post(rpc("notifications/cancelled", {"requestId": 1})), err(200, -32601))
    add("jsonrpc", "tools/call without params", mcp_post(rpc("tools/call")),
        err(200, -32602, ["params.name"]))
    for v in ['[]', '"x"', '1', 'true', '["get_streak_current_user"]']:
        add("jsonrpc", "tools/call params %s" % v,
            mcp_post('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":%s}' % v),
            err(200, -32602, ["params"]))
        add("jsonrpc", "tools/list params %s" % v,
            mcp_post('{"jsonrpc":"2.0","id":1,"method":"tools/list","params":%s}' % v),
            err(200, -32602, ["params"]))
    for v in [None, 1, [], {}, True, ""]:
        p = {"arguments": {}} if v == "" else {"name": v, "arguments": {}}
        add("jsonrpc", "tools/call name %s" % json.dumps(v), mcp_post(rpc("tools/call", p)),
            err(200, -32602))
    for v in [[], "x", 1, True, [{"a": 1}]]:
        add("jsonrpc", "tools/call arguments %s" % json.dumps(v),
            mcp_post(rpc("tools/call", {"name": "get_streak_current_user", "arguments": v})),
            err(200, -32602, ["arguments"]))
    for n in ["no_such_tool", "GET_STREAK_CURRENT_USER", "get_streak_current_user ",
              "../get_streak_current_user", "get_streak\uff3fcurrent_user"]:
        add("jsonrpc", "unknown tool %s" % json.dumps(n),
            mcp_post(call(n, {})), err(200, -32602, ["Unknown tool"]))
    for c in [1, [], "garbage", {"a": 1}]:
        add("jsonrpc", "tools/list cursor %s" % json.dumps(c),
            mcp_post(rpc("tools/list", {"cursor": c})), err(200, -32602, ["cursor"]))
    for p in [{}, {"protocolVersion": 20251125}, {"protocolVersion": None},
              {"protocolVersion": ["2025-11-25"]}]:
        add("jsonrpc", "initialize with %s" % json.dumps(p),
            mcp_post(rpc("initialize", p), version=None), err(200, -32602, ["protocolVersion"]))
    # Batches: only 2025-03-26 has them.
    ping = {"jsonrpc": "2.0", "id": 1, "method": "ping"}
    listing = {"jsonrpc": "2.0", "id": 2, "method": "tools/list"}
    for v in ["2025-06-18", "2025-11-25"]:
        for batch in [[ping], [ping, listing], [], [1, 2]]:
            add("jsonrpc", "batch of %d under %s" % (len(batch), v),
                mcp_post(json.dumps(batch), version=v), err(400, -32600, ["batch"]))
        add("jsonrpc", "batch under %s in a session" % v,
            mcp_post(json.dumps([ping]), version=v, session=True), err(400, -32600, ["batch"]))
    add("jsonrpc", "empty batch under 2025-03-26", mcp_post("[]", version=V_BATCH),
        err(400, -32600, ["batch"]))
    add("jsonrpc", "batch of 33 under 2025-03-26",
        mcp_post(json.dumps([dict(ping, id=i) for i in range(33)]), version=V_BATCH),
        err(400, -32600, ["batch"]))
    junk = [[1, 2, 3], ["a"], [None], [[]], [{}], [{"jsonrpc": "1.0", "id": 1, "method": "ping"}],
            [{"jsonrpc": "2.0", "id": None, "method": "ping"}],
            [{"jsonrpc": "2.0", "id": 1}], [True, False]]
    for batch in junk:
        add("jsonrpc", "batch of junk %s under 2025-03-26" % json.dumps(batch)[:40],
            mcp_post(json.dumps(batch), version=V_BATCH),
            {"status": 200, "batch_codes": [-32600] * len(batch), "streak": "none"})
    add("jsonrpc", "batch with initialize under 2025-03-26",
        mcp_post(json.dumps([json.loads(rpc("initialize", {"protocolVersion": V_BATCH})), ping]),
                 version=V_BATCH),
        {"status": 200, "batch_codes": [-32600, None], "streak": "none"})
    add("jsonrpc", "batch mixing good and bad under 2025-03-26",
        mcp_post(json.dumps([ping, 7, listing]), version=V_BATCH),
        {"status": 200, "batch_codes": [None, -32600, None], "streak": None})
    add("jsonrpc", "batch of unknown methods under 2025-03-26",
        mcp_post(json.dumps([dict(ping, method="nope"), dict(listing, method="tools/nope")]),
                 version=V_BATCH),
        {"status": 200, "batch_codes": [-32601, -32601], "streak": "none"})
    add("jsonrpc", "batch of notifications only under 2025-03-26 (accepted, no body)",
        mcp_post(json.dumps([{"jsonrpc": "2.0", "method": "notifications/initialized"}]),
                 version=V_BATCH), {"status": 202, "streak": "none"})
    add("jsonrpc", "nested batch under 2025-03-26", mcp_post("[[%s]]" % json.dumps(ping),
                                                           version=V_BATCH),
        {"status": 200, "batch_codes": [-32600], "streak": "none"})
    # Responses and notifications need no answer.
    for body in ['{"jsonrpc":"2.0","id":1,"result":{}}',
                 '{"jsonrpc":"2.0","id":"x","error":{"code":-1,"message":"no"}}',
                 '{"jsonrpc":"2.0","method":"notifications/unknown"}',
                 '{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":99}}']:
        add("jsonrpc", "no answer due: %s" % body[:50], mcp_post(body),
            {"status": 202, "empty_body": True, "streak": "none"})
    # Modern requests with broken metadata.
    meta = "io.modelcontextprotocol/"
    for m, code in [({meta + "protocolVersion": "2026-07-28"}, -32602),
                    ({meta + "clientCapabilities": {}}, -32602),
                    ({meta + "protocolVersion": 2026, meta + "clientCapabilities": {}}, -32602),
                    ({meta + "protocolVersion": "2099-01-01", meta + "clientCapabilities": {}},
                     -32022)]:
        version = m.get(meta + "protocolVersion")
        h = JSON_HEADERS + [["Mcp-Method", "tools/list"]]
        if isinstance(version, str):
            h = h + [["MCP-Protocol-Version", version]]
        add("jsonrpc", "modern request with _meta %s" % json.dumps(m)[:60],
            mcp_post(rpc("tools/list", {"_meta": m}), version=None, headers=h),
            err(400, code))


# ---------------------------------------------------------------- size
def size_cases():
    mib = 1024 * 1024
    ping = '{"jsonrpc":"2.0","id":1,"method":"ping"}'
    for n, how, text in [(mib + 1 - len(ping), "spaces", " "), (2 * mib, "string", "q"),
                         (mib, "array", "1,"), (mib // 4, "keys", '"a":1,')]:
        if how == "spaces":
            body = ping + " " * n
        elif how == "string":
            body = call("search_streak_crm", {"query": "q" * n})
        elif how == "array":
            body = '{"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":[%s1]}}' % ("1," * n)
        else:
            body = '{"jsonrpc":"2.0","id":1,"method":"ping","params":{%s"b":1}}' % ('"a":1,' * n)
        add("size", "a body of %d bytes (%s)" % (len(body), how),
            filled(mcp_post(body), text, n), err(413, -32600, ["too large"]))
    add("size", "a body over the limit on the SSE message URL",
        filled(mcp_post(ping + " " * mib, path="/mcp/{token}/messages?sessionId={sse_session}"),
               " ", mib), err(413, -32600, ["too large"]))
    for depth, opener in [(10_000, "["), (10_000, "{\"a\":"), (65, "["), (100, "{\"a\":"),
                          (1000, "[{\"a\":")]:
        body = '{"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":' + opener * depth
        add("size", "nesting %d deep with %s (unclosed)" % (depth, opener), mcp_post(body),
            err(400, -32700))
    for depth in [65, 500]:
        body = call("search_streak_crm", {"query": "x"})[:-2] + ',"deep":' + "[" * depth + \
            "]" * depth + "}}"
        add("size", "closed nesting %d deep in arguments" % depth, mcp_post(body),
            err(400, -32700))
    add("size", "10,000 [ as the whole body", mcp_post("[" * 10_000, version=V_BATCH),
        err(400, -32700))
    # Huge strings that fit the limit go to the validator or the key check.
    for n in [100_000, 900_000]:
        add("size", "a %d-character box key" % n,
            filled(mcp_post(call("get_single_streak_box_by_id", {"box_key": "b" * n})), "b", n),
            tool_error(["`box_key`"]))
        add("size", "a %d-character tool name" % n,
            filled(mcp_post(call("t" * n, {})), "t", n), err(200, -32602, ["Unknown tool"]))
        add("size", "a %d-character method" % n,
            filled(mcp_post(rpc("m" * n, {})), "m", n), err(200, -32601))
    for n in [2_000, 10_000]:
        args = {"a%d" % i: i for i in range(n)}
        add("size", "%d unknown argument keys" % n,
            mcp_post(call("get_streak_current_user", args)),
            tool_error(["is not an argument of this tool"]))
        add("size", "%d keys in params" % n,
            mcp_post(rpc("tools/list", {"k%d" % i: i for i in range(n)})),
            {"status": 200, "result": True, "streak": None})
    # Encodings: the body must be UTF-8.
    body = call("get_single_streak_box_by_id", {"box_key": "b1"})
    bad_utf8 = [
        (b"\xff", "a lone 0xFF byte"),
        (b"\xc3\x28", "an invalid 2-byte sequence"),
        (b"\xe2\x82", "a truncated 3-byte sequence"),
        (b"\xc0\xaf", "an overlong '/' (C0 AF)"),
        (b"\xe0\x80\xaf", "an overlong '/' (E0 80 AF)"),
        (b"\xf0\x80\x80\xaf", "an overlong '/' (F0 80 80 AF)"),
        (b"\xc1\xbf", "an overlong (C1 BF)"),
        (b"\xed\xa0\x80", "a UTF-8 encoded lone surrogate (ED A0 80)"),
        (b"\xed\xbf\xbf", "a UTF-8 encoded lone surrogate (ED BF BF)"),
        (b"\xf4\x90\x80\x80", "a code point above U+10FFFF"),
        (b"\xf8\x88\x80\x80\x80", "a 5-byte sequence"),
        (b"\x80", "a lone continuation byte"),
        (b"\xfe", "0xFE"),
    ]
    for bad, what in bad_utf8:
        for where in ["key", "method"]:
            if where == "key":
                raw = body.encode().replace(b'"b1"', b'"b' + bad + b'1"')
            else:
                raw = rpc("tools/list", {}).encode().replace(b"tools/list", b"tools/" + bad)
            add("size", "%s in the %s" % (what, where), mcp_post(raw=raw),
                err(400, -32700, ["UTF-8", "byte"]))
    for enc, bom in [("utf-16-le", b""), ("utf-16-be", b""), ("utf-16-le", b"\xff\xfe"),
                     ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b""), ("utf-32-be", b"\x00\x00\xfe\xff")]:
        add("size", "the body in %s%s" % (enc, " with a BOM" if bom else ""),
            mcp_post(raw=bom + body.encode(enc)), err(400, -32700, ["UTF-8"]))
    add("size", "a UTF-8 BOM before the JSON (tolerated, RFC 8259 8.1)",
        mcp_post(raw=b"\xef\xbb\xbf" + rpc("tools/list", {}).encode()),
        {"status": 200, "result": True, "streak": None})
    add("size", "a BOM in the middle of the JSON",
        mcp_post(raw=b'{"jsonrpc":"2.0",\xef\xbb\xbf"id":1,"method":"ping"}'), err(400, -32700))
    for s, what in [("\\ud800", "a lone high surrogate"), ("\\udc00", "a lone low surrogate"),
                    ("\\udc00\\ud800", "reversed surrogates"), ("\\u0000", "an escaped NUL")]:
        raw = body.replace('"b1"', '"b%s1"' % s).encode()
        add("size", "%s escaped in a key" % what, mcp_post(raw=raw), tool_error(["`box_key`"]))
    add("size", "a NUL byte outside strings", mcp_post(raw=ping.encode() + b"\x00"),
        err(400, -32700))
    add("size", "a NUL byte inside a string", mcp_post(raw=body.encode().replace(b"b1", b"b\x001")),
        err(400, -32700))


# ---------------------------------------------------------------- hostile keys
HOSTILE = [
    ("../", "a parent segment"), ("..", "dot-dot"), (".", "dot"),
    ("../../v1/users/me", "a climb to another route"), ("..%2f..%2fusers", "an encoded climb"),
    ("%2e%2e", "encoded dot-dot"), ("%2E%2E%2F", "upper-case encoded dot-dot slash"),
    ("..%2f", "dot-dot and an encoded slash"), ("..\\", "dot-dot backslash"),
    ("%252e%252e", "double-encoded dot-dot"), ("a/b", "a slash"), ("/", "a bare slash"),
    ("a?x=1", "a query"), ("a#frag", "a fragment"), ("a\r\nX-Injected: 1", "CRLF"),
    ("a\nb", "a line feed"), ("a\u0000b", "NUL"), ("a%00b", "an encoded NUL"),
    ("\uff42\uff4f\uff58\uff11", "fullwidth letters"), ("b\u043e\u0445", "Cyrillic look-alikes"),
    ("a b", "a space"), ("a%20b", "an encoded space"), ("a;b", "a semicolon"),
    ("a\tb", "a tab"), ("\u202eb1", "a right-to-left override"), ("a\u200bb", "a zero-width space"),
    ("a@b", "an at sign"), ("a:b", "a colon"), ("k" * 5000, "5,000 characters"),
    ("b1\uff0f..", "a fullwidth solidus"), ("\u2024\u2024", "one-dot leaders"),
    ("%", "a bare percent"), ("a&b=c", "an ampersand"), ("http://evil.example/", "a URL"),
]


def hostile_cases(tools):
    seen = set()
    picks = []
    for name, t in sorted(tools.items()):
        for p in t["path"]:
            if (p, len(t["path"])) not in seen:
                seen.add((p, len(t["path"])))
                picks.append((name, p))
    for name, p in picks:
        # A control: a plain key is served, so the journal audit sees real tool paths too.
        args = required_args(tools[name]["schema"])
        args[p] = "b1-Key_2"
        add("hostile", "%s: %s = a plain key (served)" % (name, p), mcp_post(call(name, args)),
            {"status": 200, "result": True, "streak": None})
        for value, what in HOSTILE:
            args = required_args(tools[name]["schema"])
            args[p] = value
            add("hostile", "%s: %s = %s" % (name, p, what), mcp_post(call(name, args)),
                tool_error(["`%s`" % p, "valid"]))


# ---------------------------------------------------------------- transport
ORIGINS = ["https://evil.example", "null", "http://localhost.evil.example",
           "http://127.0.0.1.evil.example", "http://evil.example:80", "file://"]


def transport_cases():
    init = rpc("initialize", {"protocolVersion": V_NEW, "capabilities": {},
                              "clientInfo": {"name": "t", "version": "1"}})
    for origin in ORIGINS:
        o = [["Origin", origin]]
        add("transport", "POST initialize from Origin %s" % origin,
            mcp_post(init, headers=JSON_HEADERS + o), dict(err(403, -32000), no_session=True))
        add("transport", "POST tools/call from Origin %s" % origin,
            mcp_post(call("get_single_streak_box_by_id", {"box_key": "b1"}),
                     headers=JSON_HEADERS + o), err(403, -32000))
        add("transport", "GET stream from Origin %s" % origin,
            {"method": "GET", "path": "/mcp/{token}",
             "headers": [["Accept", "text/event-stream"]] + o}, err(403, -32000))
        add("transport", "DELETE from Origin %s" % origin,
            {"method": "DELETE", "path": "/mcp/{token}", "headers": o,
             "session": True}, err(403, -32000))
        add("transport", "GET /sse from Origin %s" % origin,
            {"method": "GET", "path": "/mcp/{token}/sse",
             "headers": [["Accept", "text/event-stream"]] + o},
            dict(err(403, -32000), no_session=True))
        add("transport", "POST /messages from Origin %s" % origin,
            mcp_post(call("get_single_streak_box_by_id", {"box_key": "b1"}),
                     headers=JSON_HEADERS + o,
                     path="/mcp/{token}/messages?sessionId={sse_session}"), err(403, -32000))
    for host in ["evil.example", "localhost.evil.example", "127.0.0.1.evil.example:8080"]:
        add("transport", "Host %s" % host,
            mcp_post(rpc("tools/list", {}), headers=JSON_HEADERS + [["Host", host]]),
            err(403, -32000))
    ok_body = rpc("tools/list", {})
    for ct in ["text/plain", "application/jsonx", "application/json-patch+json",
               "application/x-www-form-urlencoded", "multipart/form-data", "text/json",
               "application/javascript", "xapplication/json", "application/json+x",
               "application/json-seq", "application/jsonl", "", "json", "application/*", "*/*"]:
        add("transport", "Content-Type %s" % json.dumps(ct),
            mcp_post(ok_body, headers=[["Content-Type", ct], JSON_HEADERS[1]]),
            err(415, -32000, ["Content-Type"]))
    add("transport", "no Content-Type", mcp_post(ok_body, headers=[JSON_HEADERS[1]]),
        err(415, -32000, ["Content-Type"]))
    for ct in ["application/json; charset=utf-8", "Application/JSON", "application/json ;charset=UTF-8"]:
        add("transport", "Content-Type %s (accepted)" % ct,
            mcp_post(ok_body, headers=[["Content-Type", ct], JSON_HEADERS[1]]),
            {"status": 200, "result": True, "streak": None})
    for ct in ["application/json; charset=utf-16", "application/json; charset=latin1"]:
        add("transport", "Content-Type %s" % ct,
            mcp_post(ok_body, headers=[["Content-Type", ct], JSON_HEADERS[1]]),
            err(415, -32000, ["Content-Type"]))
    for acc in ["text/html", "image/png", "application/jsonx", "text/event-streamx",
                "application/xml", "image/*", "application/json;q=0", "text/event-stream;q=0",
                "application/json;q=0, text/event-stream;q=0, */*",
                "*/*, application/*;q=0, text/*;q=0"]:
        add("transport", "Accept %s" % acc,
            mcp_post(ok_body, headers=[JSON_HEADERS[0], ["Accept", acc]]),
            err(406, -32000, ["Accept"]))
    add("transport", "Accept split over two lines (accepted)",
        mcp_post(ok_body, headers=[JSON_HEADERS[0], ["Accept", "text/html"],
                                   ["Accept", "application/json, text/event-stream"]]),
        {"status": 200, "result": True, "streak": None})
    for sid in ["garbage", "a.b", "x" * 600, ".", "e30.e30", "{other_session}"]:
        add("transport", "Mcp-Session-Id %s" % sid[:30],
            mcp_post(ok_body, headers=JSON_HEADERS + [["Mcp-Session-Id", sid]]),
            err(404, -32000, ["Session"]))
    for v in ["2099-01-01", "2025-11-25x", "latest", "2025-13-01", "1"]:
        add("transport", "MCP-Protocol-Version %s" % v, mcp_post(ok_body, version=v),
            err(400, -32000, ["MCP-Protocol-Version"]))
    for name, a, b in [("Mcp-Session-Id", "{session}", "garbage"),
                       ("Mcp-Session-Id", "{session}", "{other_session}"),
                       ("MCP-Protocol-Version", "2025-11-25", "2025-03-26"),
                       ("MCP-Protocol-Version", "2025-06-18", "2099-01-01"),
                       ("Content-Type", "application/json", "text/plain"),
                       ("Content-Type", "text/plain", "application/json")]:
        h = [list(x) for x in JSON_HEADERS if x[0] != name] + [[name, a], [name, b]]
        req = mcp_post(ok_body, headers=h, version=None)
        if "{session}" in a:
            req["session"] = True
            req["protocol_version"] = V_NEW
        add("transport", "%s twice: %s and %s" % (name, a, b), req,
            err(400, -32000, [name]))
    for method in ["PUT", "PATCH", "OPTIONS", "TRACE", "FOO", "PROPFIND", "CONNECTX"]:
        add("transport", "%s /mcp/{token}" % method,
            {"method": method, "path": "/mcp/{token}", "headers": []}, {"status": 405, "streak": "none"})
    for method in ["POST", "PUT", "DELETE"]:
        add("transport", "%s /mcp/{token}/sse" % method,
            {"method": method, "path": "/mcp/{token}/sse", "headers": JSON_HEADERS, "body": ok_body},
            err(405, -32000))
    for method in ["GET", "PUT", "DELETE"]:
        add("transport", "%s on the SSE message URL" % method,
            {"method": method, "path": "/mcp/{token}/messages?sessionId={sse_session}",
             "headers": []}, err(405, -32000))
    for q in ["", "?sessionId=", "?sessionId=nope", "?sessionId={session}"]:
        add("transport", "POST /messages with %s" % (q or "no session"),
            mcp_post(ok_body, path="/mcp/{token}/messages" + q,
                     session="{session}" in q), err(404, -32000, ["session"]))
    add("transport", "GET stream without Accept", {"method": "GET", "path": "/mcp/{token}",
                                                    "headers": []}, err(405, -32000))
    add("transport", "GET stream with a forged session",
        {"method": "GET", "path": "/mcp/{token}",
         "headers": [["Accept", "text/event-stream"], ["Mcp-Session-Id", "a.b"]]},
        err(404, -32000))


# ---------------------------------------------------------------- tokens
def tokens_cases():
    body = rpc("tools/list", {})
    forged = [("{forged}", "right length, wrong bytes"), ("{token_truncated}", "truncated by one"),
              ("{token_half}", "half the token"), ("{token}A", "one character more"),
              ("{token}{token}", "twice"), ("{token_upper}", "case changed"),
              ("{expired_token}", "expired"), ("{deleted_token}", "deleted"),
              ("x", "one character"), ("-", "a dash"), ("A" * 200, "200 characters")]
    for t, what in forged:
        for sub, method in [("", "POST"), ("/sse", "GET"), ("/messages?sessionId=x", "POST")]:
            req = {"method": method, "path": "/mcp/" + t + sub,
                   "headers": JSON_HEADERS + [["MCP-Protocol-Version", V_NEW]]}
            if method == "POST":
                req["body"] = body
            add("tokens", "%s token (%s) on %s" % (what, t[:20], sub or "/mcp"), req,
                err(404, -32000, ["token"]))
    for path, what in [("/mcp", "no token"), ("/mcp/", "an empty token"),
                       ("/mcp/{token}/unknown", "an unknown sub-path"),
                       ("/mcp/{token}.json", "a dot suffix"),
                       ("/mcp/{token}%2F", "an encoded slash"),
                       ("/mcp/{token}!", "a character outside the token alphabet"),
                       ("/mcp/{token}/sse/extra", "beyond /sse"),
                       ("/mcp/{token}/../x{token}", "a dot segment"),
                       ("/mcp/%7Btoken%7D", "an encoded brace"),
                       ("/mcp/" + "A" * 300, "300 characters"),
                       ("/MCP/{token}", "upper-case route"),
                       ("/{token}", "the token alone")]:
        add("tokens", "%s: %s" % (what, path[:40]),
            {"method": "POST", "path": path, "headers": JSON_HEADERS, "body": body},
            {"status": [400, 404], "streak": "none"})
    add("tokens", "the token in the query too (ignored; never echoed)",
        {"method": "POST", "path": "/mcp/{token}?token={token}", "headers": JSON_HEADERS,
         "body": body}, {"status": 200, "result": True, "streak": None})
    add("tokens", "a 20,000-character URL",
        {"method": "GET", "path": "/mcp/{token}/" + "x" * 20_000, "headers": []},
        {"status": [400, 404, 414, 431], "streak": "none"})
    add("tokens", "a platform-token server without Authorization",
        mcp_post(body, path="/mcp/{auth_token}"), err(401, -32000, ["platform"]))
    for a in ["Bearer wrong", "Bearer {token}", "Basic {admin}", "{admin}", "Bearer ",
              "Bearer {admin}x"]:
        add("tokens", "a platform-token server with Authorization %s" % a.split(" ")[0],
            mcp_post(body, path="/mcp/{auth_token}",
                     headers=JSON_HEADERS + [["Authorization", a]]),
            err(401, -32000, ["platform"]))
    for a in [None, "Bearer {token}", "Bearer {auth_token}", "Bearer {forged}"]:
        h = [] if a is None else [["Authorization", a]]
        add("tokens", "the admin API with %s" % (a or "no token"),
            {"method": "GET", "path": "/integrated-account/{account}", "headers": h},
            {"status": 401, "admin_error": "unauthorized", "streak": "none"})


# ---------------------------------------------------------------- admin
def admin_cases():
    auth = [["Authorization", "Bearer {admin}"], ["Content-Type", "application/json"]]
    paths = ["/integrated-account", "/integrated-account/{account}",
             "/integrated-account/{account}/mcp", "/integrated-account/{account}/mcp/{server_id}",
             "/integrated-account/{account}/mcp/{server_id}/calls", "/tool-catalog",
             "/tool-catalog/preview"]
    bad_auth = [None, "Bearer", "Bearer wrong-token", "Basic YWRtaW46YWRtaW4=", "{admin}",
                "Bearer {admin}x", "Bearer {token}", "Token {admin}"]
    for path in paths:
        for method in ["GET", "POST", "PATCH", "DELETE"]:
            for a in bad_auth[: 3 if method != "GET" else len(bad_auth)]:
                h = [["Content-Type", "application/json"]] + ([] if a is None else
                                                               [["Authorization", a]])
                add("admin", "%s %s with %s" % (method, path, a or "no Authorization"),
                    {"method": method, "path": path, "headers": h,
                     "body": '{"name":"x","api_key":"y"}' if method in ("POST", "PATCH") else None},
                    {"status": 401, "admin_error": "unauthorized"})
    for name, a, b in [("Authorization", "Bearer {admin}", "Bearer wrong-token"),
                       ("Authorization", "Bearer wrong-token", "Bearer {admin}"),
                       ("Content-Type", "application/json", "text/plain")]:
        h = [x for x in auth if x[0] != name] + [[name, a], [name, b]]
        add("admin", "%s twice: %s and %s" % (name, a, b),
            {"method": "POST", "path": "/integrated-account", "headers": h,
             "body": '{"name":"x","api_key":"y"}'},
            {"status": 400, "admin_error": "invalid_request", "says": [name]})
    malformed = ['{', '{"name":"a",}', '{"name":"a" "api_key":"b"}', "{'name':'a'}",
                 '{"name":"a","api_key":"b"}x', '{"name":"a",\n"api_key":}', 'nul',
                 '{"name":"a\\x"}', '{"name":01}', '{\n\n  "name": "a",\n  "api_key" "b"\n}',
                 '{"name":"\x01"}', '{"name":NaN}']
    for body in malformed:
        add("admin", "account body not JSON: %s" % json.dumps(body)[:40],
            {"method": "POST", "path": "/integrated-account", "headers": auth, "body": body},
            {"status": 400, "admin_error": "invalid_request", "says": ["line", "column"]})
    for body in ['[]', '"x"', '1', 'null', 'true', '[{"name":"a","api_key":"b"}]']:
        add("admin", "account body %s" % body,
            {"method": "POST", "path": "/integrated-account", "headers": auth, "body": body},
            {"status": 400, "admin_error": "invalid_request", "says": ["object"]})
    values = [(1, "a number"), ([], "an array"), ({}, "an object"), (True, "true"),
              ("", "empty"), ("   ", "blank"), ("x" * 257, "257 characters"),
              ("a\u0000b", "NUL"), ("a\u200bb", "a zero-width space"), ("a\nb", "a newline")]
    for field in ["name", "api_key"]:
        for v, what in values:
            b = {"name": "acct", "api_key": "key"}
            b[field] = v
            add("admin", "account %s is %s" % (field, what),
                {"method": "POST", "path": "/integrated-account", "headers": auth,
                 "body": json.dumps(b)},
                {"status": 400, "admin_error": "invalid_request", "field": field})
        b = {"name": "acct", "api_key": "key"}
        del b[field]
        add("admin", "account without %s" % field,
            {"method": "POST", "path": "/integrated-account", "headers": auth,
             "body": json.dumps(b)},
            {"status": 400, "admin_error": "invalid_request", "field": field})
    for extra in ["apiKey", "id", "created_at", "API_KEY", ""]:
        b = {"name": "acct", "api_key": "key", extra: "x"}
        add("admin", "account with unknown field %s" % json.dumps(extra),
            {"method": "POST", "path": "/integrated-account", "headers": auth,
             "body": json.dumps(b)},
            {"status": 400, "admin_error": "invalid_request", "says": ["unknown field"]})
    server = "/integrated-account/{account}/mcp"
    cfgs = [("x", "config"), ([], "config"), (1, "config"),
            ({"methods": "read"}, "config.methods"), ({"methods": [1]}, "config.methods"),
            ({"methods": [""]}, "config.methods"), ({"methods": ["x" * 65]}, "config.methods"),
            ({"methods": ["m%d" % i for i in range(101)]}, "config.methods"),
            ({"methods": ["reed"]}, "config"), ({"methods": ["tools/list"]}, "config"),
            ({"methods": ["READ"]}, "config"), ({"methods": ["get_single_streak_box"]}, "config"),
            ({"tags": ["no_such_tag"]}, "config"), ({"tags": "boxes"}, "config.tags"),
            ({"tags": [None]}, "config.tags"), ({"require_api_token_auth": "yes"},
                                                 "config.require_api_token_auth"),
            ({"require_api_token_auth": 1}, "config.require_api_token_auth"),
            ({"require_api_token_auth": [True]}, "config.require_api_token_auth"),
            ({"method": ["read"]}, "config.method"), ({"Methods": ["read"]}, "config.Methods"),
            ({"methods": ["read"], "extra": 1}, "config.extra")]
    for cfg, field in cfgs:
        add("admin", "server config %s" % json.dumps(cfg)[:50],
            {"method": "POST", "path": server, "headers": auth,
             "body": json.dumps({"name": "s", "config": cfg})},
            {"status": 400, "admin_error": "invalid_request", "field": field})
    expiries = ["2030-01-01", "2030-01-01 00:00:00", "tomorrow", 1893456000, "2030-13-01T00:00:00Z",
                "2020-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "2030-02-30T00:00:00Z", "2030-01-01T25:00:00Z", "", True, {}, [],
                "2030-01-01T00:00:00", "01/01/2030", "2030-W01-1", "P1D", "1893456000000",
                "2030-01-01T00:00:00ZZ", " 2030-01-01T00:00:00Z"]
    for e in expiries:
        add("admin", "server expires_at %s" % json.dumps(e)[:40],
            {"method": "POST", "path": server, "headers": auth,
             "body": json.dumps({"name": "s", "expires_at": e})},
            {"status": 400, "admin_error": "invalid_request", "field": "expires_at"})
        add("admin", "PATCH expires_at %s" % json.dumps(e)[:40],
            {"method": "PATCH", "path": server + "/{server_id}", "headers": auth,
             "body": json.dumps({"expires_at": e})},
            {"status": 400, "admin_error": "invalid_request", "field": "expires_at"})
    for body, field in [("{}", ""), ('{"config":null}', "config"), ('{"name":""}', "name"),
                        ('{"name":5}', "name"), ('{"token":"x"}', "token"),
                        ('{"url":"x"}', "url"), ('{"config":{"methods":["nope"]}}', "config"),
                        ('{"config":"read"}', "config")]:
        add("admin", "PATCH %s" % body,
            {"method": "PATCH", "path": server + "/{server_id}", "headers": auth, "body": body},
            {"status": 400, "admin_error": "invalid_request", "field": field or None})
    for body in ['{', '[]', '{"name":"a",}']:
        add("admin", "PATCH body %s" % body,
            {"method": "PATCH", "path": server + "/{server_id}", "headers": auth, "body": body},
            {"status": 400, "admin_error": "invalid_request"})
    for ct in [None, "text/plain", "application/jsonx", "application/x-www-form-urlencoded",
               "application/json-patch+json", "text/json", "multipart/form-data"]:
        h = [auth[0]] + ([] if ct is None else [["Content-Type", ct]])
        add("admin", "create an account with Content-Type %s" % ct,
            {"method": "POST", "path": "/integrated-account", "headers": h,
             "body": '{"name":"a","api_key":"b"}'},
            {"status": 415, "admin_error": "unsupported_media_type", "says": ["Content-Type"]})
    add("admin", "an account body over 64 KiB",
        {"method": "POST", "path": "/integrated-account", "headers": auth,
         "body": json.dumps({"name": "a", "api_key": "b", "pad": "{fill}"}), "fill": ["x", 70_000]},
        {"status": 413, "admin_error": "too_large", "says": ["larger"]})
    add("admin", "an account body of 2 MiB",
        {"method": "POST", "path": "/integrated-account", "headers": auth,
         "body": "{fill}{}", "fill": [" ", 2 * 1024 * 1024]},
        {"status": 413, "admin_error": "too_large", "says": ["larger"]})
    for raw, what in [(b'{"name":"\xff","api_key":"b"}', "invalid UTF-8"),
                      (b'{"name":"\xc0\xaf","api_key":"b"}', "overlong UTF-8"),
                      ('{"name":"a","api_key":"b"}'.encode("utf-16-le"), "UTF-16")]:
        add("admin", "an account body in %s" % what,
            {"method": "POST", "path": "/integrated-account", "headers": auth,
             "body_base64": base64.b64encode(raw).decode()},
            {"status": 400, "admin_error": "invalid_request", "says": ["UTF-8", "byte"]})
    for path in ["/integrated-account/not-a-uuid", "/integrated-account/{account}x",
                 "/integrated-account/00000000-0000-0000-0000-000000000000",
                 "/integrated-account/{account}/mcp/00000000-0000-0000-0000-000000000000",
                 "/integrated-account/{account}/servers", "/integrated-account/{account}/mcp/x/calls",
                 "/integrated-account/%2e%2e/x", "/integrated-account/{account}/mcp/..%2f"]:
        add("admin", "GET %s" % path, {"method": "GET", "path": path, "headers": auth},
            {"status": [400, 404]})
    for body, field in [('{"config":{"methods":"read"}}', "config.methods"),
                        ('{"config":{"tags":[1]}}', "config.tags"),
                        ('{"config":[]}', "config"),
                        ('{"config":{},"name":"x"}', "name"),
                        ('[]', None)]:
        add("admin", "POST /tool-catalog/preview with %s" % body,
            {"method": "POST", "path": "/tool-catalog/preview", "headers": auth, "body": body},
            {"status": 400, "admin_error": "invalid_request", "field": field})
    for method, path in [("PUT", "/integrated-account"), ("POST", "/tool-catalog"),
                         ("GET", "/tool-catalog/preview"),
                         ("DELETE", "/integrated-account"), ("POST", "/integrated-account/{account}"),
                         ("PUT", "/integrated-account/{account}/mcp"),
                         ("POST", "/integrated-account/{account}/mcp/{server_id}"),
                         ("DELETE", "/integrated-account/{account}/mcp/{server_id}/calls"),
                         ("FOO", "/integrated-account/{account}")]:
        add("admin", "%s %s" % (method, path), {"method": method, "path": path, "headers": auth},
            {"status": 405, "admin_error": "method_not_allowed"})


def write(tools):
    counts = {}
    for category, cases in CASES.items():
        with open(os.path.join(HERE, category + ".jsonl"), "w", encoding="utf-8") as f:
            for c in cases:
                f.write(json.dumps(c, ensure_ascii=True, separators=(",", ":")) + "\n")
        counts[category] = len(cases)
    readme = os.path.join(HERE, "README.md")
    text = open(readme, encoding="utf-8").read()
    start, end = "<!-- counts -->", "<!-- /counts -->"
    table = "\n| category | cases |\n|---|---|\n" + "".join(
        "| %s | %d |\n" % (c, n) for c, n in sorted(counts.items())) + \
        "| **total** | **%d** |\n" % sum(counts.values())
    text = text[: text.index(start) + len(start)] + table + text[text.index(end):]
    with open(readme, "w", encoding="utf-8") as f:
        f.write(text)
    for c, n in sorted(counts.items()):
        print("%-10s %5d" % (c, n))
    print("%-10s %5d (from %d tools)" % ("total", sum(counts.values()), len(tools)))


if __name__ == "__main__":
    TOOLS = load_tools()
    jsonrpc_cases()
    schema_cases(TOOLS)
    size_cases()
    hostile_cases(TOOLS)
    transport_cases()
    tokens_cases()
    admin_cases()
    write(TOOLS)
