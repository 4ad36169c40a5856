package org.collapselab.spec;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code model:} block: options of the model families. Each family reads its own options;
 * the resolved spec lists those of the families the experiment uses.
 *
 * @param unbiased gaussian: divide the covariance by n - 1 (default false: maximum likelihood)
 * @param ridge gaussian: relative ridge added when the covariance is singular (default 1e-6)
 * @param momentSampling gaussian: pass synthetic batches to the next fit as their sampled
 *     moments (mean and Wishart scatter) rather than as rows; the same distribution of fits,
 *     much faster when n is large (default true)
 * @param components gmm: number of components (a list makes a grid axis; default 2)
 * @param covariance gmm: full or diagonal (default full)
 * @param maxIterations gmm: EM iteration cap (default 200)
 * @param tolerance gmm: EM stops when the mean log-likelihood gains less (default 1e-6)
 * @param restarts gmm: k-means++ starts, best likelihood kept (default 1)
 * @param regularization gmm: added to each covariance diagonal (default 1e-6)
 * @param bandwidth kde: scott, silverman, or a number (a fixed bandwidth; default scott)
 * @param noiseVariance linear-regression: noise of the relabelled outputs (default: the data's
 *     noise_variance; 0 estimates it from residuals)
 * @param unit ngram: char or word (default char)
 * @param order ngram: n, tokens per n-gram (default 4 for char, 2 for word)
 * @param smoothing ngram: add-k or kneser-ney (default add-k)
 * @param addK ngram with add-k: the pseudo-count (default 0.001 for char, 0.0001 for word)
 * @param discount ngram with kneser-ney: the absolute discount D in (0, 1) (default 0.75)
 * @param temperature text families: sampling temperature T, p^(1/T) renormalised (default 1)
 * @param maxLength text families: the most tokens in a sampled line (default 5000)
 * @param hidden vae: widths of the encoder's hidden layers, mirrored by the decoder (default
 *     [32, 32]); char-lstm: widths of the stacked LSTM layers (default [128])
 * @param latent vae: dimension of the latent variable (default 2)
 * @param epochs vae, char-lstm: passes over each generation's training set (default 100 for
 *     vae, 5 for char-lstm)
 * @param batch vae, char-lstm: samples (rows or lines) per gradient step (default 32)
 * @param learningRate vae, char-lstm: Adam step size (default 0.005)
 * @param tbptt char-lstm: the truncated back-propagation window in characters (default 50)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(
    Boolean unbiased,
    Double ridge,
    Boolean momentSampling,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Integer> components,
    String covariance,
    Integer maxIterations,
    Double tolerance,
    Integer restarts,
    Double regularization,
    String bandwidth,
    Double noiseVariance,
    String unit,
    Integer order,
    String smoothing,
    Double addK,
    Double discount,
    Double temperature,
    Integer maxLength,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Integer> hidden,
    Integer latent,
    Integer epochs,
    Integer batch,
    Double learningRate,
    Integer tbptt) {
}
