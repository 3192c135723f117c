package dev.akin.search;

import dev.akin.paper.Paper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes that tell whether a paper needs new inference (text) or just a metadata update. */
final class ContentHashes {
    private ContentHashes() {
    }

    /** Of exactly what the model embeds; the index's model fingerprint covers which model did. */
    static String text(Paper paper) {
        return sha256(paper.embeddingText());
    }

    /** Of every field but the source location, which shifts whenever lines are added above a paper. */
    static String meta(Paper p) {
        return sha256(String.join("\u001f", p.id(), p.title(), p.abstractText(), String.join("\u001e", p.authors()),
                String.valueOf(p.authorCount()), String.valueOf(p.date()), String.valueOf(p.year()),
                String.join("\u001e", p.categories())));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
