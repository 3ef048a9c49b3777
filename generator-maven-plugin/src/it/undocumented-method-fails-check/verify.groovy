// build.log holds both invocations: the first fails and names the method, the second passes.
def log = new File(basedir, 'build.log').text
assert log =~ /delete_a_streak_widget_by_id \[GATE-UNDOCUMENTED\] DELETE \/v1\/widgets\/\{widgetKey\}/
assert log =~ /(?s)BUILD FAILURE.*quality gate passed: 4 documented tools, 1 undocumented methods on the allow-list/
