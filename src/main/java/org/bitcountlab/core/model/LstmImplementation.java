package org.bitcountlab.core.model;

/** Which LSTM layer trains: the fused kernel (default) or DL4J's built-in one, kept for comparison. */
public enum LstmImplementation {
    FUSED,
    STOCK
}
