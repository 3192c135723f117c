package dev.akin.paper;

/**
 * A record that was not indexed, and why.
 *
 * @param location file and line, e.g. "data/x.jsonl:17"
 * @param reason why the record was skipped
 */
public record Skipped(String location, String reason) {
    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
