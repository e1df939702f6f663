package org.supportplans.progress;

/** A progress report was locked: published in the transaction that locks it. */
public record ProgressReportFinalised(String caseId, long reportId) {}
