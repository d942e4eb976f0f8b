package org.bitcountlab.core.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.bitcountlab.core.model.ParameterSnapshot;

/**
 * Saves and opens models as a zip of two entries: {@code model.json} (plain settings and curve)
 * and {@code parameters.bin} (little-endian float32 weights). Model files travel between
 * students, so opening one reads only those two entries, as data: no class name is taken from the
 * file, nothing is deserialised as a Java object, and the weights must number exactly what the
 * settings imply. Saving writes a temporary file beside the target and renames it, so a crash
 * never leaves half a model behind.
 */
public final class ModelFile {

    public static final String EXTENSION = ".bitcount.zip";
    static final String MANIFEST_ENTRY = "model.json";
    static final String PARAMETERS_ENTRY = "parameters.bin";
    private static final String FORMAT = "bitcount-lstm-lab-model";
    private static final int VERSION = 1;
    private static final int MAX_MANIFEST_BYTES = 16 << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The JSON entry; only plain values, so a file can be read by eye or by other tools. */
    record Manifest(String format, int version, TrainingSettings settings, List<StoredEpoch> curve,
            double trainSeconds, Double testError, int parameterCount) {
    }

    /** A curve point as stored: the training error is null where it was not measured, as in older files. */
    record StoredEpoch(int epoch, double meanLoss, double heldOutError, double trainSeconds, Double trainingError) {

        static StoredEpoch of(EpochResult r) {
            return new StoredEpoch(r.epoch(), r.meanLoss(), r.heldOutError(), r.trainSeconds(),
                    Double.isNaN(r.trainingError()) ? null : r.trainingError());
        }

        EpochResult toEpochResult() {
            return new EpochResult(epoch, meanLoss, heldOutError, trainSeconds,
                    trainingError == null ? Double.NaN : trainingError);
        }
    }

    private ModelFile() {
    }

    public static void save(TrainedModel model, Path target) throws ModelFileException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = directory.resolve("." + absolute.getFileName() + "." + System.nanoTime() + ".saving");
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                write(model, out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ModelFileException("Could not save the model to " + absolute + ": " + describe(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the rename succeeded or the directory is gone; nothing more to clean
                }
            }
        }
    }

    public static void write(TrainedModel model, OutputStream out) throws IOException {
        float[] flat = model.parameters().toFlat();
        Manifest manifest = new Manifest(FORMAT, VERSION, model.settings(),
                model.curve().stream().map(StoredEpoch::of).toList(), model.trainSeconds(),
                model.testError(), flat.length);
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
        zip.write(JSON.writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(PARAMETERS_ENTRY));
        ByteBuffer bytes = ByteBuffer.allocate(flat.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(flat);
        zip.write(bytes.array());
        zip.closeEntry();
        zip.finish();
    }

    public static TrainedModel load(Path source) throws ModelFileException {
        try (InputStream in = Files.newInputStream(source)) {
            return read(in, source.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new ModelFileException("There is no model file at " + source.toAbsolutePath());
        } catch (IOException e) {
            throw new ModelFileException("Could not read " + source.getFileName() + ": " + describe(e), e);
        }
    }

    public static TrainedModel read(InputStream in, String name) throws ModelFileException, IOException {
        byte[] manifestBytes = null;
        byte[] parameterBytes = null;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals(MANIFEST_ENTRY)) {
                    manifestBytes = readLimited(zip, MAX_MANIFEST_BYTES, name);
                } else if (entry.getName().equals(PARAMETERS_ENTRY)) {
                    parameterBytes = readLimited(zip, ParameterSnapshot.parameterCount(24, 512) * Float.BYTES, name);
                }
                // anything else in the archive is ignored, never interpreted
            }
        } catch (ZipException e) {
            throw new ModelFileException(name + " is not a model file (it is not a readable zip archive)");
        }
        if (manifestBytes == null || parameterBytes == null) {
            throw new ModelFileException(name + " is not a Bitcount LSTM Lab model (it lacks "
                    + (manifestBytes == null ? MANIFEST_ENTRY : PARAMETERS_ENTRY) + ")");
        }
        Manifest manifest;
        try {
            manifest = JSON.readValue(manifestBytes, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new ModelFileException(name + " has a damaged description (" + e.getOriginalMessage() + ")");
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new ModelFileException(name + " is not a Bitcount LSTM Lab model");
        }
        if (manifest.version() != VERSION) {
            throw new ModelFileException(name + " was written by a newer version of Bitcount LSTM Lab (format "
                    + manifest.version() + "); this one reads format " + VERSION);
        }
        TrainingSettings settings = manifest.settings();
        if (settings == null) {
            throw new ModelFileException(name + " has no training settings");
        }
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new ModelFileException(name + " has invalid settings: " + String.join("; ", problems));
        }
        int expected = ParameterSnapshot.parameterCount(settings.cellType(), settings.length(), settings.hidden());
        if (parameterBytes.length != expected * Float.BYTES) {
            throw new ModelFileException(String.format(
                    "%s is damaged: a network of hidden size %d needs %d weights, the file has %d bytes of weights",
                    name, settings.hidden(), expected, parameterBytes.length));
        }
        float[] flat = new float[expected];
        ByteBuffer.wrap(parameterBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(flat);
        ParameterSnapshot parameters;
        try {
            parameters = ParameterSnapshot.fromFlat(settings.cellType(), settings.length(), settings.hidden(), flat);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name + " is damaged: " + e.getMessage());
        }
        if (manifest.curve() != null && manifest.curve().contains(null)) {
            throw new ModelFileException(name + " has a damaged learning curve (an empty point)");
        }
        List<EpochResult> curve = manifest.curve() == null ? List.of()
                : manifest.curve().stream().map(StoredEpoch::toEpochResult).toList();
        return new TrainedModel(settings, curve, manifest.trainSeconds(), manifest.testError(), parameters);
    }

    private static byte[] readLimited(InputStream in, int limit, String name) throws IOException, ModelFileException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > limit) {
                throw new ModelFileException(name + " is not a model file (an entry is larger than any model)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
