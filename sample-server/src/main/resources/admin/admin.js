// The admin page: a thin client of the admin API. Every value from the server is written with
// textContent or as an input's value, never parsed as HTML. The platform token lives in this
// tab's session storage only.
"use strict";

const TOKEN_KEY = "streak-mcp-admin-token";
const main = document.getElementById("main");
const statusLine = document.getElementById("status");
const logoutButton = document.getElementById("logout");
let catalog = null;

// ---------------------------------------------------------------- the API

class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : "the server answered HTTP " + status);
    this.status = status;
    this.field = body && body.field;
  }
}

/**
 * One admin API request. {@code token} is the token to try (the login form's); by default the
 * stored one. Failures all become ApiErrors with a message a person can act on.
 */
async function api(method, path, body, token) {
  const headers = { Authorization: "Bearer " + (token ?? sessionStorage.getItem(TOKEN_KEY)) };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  let text;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      referrerPolicy: "no-referrer",
    });
    text = await response.text();
  } catch (e) {
    throw new ApiError(0, { message: "Could not reach the server; check the connection and try again." });
  }
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    // A proxy's error page, say: not the admin API talking.
    throw new ApiError(response.status, {
      message: "The server answered HTTP " + response.status + " with something other than the admin API's JSON.",
    });
  }
  if (response.status === 401) {
    // A token being tried (the login forms') is theirs to report; the stored one was refused.
    if (token === undefined) tokenRefused();
    throw new ApiError(401, json);
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

// ---------------------------------------------------------------- a token refused mid-session

const relogin = document.getElementById("relogin");
const reloginForm = document.getElementById("relogin-form");
const reloginToken = document.getElementById("relogin-token");
const reloginError = document.getElementById("relogin-error");
/** A navigation's view could not load for the token: it is loaded again after the dialog. */
let reloadAfterLogin = false;

/**
 * The stored token was refused (rotated, or the server restarted with another). With a view on
 * screen, a dialog asks for the token over it, so a half-filled form is not lost to the login
 * view; before any view is whole, the login view is all there is to lose.
 */
function tokenRefused() {
  sessionStorage.removeItem(TOKEN_KEY);
  logoutButton.hidden = true;
  if (main.hasAttribute("data-ready")) {
    show("The platform token was refused; log in again to go on. What you typed stays.", true);
    if (!relogin.open) {
      reloginError.hidden = true;
      relogin.showModal();
    }
  } else {
    show("The platform token was refused; log in again.", true);
    route();
  }
}

reloginForm.addEventListener("submit", (event) => {
  event.preventDefault();
  busy(reloginForm.querySelector("button[type=submit]"), async () => {
    const token = reloginToken.value.trim();
    try {
      await api("GET", "/integrated-account", undefined, token);
    } catch (e) {
      reloginError.textContent =
        e.status === 401 ? "That token was refused too; check it and try again." : e.message;
      reloginError.hidden = false;
      reloginToken.focus();
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    reloginToken.value = "";
    logoutButton.hidden = false;
    relogin.close();
    if (reloadAfterLogin) {
      reloadAfterLogin = false;
      show("Logged in again.");
      route();
      return;
    }
    show("Logged in again. Send what you were doing once more.");
    // Previews that failed for the token ask again for the choices still on screen.
    main.querySelectorAll(".preview.out-of-date").forEach((preview) =>
      preview.closest("form")?.querySelector(".filters")?.dispatchEvent(new Event("change")));
  });
});
document.getElementById("relogin-logout").addEventListener("click", () => {
  relogin.close();
  logOut();
});

// ---------------------------------------------------------------- small helpers

function show(message, isError) {
  statusLine.textContent = message;
  statusLine.classList.toggle("error", Boolean(isError));
}

function failed(error) {
  if (error instanceof Stale) return;
  if (error instanceof ApiError && error.status === 401) return;
  show((error.field ? error.field + ": " : "") + error.message, true);
}

/**
 * An error in a form: said in the status line, and beside the field it names (when the form has
 * one), which is marked invalid, described by the message, and focused.
 */
function formFailed(form, error) {
  failed(error);
  form.querySelectorAll(".field-error").forEach((n) => n.remove());
  form.querySelectorAll("[aria-invalid]").forEach((n) => {
    n.removeAttribute("aria-invalid");
    n.removeAttribute("aria-errormessage");
  });
  const field = error.field && form.querySelector('[data-field="' + error.field.split(".")[0] + '"]');
  if (!field) return;
  const message = el("p", error.message, { class: "field-error", id: "error-" + error.field.split(".")[0] });
  field.after(message);
  field.setAttribute("aria-invalid", "true");
  field.setAttribute("aria-errormessage", message.id);
  field.focus();
}

/**
 * Runs one request for a button, disabled meanwhile: a second click cannot send it twice (a double
 * click made two servers, and the first one's URL, shown once, was lost).
 */
async function busy(button, work) {
  if (button.disabled) return;
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    button.removeAttribute("aria-busy");
    settle(button);
  }
}

/** A button is off while its form is locked (an expired server) or offers no tools. */
function settle(button) {
  button.disabled = button.dataset.locked === "true" || button.dataset.empty === "true";
}

/**
 * Shows a view. Views load their data first and attach every handler before they return, so
 * nothing on screen is ever inert; main carries data-ready once a view is whole.
 */
function view(id, ticket, title) {
  if (ticket !== routed) throw new Stale();
  document.title = title + " - Streak MCP admin";
  const node = document.getElementById(id).content.cloneNode(true);
  main.removeAttribute("data-ready");
  main.replaceChildren(node);
  main.focus();
  return main;
}

function ready() {
  main.dataset.ready = "true";
}

async function loadCatalog() {
  if (!catalog) catalog = await api("GET", "/tool-catalog");
  return catalog;
}

function el(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  return node;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : "never";
}

async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = "Copied";
    show("Copied to the clipboard.");
  } catch (e) {
    show("The browser refused the clipboard; select the text and copy it by hand.", true);
  }
}

