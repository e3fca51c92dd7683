// The build failed on the spec's errors, each printed in Maven's file:line:col form, and the
// unused parameter as a warning.
def log = new File(basedir, 'build.log').text
def spec = new File(basedir, 'src/main/hyp/broken.hyp').canonicalPath

assert log.contains('[ERROR] ' + spec + ':12:39: HYP012 unknown activation `reluu`')
assert log.contains('help: did you mean `relu`?')
assert log.contains('[ERROR] ' + spec + ':13:25: HYP061 the loss `mse` does not fit the activation `softmax`')
assert log.contains('[WARNING] ' + spec + ':8:5: HYP100 parameter `spare` is never used')
assert log.contains('hyp: 1 of 1 specs have errors')
assert log.contains('BUILD FAILURE')
return true
