// The spec checks clean but is not in `hyp fmt`'s layout: fmt-check names it and fails the build.
def log = new File(basedir, 'build.log').text
def spec = new File(basedir, 'src/main/hyp/iris.hyp').canonicalPath

assert log.contains('hyp: 1 spec checked, no errors')
assert log.contains('[ERROR] ' + spec + ': not formatted as `hyp fmt` would')
assert log.contains('run `hyp fmt` on them')
assert log.contains('BUILD FAILURE')
return true
