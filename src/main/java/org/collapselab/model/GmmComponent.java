package org.collapselab.model;

/**
 * One component of a fitted Gaussian mixture.
 *
 * @param weight the mixing weight w_k, positive; the weights of a mixture sum to 1
 * @param moments the component's mean mu_k and covariance S_k (regularisation included)
 */
public record GmmComponent(double weight, GaussianMoments moments) {
}
