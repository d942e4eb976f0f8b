package org.bitcountlab.cli;

import java.nio.file.Path;

import org.bitcountlab.core.training.ModelFile;
import org.bitcountlab.core.training.ModelFileException;
import org.bitcountlab.core.training.PretrainedModel;
import org.bitcountlab.core.training.TrainedModel;

import picocli.CommandLine.Option;

/** {@code --model FILE}, defaulting to the pretrained model that ships with the app. */
final class ModelOption {

    @Option(names = "--model", paramLabel = "FILE", description = "A saved model (default: the bundled pretrained model).")
    Path model;

    TrainedModel load() {
        try {
            return model != null ? ModelFile.load(model) : PretrainedModel.load();
        } catch (ModelFileException e) {
            throw CliFailure.failed(e.getMessage());
        }
    }
}
