package dev.hyp.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may read the dashboard. Bound to the loopback address, any local program may, but only by
 * that name (a Host of 127.0.0.1, localhost or [::1]: a web page elsewhere cannot reach it by
 * rebinding a name of its own to 127.0.0.1). Bound to another address, only a request with the
 * access token printed at the start: as {@code ?token=}, then as the cookie the first such
 * request set, or as the {@code X-Hyp-Token} header.
 */
final class Access {
  static final String COOKIE = "hyp_token";
  static final String HEADER = "X-Hyp-Token";

  private final String token; // null on the loopback address
  private final int port;

  private Access(String token, int port) {
    this.token = token;
    this.port = port;
  }

  static Access forAddress(InetAddress address, int port) {
    if (address.isLoopbackAddress()) {
      return new Access(null, port);
    }
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return new Access(HexFormat.of().formatHex(bytes), port);
  }

  Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /** Why the request is refused, or empty when it may be answered. */
  Optional<String> refusal(HttpExchange exchange, String queryToken) {
    if (token == null) {
      String host = exchange.getRequestHeaders().getFirst("Host");
      String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
      boolean local = List.of("127.0.0.1", "localhost", "[::1]").stream()
          .anyMatch(n -> name.equals(n) || name.equals(n + ":" + port));
      return local ? Optional.empty() : Optional.of("this dashboard answers only as 127.0.0.1 or localhost");
    }
    for (String offered : new String[] {queryToken, exchange.getRequestHeaders().getFirst(HEADER), cookie(exchange)}) {
      if (offered != null && MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8),
          token.getBytes(StandardCharsets.UTF_8))) {
        return Optional.empty();
      }
    }
    return Optional.of("this dashboard needs its access token: open the address it printed when it started");
  }

  /** The cookie that lets the page's own requests in after the first one brought the token. */
  String cookieHeader() {
    return COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  }

  private static String cookie(HttpExchange exchange) {
    List<String> headers = exchange.getRequestHeaders().get("Cookie");
    if (headers == null) {
      return null;
    }
    for (String header : headers) {
      for (String part : header.split(";")) {
        String trimmed = part.trim();
        if (trimmed.startsWith(COOKIE + "=")) {
          return trimmed.substring(COOKIE.length() + 1);
        }
      }
    }
    return null;
  }
}
