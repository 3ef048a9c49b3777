// The generated registry and tools compiled with -Xlint:all -Werror, and the report was logged.
def classes = new File(basedir, 'target/classes/com/example/streak')
assert new File(classes, 'StreakToolRegistry.class').isFile()
assert new File(classes, 'tools/GetSingleStreakWidgetById.class').isFile()
assert new File(basedir, 'target/classes/streak-mcp/schemas/list_all_streak_widgets.input.json').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('4 of 5 Streak methods generated as tools; 1 dropped')
assert log.contains('delete_a_streak_widget_by_id') && log.contains('[GATE-UNDOCUMENTED]')
assert log.contains('tokens total')
