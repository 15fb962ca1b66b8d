package org.widenets.data;

/**
 * A data file is missing, unreadable, corrupt (checksum mismatch) or malformed. The message names
 * the file and says where to get it.
 */
public class DataFileException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public DataFileException(String message) {
        super(message);
    }

    public DataFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
