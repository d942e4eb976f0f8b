package org.bitcountlab.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.bitcountlab.core.training.RunOutcome;
import org.bitcountlab.core.training.RunResult;
import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.state.Lab;
import org.bitcountlab.ui.tasks.QueuedTaskExecutor;
import org.junit.jupiter.api.Test;

/** A run that learned nothing says so in the window, with what to try, not that it finished. */
class LearnedNothingTest {

    @Test
    void aRateFarTooLargeEndsWithLearnedNothingAndASmallerRate() {
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Messages.setLanguage(Locale.ENGLISH);
        Locale.setDefault(Locale.Category.FORMAT, Locale.US);
        try {
            QueuedTaskExecutor tasks = new QueuedTaskExecutor();
            Lab lab = new Lab(tasks);
            AtomicReference<RunResult> result = new AtomicReference<>();
            lab.run().start(TrainingSettings.fast().withLearningRate(1).withEpochs(5), 0, result::set);
            tasks.runAll();
            tasks.tick();

            assertThat(result.get().outcome()).isEqualTo(RunOutcome.DID_NOT_LEARN);
            String said = lab.status().messageProperty().get().text();
            assertThat(said).startsWith("It learned nothing: after 5 epochs it is still wrong on")
                    .contains("about as often as always answering the most common count")
                    .endsWith("Its steps were too large: try a smaller learning rate, such as 0.1.");
        } finally {
            Messages.setLanguage(display);
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
    }
}
