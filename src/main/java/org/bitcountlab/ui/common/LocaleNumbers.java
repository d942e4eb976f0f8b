package org.bitcountlab.ui.common;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Numbers read exactly as the window writes them, in the format locale: "10,000" in English and
 * "10.000" in German are ten thousand, "0,01" in German is a hundredth. Nothing is stripped by hand:
 * a text is accepted only when the locale's format reads all of it, and digit grouping only where
 * the locale would put it, so "1,5" is never fifteen.
 */
public final class LocaleNumbers {

    private LocaleNumbers() {
    }

    public static OptionalLong parseInteger(String text) {
        String input = normalise(text);
        DecimalFormat format = integerFormat();
        format.setParseIntegerOnly(true);
        ParsePosition position = new ParsePosition(0);
        Number number = input.isEmpty() ? null : format.parse(input, position);
        if (number == null || position.getIndex() != input.length() || !(number instanceof Long value)) {
            return OptionalLong.empty();
        }
        boolean grouped = input.indexOf(symbols().getGroupingSeparator()) >= 0;
        if (grouped && !format.format(value).equals(input)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(value);
    }

    /** A decimal number without digit grouping (a learning rate needs none). */
    public static OptionalDouble parseDecimal(String text) {
        String input = normalise(text);
        if (input.isEmpty() || input.indexOf(symbols().getGroupingSeparator()) >= 0) {
            return OptionalDouble.empty();
        }
        ParsePosition position = new ParsePosition(0);
        Number number = decimalFormat().parse(input, position);
        if (number == null || position.getIndex() != input.length() || !Double.isFinite(number.doubleValue())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(number.doubleValue());
    }

    public static String formatInteger(long value) {
        return integerFormat().format(value);
    }

    public static String formatDecimal(double value) {
        return decimalFormat().format(value);
    }

    /** The decimal separator, for messages such as "Enter a number, e.g. 0,01". */
    public static String decimalExample() {
        return formatDecimal(0.01);
    }

    private static DecimalFormat integerFormat() {
        DecimalFormat format = (DecimalFormat) NumberFormat.getIntegerInstance(Messages.numberLocale());
        format.setGroupingUsed(true);
        return format;
    }

    private static DecimalFormat decimalFormat() {
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(Messages.numberLocale());
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(12);
        return format;
    }

    private static DecimalFormatSymbols symbols() {
        return DecimalFormatSymbols.getInstance(Messages.numberLocale());
    }

    /** Trims, and lets a plain space stand for a locale whose grouping separator is a (narrow) no-break space. */
    private static String normalise(String text) {
        String trimmed = text == null ? "" : text.strip();
        char grouping = symbols().getGroupingSeparator();
        return Character.isSpaceChar(grouping) ? trimmed.replace(' ', grouping) : trimmed;
    }
}
