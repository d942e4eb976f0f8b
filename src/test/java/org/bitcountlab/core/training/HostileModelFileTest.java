package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.bitcountlab.core.model.ParameterSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files made to hurt: bombs, lies, duplicates, special files and absurd values. All are refused. */
class HostileModelFileTest {

    @TempDir
    Path dir;

    private final TrainedModel model = new TrainedModel(TrainingSettings.fast().withHidden(4),
            List.of(new EpochResult(1, 2.5, 80.0, 0.2), new EpochResult(2, 1.25, 40.5, 0.4)), 0.5, null,
            ParameterSnapshot.untrained(20, 4, 5));

    @Test
    void anEntryInflatingBeyondAnyModelIsRefusedFromItsDeclaredSize() throws Exception {
        Map<String, byte[]> entries = goodEntries();
        Map<String, byte[]> withBomb = new LinkedHashMap<>();
        withBomb.put("padding.bin", new byte[64 << 20]); // zeros: 64 MB that deflate to about 64 KB
        withBomb.putAll(entries);
        Path file = write("bomb.zip", zip(withBomb));

        assertThat(Files.size(file)).isLessThan(1 << 20);
        assertRefused(file, "unpacks to more than any model needs");
    }

    @Test
    void anEntryThatLiesAboutItsSizeIsCutOffAtTheLimit() throws Exception {
        Map<String, byte[]> entries = goodEntries();
        entries.put(ModelFile.MANIFEST_ENTRY, new byte[ModelFile.MAX_MANIFEST_BYTES + 1]);
        byte[] bytes = zip(entries);
        declareSize(bytes, ModelFile.MANIFEST_ENTRY, 1000);
        Path file = write("liar.zip", bytes);

        assertRefused(file, "unpacks to more than any model needs");
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        Map<String, byte[]> entries = goodEntries();
        for (int i = 0; i < ModelFile.MAX_ENTRIES; i++) {
            entries.put("extra" + i, new byte[1]);
        }
        assertRefused(write("crowded.zip", zip(entries)), "more than 16 entries");
    }

    @Test
    void aDuplicatedEntryIsRefused() throws Exception {
        Map<String, byte[]> entries = goodEntries();
        entries.put("model.jsoX", "{}".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = zip(entries);
        replaceAll(bytes, "model.jsoX", ModelFile.MANIFEST_ENTRY); // the zip writer itself refuses duplicates
        assertRefused(write("twice.zip", bytes), "two entries named model.json");
    }

    @Test
    void aFileLargerThanAnyModelIsRefusedWithoutReadingIt() throws Exception {
        Path file = dir.resolve("huge.zip");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(ModelFile.MAX_FILE_BYTES + 1);
        }
        assertRefused(file, "the largest model takes");
    }

    @Test
    void aFolderOrADeviceIsNotAModel() {
        assertRefused(dir, "is a folder");
        Path device = Path.of("/dev/zero");
        assumeTrue(Files.exists(device));
        assertRefused(device, "it is a device, pipe or socket");
    }

    @Test
    void aPipeIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.bitcount.zip");
        assumeTrue(mkfifo(fifo), "mkfifo is available");
        // opening a pipe for reading would wait for a writer for ever
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertRefused(fifo, "it is a device, pipe or socket"));
    }

    @Test
    void weightsLargeEnoughToOverflowTheForwardPassAreRefused() throws Exception {
        float[] flat = model.parameters().toFlat();
        flat[flat.length - 1] = 3e38f;
        Map<String, byte[]> entries = goodEntries();
        entries.put(ModelFile.PARAMETERS_ENTRY, littleEndian(flat));
        assertRefused(write("huge-weight.zip", zip(entries)), "a weight of 3.0E38");

        flat[flat.length - 1] = ModelFile.MAX_WEIGHT_MAGNITUDE; // the limit itself is a legal weight
        entries.put(ModelFile.PARAMETERS_ENTRY, littleEndian(flat));
        assertThat(ModelFile.load(write("edge.zip", zip(entries))).parameters().toFlat()).containsExactly(flat);
    }

    @Test
    void aCurveWithImpossibleValuesIsRefused() throws Exception {
        assertRefused(withManifest("nan-loss.zip", "\"meanLoss\" : 2.5", "\"meanLoss\" : \"NaN\""), "point 1 of its curve");
        assertRefused(withManifest("bad-error.zip", "\"heldOutError\" : 40.5", "\"heldOutError\" : 140.5"),
                "point 2 of its curve");
        assertRefused(withManifest("training.zip", "\"trainingError\" : null", "\"trainingError\" : 150"),
                "point 1 of its curve");
        assertRefused(withManifest("skipped.zip", "\"epoch\" : 2", "\"epoch\" : 7"), "point 2 of its curve");
        assertRefused(withManifest("long.zip", "\"epochs\" : 20", "\"epochs\" : 1"), "its curve has 2 epochs");
        assertRefused(withManifest("time.zip", "\"trainSeconds\" : 0.5", "\"trainSeconds\" : -1"), "training time");
    }

    @Test
    void aDescriptionThatIsOnlyNullIsRefusedAsDamaged() throws Exception {
        Map<String, byte[]> entries = goodEntries();
        entries.put(ModelFile.MANIFEST_ENTRY, "null".getBytes(StandardCharsets.UTF_8));
        assertRefused(write("null.zip", zip(entries)), "has a damaged description (model.json is null)");
    }

    @Test
    void formatVersionsAreNamedForWhatTheyAre() throws Exception {
        assertRefused(withManifest("old.zip", "\"version\" : 1", "\"version\" : -1"), "there is no model format -1");
        assertRefused(withManifest("new.zip", "\"version\" : 1", "\"version\" : 2"), "written by a newer version");
    }

    @Test
    void theShippedPretrainedModelStillOpens() throws Exception {
        TrainedModel pretrained = PretrainedModel.load();
        assertThat(pretrained.settings().problems()).isEmpty();
        assertThat(ModelFile.load(Path.of("resources/models/pretrained" + ModelFile.EXTENSION)).parameters().toFlat())
                .containsExactly(pretrained.parameters().toFlat());
    }

    private Path withManifest(String name, String from, String to) throws IOException {
        Map<String, byte[]> entries = goodEntries();
        String manifest = new String(entries.get(ModelFile.MANIFEST_ENTRY), StandardCharsets.UTF_8);
        assertThat(manifest).contains(from);
        entries.put(ModelFile.MANIFEST_ENTRY, manifest.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return write(name, zip(entries));
    }

    private static void assertRefused(Path file, String reason) {
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(reason);
    }

    private Map<String, byte[]> goodEntries() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFile.write(model, bytes);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    /** Rewrites the uncompressed size that the central directory declares for an entry. */
    private static void declareSize(byte[] zip, String name, int size) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < zip.length; i++) {
            if (buffer.getInt(i) == 0x02014b50 && buffer.getShort(i + 28) == nameBytes.length
                    && new String(zip, i + 46, nameBytes.length, StandardCharsets.UTF_8).equals(name)) {
                buffer.putInt(i + 24, size);
                return;
            }
        }
        throw new IllegalStateException("no central directory entry " + name);
    }

    private static void replaceAll(byte[] bytes, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        int replaced = 0;
        for (int i = 0; i + a.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, bytes, i, b.length);
                replaced++;
            }
        }
        assertThat(replaced).as("local and central headers").isEqualTo(2);
    }

    static boolean mkfifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
        } catch (IOException noMkfifo) {
            return false;
        }
    }
}
