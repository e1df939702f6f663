package org.supportplans.progress;

/** A progress report was locked, by whom: published in the transaction that locks it. */
public record ProgressReportFinalised(String caseId, long reportId, String actor) {}
