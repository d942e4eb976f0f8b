package org.bitcountlab.core.training;

import java.io.IOException;
import java.io.InputStream;

/** The small model that ships with the app, so that predictions are right from the first second. */
public final class PretrainedModel {

    static final String RESOURCE = "/org/bitcountlab/models/pretrained" + ModelFile.EXTENSION;

    private PretrainedModel() {
    }

    public static TrainedModel load() throws ModelFileException {
        try (InputStream in = PretrainedModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ModelFileException("This build has no pretrained model; pass --model FILE");
            }
            return ModelFile.read(in, "the pretrained model");
        } catch (IOException e) {
            throw new ModelFileException("Could not read the pretrained model: " + e.getMessage(), e);
        }
    }
}
