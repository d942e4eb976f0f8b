package org.bitcountlab.core.training;

/**
 * What a per-epoch decay does to the learning rate over a run. A rate shrunk to a hundredth of its
 * start changes the network too little to see: the Fast preset (0.02, decay 0.8) gets there at
 * epoch 22, and run for 200 epochs its curve is flat from about epoch 18 on, which a class reads as
 * "more epochs do not help" when it is the schedule that stopped the learning.
 */
public final class RateSchedule {

    /** The share of the starting rate below which an epoch barely changes the network. */
    public static final double USEFUL_SHARE = 0.01;

    private RateSchedule() {
    }

    /** The last epoch whose rate is still at least a hundredth of the first's; for a constant rate, every epoch. */
    public static int lastUsefulEpoch(double decay) {
        if (decay >= 1) {
            return Integer.MAX_VALUE;
        }
        // decay^(epoch - 1) >= USEFUL_SHARE
        return 1 + (int) Math.floor(Math.log(USEFUL_SHARE) / Math.log(decay) + 1e-9);
    }

    /**
     * The decay, to three places (rounded up, so that the last epoch still counts), that brings the
     * rate to about a hundredth of its start at the last of {@code epochs}.
     */
    public static double decayFor(int epochs) {
        if (epochs <= 1) {
            return 1;
        }
        return Math.min(1, Math.ceil(Math.pow(USEFUL_SHARE, 1.0 / (epochs - 1)) * 1000) / 1000);
    }
}
