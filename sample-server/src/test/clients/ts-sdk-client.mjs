#!/usr/bin/env node
// Drives an MCP server with the official TypeScript SDK client (@modelcontextprotocol/sdk, pinned
// in package.json) and prints ONE JSON object on stdout describing what it saw.
//
// Usage:
//   node ts-sdk-client.mjs [options] <http|sse|stdio> <url | command args...> [--call NAME JSON_ARGS]...
//
//   http   URL = the Streamable HTTP endpoint, e.g. http://127.0.0.1:PORT/mcp/TOKEN
//   sse    URL = the legacy HTTP+SSE endpoint, e.g. http://127.0.0.1:PORT/mcp/TOKEN/sse
//   stdio  everything after `stdio` up to the first `--call` is the command and its arguments
//
// Options (must come BEFORE the transport word, so they never clash with a stdio command line):
//   --header 'Name: value'   extra HTTP header (http/sse; repeatable)
//   --timeout MS             per-request timeout (default 30000)
//   --max-pages N            safety cap on tools/list pages (default 1000)
//   --env-default            stdio: give the child only the SDK's default "safe" environment
//                            (default: the full environment of this process is passed on)
//
// Output: {"protocolVersion","serverInfo","capabilities","tools":[names],"toolCount",
//          "calls":[{"name","isError","structuredContent","text"}]}
// A call that fails with a JSON-RPC (protocol) error is recorded as
//   {"name","isError":null,"structuredContent":null,"text":null,"error":{"code","message","data"}}
// and the process then exits 1 after printing the JSON (stdout is still one JSON object).
// Exit 0 = success; 1 = failure (message on stderr); 2 = usage error.
//
// The SDK (1.32.x) speaks the legacy initialize era only (LATEST_PROTOCOL_VERSION 2025-11-25).

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';

const USAGE = `Usage: node ts-sdk-client.mjs [--header 'K: V']... [--timeout MS] [--max-pages N] [--env-default]
         <http|sse|stdio> <url | command args...> [--call NAME JSON_ARGS]...
Examples:
  node ts-sdk-client.mjs http http://127.0.0.1:8080/mcp/TOKEN --call list_all_streak_pipelines '{"limit":2}'
  node ts-sdk-client.mjs sse  http://127.0.0.1:8080/mcp/TOKEN/sse
  node ts-sdk-client.mjs stdio java -jar server.jar stdio --call get_single_streak_box_by_id '{"box_key":"abc"}'`;

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { headers: {}, timeout: 30000, maxPages: 1000, envDefault: false };
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('--'); i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') { opts.help = true; return opts; }
    else if (a === '--header') {
      const h = argv[++i];
      const idx = h?.indexOf(':') ?? -1;
      if (idx <= 0) throw new UsageError(`--header needs "Name: value", got ${h}`);
      opts.headers[h.slice(0, idx).trim()] = h.slice(idx + 1).trim();
    } else if (a === '--timeout') opts.timeout = Number(argv[++i]);
    else if (a === '--max-pages') opts.maxPages = Number(argv[++i]);
    else if (a === '--env-default') opts.envDefault = true;
    else throw new UsageError(`unknown option ${a}`);
  }
  if (argv[i] === '-h') { opts.help = true; return opts; }
  opts.transport = argv[i++];
  if (!['http', 'sse', 'stdio'].includes(opts.transport)) throw new UsageError(`transport must be http, sse or stdio (got ${opts.transport ?? 'nothing'})`);
  const firstCall = argv.indexOf('--call', i);
  const target = firstCall === -1 ? argv.slice(i) : argv.slice(i, firstCall);
  if (target.length === 0) throw new UsageError('missing URL or command');
  if (opts.transport !== 'stdio' && target.length !== 1) throw new UsageError(`${opts.transport} takes exactly one URL, got: ${target.join(' ')}`);
  opts.target = target;
  opts.calls = [];
  for (let j = firstCall === -1 ? argv.length : firstCall; j < argv.length; j += 3) {
    if (argv[j] !== '--call') throw new UsageError(`expected --call, got ${argv[j]}`);
    const name = argv[j + 1];
    const json = argv[j + 2];
    if (name === undefined || json === undefined) throw new UsageError('--call needs NAME and JSON_ARGS');
    let args;
    try { args = JSON.parse(json); } catch (e) { throw new UsageError(`--call ${name}: JSON_ARGS is not valid JSON: ${e.message}`); }
    if (args === null || typeof args !== 'object' || Array.isArray(args)) throw new UsageError(`--call ${name}: JSON_ARGS must be a JSON object`);
    opts.calls.push({ name, args });
  }
  return opts;
}

