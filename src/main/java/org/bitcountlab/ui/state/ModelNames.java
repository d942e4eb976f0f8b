package org.bitcountlab.ui.state;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.bitcountlab.ui.common.Message;

/** How a figure names the model it describes: "the pretrained model", "run.bitcount.zip with units 1, 6 silenced". */
public final class ModelNames {

    private ModelNames() {
    }

    /** The model's name, with its silenced units (numbered from 1, as on their buttons). */
    public static Message of(LabModel model) {
        Message name = switch (model.origin()) {
            case PRETRAINED -> new Message("model.name.pretrained");
            case UNTRAINED -> new Message("model.name.untrained");
            case TRAINING -> new Message("model.name.training");
            case TRAINED -> new Message("model.name.trained");
            case OPENED -> new Message("model.name.opened", model.name());
        };
        return model.silenced().isEmpty() ? name : new Message("model.name.silenced", name, silencedList(model));
    }

    /** "unit 14", "units 1, 6": the silenced units as their buttons number them. */
    public static Message silencedList(LabModel model) {
        int[] units = model.silenced().units();
        String numbers = Arrays.stream(units).mapToObj(unit -> Integer.toString(unit + 1))
                .collect(Collectors.joining(", "));
        return new Message(units.length == 1 ? "units.one" : "units.many", numbers);
    }
}
