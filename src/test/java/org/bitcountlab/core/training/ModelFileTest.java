package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bitcountlab.core.model.CellType;
import org.bitcountlab.core.model.Initialisation;
import org.bitcountlab.core.model.LossReduction;
import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.Predictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    private final TrainedModel model = new TrainedModel(TrainingSettings.tutorial(),
            List.of(new EpochResult(1, 2.5, 80.0, 0.2), new EpochResult(2, 1.25, 40.5, 0.4)), 0.4, 0.75,
            ParameterSnapshot.untrained(20, 24, 5));

    @Test
    void aSavedModelOpensWithTheSameSettingsCurveAndPredictions() throws Exception {
        Path file = dir.resolve("run" + ModelFile.EXTENSION);
        ModelFile.save(model, file);
        TrainedModel loaded = ModelFile.load(file);

        assertThat(loaded.settings()).isEqualTo(model.settings());
        assertThat(loaded.curve()).isEqualTo(model.curve());
        assertThat(loaded.testError()).isEqualTo(0.75);
        assertThat(loaded.parameters().toFlat()).isEqualTo(model.parameters().toFlat());
        int value = 0b1001_1011_1010_0110_1110;
        assertThat(new Predictor(loaded.parameters()).predict(value).probabilities())
                .isEqualTo(new Predictor(model.parameters()).predict(value).probabilities());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void aModelTrainedOnEveryLengthKeepsItsLengths() throws Exception {
        TrainedModel everyLength = new TrainedModel(TrainingSettings.fast().withShortestLength(1), model.curve(), 0.4,
                null, model.parameters());
        Path file = dir.resolve("lengths" + ModelFile.EXTENSION);
        ModelFile.save(everyLength, file);

        TrainingSettings loaded = ModelFile.load(file).settings();

        assertThat(loaded).isEqualTo(everyLength.settings());
        assertThat(loaded.lengths()).isEqualTo("1-20");
    }

    @Test
    void aShortestLengthOutsideOneToTheLengthIsRefused() throws Exception {
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        ModelFile.write(model, saved);
        String manifest = new String(entry(saved.toByteArray(), ModelFile.MANIFEST_ENTRY));
        for (String shortest : new String[] {"0", "21", "-3"}) {
            Path file = dir.resolve("shortest" + shortest + ".zip");
            try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(ModelFile.MANIFEST_ENTRY));
                zip.write(manifest.replace("\"shortestLength\" : 20", "\"shortestLength\" : " + shortest).getBytes());
                zip.putNextEntry(new ZipEntry(ModelFile.PARAMETERS_ENTRY));
                zip.write(entry(saved.toByteArray(), ModelFile.PARAMETERS_ENTRY));
            }

            assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                    .hasMessageContaining("shortest length must be between 1 and 20, got " + shortest);
        }
    }

    @Test
    void aSimpleRnnModelKeepsItsCellTypeAndTrainingErrors() throws Exception {
        TrainedModel rnn = new TrainedModel(TrainingSettings.fast().withHidden(5).withCellType(CellType.SIMPLE_RNN),
                List.of(new EpochResult(1, 2.0, 60.0, 0.1, 55.5)), 0.1, null,
                ParameterSnapshot.untrained(CellType.SIMPLE_RNN, 20, 5, 2));
        Path file = dir.resolve("rnn" + ModelFile.EXTENSION);
        ModelFile.save(rnn, file);
        TrainedModel loaded = ModelFile.load(file);

        assertThat(loaded.settings().cellType()).isEqualTo(CellType.SIMPLE_RNN);
        assertThat(loaded.parameters().cellType()).isEqualTo(CellType.SIMPLE_RNN);
        assertThat(loaded.curve().get(0).trainingError()).isEqualTo(55.5);
        int value = 0b1001_1011_1010_0110_1110;
        assertThat(new Predictor(loaded.parameters()).predict(value).probabilities())
                .isEqualTo(new Predictor(rnn.parameters()).predict(value).probabilities());
    }

    @Test
    void aFileFromBeforeCellTypesAndTrainingErrorsOpensAsAnLstm() throws Exception {
        // the bundled model was saved before either existed
        TrainedModel old = PretrainedModel.load();

        assertThat(old.settings().cellType()).isEqualTo(CellType.LSTM);
        assertThat(old.curve()).isNotEmpty();
        assertThat(old.curve().get(0).trainingError()).isNaN();
        assertThat(old.curve().get(0).heldOutError()).isPositive();
    }

    @Test
    void savingReplacesAnExistingFileWhole() throws Exception {
        Path file = dir.resolve("model.zip");
        ModelFile.save(model, file);
        TrainedModel other = new TrainedModel(TrainingSettings.fast().withHidden(3), List.of(), 1, null,
                ParameterSnapshot.untrained(20, 3, 1));
        ModelFile.save(other, file);

        assertThat(ModelFile.load(file).settings().hidden()).isEqualTo(3);
    }

    @Test
    void aMissingFileIsReportedByName() {
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("nope.zip")))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("There is no model file at");
    }

    @Test
    void randomBytesAreNotAModel() throws Exception {
        Path file = dir.resolve("noise.zip");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("is not a Bitcount LSTM Lab model");
    }

    @Test
    void aTruncatedModelIsReportedAsDamaged() throws Exception {
        Path file = dir.resolve("cut.zip");
        ModelFile.save(model, file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class);
    }

    @Test
    void weightsThatDoNotFitTheSettingsAreRejected() throws Exception {
        Path file = dir.resolve("mismatch.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            ByteArrayOutputStream good = new ByteArrayOutputStream();
            ModelFile.write(model, good);
            String manifest = new String(entry(good.toByteArray(), ModelFile.MANIFEST_ENTRY))
                    .replace("\"hidden\" : 24", "\"hidden\" : 25");
            zip.putNextEntry(new ZipEntry(ModelFile.MANIFEST_ENTRY));
            zip.write(manifest.getBytes());
            zip.putNextEntry(new ZipEntry(ModelFile.PARAMETERS_ENTRY));
            zip.write(entry(good.toByteArray(), ModelFile.PARAMETERS_ENTRY));
        }
        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("hidden size 25 needs");
    }

    @Test
    void aForeignZipIsNotAModel() throws Exception {
        Path file = dir.resolve("foreign.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("configuration.json"));
            zip.write("{}".getBytes());
        }
        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("lacks model.json");
    }

    /** Records whether Java deserialisation ever ran on it. */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean deserialised;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            deserialised = true;
        }
    }

    @Test
    void aSerialisedObjectInTheArchiveIsNeverDeserialised() throws Exception {
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        ModelFile.write(model, good);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(payload)) {
            objects.writeObject(new Tripwire());
        }
        Path file = dir.resolve("hostile.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            // DL4J's ModelSerializer would readObject() this entry
            zip.putNextEntry(new ZipEntry("preprocessor.bin"));
            zip.write(payload.toByteArray());
            zip.putNextEntry(new ZipEntry(ModelFile.MANIFEST_ENTRY));
            zip.write(entry(good.toByteArray(), ModelFile.MANIFEST_ENTRY));
            zip.putNextEntry(new ZipEntry(ModelFile.PARAMETERS_ENTRY));
            zip.write(entry(good.toByteArray(), ModelFile.PARAMETERS_ENTRY));
        }
        Tripwire.deserialised = false;

        TrainedModel loaded = ModelFile.load(file);

        assertThat(Tripwire.deserialised).isFalse();
        assertThat(loaded.parameters().toFlat()).isEqualTo(model.parameters().toFlat());
        // and the tripwire does fire when deserialised, so the assertion above can fail
        try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(payload.toByteArray()))) {
            in.readObject();
        }
        assertThat(Tripwire.deserialised).isTrue();
    }

    @Test
    void aFileFromBeforeTheInitialisationLossAndDecaySettingsOpensWithTheOldBehaviour() throws Exception {
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        ModelFile.write(model, saved);
        String manifest = new String(entry(saved.toByteArray(), ModelFile.MANIFEST_ENTRY));
        String older = manifest.replaceAll(",\\s*\"initialisation\" : \"TUTORIAL\"", "")
                .replaceAll(",\\s*\"lossReduction\" : \"SUM\"", "")
                .replaceAll(",\\s*\"learningRateDecay\" : 1.0", "")
                .replaceAll(",\\s*\"shortestLength\" : 20", "");
        assertThat(older).doesNotContain("initialisation", "lossReduction", "learningRateDecay", "shortestLength");
        Path file = dir.resolve("older.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(ModelFile.MANIFEST_ENTRY));
            zip.write(older.getBytes());
            zip.putNextEntry(new ZipEntry(ModelFile.PARAMETERS_ENTRY));
            zip.write(entry(saved.toByteArray(), ModelFile.PARAMETERS_ENTRY));
        }

        TrainingSettings settings = ModelFile.load(file).settings();

        assertThat(settings.initialisation()).isEqualTo(Initialisation.XAVIER);
        assertThat(settings.lossReduction()).isEqualTo(LossReduction.MEAN);
        assertThat(settings.learningRateDecay()).isEqualTo(1.0);
        assertThat(settings.shortestLength()).as("trained on one length, as every run then").isEqualTo(20);
        assertThat(settings.everyLength()).isFalse();
        assertThat(settings.withInitialisation(Initialisation.TUTORIAL).withLossReduction(LossReduction.SUM))
                .isEqualTo(model.settings());
    }

    private static byte[] entry(byte[] zipBytes, String name) throws IOException {
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zipBytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new IllegalStateException(name);
    }
}
