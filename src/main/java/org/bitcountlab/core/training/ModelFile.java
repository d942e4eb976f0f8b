package org.bitcountlab.core.training;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.bitcountlab.core.dataset.BitStrings;
import org.bitcountlab.core.model.Initialisation;
import org.bitcountlab.core.model.LossReduction;
import org.bitcountlab.core.model.ParameterSnapshot;

/**
 * Saves and opens models as a zip of two entries: {@code model.json} (plain settings and curve)
 * and {@code parameters.bin} (little-endian float32 weights).
 *
 * <p>Model files travel between students, so opening one treats it as hostile: only a regular
 * file of plausible size is opened (never a pipe or device, which could block for ever), the two
 * entries are found through the zip's central directory and inflated up to the largest size a
 * model can have, nothing is deserialised as a Java object, and every value is checked (settings,
 * curve, weight count and magnitude) before the model is returned. Any file is accepted or refused
 * after reading a few megabytes at most.
 *
 * <p>Saving writes only to a regular file or a new path (through a symbolic link, to the file it
 * points to): a temporary file beside the target is written, synced and renamed over it, so a crash
 * never leaves half a model behind, and temporaries left by a killed save are removed by the next.
 */
public final class ModelFile {

    public static final String EXTENSION = ".bitcount.zip";
    static final String MANIFEST_ENTRY = "model.json";
    static final String PARAMETERS_ENTRY = "parameters.bin";
    private static final String FORMAT = "bitcount-lstm-lab-model";
    private static final int VERSION = 1;

    /** Far beyond any trained weight, yet small enough that no sum in the forward pass can overflow a float. */
    static final float MAX_WEIGHT_MAGNITUDE = 1e6f;
    static final int MAX_ENTRIES = 16;
    /** A 100,000-epoch curve takes about 13 MB of indented JSON. */
    static final int MAX_MANIFEST_BYTES = 16 << 20;
    static final int MAX_PARAMETER_BYTES =
            ParameterSnapshot.parameterCount(BitStrings.MAX_LENGTH, TrainingSettings.MAX_HIDDEN) * Float.BYTES;
    /** All entries together, as their sizes are declared in the central directory. */
    static final long MAX_INFLATED_BYTES = MAX_MANIFEST_BYTES + MAX_PARAMETER_BYTES + (1 << 20);
    /** Deflate never grows data by more than a fraction of a percent; the rest is headers. */
    static final long MAX_FILE_BYTES = MAX_INFLATED_BYTES + (1 << 20);
    private static final Map<String, Integer> WANTED = Map.of(
            MANIFEST_ENTRY, MAX_MANIFEST_BYTES,
            PARAMETERS_ENTRY, MAX_PARAMETER_BYTES);

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

