package org.bitcountlab.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.bitcountlab.ui.common.LocaleNumbers;

/**
 * The values of a sweep as a person types them: "1, 2, 4, 8" or "100, 1,000, 10,000". Values are
 * separated by semicolons, spaces or commas; a comma inside a number that groups its digits the
 * way the locale writes them ("1,000" in English) keeps it whole, so training-set sizes read as
 * they are written. Only "100,200" without a space is ambiguous: it reads as one number.
 */
final class SweepValues {

    private SweepValues() {
    }

    /** The values typed, in order; empty if any part is not a whole number. */
    static List<Integer> parse(String text) {
        List<Integer> values = new ArrayList<>();
        for (String token : text.strip().split("[;\\s]+")) {
            String part = trimCommas(token);
            if (part.isEmpty()) {
                continue;
            }
            OptionalLong whole = LocaleNumbers.parseInteger(part);
            if (whole.isPresent() && whole.getAsLong() <= Integer.MAX_VALUE) {
                values.add((int) whole.getAsLong());
                continue;
            }
            for (String piece : part.split(",")) {
                OptionalLong value = LocaleNumbers.parseInteger(piece);
                if (value.isEmpty() || value.getAsLong() > Integer.MAX_VALUE) {
                    return List.of();
                }
                values.add((int) value.getAsLong());
            }
        }
        return values;
    }

    /** Values as {@link #parse} reads them back, in the format locale: "100, 1,000, 10,000". */
    static String format(List<Integer> values) {
        return values.stream().map(LocaleNumbers::formatInteger).collect(Collectors.joining(", "));
    }

    private static String trimCommas(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && token.charAt(start) == ',') {
            start++;
        }
        while (end > start && token.charAt(end - 1) == ',') {
            end--;
        }
        return token.substring(start, end);
    }
}
