package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bitcountlab.core.model.ParameterSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving writes only regular files, through links to their targets, and cleans up after killed saves. */
class ModelFileSavingTest {

    @TempDir
    Path dir;

    private final TrainedModel model = new TrainedModel(TrainingSettings.fast().withHidden(3), List.of(), 1, null,
            ParameterSnapshot.untrained(20, 3, 1));

    @Test
    void savingThroughASymbolicLinkReplacesTheFileItPointsToAndKeepsTheLink() throws Exception {
        Path real = dir.resolve("real" + ModelFile.EXTENSION);
        Files.write(real, new byte[] {1, 2, 3});
        Path link = Files.createSymbolicLink(dir.resolve("link" + ModelFile.EXTENSION), real);

        Path written = ModelFile.save(model, link);

        assertThat(written).isEqualTo(real.toRealPath());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(ModelFile.load(real).settings().hidden()).isEqualTo(3);
    }

    @Test
    void aLinkToNothingIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("dangling.zip"), dir.resolve("missing.zip"));
        assertRefused(link, "a symbolic link to a file that does not exist");
    }

    @Test
    void onlyRegularFilesOrNewPathsAreWritten() throws Exception {
        assertRefused(dir, "it is a folder");
        assertRefused(Path.of(""), "No file name");
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
        assertRefused(file.resolve("model.zip"), "is not a folder");
        assertThat(Files.readString(file)).isEqualTo("keep me");

        Path fifo = dir.resolve("pipe.zip");
        assumeTrue(HostileModelFileTest.mkfifo(fifo), "mkfifo is available");
        assertRefused(fifo, "not a regular file");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        Path device = Path.of("/dev/full");
        if (Files.exists(device)) {
            assertRefused(device, "not a regular file");
        }
    }

    @Test
    void checkingATargetLeavesNothingBehind() throws Exception {
        Path target = dir.resolve("new" + ModelFile.EXTENSION);
        assertThat(ModelFile.checkSaveTarget(target)).isEqualTo(target.toAbsolutePath());
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aNewFolderIsCreatedOnSave() throws Exception {
        Path target = dir.resolve("runs/today/m.zip");
        ModelFile.save(model, target);
        assertThat(ModelFile.load(target).settings().hidden()).isEqualTo(3);
    }

    @Test
    void temporariesOfKilledSavesAreRemovedByTheNextSave() throws Exception {
        Path olderVersion = Files.createFile(dir.resolve(".m.zip.81723645123456.saving"));
        Path deadProcess = Files.createFile(dir.resolve(".other.zip.99999999.3.saving"));
        Path running = Files.createFile(dir.resolve(".m.zip." + ProcessHandle.current().pid() + ".1000000.saving"));
        Path unrelated = Files.createFile(dir.resolve("notes.saving"));

        ModelFile.save(model, dir.resolve("m.zip"));

        assertThat(olderVersion).doesNotExist();
        assertThat(deadProcess).doesNotExist();
        assertThat(running).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void otherProgramsFilesEndingInSavingAreLeftAlone() throws Exception {
        Path thesis = Files.createFile(dir.resolve(".thesis.tex.424242.saving"));
        Path thesisWithPid = Files.createFile(dir.resolve(".thesis.tex.99999999.3.saving"));
        Path killedSave = Files.createFile(dir.resolve(".bitcount-save.99999999.3.saving"));

        ModelFile.save(model, dir.resolve("m.zip"));

        assertThat(thesis).exists();
        assertThat(thesisWithPid).exists();
        assertThat(killedSave).doesNotExist();
    }

    @Test
    void aNameAsLongAsTheFolderAllowsCanBeSavedTo() throws Exception {
        Path target = dir.resolve("m".repeat(240) + ".zip");

        assertThat(ModelFile.checkSaveTarget(target)).isEqualTo(target.toAbsolutePath());
        ModelFile.save(model, target);

        assertThat(ModelFile.load(target).settings().hidden()).isEqualTo(3);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    private static void assertRefused(Path target, String reason) {
        assertThatThrownBy(() -> ModelFile.save(null, target)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(reason);
        assertThatThrownBy(() -> ModelFile.checkSaveTarget(target)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining(reason);
    }
}
