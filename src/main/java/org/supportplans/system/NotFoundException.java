package org.supportplans.system;

/** Something asked for by id does not exist, or is not the caller's to see: the API answers 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
