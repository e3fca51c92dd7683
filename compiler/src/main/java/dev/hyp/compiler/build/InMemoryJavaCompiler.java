package dev.hyp.compiler.build;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources with javac in memory: sources in, class files out, nothing on disk. */
public final class InMemoryJavaCompiler {

  /** A source: its binary class name (`hyp.generated.iris.IrisExperiment`) and text. */
  public record Source(String className, String text) {}

  /** Thrown when generated code does not compile: always a bug in hyp, never in the spec. */
  public static final class CompilationFailedException extends RuntimeException {
    CompilationFailedException(String message) {
      super(message);
    }
  }

  /** Class files by binary name, in name order. */
  public Map<String, byte[]> compile(List<Source> sources, List<Path> classpath) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no Java compiler in this runtime: run hyp on a JDK, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
    ClassCollector output = new ClassCollector(standard);
    List<String> options = List.of("--release", "17", "-proc:none", "-encoding", "UTF-8", "-classpath",
        classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
    List<JavaFileObject> units = new ArrayList<>();
    for (Source source : sources) {
      units.add(new StringSource(source));
    }
    boolean ok = javac.getTask(null, output, diagnostics, options, null, units).call();
    if (!ok) {
      throw new CompilationFailedException(diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n")));
    }
    return output.classes;
  }

  private static final class StringSource extends SimpleJavaFileObject {
    private final String text;

    StringSource(Source source) {
      super(URI.create("string:///" + source.className().replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.text = source.text();
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  private static final class ClassCollector extends ForwardingJavaFileManager<JavaFileManager> {
    final Map<String, byte[]> classes = new TreeMap<>();

    ClassCollector(JavaFileManager delegate) {
      super(delegate);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
        FileObject sibling) {
      return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          return new ByteArrayOutputStream() {
            @Override
            public void close() {
              classes.put(className, toByteArray());
            }
          };
        }
      };
    }
  }
}
