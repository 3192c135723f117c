package dev.akin.index;

/** The index was built with another model: its vectors and the model's are not comparable. */
public class ModelMismatchException extends IndexException {
    /**
     * The index and the model disagree.
     *
     * @param message which models differ, and how to proceed
     */
    public ModelMismatchException(String message) {
        super(message);
    }
}
