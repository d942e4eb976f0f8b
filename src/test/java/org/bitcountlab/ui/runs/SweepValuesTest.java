package org.bitcountlab.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SweepValuesTest {

    private static final Locale MACHINE_FORMAT = Locale.getDefault(Locale.Category.FORMAT);

    @AfterEach
    void restoreTheLocale() {
        Locale.setDefault(Locale.Category.FORMAT, MACHINE_FORMAT);
    }

    @Test
    void commasSemicolonsAndSpacesSeparateValuesButADigitGroupKeepsItsNumberWhole() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);

        assertThat(SweepValues.parse("1, 2, 4,8;16 24")).containsExactly(1, 2, 4, 8, 16, 24);
        assertThat(SweepValues.parse("100, 1,000, 10,000")).containsExactly(100, 1_000, 10_000);
        assertThat(SweepValues.parse(" 2,6 ")).containsExactly(2, 6);
    }

    @Test
    void anythingButWholeNumbersIsRefusedAsAWhole() {
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);

        assertThat(SweepValues.parse("2, four")).isEmpty();
        assertThat(SweepValues.parse("2.5")).isEmpty();
        assertThat(SweepValues.parse("")).isEmpty();
    }

    @Test
    void whatIsFormattedReadsBackInTheFormatLocale() {
        for (Locale locale : new Locale[] {Locale.US, Locale.GERMANY, Locale.FRANCE, Locale.SIMPLIFIED_CHINESE}) {
            Locale.setDefault(Locale.Category.FORMAT, locale);
            List<Integer> values = List.of(100, 200, 1_000, 100_000);

            assertThat(SweepValues.parse(SweepValues.format(values))).as("in %s", locale).isEqualTo(values);
        }
    }
}
