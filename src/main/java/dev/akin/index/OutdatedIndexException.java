package dev.akin.index;

/**
 * The index was built by an older akin and lacks what the operation reads. Retrying cannot help; indexing the
 * inputs once more upgrades it, as the message says.
 */
public class OutdatedIndexException extends IndexException {
    /**
     * The index cannot answer this operation until it is upgraded.
     *
     * @param message what is missing, naming the index folder, and the command that upgrades it
     */
    public OutdatedIndexException(String message) {
        super(message);
    }
}
