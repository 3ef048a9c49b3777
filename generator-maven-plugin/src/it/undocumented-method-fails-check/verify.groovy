def log = new File(basedir, 'build.log').text
assert log.contains('quality gate passed: 4 documented tools, 1 undocumented methods on the allow-list')
