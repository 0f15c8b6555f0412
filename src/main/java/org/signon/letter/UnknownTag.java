package org.signon.letter;

/** A template tag naming data that does not exist; {@code line} is the letter file's line. */
public record UnknownTag(String tag, long line) {
}