// ---------------------------------------------------------------- routing

/**
 * Each route() is numbered; a view whose data arrives after a newer route() began is dropped
 * instead of shown over it (Back pressed during a slow load showed the old view at the new
 * address).
 */
let routed = 0;

class Stale extends Error {}

/** Account and server ids, as the store makes them (UUIDs). */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function route() {
  const ticket = ++routed;
  const token = sessionStorage.getItem(TOKEN_KEY);
  logoutButton.hidden = !token;
  if (!token) return loginView(ticket);
  const parts = location.hash.replace(/^#\/?/, "").split("/");
  const shown = (loading) => loading.catch((e) => routeFailed(e, ticket));
  if (parts[0] === "account" && parts.slice(1).some((p, i) => i % 2 === 0 && p && !ID.test(p))) {
    // Ids go into API paths: anything else in a pasted link (%2e%2e, say) never reaches fetch.
    show("That link names no account or server (their ids are UUIDs).", true);
    return shown(accountsView(ticket));
  }
  if (parts[0] === "account" && parts[1] && parts[2] === "server" && parts[3]) {
    return shown(serverView(parts[1], parts[3], ticket));
  }
  if (parts[0] === "account" && parts[1]) return shown(accountView(parts[1], ticket));
  return shown(accountsView(ticket));
}

/** A view that could not load: says why, in place of the view, with a way to try again. */
function routeFailed(error, ticket) {
  if (error instanceof Stale || ticket !== routed) return;
  if (error instanceof ApiError && error.status === 401) {
    // Refused while leaving a view on screen (the dialog is over it): load this one once the
    // token is back.
    reloadAfterLogin = true;
    return;
  }
  failed(error);
  const root = view("failed-view", ticket, "Not loaded");
  root.querySelector("#failed-reason").textContent = error.message;
  root.querySelector("#retry").addEventListener("click", route);
  ready();
}

/** A message that must outlive the navigation it comes with (a new view clears old ones). */
let carryStatus = false;

function navigate(hash, message) {
  show(message);
  carryStatus = true;
  location.hash = hash;
}

window.addEventListener("hashchange", () => {
  if (!carryStatus) show("");
  carryStatus = false;
  route();
});
function logOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  if (location.hash === "#/" || location.hash === "") {
    show("Logged out.");
    route();
  } else {
    navigate("#/", "Logged out.");
  }
}

logoutButton.addEventListener("click", logOut);

// ---------------------------------------------------------------- views

function loginView(ticket) {
  const root = view("login-view", ticket, "Log in");
  const form = root.querySelector("#login-form");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(form.querySelector("button[type=submit]"), async () => {
      const token = root.querySelector("#login-token").value.trim();
      try {
        // Kept only once the server has accepted it: a token that was never checked (offline,
        // say) would pass for a login after a reload.
        await api("GET", "/integrated-account", undefined, token);
        sessionStorage.setItem(TOKEN_KEY, token);
        show("Logged in.");
        route();
      } catch (e) {
        if (e.status === 401) show("The platform token was refused; check it and try again.", true);
        else failed(e);
      }
    });
  });
  ready();
}

