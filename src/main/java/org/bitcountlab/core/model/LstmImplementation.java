package org.bitcountlab.core.model;

/** How an LSTM network trains: in {@link TrainingStep}'s fused pass (default) or by DL4J's own fit, kept for comparison. */
public enum LstmImplementation {
    FUSED,
    STOCK
}
