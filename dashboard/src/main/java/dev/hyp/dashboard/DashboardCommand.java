package dev.hyp.dashboard;

import dev.hyp.cli.ToolCommand;
import dev.hyp.runtime.run.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** `hyp dashboard [DIR]`: the run folders under DIR in a local web page, live while a search runs. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = "Show the runs under a folder in the browser: every experiment, its versions and runs, and one "
        + "run's trials as they finish, with the report's charts, filters, comparison, a timeline and contours. "
        + "Read-only; Ctrl-C stops it.")
public final class DashboardCommand implements ToolCommand, Callable<Integer> {
  /** The port it listens on unless told otherwise. */
  static final int PORT = 8765;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
      description = "The folder whose run folders it shows, at any depth (default: the current folder).")
  Path directory;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other address "
          + "needs the access token it prints.")
  String host;

  @Option(names = "--port", paramLabel = "N", defaultValue = "" + PORT,
      description = "The port (default: ${DEFAULT-VALUE}; 0 for any free one).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(directory)) {
      err.println("hyp: " + directory + " is not a folder; name the folder that holds your run folders");
      return exit(out, err, ExitCode.BAD_INPUT);
    }
    if (port < 0 || port > 65_535) {
      err.println("hyp: --port " + port + " is not a port; give one from 1 to 65535, or 0 for any free one");
      return exit(out, err, ExitCode.BAD_INPUT);
    }
    CountDownLatch stop = new CountDownLatch(1);
    DashboardServer server;
    try {
      server = DashboardServer.start(directory, host, port);
    } catch (UnknownHostException e) {
      err.println("hyp: --host " + host + " is not an address of this machine; leave it out for 127.0.0.1");
      return exit(out, err, ExitCode.BAD_INPUT);
    } catch (BindException e) {
      err.println("hyp: cannot listen on " + host + ":" + port + " (" + e.getMessage()
          + "); choose another port with --port, or --port 0 for any free one");
      return exit(out, err, ExitCode.BAD_INPUT);
    } catch (IOException e) {
      err.println("hyp: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return exit(out, err, ExitCode.BAD_INPUT);
    }
    try (server) {
      Signal.handle(new Signal("INT"), s -> stop.countDown());
      Signal.handle(new Signal("TERM"), s -> stop.countDown());
      out.println("hyp: dashboard of " + directory.toAbsolutePath().normalize() + " at "
          + server.address(host.equals("0.0.0.0") ? "127.0.0.1" : host));
      if (server.token().isPresent()) {
        out.println("hyp: listening on " + host + ": requests need the token in that address (the page keeps it)");
      }
      out.println("hyp: read-only; Ctrl-C stops it");
      out.flush();
      stop.await();
    }
    out.println("hyp: dashboard stopped");
    return exit(out, err, ExitCode.OK);
  }

  private static int exit(PrintWriter out, PrintWriter err, ExitCode code) {
    out.flush();
    err.flush();
    return code.code();
  }
}
