package org.collapselab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cell's log label names the parameters that apply to it, and only those. */
class CellLabelTest {

    @Test
    void emptyParametersAreLeftOutOfTheLabelButNotOutOfTheKey() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("family", "gaussian");
        parameters.put("rho", "0.5");
        parameters.put("components", "");
        Cell cell = new Cell(0, parameters, 2, 1, 1);
        assertEquals("family=gaussian rho=0.5 replicate=2", cell.label());
        // The key keeps every column, so cell ids do not change.
        assertEquals("family=gaussian;rho=0.5;components=", cell.pointKey());
    }
}
