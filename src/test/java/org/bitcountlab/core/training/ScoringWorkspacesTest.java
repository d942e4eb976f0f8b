package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.bitcountlab.core.model.ParameterSnapshot;
import org.bitcountlab.core.model.PrefixTreeForward;
import org.junit.jupiter.api.Test;

/** Workspaces are handed from evaluation to evaluation, replaced when too small, and closed with the set. */
class ScoringWorkspacesTest {

    private final ParameterSnapshot model = ParameterSnapshot.untrained(20, 6, 1);

    @Test
    void aWorkspaceThatFitsIsHandedOnAndOneTooSmallIsClosedAndReplaced() {
        try (ScoringWorkspaces workspaces = new ScoringWorkspaces()) {
            PrefixTreeForward.Workspace small = workspaces.take(model, 100);
            workspaces.give(small);
            assertThat(workspaces.take(model, 50)).isSameAs(small);
            workspaces.give(small);

            PrefixTreeForward.Workspace large = workspaces.take(model, 1000);
            assertThat(large).isNotSameAs(small);
            assertThat(small.fits(model, 1)).as("closed").isFalse();
            workspaces.give(large);
            assertThat(workspaces.idle()).isOne();
        }
    }

    @Test
    void aWorkspaceReturnedAfterTheSetClosedIsClosedToo() {
        ScoringWorkspaces workspaces = new ScoringWorkspaces();
        PrefixTreeForward.Workspace stillScoring = workspaces.take(model, 100);
        PrefixTreeForward.Workspace idle = workspaces.take(model, 100);
        workspaces.give(idle);

        workspaces.close();
        assertThat(idle.fits(model, 1)).isFalse();
        assertThat(stillScoring.fits(model, 1)).as("in use: not closed under its thread").isTrue();

        workspaces.give(stillScoring);
        assertThat(stillScoring.fits(model, 1)).isFalse();
        assertThat(workspaces.idle()).isZero();
    }
}
