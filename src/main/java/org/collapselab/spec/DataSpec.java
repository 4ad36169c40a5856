package org.collapselab.spec;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code data:} block: where real samples come from and how the probe is held out. Fields not
 * used by the chosen source stay null and are left out of the resolved spec.
 *
 * @param source {@code analytic}, {@code iris}, {@code csv} or {@code text}
 * @param probe share of a finite table or corpus held out as the probe (iris, csv, text;
 *     default 0.2)
 * @param probeSize probe size for analytic sources (default 1000)
 * @param distribution analytic truth: gaussian, mixture, student-t or linear-model
 * @param dim analytic dimension (a list makes a grid axis; default 1)
 * @param mean mean of every coordinate of the gaussian truth (default 0)
 * @param variance variance of every coordinate of the gaussian truth (default 1)
 * @param components mixture truth: number of unit-variance components (default 2)
 * @param separation mixture truth: distance between neighbouring means (default 4)
 * @param degreesOfFreedom student-t truth (default 5, must exceed 2)
 * @param features linear-model: number of features d (default 10)
 * @param designSize linear-model: rows T of the fixed design (default 100)
 * @param noiseVariance linear-model: label noise variance (default 1)
 * @param path csv, text: the file, relative to the spec's folder unless absolute
 * @param delimiter csv: one character (default ",")
 * @param header csv: whether the first row names the columns (default true)
 * @param columns csv: names or 0-based indexes of the numeric columns (default all)
 * @param missing csv: drop, fail or mean for empty or non-numeric cells (default drop)
 * @param corpus text, instead of a path: {@code europarl} (the English lines of the Europarl
 *     sample on the class path) or {@code europarl-all} (every line, all languages)
 * @param maxLines text: keep at most this many lines, the first ones (default: all)
 * @param lowerCase text: lower-case every line (default false)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataSpec(
    String source,
    Double probe,
    Integer probeSize,
    String distribution,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Integer> dim,
    Double mean,
    Double variance,
    Integer components,
    Double separation,
    Double degreesOfFreedom,
    Integer features,
    Integer designSize,
    Double noiseVariance,
    String path,
    String delimiter,
    Boolean header,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> columns,
    String missing,
    String corpus,
    Integer maxLines,
    Boolean lowerCase) {
}
