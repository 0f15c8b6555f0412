package org.signon.cli;

import org.signon.SignonException;

/** signon's exit codes, from BSD sysexits.h so that scripts can tell failures apart. */
public enum ExitCode {
    OK(0),
    /**
     * Not in sysexits: messages held back for a person to decide (uncertain, or the recipient
     * got another version). Running again changes nothing, so it must not read as 75.
     */
    HELD_BACK(3),
    USAGE(64),
    DATA(65),
    NO_INPUT(66),
    UNAVAILABLE(69),
    SOFTWARE(70),
    CANT_CREATE(73),
    IO(74),
    TEMPORARY(75),
    PERMISSION(77),
    CONFIG(78),
    /**
     * Not in sysexits: standard output was closed before signon finished writing (a pipe into
     * {@code head}); 128 + SIGPIPE, what a shell reports for a program that signal stopped.
     */
    READER_GONE(141);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static ExitCode of(SignonException.Kind kind) {
        return switch (kind) {
            case USAGE -> USAGE;
            case DATA -> DATA;
            case NO_INPUT -> NO_INPUT;
            case UNAVAILABLE -> UNAVAILABLE;
            case CANT_CREATE -> CANT_CREATE;
            case IO -> IO;
            case TEMPORARY -> TEMPORARY;
            case PERMISSION -> PERMISSION;
            case CONFIG -> CONFIG;
        };
    }
}
