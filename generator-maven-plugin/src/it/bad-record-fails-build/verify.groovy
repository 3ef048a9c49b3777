def log = new File(basedir, 'build.log').text
assert log =~ /records\/things\.yaml:7:24: error: \[DOC-UNKNOWN-TYPE\] \$\.records\[0\]\.params\.thingKey\.type/
assert log.contains('1 error in 1 of 2 record files; no sources were generated')
assert !new File(basedir, 'target/generated-sources/streak-mcp').exists()
