package org.signon.signers;

/** What reading a signers CSV yields: the finished list and the report of how it was made. */
public record SignerSheet(SignerList list, SignerReport report) {
}
