package org.bitcountlab.core.model;

import java.util.BitSet;
import java.util.Collection;

/**
 * Hidden units whose output is forced to 0 at every step, for ablation: a silenced unit neither
 * feeds the recurrence nor the softmax layer, so its part in the count is gone. Immutable.
 */
public final class SilencedUnits {

    private static final SilencedUnits NONE = new SilencedUnits(new BitSet());

    private final BitSet units;

    private SilencedUnits(BitSet units) {
        this.units = units;
    }

    public static SilencedUnits none() {
        return NONE;
    }

    public static SilencedUnits of(int... units) {
        BitSet set = new BitSet();
        for (int unit : units) {
            set.set(checked(unit));
        }
        return new SilencedUnits(set);
    }

    public static SilencedUnits of(Collection<Integer> units) {
        return of(units.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Units of a layer of {@code hidden} units, each checked before any is stored: a set holds a bit
     * for every unit up to the largest, so a unit near 2^31 would take 256 MB.
     */
    public static SilencedUnits within(int hidden, Collection<Integer> units) {
        for (int unit : units) {
            if (checked(unit) >= hidden) {
                throw doesNotExist(unit, hidden);
            }
        }
        return of(units);
    }

    /** Every unit of a layer of {@code hidden} units. */
    public static SilencedUnits all(int hidden) {
        BitSet set = new BitSet();
        set.set(0, hidden);
        return new SilencedUnits(set);
    }

    /** This set with {@code unit} added if absent and removed if present: one click on a unit. */
    public SilencedUnits toggled(int unit) {
        BitSet set = (BitSet) units.clone();
        set.flip(checked(unit));
        return new SilencedUnits(set);
    }

    public boolean contains(int unit) {
        return unit >= 0 && units.get(unit);
    }

    public boolean isEmpty() {
        return units.isEmpty();
    }

    public int count() {
        return units.cardinality();
    }

    /** The silenced units in ascending order. */
    public int[] units() {
        return units.stream().toArray();
    }

    /** Rejects units a layer of {@code hidden} units does not have. */
    public void checkFits(int hidden) {
        int highest = units.previousSetBit(Integer.MAX_VALUE); // length() overflows for unit 2^31 - 1
        if (highest >= hidden) {
            throw doesNotExist(highest, hidden);
        }
    }

    private static IllegalArgumentException doesNotExist(int unit, int hidden) {
        return new IllegalArgumentException("unit " + unit + " does not exist in a layer of " + hidden
                + " units (units are numbered from 0)");
    }

    private static int checked(int unit) {
        if (unit < 0) {
            throw new IllegalArgumentException("units are numbered from 0, got " + unit);
        }
        return unit;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SilencedUnits that && units.equals(that.units);
    }

    @Override
    public int hashCode() {
        return units.hashCode();
    }

    @Override
    public String toString() {
        return "silenced " + units;
    }
}
