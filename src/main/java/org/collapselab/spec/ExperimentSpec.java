package org.collapselab.spec;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An experiment as written in its YAML file. Every field that is a list in the YAML (family,
 * policy, rho, n, real_weight, data.dim, model.components) is a grid axis: the runner expands the
 * cartesian product of the axes times the replicates into independent cells. After
 * {@link SpecLoader} resolves it, every field the experiment uses is filled in.
 *
 * @param name experiment name, used for the results folder (default: the file name)
 * @param seed run seed from which every cell's random stream is derived (default 1)
 * @param generations generations after generation 0 (required, at least 1)
 * @param replicates independent repetitions of each grid point (default 1)
 * @param family model families (required)
 * @param policy mixing policies (default mix)
 * @param rho synthetic share of each training set, in [0, 1] (default 1)
 * @param n training samples per generation (default 100)
 * @param realWeight weight of real samples under the weighted policy (default 2)
 * @param device where neural families train: auto, cpu or gpu (default auto)
 * @param data the real data source (required)
 * @param model family options
 * @param metrics metric options
 * @param filter the provenance detector that screens training batches (none when absent)
 * @param market the market of a PMIR run (an ordinary experiment when absent)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "seed", "generations", "replicates", "family", "policy", "rho", "n",
    "real_weight", "device", "data", "model", "metrics", "filter", "market"})
public record ExperimentSpec(
    String name,
    Long seed,
    Integer generations,
    Integer replicates,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> family,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> policy,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Double> rho,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Integer> n,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Double> realWeight,
    String device,
    DataSpec data,
    ModelSpec model,
    MetricsSpec metrics,
    FilterSpec filter,
    MarketSpec market) {
}