async function accountsView(ticket) {
  const accounts = (await api("GET", "/integrated-account")).result;
  const root = view("accounts-view", ticket, "Integrated accounts");
  const body = root.querySelector("#accounts");
  root.querySelector("#no-accounts").hidden = accounts.length > 0;
  for (const account of accounts) {
    const row = body.insertRow();
    row.insertCell().append(el("a", account.name, { href: "#/account/" + account.id }));
    row.insertCell().textContent = when(account.created_at);
    const remove = el("button", "Delete", { type: "button", class: "destructive" });
    remove.setAttribute("aria-label", "Delete account " + account.name);
    remove.addEventListener("click", () => {
      if (!confirm("Delete " + account.name + " and every MCP server on it?")) return;
      busy(remove, async () => {
        try {
          await api("DELETE", "/integrated-account/" + account.id);
          // Said once the list without it is on screen, not while the old one still shows it.
          await route();
          show("Deleted " + account.name + ".");
        } catch (e) {
          failed(e);
        }
      });
    });
    row.insertCell().append(remove);
  }
  const accountForm = root.querySelector("#account-form");
  accountForm.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(accountForm.querySelector("button[type=submit]"), async () => {
      try {
        const created = await api("POST", "/integrated-account", {
          name: root.querySelector("#account-name").value.trim(),
          api_key: root.querySelector("#account-key").value.trim(),
        });
        accountForm.reset();
        navigate(
          "#/account/" + created.id,
          "Added " + created.name + "; its API key is stored encrypted and will not be shown again.");
      } catch (e) {
        formFailed(accountForm, e);
      }
    });
  });
  ready();
}

async function accountView(accountId, ticket) {
  const [account, servers] = await Promise.all([
    api("GET", "/integrated-account/" + accountId),
    api("GET", "/integrated-account/" + accountId + "/mcp"),
    loadCatalog(),
  ]);
  const root = view("account-view", ticket, account.name);
  root.querySelector("#account-title").textContent = account.name;
  const body = root.querySelector("#servers");
  root.querySelector("#no-servers").hidden = servers.result.length > 0;
  for (const server of servers.result) serverRow(body, accountId, server);
  const form = root.querySelector("#server-form");
  const filters = filterControls(form, { methods: [], tags: [], require_api_token_auth: false });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(form.querySelector("button[type=submit]"), async () => {
      try {
        const created = await api("POST", "/integrated-account/" + accountId + "/mcp", {
          name: root.querySelector("#server-name").value.trim(),
          config: filters.config(),
          expires_at: filters.expiry(),
        });
        showCreated(root, created);
        form.reset();
        serverRow(body, accountId, created);
        root.querySelector("#no-servers").hidden = true;
      } catch (e) {
        formFailed(form, e);
      }
    });
  });
  ready();
}

function serverRow(body, accountId, server) {
  const link = "#/account/" + accountId + "/server/" + server.id;
  const row = body.insertRow();
  row.insertCell().append(el("a", server.name, { href: link }));
  row.insertCell().textContent = server.config.methods.join(", ") || "all";
  row.insertCell().textContent = server.config.tags.join(", ") || "all";
  row.insertCell().textContent = when(server.expires_at);
  row.insertCell().append(el("span", server.status, { class: "badge " + server.status }));
  const open = el("a", "Open", { href: link });
  open.setAttribute("aria-label", "Open " + server.name);
  row.insertCell().append(open);
}

/** The URL, once, with a copy button and client configurations built around it. */
function showCreated(root, created) {
  const section = root.querySelector("#created");
  section.hidden = false;
  const url = created.url;
  root.querySelector("#created-url").value = url;
  const copyButton = root.querySelector("#copy-url");
  copyButton.textContent = "Copy URL";
  copyButton.onclick = () => copy(url, copyButton);
  const configs = root.querySelector("#client-configs");
  configs.replaceChildren();
  const auth = created.config.require_api_token_auth;
  for (const [title, text] of clientConfigs(url, auth)) {
    const block = el("div", null, { class: "config" });
    const heading = el("h4", title);
    // Focusable, so a keyboard can scroll a long line (WCAG 2.1.1).
    const pre = el("pre", text, { tabindex: "0", "aria-label": title });
    const button = el("button", "Copy", { type: "button" });
    button.setAttribute("aria-label", "Copy the " + title + " configuration");
    button.addEventListener("click", () => copy(text, button));
    block.append(heading, pre, button);
    configs.append(block);
  }
  show("MCP server " + created.name + " created. Copy its URL now: it is not shown again.");
  section.scrollIntoView({ block: "nearest" });
}

