// Drives the admin page in a real Chromium, as a user would: log in with the platform token,
// create an account and an MCP server, copy its URL, check that URL lists exactly the tools the
// page previewed, look at the call log, revoke the server, and check the URL is dead.
//
// Environment: BASE (http://127.0.0.1:PORT), ADMIN_TOKEN, API_KEY, CHROMIUM (the browser binary),
// SHOTS (a directory for screenshots of the main views). Prints one JSON object on stdout; exits
// 1 with the reason on stderr when a check fails.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const { BASE, ADMIN_TOKEN, API_KEY, CHROMIUM, SHOTS } = process.env;
const VERSION = "2025-11-25";

function fail(message) {
  throw new Error(message);
}

/** One JSON-RPC request to an MCP URL over Streamable HTTP: the HTTP status and the body. */
async function rpc(url, id, method, params) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      "MCP-Protocol-Version": VERSION,
    },
    body: JSON.stringify({ jsonrpc: "2.0", id, method, params }),
  });
  return { status: response.status, body: response.status === 200 ? await response.json() : null };
}

/** Every tool name tools/list gives over all its pages, or the HTTP status that refused it. */
async function listTools(url) {
  const names = [];
  let cursor;
  do {
    const answer = await rpc(url, 1, "tools/list", cursor ? { cursor } : {});
    if (answer.status !== 200) return { status: answer.status, names };
    for (const tool of answer.body.result.tools) names.push(tool.name);
    cursor = answer.body.result.nextCursor;
  } while (cursor);
  return { status: 200, names };
}

async function callTool(url, name, args) {
  return (await rpc(url, 2, "tools/call", { name, arguments: args })).body.result;
}

