package org.collapselab.law;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The reference dataset and statsmodels' numbers for it, written by
 * src/test/resources/law/make-hac-fixture.py.
 */
record HacFixture(List<String> clusters, int[] times, double[] x1, double[] x2, double[] y,
                  JsonNode reference) {

    static HacFixture load() {
        List<CSVRecord> records = readCsv("/law/hac-fixture.csv");
        int n = records.size();
        List<String> clusters = new ArrayList<>();
        int[] times = new int[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            CSVRecord record = records.get(i);
            clusters.add(record.get("cluster"));
            times[i] = Integer.parseInt(record.get("time"));
            x1[i] = Double.parseDouble(record.get("x1"));
            x2[i] = Double.parseDouble(record.get("x2"));
            y[i] = Double.parseDouble(record.get("y"));
        }
        return new HacFixture(clusters, times, x1, x2, y, readJson("/law/hac-fixture.json"));
    }

    /** Rows (x1, x2), fitted with an intercept in the reference's "with_intercept" case. */
    double[][] twoRegressors() {
        double[][] x = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            x[i] = new double[] {x1[i], x2[i]};
        }
        return x;
    }

    /** Rows (x1), fitted without an intercept in the reference's "without_intercept" case. */
    double[][] oneRegressor() {
        double[][] x = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            x[i] = new double[] {x1[i]};
        }
        return x;
    }

    Panel panel() {
        return Panel.of(clusters, times);
    }

    double[] expected(String fit, String field) {
        JsonNode values = reference.path(fit).path(field);
        if (values.isMissingNode()) {
            throw new IllegalStateException("fixture has no " + fit + "." + field);
        }
        if (!values.isArray()) {
            return new double[] {values.asDouble()};
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asDouble();
        }
        return out;
    }

    private static List<CSVRecord> readCsv(String resource) {
        try (Reader reader = new InputStreamReader(open(resource), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(String resource) {
        try (InputStream in = open(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = HacFixture.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return in;
    }
}
