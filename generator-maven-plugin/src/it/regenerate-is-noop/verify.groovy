// build.log holds both invocations: the first generates, the second skips and writes nothing.
def log = new File(basedir, 'build.log').text
assert log =~ /(?s)Streak MCP: \d+ files written.*generation skipped; no file written/ :
    'the first build must generate and the second must skip'
assert !(log =~ /(?s)generation skipped.*files written/) : 'nothing may be written after the skip'