function clientConfigs(url, auth) {
  const header = auth ? ', "--header", "Authorization: Bearer ${STREAK_MCP_ADMIN_TOKEN}"' : "";
  const headers = auth ? ',\n      "headers": {"Authorization": "Bearer <platform API token>"}' : "";
  return [
    [
      "Claude Desktop (claude_desktop_config.json)",
      '{\n  "mcpServers": {\n    "streak": {\n      "command": "npx",\n'
        + '      "args": ["-y", "mcp-remote", "' + url + '"' + header + "]\n    }\n  }\n}",
    ],
    [
      "Cursor (.cursor/mcp.json)",
      '{\n  "mcpServers": {\n    "streak": {\n      "url": "' + url + '"' + headers
        + "\n    }\n  }\n}",
    ],
    [
      "MCP Inspector (command line)",
      "npx -y @modelcontextprotocol/inspector --cli " + url
        + " --transport http --method tools/list",
    ],
    [
      "ChatGPT and Claude custom connectors",
      "Server URL: " + url + "\nAuthentication: none (the token in the URL is the credential)."
        + "\nThe URL must be public HTTPS: start the server with --public-base-url.",
    ],
  ];
}

async function serverView(accountId, serverId, ticket) {
  const base = "/integrated-account/" + accountId + "/mcp/" + serverId;
  const [server, calls] = await Promise.all([
    api("GET", base),
    api("GET", base + "/calls"),
    loadCatalog(),
  ]);
  const root = view("server-view", ticket, server.name);
  root.querySelector("#back-to-account").href = "#/account/" + accountId;
  root.querySelector("#server-title").textContent = server.name;
  serverFacts(root.querySelector("#server-facts"), server);
  const form = root.querySelector("#edit-form");
  const filters = filterControls(form, server.config, server.expires_at);
  if (server.status === "expired") {
    // Locked for good: the preview that loads later must not turn Save back on.
    form.querySelectorAll("input, select, button").forEach((c) => {
      c.dataset.locked = "true";
      c.disabled = true;
    });
    show("This server has expired; its filters and expiry can no longer change.");
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(form.querySelector("button[type=submit]"), async () => {
      try {
        const patch = { config: filters.config() };
        if (filters.expiryChanged()) patch.expires_at = filters.expiry();
        const updated = await api("PATCH", base, patch);
        serverFacts(root.querySelector("#server-facts"), updated);
        show("Saved.");
      } catch (e) {
        formFailed(form, e);
      }
    });
  });
  const revoke = root.querySelector("#revoke");
  revoke.addEventListener("click", () => {
    if (!confirm("Revoke " + server.name + "? Its URL stops working at once.")) return;
    busy(revoke, async () => {
      try {
        await api("DELETE", base);
        navigate("#/account/" + accountId, "Revoked " + server.name + "; its URL no longer works.");
      } catch (e) {
        failed(e);
      }
    });
  });
  const body = root.querySelector("#calls");
  root.querySelector("#no-calls").hidden = calls.result.length > 0;
  for (const call of calls.result) {
    const row = body.insertRow();
    row.insertCell().textContent = when(call.called_at);
    row.insertCell().textContent = call.tool;
    row.insertCell().textContent = call.status;
    row.insertCell().textContent = call.duration_ms;
  }
  ready();
}

function serverFacts(list, server) {
  list.replaceChildren();
  const facts = [
    ["Status", server.status],
    ["Methods", server.config.methods.join(", ") || "all"],
    ["Tags", server.config.tags.join(", ") || "all"],
    ["Platform token required", server.config.require_api_token_auth ? "yes" : "no"],
    ["Expires", when(server.expires_at)],
    ["Created", when(server.created_at)],
  ];
  for (const [name, value] of facts) list.append(el("dt", name), el("dd", value));
}

// ---------------------------------------------------------------- filters and preview

/**
 * Method and tag checkboxes (from the loaded catalog), token auth and expiry, in {@code form}, set
 * from {@code config}; every change asks the server for a preview of the tools the filter exposes.
 */
