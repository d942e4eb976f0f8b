package org.bitcountlab.core.training;

/** A model file that cannot be read or written, with a message fit for the person who chose it. */
public class ModelFileException extends Exception {

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
