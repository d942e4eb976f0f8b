package org.bitcountlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;

import org.bitcountlab.core.training.PretrainedModel;
import org.junit.jupiter.api.Test;

/** The evaluation scores group after group of strings in one workspace per thread. */
class PrefixTreeForwardTest {

    @Test
    void aWorkspaceUsedGroupAfterGroupAnswersAsEachStringAlone() throws Exception {
        ParameterSnapshot pretrained = PretrainedModel.load().parameters();
        Predictor predictor = new Predictor(pretrained);
        int[] values = new Random(5).ints(6000, 0, 1 << 20).sorted().toArray();
        PrefixTreeForward forward = new PrefixTreeForward(pretrained);
        // a large group, then smaller ones that end where nothing of the large one may remain
        int[][] groups = {{0, 4000}, {4000, 4010}, {4010, 6000}, {5999, 6000}, {0, 4000}};
        long distinctAnswers;
        try (PrefixTreeForward.Workspace workspace = forward.workspace(4000)) {
            for (int[] group : groups) {
                int[] predicted = new int[group[1] - group[0]];
                forward.predictSorted(values, group[0], group[1], predicted, workspace);
                for (int i = group[0]; i < group[1]; i++) {
                    assertThat(predicted[i - group[0]]).as("string %d in group from %d", values[i], group[0])
                            .isEqualTo(predictor.predict(values[i]).predictedCount());
                }
            }
            int[] all = new int[4000];
            forward.predictSorted(values, 0, 4000, all, workspace);
            distinctAnswers = Arrays.stream(all).distinct().count();
        }
        assertThat(distinctAnswers).as("counts from few to many ones").isGreaterThan(8);
    }

    @Test
    void aWorkspaceTooSmallOrOfAnotherModelIsRefused() {
        ParameterSnapshot parameters = ParameterSnapshot.untrained(12, 7, 4);
        PrefixTreeForward forward = new PrefixTreeForward(parameters);
        PrefixTreeForward other = new PrefixTreeForward(parameters);
        int[] values = {1, 2, 3, 4};
        try (PrefixTreeForward.Workspace small = forward.workspace(3);
             PrefixTreeForward.Workspace others = other.workspace(4)) {
            assertThatThrownBy(() -> forward.predictSorted(values, 0, 4, new int[4], small))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> forward.predictSorted(values, 0, 4, new int[4], others))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
