// build.log holds all four invocations: without an allow-list, with one given by -D (ignored), and
// skipped in CI, the gate fails; with the POM's allow-list, it passes.
def log = new File(basedir, 'build.log').text
assert log =~ /delete_a_streak_widget_by_id \[GATE-UNDOCUMENTED\] DELETE \/v1\/widgets\/\{widgetKey\}/
assert log =~ /(?s)BUILD FAILURE.*quality gate passed: 4 documented tools, 1 undocumented methods on the allow-list/
assert log.contains('the Streak MCP quality gate cannot be skipped in CI')
assert (log =~ /\[GATE-UNDOCUMENTED\]/).size() >= 2 : 'the -D allow-list must not let the method through'
assert log.contains("allowed undocumented (1): the test's own undocumented method, left out on purpose")