    /**
     * Checks that a model could be saved to {@code target} without writing it, so that a bad path is
     * reported before a run rather than after it.
     *
     * @return the file that would be replaced or created: {@code target}, or for a symbolic link the
     *         file it points to
     */
    public static Path checkSaveTarget(Path target) throws ModelFileException {
        if (target.toString().isBlank() || target.getFileName() == null) {
            throw new ModelFileException("No file name was given to save the model to");
        }
        Path file = resolveLink(target.toAbsolutePath());
        if (Files.exists(file)) {
            BasicFileAttributes attributes = attributes(file);
            if (attributes.isDirectory()) {
                throw new ModelFileException("Cannot save the model to " + file + ": it is a folder");
            }
            if (!attributes.isRegularFile()) {
                throw new ModelFileException("Cannot save the model to " + file
                        + ": it is not a regular file (a device, pipe or socket)");
            }
        }
        Path existing = file.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new ModelFileException("Cannot save the model to " + file + ": " + existing + " is not a folder");
        }
        if (existing.equals(file.getParent())) {
            probeWritable(file);
        } else if (!Files.isWritable(existing)) {
            throw new ModelFileException("Cannot save the model to " + file + ": the folder " + existing
                    + " is not writable");
        }
        return file;
    }

    /** @return the file written (for a symbolic link, the file it points to) */
    public static Path save(TrainedModel model, Path target) throws ModelFileException {
        Path file = checkSaveTarget(target);
        Path directory = file.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            SaveTemporaries.removeStale(directory);
            temporary = SaveTemporaries.create(file);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                write(model, out);
                out.flush();
                channel.force(true); // the data reaches the disk before the rename makes it the model
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(directory);
            return file;
        } catch (IOException e) {
            throw new ModelFileException("Could not save the model to " + file + ": " + describe(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the next save removes it
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
        String name = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        BasicFileAttributes attributes;
        try {
            // reading attributes never opens the file, so a pipe cannot block here
            attributes = Files.readAttributes(source, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ModelFileException("There is no model file at " + source.toAbsolutePath());
        } catch (IOException e) {
            throw new ModelFileException("Could not read " + name + ": " + describe(e), e);
        }
        if (attributes.isDirectory()) {
            throw new ModelFileException(name + " is a folder, not a model file");
        }
        if (!attributes.isRegularFile()) {
            throw new ModelFileException(name + " is not a model file (it is a device, pipe or socket)");
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            throw new ModelFileException(String.format(java.util.Locale.ROOT,
                    "%s is not a model file (%,d bytes; the largest model takes %,d)", name, attributes.size(),
                    MAX_FILE_BYTES));
        }
        try (ZipFile zip = new ZipFile(source.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw tooManyEntries(name);
            }
            EntryCheck check = new EntryCheck(name);
            Map<String, byte[]> found = new HashMap<>();
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                check.accept(entry.getName(), entry.getSize());
            }
            for (Map.Entry<String, Integer> wanted : WANTED.entrySet()) {
                ZipEntry entry = zip.getEntry(wanted.getKey());
                if (entry != null && !entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        found.put(wanted.getKey(), readLimited(in, wanted.getValue(), name));
                    }
                }
            }
            return decode(found, name);
        } catch (ZipException e) {
            throw new ModelFileException(name + " is not a Bitcount LSTM Lab model (it is not a readable zip archive)");
        } catch (IOException e) {
            throw new ModelFileException("Could not read " + name + ": " + describe(e), e);
        }
    }

    /**
     * Reads a model from a stream, which has no central directory: entries are inflated in order,
     * within the same limits as {@link #load(Path)}, and reading stops once both are found.
     */
    public static TrainedModel read(InputStream in, String name) throws ModelFileException, IOException {
        Map<String, byte[]> found = new HashMap<>();
        EntryCheck check = new EntryCheck(name);
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while (found.size() < WANTED.size() && (entry = zip.getNextEntry()) != null) {
                Integer limit = WANTED.get(entry.getName());
                byte[] bytes = readLimited(zip, limit != null ? limit : MAX_MANIFEST_BYTES, name);
                check.accept(entry.getName(), bytes.length);
                if (limit != null) {
                    found.put(entry.getName(), bytes);
                }
            }
        } catch (ZipException e) {
            throw new ModelFileException(name + " is not a Bitcount LSTM Lab model (it is not a readable zip archive)");
        }
        return decode(found, name);
    }

    /** Counts entries and their sizes and refuses duplicates, as they are listed. */
    private static final class EntryCheck {
        private final String name;
        private final Set<String> seen = new java.util.HashSet<>();
        private long bytes;

        EntryCheck(String name) {
            this.name = name;
        }

        void accept(String entry, long size) throws ModelFileException {
            if (!seen.add(entry)) {
                throw new ModelFileException(name + " is not a valid model file (it has two entries named " + entry + ")");
            }
            if (seen.size() > MAX_ENTRIES) {
                throw tooManyEntries(name);
            }
            Integer limit = WANTED.get(entry);
            bytes += Math.max(0, size);
            if ((limit != null && size > limit) || bytes > MAX_INFLATED_BYTES) {
                throw tooLarge(name);
            }
        }
    }

    private static TrainedModel decode(Map<String, byte[]> entries, String name) throws ModelFileException {
        byte[] manifestBytes = entries.get(MANIFEST_ENTRY);
        byte[] parameterBytes = entries.get(PARAMETERS_ENTRY);
        if (manifestBytes == null || parameterBytes == null) {
            throw new ModelFileException(name + " is not a Bitcount LSTM Lab model (it lacks "
                    + (manifestBytes == null ? MANIFEST_ENTRY : PARAMETERS_ENTRY) + ")");
        }
        Manifest manifest;
        try {
            JsonNode tree = JSON.readTree(manifestBytes);
            if (tree != null && tree.get("settings") instanceof ObjectNode settings) {
                withSettingsAddedSinceFormat1(settings);
            }
            manifest = JSON.treeToValue(tree, Manifest.class);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new ModelFileException(name + " has a damaged description (" + detail + ")");
        }
        if (manifest == null) { // the JSON text "null" is valid JSON, and maps to no object at all
            throw new ModelFileException(name + " has a damaged description (" + MANIFEST_ENTRY + " is null)");
        }
        if (!FORMAT.equals(manifest.format())) {
            throw new ModelFileException(name + " is not a Bitcount LSTM Lab model");
        }
        if (manifest.version() > VERSION) {
            throw new ModelFileException(name + " was written by a newer version of Bitcount LSTM Lab (format "
                    + manifest.version() + "); this one reads format " + VERSION);
        }
        if (manifest.version() != VERSION) {
            throw new ModelFileException(name + " is damaged: there is no model format " + manifest.version());
        }
        TrainingSettings settings = manifest.settings();
        if (settings == null) {
            throw new ModelFileException(name + " has no training settings");
        }
        List<String> problems = new ArrayList<>(settings.problems());
        if (!problems.isEmpty()) {
            throw new ModelFileException(name + " has invalid settings: " + String.join("; ", problems));
        }
        if (manifest.curve() != null && manifest.curve().contains(null)) {
            throw new ModelFileException(name + " has a damaged learning curve (an empty point)");
        }
        List<EpochResult> curve = manifest.curve() == null ? List.of()
                : manifest.curve().stream().map(StoredEpoch::toEpochResult).toList();
        problems.addAll(curveProblems(curve, settings));
        if (!(Double.isFinite(manifest.trainSeconds()) && manifest.trainSeconds() >= 0)) {
            problems.add("training time " + manifest.trainSeconds() + " s");
        }
        if (manifest.testError() != null && !isPercent(manifest.testError())) {
            problems.add("test error " + manifest.testError() + "%");
        }
        if (!problems.isEmpty()) {
            throw new ModelFileException(name + " is damaged: " + String.join("; ", problems));
        }
        int expected = ParameterSnapshot.parameterCount(settings.cellType(), settings.length(), settings.hidden());
        if (parameterBytes.length != expected * Float.BYTES) {
            throw new ModelFileException(String.format(java.util.Locale.ROOT,
                    "%s is damaged: a network of hidden size %d needs %d weights, the file has %d bytes of weights",
                    name, settings.hidden(), expected, parameterBytes.length));
        }
        float[] flat = new float[expected];
        ByteBuffer.wrap(parameterBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(flat);
        for (float weight : flat) {
            if (!(Math.abs(weight) <= MAX_WEIGHT_MAGNITUDE)) { // also false for NaN
                throw new ModelFileException(name + " is damaged: it has a weight of " + weight
                        + "; weights beyond " + MAX_WEIGHT_MAGNITUDE + " would make every prediction meaningless");
            }
        }
        ParameterSnapshot parameters = ParameterSnapshot.fromFlat(settings.cellType(), settings.length(),
                settings.hidden(), flat);
        return new TrainedModel(settings, curve, manifest.trainSeconds(), manifest.testError(), parameters);
    }

    private static List<String> curveProblems(List<EpochResult> curve, TrainingSettings settings) {
        if (curve.size() > settings.epochs()) {
            return List.of("its curve has " + curve.size() + " epochs, its settings only " + settings.epochs());
        }
        for (int i = 0; i < curve.size(); i++) {
            EpochResult point = curve.get(i);
            if (point.epoch() != i + 1 || !(Double.isFinite(point.meanLoss()) && point.meanLoss() >= 0)
                    || !isPercent(point.heldOutError())
                    || !(Double.isNaN(point.trainingError()) || isPercent(point.trainingError()))
                    || !(Double.isFinite(point.trainSeconds()) && point.trainSeconds() >= 0)) {
                return List.of("point " + (i + 1) + " of its curve is not a finite loss, errors and time (" + point + ")");
            }
        }
        return List.of();
    }

    private static boolean isPercent(double value) {
        return value >= 0 && value <= 100;
    }

    private static ModelFileException tooManyEntries(String name) {
        return new ModelFileException(name + " is not a model file (it has more than " + MAX_ENTRIES + " entries)");
    }

    private static ModelFileException tooLarge(String name) {
        return new ModelFileException(name + " is not a model file (it unpacks to more than any model needs)");
    }

    /** Settings added to format 1 later take, when absent, the value that files written before them trained with. */
    private static void withSettingsAddedSinceFormat1(ObjectNode settings) {
        if (!settings.has("initialisation")) {
            settings.put("initialisation", Initialisation.XAVIER.name());
        }
        if (!settings.has("lossReduction")) {
            settings.put("lossReduction", LossReduction.MEAN.name());
        }
        if (!settings.has("learningRateDecay")) {
            settings.put("learningRateDecay", 1.0);
        }
        if (!settings.has("shortestLength") && settings.get("length") != null && settings.get("length").isInt()) {
            settings.put("shortestLength", settings.get("length").intValue()); // one length, as all trained then
        }
    }

    private static byte[] readLimited(InputStream in, int limit, String name) throws IOException, ModelFileException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > limit) {
                throw tooLarge(name);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A symbolic link is followed to the file it names, so that saving replaces that file and keeps the link. */
    private static Path resolveLink(Path absolute) throws ModelFileException {
        if (!Files.isSymbolicLink(absolute)) {
            return absolute;
        }
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            throw new ModelFileException("Cannot save the model to " + absolute
                    + ": it is a symbolic link to a file that does not exist");
        }
    }

    private static BasicFileAttributes attributes(Path file) throws ModelFileException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new ModelFileException("Cannot save the model to " + file + ": " + describe(e), e);
        }
    }

    /** Creating the temporary file is the one test of a folder's writability that holds for root and read-only disks. */
    private static void probeWritable(Path file) throws ModelFileException {
        try {
            Files.delete(SaveTemporaries.create(file));
        } catch (IOException e) {
            throw new ModelFileException("Cannot save the model to " + file + ": its folder is not writable ("
                    + describe(e) + ")", e);
        }
    }

    /** Makes the rename itself durable; not every platform can open a folder, and there it is skipped. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // the file itself is synced; only the rename's durability is left to the file system
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
