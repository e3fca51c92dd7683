package dev.hyp.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written by hand on a socket, so that a test sends exactly the path and headers it
 * means (a client library would normalize `..` away or refuse to set Host).
 */
final class Http {
  record Answer(int status, String head, String body) {}

  private Http() {}

  static Answer get(int port, String target, String... headers) throws IOException {
    return request(port, "GET", target, headers);
  }

  static Answer request(int port, String method, String target, String... headers) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
      boolean host = false;
      for (String header : headers) {
        request.append(header).append("\r\n");
        host |= header.toLowerCase().startsWith("host:");
      }
      if (!host) {
        request.append("Host: 127.0.0.1:").append(port).append("\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int split = answer.indexOf("\r\n\r\n");
      String head = split < 0 ? answer : answer.substring(0, split);
      String body = split < 0 ? "" : answer.substring(split + 4);
      return new Answer(Integer.parseInt(head.split(" ")[1]), head, body);
    }
  }
}
