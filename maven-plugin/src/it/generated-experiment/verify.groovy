// The generated Java was written under target/generated-sources/hyp and compiled with the
// project's own code, which uses it.
def generated = new File(basedir, 'target/generated-sources/hyp/hyp/generated/iris')
assert new File(generated, 'IrisExperiment.java').isFile()
assert new File(generated, 'IrisParams.java').isFile()
assert new File(basedir, 'target/classes/hyp/generated/iris/IrisExperiment.class').isFile()
assert new File(basedir, 'target/classes/example/IrisSearch.class').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains('hyp: 1 spec checked, no errors')
assert log.contains('BUILD SUCCESS')
return true
