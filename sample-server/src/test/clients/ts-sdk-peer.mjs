#!/usr/bin/env node
// Peer (d) for the benchmarks: what a team would build on the official TypeScript SDK
// (@modelcontextprotocol/sdk, pinned in package.json). A stateless Streamable HTTP server, in the
// SDK's documented stateless pattern (a new Server and transport per request, JSON responses),
// serving the same tools as the Java server from tools.json. Each call proxies to Streak the plain
// way: path keys filled in, query and body from the arguments, the answer as text.
//
// Usage: node ts-sdk-peer.mjs <port> <streak base URL> <api key> <tools.json>

import http from 'node:http';
import { readFileSync } from 'node:fs';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const [port, streak, key, toolsFile] = process.argv.slice(2);
const tools = JSON.parse(readFileSync(toolsFile, 'utf8'));
const byName = new Map(tools.map((t) => [t.name, t]));
const auth = 'Basic ' + Buffer.from(`${key}:`).toString('base64');
const listed = tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema }));

async function callStreak(tool, args) {
  let path = tool.path;
  const query = new URLSearchParams();
  const body = {};
  for (const a of tool.arguments) {
    const v = args?.[a.argument];
    if (v === undefined || v === null) continue;
    if (a.location === 'PATH') path = path.replace(`{${a.apiName}}`, encodeURIComponent(String(v)));
    else if (a.location === 'QUERY') query.append(a.apiName, String(v));
    else body[a.apiName] = v;
  }
  const qs = query.toString();
  const withBody = tool.verb !== 'GET' && tool.verb !== 'DELETE';
  const r = await fetch(streak + path + (qs ? `?${qs}` : ''), {
    method: tool.verb,
    headers: { Authorization: auth, ...(withBody ? { 'Content-Type': 'application/json' } : {}) },
    body: withBody ? JSON.stringify(body) : undefined,
  });
  return { content: [{ type: 'text', text: await r.text() }], isError: r.status >= 400 };
}

function newServer() {
  const server = new Server({ name: 'ts-sdk-peer', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: listed }));
  server.setRequestHandler(CallToolRequestSchema, async (req) => {
    const tool = byName.get(req.params.name);
    if (!tool) return { content: [{ type: 'text', text: `unknown tool ${req.params.name}` }], isError: true };
    try {
      return await callStreak(tool, req.params.arguments);
    } catch (e) {
      return { content: [{ type: 'text', text: `Streak call failed: ${e}` }], isError: true };
    }
  });
  return server;
}

http
  .createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url.startsWith('/mcp')) {
      res.writeHead(405).end();
      return;
    }
    const chunks = [];
    for await (const c of req) chunks.push(c);
    let parsed;
    try {
      parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end('{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}');
      return;
    }
    const server = newServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      transport.close();
      server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, parsed);
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`ts-sdk-peer listening on ${port}`));