function makeTransport(opts, onVersion) {
  let transport;
  if (opts.transport === 'stdio') {
    const [command, ...args] = opts.target;
    transport = new StdioClientTransport({
      command,
      args,
      // The SDK default env keeps only HOME/PATH/USER/...; a Java server usually needs JAVA_HOME,
      // API keys etc., so pass the whole environment unless --env-default.
      ...(opts.envDefault ? {} : { env: Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) }),
      stderr: 'inherit', // server logs go to our stderr; our stdout stays pure JSON
    });
  } else {
    let url;
    try { url = new URL(opts.target[0]); } catch { throw new UsageError(`not a URL: ${opts.target[0]}`); }
    const requestInit = Object.keys(opts.headers).length ? { headers: opts.headers } : undefined;
    if (opts.transport === 'http') {
      transport = new StreamableHTTPClientTransport(url, { requestInit });
    } else {
      // SSEClientTransport adds requestInit.headers to both the GET stream and the POSTs.
      transport = new SSEClientTransport(url, { requestInit });
    }
  }
  // Client.connect() calls transport.setProtocolVersion(negotiated) when the transport has it
  // (HTTP transports); the stdio transport does not, so define/wrap it to capture the version.
  const original = typeof transport.setProtocolVersion === 'function' ? transport.setProtocolVersion.bind(transport) : undefined;
  transport.setProtocolVersion = (v) => { onVersion(v); original?.(v); };
  return transport;
}

// McpError prefixes "MCP error <code>: " to the server's message; strip it to show the wire text.
function wireMessage(e) {
  return String(e.message).replace(/^MCP error -?\d+: /, '');
}

function textOf(result) {
  if (!Array.isArray(result?.content)) return result?.toolResult !== undefined ? JSON.stringify(result.toolResult) : null;
  const texts = result.content.filter((c) => c?.type === 'text' && typeof c.text === 'string').map((c) => c.text);
  return texts.length ? texts.join('\n') : null;
}

async function main() {
  let opts;
  try { opts = parseArgs(process.argv.slice(2)); } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`error: ${e.message}\n${USAGE}\n`); return 2; }
    throw e;
  }
  if (opts.help || process.argv.length <= 2) { process.stdout.write(`${USAGE}\n`); return opts.help ? 0 : 2; }

  let protocolVersion = null;
  const client = new Client({ name: 'streak-it-ts-sdk-client', version: '1.0.0' }, { capabilities: {} });
  const reqOpts = { timeout: opts.timeout };
  const transport = makeTransport(opts, (v) => { protocolVersion = v; });
  let exit = 0;
  try {
    await client.connect(transport, reqOpts);

    const tools = [];
    const seen = new Set();
    let cursor;
    for (let page = 0; ; page++) {
      if (page >= opts.maxPages) throw new Error(`tools/list: more than ${opts.maxPages} pages, giving up`);
      const res = await client.listTools(cursor === undefined ? undefined : { cursor }, reqOpts);
      tools.push(...res.tools.map((t) => t.name));
      cursor = res.nextCursor;
      if (cursor === undefined || cursor === null) break;
      if (seen.has(cursor)) throw new Error(`tools/list: server repeated cursor ${JSON.stringify(cursor)}`);
      seen.add(cursor);
    }

    const calls = [];
    for (const { name, args } of opts.calls) {
      try {
        const r = await client.callTool({ name, arguments: args }, undefined, reqOpts);
        calls.push({ name, isError: r.isError === true, structuredContent: r.structuredContent ?? null, text: textOf(r) });
      } catch (e) {
        if (!(e instanceof McpError)) throw e;
        exit = 1;
        process.stderr.write(`tools/call ${name} failed with JSON-RPC error ${e.code}: ${e.message}\n`);
        calls.push({ name, isError: null, structuredContent: null, text: null, error: { code: e.code, message: wireMessage(e), data: e.data ?? null } });
      }
    }

    const out = {
      protocolVersion,
      serverInfo: client.getServerVersion() ?? null,
      capabilities: client.getServerCapabilities() ?? null,
      tools,
      toolCount: tools.length,
      calls,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    // For Streamable HTTP, terminate the session (DELETE) like real clients do; 405 is fine.
    if (opts.transport === 'http' && transport.sessionId) {
      try { await transport.terminateSession(); } catch { /* server may not support DELETE */ }
    }
    try { await client.close(); } catch { /* ignore */ }
  }
  return exit;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    const extra = e instanceof McpError ? ` (JSON-RPC error ${e.code})` : e?.code !== undefined ? ` (code ${e.code})` : '';
    process.stderr.write(`ts-sdk-client: ${e?.message ?? e}${extra}\n`);
    process.exit(1);
  },
);
