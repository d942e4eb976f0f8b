package org.bitcountlab.core.training;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Learning curves as CSV, one row per run and epoch, for a spreadsheet or a plotting script. */
public final class CurveCsv {

    public static final String HEADER = "run,epoch,mean_loss,held_out_error_percent,train_seconds,training_error_percent";

    private CurveCsv() {
    }

    /** @param curves run name to curve, in the order they should appear */
    public static void write(Map<String, List<EpochResult>> curves, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (Map.Entry<String, List<EpochResult>> run : curves.entrySet()) {
            String name = '"' + run.getKey().replace("\"", "\"\"") + '"';
            for (EpochResult r : run.getValue()) {
                // an empty cell where the training error was not measured (curves from older files)
                String trainingError = Double.isNaN(r.trainingError()) ? ""
                        : String.format(Locale.ROOT, "%.4f", r.trainingError());
                out.write(String.format(Locale.ROOT, "%s,%d,%.6f,%.4f,%.3f,%s%n", name, r.epoch(), r.meanLoss(),
                        r.heldOutError(), r.trainSeconds(), trainingError));
            }
        }
        out.flush();
    }
}
