package org.signon.letter;

/**
 * A set of ASCII characters as two bit masks. Scanning a hundred thousand signer names for
 * markup characters with {@code String.indexOf} per character was a visible part of a render;
 * a mask test is one instruction.
 *
 * @param low  bits for characters 0-63
 * @param high bits for characters 64-127
 */
public record AsciiSet(long low, long high) {

    /** @throws IllegalArgumentException if {@code chars} holds a character outside ASCII */
    public static AsciiSet of(String chars) {
        long low = 0;
        long high = 0;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c >= 0x80) {
                throw new IllegalArgumentException("not ASCII: " + c);
            }
            if (c < 64) {
                low |= 1L << c;
            } else {
                high |= 1L << (c - 64);
            }
        }
        return new AsciiSet(low, high);
    }

    /** This set plus the control characters (below space, and DEL). */
    public AsciiSet withControls() {
        return new AsciiSet(low | 0xFFFF_FFFFL, high | (1L << (0x7f - 64)));
    }

    public boolean contains(char c) {
        if (c < 64) {
            return (low & (1L << c)) != 0;
        }
        return c < 0x80 && (high & (1L << (c - 64))) != 0;
    }
}