/** Waits for a view: its heading, then the page's sign that every handler is attached. */
async function opened(page, heading) {
  await page.getByRole("heading", { name: heading }).waitFor();
  await page.locator("main[data-ready]").waitFor();
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // As root in a sandboxed machine, and with no network beyond localhost.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const out = {};
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE });
    const page = await context.newPage();
    const consoleErrors = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    page.on("dialog", (d) => d.accept());

    // Log in.
    await page.goto(BASE + "/admin");
    await opened(page, "Log in");
    await page.getByLabel("Platform API token").fill("wrong-token");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByText("The platform token was refused").waitFor();
    await page.getByLabel("Platform API token").fill(ADMIN_TOKEN);
    await page.screenshot({ path: join(SHOTS, "login.png") });
    await page.getByRole("button", { name: "Log in" }).click();
    await opened(page, "Integrated accounts");
    // The browser logs the refused attempt's 401; from here on, nothing may go wrong.
    consoleErrors.length = 0;
    out.tokenInLocalStorage = await page.evaluate(() => localStorage.length);

    // An account.
    await page.getByLabel("Name").fill("Acme Sales");
    await page.getByLabel("Streak API key").fill(API_KEY);
    // A double click, as people do: one account, not two.
    await page.getByRole("button", { name: "Add account" }).dblclick();
    await opened(page, "Acme Sales");
    out.accountId = page.url().split("/account/")[1];

    // A server: read methods on boxes, with a live preview.
    const form = page.locator("#server-form");
    await form.getByLabel("Name").fill("Read-only boxes");
    const summary = form.locator(".preview-summary");
    await summary.waitFor();
    await form.getByLabel("read", { exact: true }).check();
    await form.getByLabel("boxes", { exact: true }).check();
    // Each change asks for a new preview; wait for the one of this filter.
    const wanted = JSON.stringify({ methods: ["read"], tags: ["boxes"], require_api_token_auth: false });
    await page.waitForFunction(
      (config) => document.querySelector("#server-form .preview")?.dataset.config === config,
      wanted);
    out.previewSummary = await summary.textContent();
    out.previewed = await form.locator(".preview-tools li").allTextContents();
    if (out.previewed.length === 0) fail("the preview lists no tools");
    await page.screenshot({ path: join(SHOTS, "create-server.png"), fullPage: true });
    // A double click makes one server, whose URL is the one shown (a second would have replaced
    // it, and the first server's URL would be lost).
    await form.getByRole("button", { name: "Create MCP server" }).dblclick();
    await page.locator("#created").waitFor();
    await page.waitForFunction(
      () => !document.querySelector("#create-server").hasAttribute("aria-busy"));
    out.serverRows = await page.locator("#servers tr").count();
    await page.getByRole("button", { name: "Copy URL" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    out.url = await page.evaluate(() => navigator.clipboard.readText());
    const shown = await page.locator("#created-url").inputValue();
    if (out.url !== shown) fail("the clipboard does not hold the URL shown");
    out.configs = await page.locator("#client-configs pre").allTextContents();
    await page.screenshot({ path: join(SHOTS, "server-created.png"), fullPage: true });

    // The copied URL lists exactly the previewed tools, in the same order.
    const listed = await listTools(out.url);
    out.listed = listed.names;
    if (listed.status !== 200) fail("tools/list at the copied URL answered " + listed.status);
    if (JSON.stringify(listed.names) !== JSON.stringify(out.previewed)) {
      fail("tools/list differs from the preview:\n" + listed.names + "\nvs\n" + out.previewed);
    }

    // One call, then the server's page shows it in the call log.
    const result = await callTool(out.url, "get_single_streak_box_by_id", { box_key: "b1" });
    if (result.isError) fail("the tool call failed: " + JSON.stringify(result));
    await page.getByRole("link", { name: "Open Read-only boxes" }).click();
    await opened(page, "Read-only boxes");
    // The call log is written in batches: reload until the call appears.
    for (let i = 0; i < 40; i++) {
      if ((await page.locator("#calls tr").count()) > 0) break;
      await page.waitForTimeout(250);
      await page.reload();
      await opened(page, "Read-only boxes");
    }
    out.callLog = await page.locator("#calls tr td:nth-child(2)").allTextContents();
    await page.screenshot({ path: join(SHOTS, "server.png"), fullPage: true });

    // Change the filter and the expiry later: the URL then lists the new preview. Midway the
    // platform token changes (rotated, say): a dialog asks for it over the page, and the choices
    // already made stay.
    const edit = page.locator("#edit-form");
    await page.evaluate(() => sessionStorage.setItem("streak-mcp-admin-token", "rotated-away"));
    await edit.getByLabel("read", { exact: true }).uncheck();
    const dialog = page.getByRole("dialog", { name: "Log in again" });
    await dialog.waitFor();
    await dialog.getByLabel("Current token").fill("still-wrong");
    await dialog.getByRole("button", { name: "Log in again" }).click();
    await dialog.getByText("That token was refused too").waitFor();
    await dialog.getByLabel("Current token").fill(ADMIN_TOKEN);
    await dialog.getByRole("button", { name: "Log in again" }).click();
    await dialog.waitFor({ state: "hidden" });
    out.afterRelogin = {
      heading: await page.getByRole("heading", { level: 1 }).textContent(),
      readChecked: await edit.getByLabel("read", { exact: true }).isChecked(),
      boxesChecked: await edit.getByLabel("boxes", { exact: true }).isChecked(),
    };
    // The browser logs the refused requests' 401s; from here on, nothing may go wrong.
    consoleErrors.length = 0;
    await edit.getByLabel("get", { exact: true }).check();
    const edited = JSON.stringify({ methods: ["get"], tags: ["boxes"], require_api_token_auth: false });
    await page.waitForFunction(
      (config) => document.querySelector("#edit-form .preview")?.dataset.config === config,
      edited);
    out.editedPreview = await edit.locator(".preview-tools li").allTextContents();
    await edit.getByLabel("Expires").selectOption({ label: "In 1 day" });
    await edit.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved.").waitFor();
    out.editedFacts = await page.locator("#server-facts dd").allTextContents();
    out.editedListed = (await listTools(out.url)).names;
    if (JSON.stringify(out.editedListed) !== JSON.stringify(out.editedPreview)) {
      fail("after the edit, tools/list differs from the preview: " + out.editedListed);
    }

    // The accounts list, for its screenshot.
    await page.getByRole("link", { name: "Streak MCP admin" }).click();
    await opened(page, "Integrated accounts");
    out.accounts = await page.locator("#accounts tr td:first-child").allTextContents();
    await page.screenshot({ path: join(SHOTS, "accounts.png") });

    // An account added by mistake is deleted again.
    await page.getByLabel("Name").fill("Typo account");
    await page.getByLabel("Streak API key").fill(API_KEY + "-typo");
    await page.getByRole("button", { name: "Add account" }).click();
    await opened(page, "Typo account");
    await page.getByRole("link", { name: "All accounts" }).click();
    await opened(page, "Integrated accounts");
    await page.getByRole("button", { name: "Delete account Typo account" }).click();
    await page.getByText("Deleted Typo account.").waitFor();
    out.accountsAfterDelete = await page.locator("#accounts tr td:first-child").allTextContents();

    // A pasted link whose ids are not ids (%2e%2e is '..' to fetch) reaches no API path but the
    // accounts list.
    const requested = [];
    const onRequest = (r) => {
      const path = new URL(r.url()).pathname;
      if (!path.startsWith("/admin")) requested.push(path); // the page's own files, the icon
    };
    page.on("request", onRequest);
    const accountsListed = page.waitForResponse(
      (r) => new URL(r.url()).pathname === "/integrated-account");
    await page.evaluate(() => { location.hash = "#/account/%2e%2e/server/tool-catalog"; });
    await page.getByText("That link names no account or server").waitFor();
    await accountsListed;
    await opened(page, "Integrated accounts");
    page.off("request", onRequest);
    out.craftedLinkRequests = requested;
    if (requested.some((path) => path !== "/integrated-account")) {
      fail("a crafted link reached " + requested.join(", "));
    }

    // Revoke, and the URL is dead.
    await page.getByRole("link", { name: "Acme Sales" }).click();
    await opened(page, "Acme Sales");
    await page.getByRole("link", { name: "Open Read-only boxes" }).click();
    await opened(page, "Read-only boxes");
    await page.getByRole("button", { name: "Revoke this MCP server" }).click();
    await page.getByText("Revoked Read-only boxes").waitFor();
    await opened(page, "Acme Sales");
    out.serversAfterRevoke = await page.locator("#servers tr").count();
    out.afterRevoke = (await listTools(out.url)).status;
    if (out.afterRevoke !== 404) fail("the revoked URL answered " + out.afterRevoke);
    out.consoleErrors = consoleErrors;
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((e) => {
  process.stderr.write(String(e.stack || e) + "\n");
  process.exit(1);
});
