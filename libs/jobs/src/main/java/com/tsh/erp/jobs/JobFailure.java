package com.tsh.erp.jobs;

/**
 * Thrown by a job to fail with a reason the user can act on ("row 12: the SKU is empty", "the file is not an XLSX
 * workbook"); the message is stored and shown as the job's {@code error}. Any other exception fails the job with a
 * general message (the details go to the log, under the job's id).
 */
public class JobFailure extends RuntimeException {

    public JobFailure(String reason) {
        super(reason);
    }

    public JobFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
