package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;

import org.bitcountlab.core.training.PretrainedModel;
import org.junit.jupiter.api.Test;

/** An evaluation's threads each score group after group of strings, of one model after another, in one workspace. */
class PrefixTreeForwardTest {

    private final int[] values = new Random(5).ints(6000, 0, 1 << 20).sorted().toArray();

    @Test
    void aWorkspaceUsedGroupAfterGroupAndModelAfterModelAnswersAsANewOne() throws Exception {
        ParameterSnapshot pretrained = PretrainedModel.load().parameters();
        ParameterSnapshot untrained = ParameterSnapshot.untrained(20, pretrained.hidden(), 3);
        // a large group, then smaller ones that end where nothing of the large one may remain
        int[][] groups = {{0, 4000}, {4000, 4010}, {4010, 6000}, {5999, 6000}, {0, 4000}};
        try (PrefixTreeForward.Workspace workspace = new PrefixTreeForward.Workspace(pretrained, 4000)) {
            for (ParameterSnapshot model : new ParameterSnapshot[] {pretrained, untrained, pretrained}) {
                PrefixTreeForward forward = new PrefixTreeForward(model);
                for (int[] group : groups) {
                    int[] inNew = new int[group[1] - group[0]];
                    forward.predictSorted(values, group[0], group[1], inNew); // in a workspace of its own
                    int[] reused = new int[inNew.length];
                    forward.predictSorted(values, group[0], group[1], reused, workspace);
                    assertThat(reused).as("model %s, group from %d", model == pretrained ? "pretrained" : "untrained",
                            group[0]).containsExactly(inNew);
                }
            }
        }
        // what they answered is the model's answer, string by string
        int[] predicted = new int[values.length];
        new PrefixTreeForward(pretrained).predictSorted(values, 0, values.length, predicted);
        Predictor predictor = new Predictor(pretrained);
        for (int i = 0; i < values.length; i++) {
            PredictorTest.assertSameAnswer(predicted[i], predictor.predict(values[i]), values[i]);
        }
        assertThat(Arrays.stream(predicted).distinct().count()).as("counts from few to many ones").isGreaterThan(8);
    }

    @Test
    void aWorkspaceTooSmallOfAnotherShapeOrClosedIsRefused() {
        ParameterSnapshot parameters = ParameterSnapshot.untrained(20, 7, 4);
        PrefixTreeForward forward = new PrefixTreeForward(parameters);
        try (PrefixTreeForward.Workspace small = new PrefixTreeForward.Workspace(parameters, 3);
             PrefixTreeForward.Workspace wider = new PrefixTreeForward.Workspace(ParameterSnapshot.untrained(20, 8, 4), 4);
             PrefixTreeForward.Workspace rnn = new PrefixTreeForward.Workspace(
                     ParameterSnapshot.untrained(CellType.SIMPLE_RNN, 20, 7, 4), 4);
             PrefixTreeForward.Workspace shorter = new PrefixTreeForward.Workspace(ParameterSnapshot.untrained(16, 7, 4), 4);
             PrefixTreeForward.Workspace closed = new PrefixTreeForward.Workspace(parameters, 4)) {
            closed.close();
            for (PrefixTreeForward.Workspace workspace : new PrefixTreeForward.Workspace[] {small, wider, rnn, shorter, closed}) {
                assertThatThrownBy(() -> forward.predictSorted(values, 0, 4, new int[4], workspace))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
