#!/usr/bin/env node
// Seed workflows an agent runs against a Streak MCP server, driven through the official
// TypeScript SDK client (@modelcontextprotocol/sdk, pinned in package.json). Each workflow uses
// only the server's tools, as a model would, and prints ONE JSON object on stdout with what it
// saw and did, for the Java tests to check against Streak's own state.
//
// Usage:
//   node workflows.mjs <deal-triage|stagnation-audit> http <url> [--page-size N]
//   node workflows.mjs <deal-triage|stagnation-audit> stdio <command> [args...]
//
// deal-triage       Finds "Acme Corp Renewal" in the Sales pipeline; if it is in "Verbal
//                   Agreement", moves it to "Contract Sent" and adds a follow-up task due in three
//                   days. Prints the stage before and after, and the task as the tools show it.
// stagnation-audit  Lists the Hiring pipeline's boxes in "Technical Interview" page by page
//                   (following next_cursor to the end), and reports those in the stage for more
//                   than 7 days with no DONE task.
// Exit 0 = done; 1 = a tool failed (message on stderr); 2 = usage error.

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const DAY = 86_400_000;

async function main(argv) {
  const [workflow, transport, ...rest] = argv;
  let pageSize = 10;
  const i = rest.indexOf('--page-size');
  if (i >= 0) {
    pageSize = Number(rest[i + 1]);
    rest.splice(i, 2);
  }
  if (!['deal-triage', 'stagnation-audit'].includes(workflow) || !['http', 'stdio'].includes(transport) || rest.length === 0) {
    process.stderr.write('usage: workflows.mjs <deal-triage|stagnation-audit> <http URL | stdio COMMAND ARGS...> [--page-size N]\n');
    return 2;
  }
  const client = new Client({ name: 'streak-mcp-workflows', version: '1.0.0' });
  const t = transport === 'http'
    ? new StreamableHTTPClientTransport(new URL(rest[0]))
    : new StdioClientTransport({ command: rest[0], args: rest.slice(1), env: process.env, stderr: 'inherit' });
  await client.connect(t);
  try {
    const tools = new Tools(client);
    const report = workflow === 'deal-triage'
      ? await dealTriage(tools)
      : await stagnationAudit(tools, pageSize);
    report.calls = tools.calls;
    process.stdout.write(JSON.stringify(report) + '\n');
    return 0;
  } finally {
    await client.close();
  }
}

/** Calls tools and fails loudly on a tool error, the way an agent would stop and report. */
class Tools {
  constructor(client) {
    this.client = client;
    this.calls = [];
  }

  async call(name, args) {
    this.calls.push(name);
    const r = await this.client.callTool({ name, arguments: args });
    if (r.isError) {
      throw new Error(`${name} failed: ${JSON.stringify(r.structuredContent ?? r.content)}`);
    }
    return r.structuredContent;
  }

  /** Every item of a list tool, following next_cursor to the end; also counts the pages. */
  async all(name, args, limit) {
    const items = [];
    let cursor;
    let pages = 0;
    do {
      const page = await this.call(name, { ...args, limit, ...(cursor ? { next_cursor: cursor } : {}) });
      pages++;
      items.push(...page.result);
      cursor = page.next_cursor;
    } while (cursor);
    return { items, pages };
  }

  async pipeline(name) {
    const { items } = await this.all('list_all_streak_pipelines', {}, 100);
    const p = items.find((x) => x.name === name);
    if (!p) throw new Error(`no pipeline named ${name}`);
    return p;
  }

  async stageNames(pipelineKey) {
    const { items } = await this.all('list_all_streak_stages', { pipeline_key: pipelineKey }, 100);
    return Object.fromEntries(items.map((s) => [s.key, s.name]));
  }
}

async function dealTriage(tools) {
  const sales = await tools.pipeline('Sales');
  const stages = await tools.stageNames(sales.key);
  const found = await tools.call('search_streak_crm', { name: 'Acme Corp Renewal', pipeline_key: [sales.key] });
  const hit = found.results.boxes.find((b) => b.name === 'Acme Corp Renewal' && b.pipelineKey === sales.key);
  if (!hit) throw new Error('Acme Corp Renewal is not in the Sales pipeline');
  const box = await tools.call('get_single_streak_box_by_id', { box_key: hit.boxKey });
  const before = stages[box.stageKey];
  const report = { boxKey: box.key, before, moved: false };
  if (before === 'Verbal Agreement') {
    // By name: the live schema offers the account's stage names as an enum.
    await tools.call('update_a_streak_box_by_id', { box_key: box.key, stage: 'Contract Sent' });
    const due = Date.now() + 3 * DAY;
    const task = await tools.call('create_a_streak_box_task', {
      box_key: box.key,
      text: 'Follow up on the contract sent to Acme Corp',
      due_date: due,
    });
    report.moved = true;
    report.createdTaskKey = task.key;
    report.requestedDueDate = due;
  }
  const after = await tools.call('get_single_streak_box_by_id', { box_key: box.key });
  report.after = stages[after.stageKey];
  report.afterStageKey = after.stageKey;
  const { items: boxTasks } = await tools.all('list_all_streak_box_tasks', { box_key: box.key }, 100);
  report.tasks = boxTasks.map((t) => ({ key: t.key, text: t.text, status: t.status, dueDate: t.dueDate }));
  return report;
}

async function stagnationAudit(tools, pageSize) {
  const hiring = await tools.pipeline('Hiring');
  const stages = await tools.stageNames(hiring.key);
  const stageKey = Object.keys(stages).find((k) => stages[k] === 'Technical Interview');
  if (!stageKey) throw new Error('Hiring has no Technical Interview stage');
  const { items: inStage, pages } = await tools.all(
    'list_all_streak_boxes', { pipeline_key: hiring.key, stage_key: stageKey }, pageSize);
  const cutoff = Date.now() - 7 * DAY;
  const stale = inStage.filter((b) => b.lastStageChangeTimestamp < cutoff);
  const flagged = [];
  for (const b of stale) {
    const { items: tasks } = await tools.all('list_all_streak_box_tasks', { box_key: b.key }, 100);
    if (!tasks.some((t) => t.status === 'DONE')) {
      flagged.push({
        boxKey: b.key,
        name: b.name,
        daysInStage: Math.floor((Date.now() - b.lastStageChangeTimestamp) / DAY),
        openTasks: tasks.length,
      });
    }
  }
  return { pipelineKey: hiring.key, stageKey, pages, inStage: inStage.length, staleCount: stale.length, flagged };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`workflows.mjs: ${e.stack ?? e}\n`);
    process.exit(1);
  },
);
