package org.collapselab.spec;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code metrics:} block.
 *
 * @param include metric names to compute (default: every metric)
 * @param samples model samples drawn per generation for sample-based estimators (default 2000)
 * @param projections directions of the sliced 2-Wasserstein distance (default 50)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricsSpec(
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> include,
    Integer samples,
    Integer projections) {
}
