package io.streakmcp.server;

/**
 * What {@code sandbox} prints: the MCP URL, and configuration to paste into each client. Every
 * snippet is complete as printed; only ChatGPT needs one more step (a public HTTPS address).
 */
final class SandboxGuide {
  private SandboxGuide() {}

  static String text(Sandbox.Made m, String jar) {
    String url = m.mcpUrl();
    return """
        Streak MCP sandbox is running: a demo Streak team (Sales and Hiring pipelines) in memory,
        served as an MCP server. Everything lives in this process; Ctrl-C ends it and a new run
        starts fresh, with new URLs.

        MCP server URL (Streamable HTTP):
          %1$s
        The same server over HTTP+SSE, for older clients:
          %1$s/sse

        MCP Inspector (Node 22.19 or later):
          npx -y @modelcontextprotocol/inspector@2.12.0 --cli %1$s --transport http --method tools/list
          npx -y @modelcontextprotocol/inspector@2.12.0 --cli %1$s --transport http \\
              --method tools/call --tool-name search_streak_crm --tool-arg query=Acme
          (or the web UI: npx -y @modelcontextprotocol/inspector@2.12.0, then paste the URL)

        Claude Desktop: add to claude_desktop_config.json under "mcpServers", then restart it.
          By URL, through the mcp-remote bridge:
            "streak-sandbox": {"command": "npx", "args": ["-y", "mcp-remote", "%1$s"]}
          Or as a local stdio process (the same demo team, while this sandbox runs):
            "streak-sandbox-stdio": {"command": "java",
              "args": ["-jar", "%2$s", "stdio", "--streak-base-url", "%3$s"],
              "env": {"STREAK_API_KEY": "%4$s"}}

        ChatGPT (Settings > Apps & Connectors > Advanced > Developer mode, then Create): ChatGPT
          reaches servers from the internet, so expose port %5$d over HTTPS first, e.g.
            cloudflared tunnel --url http://127.0.0.1:%5$d
          restart the sandbox with --public-base-url https://<tunnel-host> (the URL it prints then
          is the one to give ChatGPT), and choose "No authentication".

        Admin API for this run (see README): Authorization: Bearer %6$s
        """
        .formatted(url, jar, m.streakBase(), m.streakKey(), m.port(), m.adminToken());
  }
}
