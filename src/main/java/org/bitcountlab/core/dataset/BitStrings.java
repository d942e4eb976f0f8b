package org.bitcountlab.core.dataset;

/** Conversions between a bit string's int value, its text and its per-timestep encoding. */
public final class BitStrings {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 24;

    private BitStrings() {
    }

    /** The bit fed at {@code step}: steps run most significant bit first, as the tutorial writes them. */
    public static int bitAt(int value, int length, int step) {
        return (value >>> (length - 1 - step)) & 1;
    }

    public static int countOnes(int value) {
        return Integer.bitCount(value);
    }

    /** Parses a string of '0' and '1' (most significant first); spaces and underscores are ignored. */
    public static int parse(String text, int length) {
        String bits = text.replace(" ", "").replace("_", "");
        if (bits.length() != length) {
            throw new IllegalArgumentException(
                    "A bit string of length " + length + " is needed, got " + bits.length() + " characters: " + quote(text));
        }
        int value = 0;
        for (int i = 0; i < bits.length(); i++) {
            char c = bits.charAt(i);
            if (c != '0' && c != '1') {
                throw new IllegalArgumentException("Only 0 and 1 may appear in a bit string, found '" + c + "' in " + quote(text));
            }
            value = (value << 1) | (c - '0');
        }
        return value;
    }

    /** The text as typed, cut short: an error message must not echo a whole pasted file back. */
    private static String quote(String text) {
        int shown = 40;
        return text.length() <= shown ? "'" + text + "'" : "'" + text.substring(0, shown) + "...'";
    }

    public static String format(int value, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int step = 0; step < length; step++) {
            sb.append(bitAt(value, length, step));
        }
        return sb.toString();
    }

    public static void checkLength(int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "length must be between " + MIN_LENGTH + " and " + MAX_LENGTH + ", got " + length);
        }
    }
}