function filterControls(form, config, expiresAt) {
  const part = document.getElementById("filters-part").content.cloneNode(true);
  const methods = part.querySelector(".methods");
  for (const word of catalog.methods) methods.append(check("methods", word, config.methods));
  const tags = part.querySelector(".tags");
  for (const tag of catalog.tags) tags.append(check("tags", tag, config.tags));
  part.querySelector("[name=require_api_token_auth]").checked = config.require_api_token_auth;
  form.querySelector(".filters").replaceChildren(part);
  const choice = form.querySelector("[name=expiry]");
  const at = form.querySelector("[name=expiry_at]");
  let expiryTouched = false;
  if (expiresAt) {
    choice.value = "custom";
    at.hidden = false;
    at.value = localInput(new Date(expiresAt));
  }
  choice.addEventListener("change", () => {
    expiryTouched = true;
    at.hidden = choice.value !== "custom";
    if (!at.hidden && !at.value) at.value = localInput(new Date(Date.now() + 86400000));
  });
  at.addEventListener("change", () => (expiryTouched = true));

  const preview = form.querySelector(".preview");
  const submit = form.querySelector("button[type=submit]");
  let asked = 0;
  const current = () => ({
    methods: checked(form, "methods"),
    tags: checked(form, "tags"),
    require_api_token_auth: form.querySelector("[name=require_api_token_auth]").checked,
  });
  async function refresh() {
    const mine = ++asked;
    try {
      const config = current();
      const answer = await api("POST", "/tool-catalog/preview", { config });
      if (mine === asked) {
        renderPreview(preview, answer, submit);
        // Which filter the preview shows, for anyone (a test) waiting for the latest one.
        preview.dataset.config = JSON.stringify(config);
      }
    } catch (e) {
      if (mine === asked) {
        // What is on screen no longer matches the choices: say so rather than leave it looking
        // current.
        preview.classList.add("out-of-date");
        delete preview.dataset.config;
        preview.querySelector(".preview-summary")?.replaceChildren(
          "Preview out of date: " + e.message);
      }
      failed(e);
    }
  }
  form.querySelector(".filters").addEventListener("change", refresh);
  form.addEventListener("reset", () =>
    setTimeout(() => {
      at.hidden = choice.value !== "custom";
      expiryTouched = false;
      refresh();
    }));
  refresh();
  return {
    config: current,
    refresh,
    expiryChanged: () => expiryTouched,
    expiry() {
      if (choice.value === "never") return null;
      const when =
        choice.value === "custom" ? new Date(at.value) : new Date(Date.now() + choice.value * 1000);
      if (isNaN(when.getTime())) {
        throw new ApiError(0, { field: "expires_at", message: "choose a date and a time" });
      }
      if (when.getTime() < Date.now() + 60000) {
        throw new ApiError(0, {
          field: "expires_at",
          message: "choose a moment at least a minute from now",
        });
      }
      return when.toISOString();
    },
  };
}

function check(name, value, selected) {
  const label = el("label", null, { class: "inline" });
  const box = el("input", null, { type: "checkbox", name, value });
  box.checked = selected.includes(value);
  label.append(box, document.createTextNode(" " + value));
  return label;
}

function checked(form, name) {
  return [...form.querySelectorAll("input[name=" + name + "]:checked")].map((b) => b.value);
}

function renderPreview(preview, answer, submit) {
  // Only the summary is announced: the list of tools is long, and re-reading it on every
  // checkbox is noise.
  const heading = el(
    "p",
    answer.count + " tools, about " + answer.tokens_estimate.toLocaleString()
      + " tokens in tools/list (" + answer.tools_list_bytes.toLocaleString()
      + " bytes ÷ 4; box tools grow a little with the account's stages and fields)",
    { class: "preview-summary", role: "status" });
  const list = el("ul", null, { class: "preview-tools", "aria-label": "Tools this server will offer" });
  for (const name of answer.tools) list.append(el("li", name));
  const problems = answer.problems.map((p) => el("p", p, { class: "error" }));
  preview.classList.remove("out-of-date");
  preview.replaceChildren(heading, ...problems, list);
  submit.dataset.empty = String(answer.count === 0);
  if (!submit.hasAttribute("aria-busy")) settle(submit);
}

function localInput(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate())
    + "T" + pad(date.getHours()) + ":" + pad(date.getMinutes());
}

route();
