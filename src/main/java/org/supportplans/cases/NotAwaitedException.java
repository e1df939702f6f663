package org.supportplans.cases;

/** An answer or event arrived that the case is not waiting for (the API answers 409). */
public class NotAwaitedException extends RuntimeException {

    public NotAwaitedException(String message) {
        super(message);
    }
}
