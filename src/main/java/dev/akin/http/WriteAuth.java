package dev.akin.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Writes need "Authorization: Bearer &lt;token&gt;"; with no token configured, writes are refused outright. */
final class WriteAuth {
    private final byte[] token;

    WriteAuth(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    void check(Context ctx) {
        if (token == null) {
            throw new ApiException(403, "Forbidden", "writes are disabled: start the server with AKIN_API_TOKEN set");
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "Unauthorized", "writes need an 'Authorization: Bearer <token>' header");
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        // Constant time: how long the comparison takes must not tell an attacker how much of the token matched.
        if (!MessageDigest.isEqual(given, token)) {
            throw new ApiException(403, "Forbidden", "wrong token");
        }
    }
}
