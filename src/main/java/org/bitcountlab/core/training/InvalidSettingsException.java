package org.bitcountlab.core.training;

import java.util.List;

/** Settings outside their allowed ranges; the message names each setting and its range. */
public class InvalidSettingsException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
