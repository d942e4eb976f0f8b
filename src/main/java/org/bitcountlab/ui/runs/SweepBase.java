package org.bitcountlab.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bitcountlab.core.sweep.ReadySweep;
import org.bitcountlab.ui.common.Message;

/**
 * Where a sweep's other settings come from: a ready sweep, which brings its own, or the settings
 * panel ("custom"). A choice in the sweep chooser.
 */
public record SweepBase(Optional<ReadySweep> ready) {

    public static final SweepBase CUSTOM = new SweepBase(Optional.empty());

    public static SweepBase of(ReadySweep ready) {
        return new SweepBase(Optional.of(ready));
    }

    /** Every ready sweep, then custom. */
    public static List<SweepBase> choices() {
        List<SweepBase> choices = new ArrayList<>();
        for (ReadySweep ready : ReadySweep.values()) {
            choices.add(of(ready));
        }
        choices.add(CUSTOM);
        return List.copyOf(choices);
    }

    /** The name in the chooser. */
    public Message label() {
        return new Message("sweep.ready." + id());
    }

    /** One sentence on what it shows and with which settings. */
    public Message about() {
        return new Message("sweep.about." + id());
    }

    private String id() {
        return ready.map(ReadySweep::id).orElse("custom");
    }
}
