/**
 * Plots and the markdown report of a run, rebuilt from its CSV files alone.
 *
 * <p>{@link org.collapselab.report.GenerationsTable} reads generations.csv into typed rows,
 * grouped into groups (cells sharing every parameter but rho) and series (a group at one rho);
 * {@link org.collapselab.report.Series#summarize(String)} gives per-generation
 * {@link org.collapselab.report.Summary summaries} over replicates.
 * {@link org.collapselab.report.FitsTable} reads fits.csv, written by the law fits.
 * {@link org.collapselab.report.Plots} draws PNG and SVG charts per group,
 * {@link org.collapselab.report.ReportWriter} writes report.md, and
 * {@link org.collapselab.report.ReportBuilder#rebuild(java.nio.file.Path)} does both for a run
 * directory. Malformed run files raise {@link org.collapselab.report.RunFileFormatException}
 * with a one-line message.
 */
package org.collapselab.report;
