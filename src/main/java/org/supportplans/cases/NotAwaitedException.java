package org.supportplans.cases;

import org.supportplans.system.NotExpectedNow;

/** An answer or event arrived that the case is not waiting for (the API answers 409). */
public class NotAwaitedException extends NotExpectedNow {

    public NotAwaitedException(String message) {
        super(message);
    }
}
