package org.bitcountlab.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CurveCsvTest {

    @Test
    void eachRowHasTheTrainingErrorOrAnEmptyCellWhereItWasNotMeasured() throws Exception {
        Map<String, List<EpochResult>> curves = new LinkedHashMap<>();
        curves.put("new", List.of(new EpochResult(1, 0.5, 3.25, 1.5, 1.125)));
        curves.put("old \"file\"", List.of(new EpochResult(1, 0.5, 3.25, 1.5)));
        StringWriter out = new StringWriter();

        CurveCsv.write(curves, out);

        assertThat(out.toString().lines()).containsExactly(CurveCsv.HEADER,
                "\"new\",1,0.500000,3.2500,1.500,1.1250",
                "\"old \"\"file\"\"\",1,0.500000,3.2500,1.500,");
    }
}
