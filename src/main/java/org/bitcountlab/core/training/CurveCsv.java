package org.bitcountlab.core.training;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Learning curves as CSV, one row per run and epoch, for a spreadsheet or a plotting script. */
public final class CurveCsv {

    public static final String HEADER = "run,epoch,mean_loss,held_out_error_percent,train_seconds";

    private CurveCsv() {
    }

    /** @param curves run name to curve, in the order they should appear */
    public static void write(Map<String, List<EpochResult>> curves, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (Map.Entry<String, List<EpochResult>> run : curves.entrySet()) {
            String name = '"' + run.getKey().replace("\"", "\"\"") + '"';
            for (EpochResult r : run.getValue()) {
                out.write(String.format(Locale.ROOT, "%s,%d,%.6f,%.4f,%.3f%n", name, r.epoch(), r.meanLoss(),
                        r.heldOutError(), r.trainSeconds()));
            }
        }
        out.flush();
    }
}
