package org.supportplans.system;

/** A request or an answer that arrives when nothing is waiting for it: the API answers 409, "Not expected now". */
public class NotExpectedNow extends RuntimeException {

    public NotExpectedNow(String message) {
        super(message);
    }
}
