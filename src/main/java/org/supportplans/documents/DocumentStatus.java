package org.supportplans.documents;

/** A sealed document is final until a newer version of it supersedes it; its bytes never change. */
public enum DocumentStatus {
    FINAL,
    SUPERSEDED
}
