package dev.akin.index;

/** The index was built with another model: its vectors and the model's are not comparable. */
public class ModelMismatchException extends IndexException {
    public ModelMismatchException(String message) {
        super(message);
    }
}
