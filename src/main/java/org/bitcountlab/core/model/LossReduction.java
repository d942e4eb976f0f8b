package org.bitcountlab.core.model;

import java.util.Locale;

/** How the cross-entropy of a minibatch's strings becomes the one number Adam minimises. */
public enum LossReduction {
    /** The mean over the minibatch: DL4J's default. */
    MEAN,
    /** The sum over the minibatch, as the tutorial's {@code -tf.reduce_sum(target * log(prediction))}. */
    SUM;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LossReduction fromId(String id) {
        for (LossReduction value : values()) {
            if (value.id().equalsIgnoreCase(id.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown loss reduction '" + id + "'; choose mean or sum");
    }
}
