package org.collapselab.model;

/**
 * The weights of one fully connected layer, copied out of a trained network so that inference
 * runs on plain arrays: y = a(x W + b) for a row vector x.
 *
 * @param inputs the width of x
 * @param outputs the width of y
 * @param weights W, row-major {@code inputs x outputs}: W[i][j] at {@code i * outputs + j}
 * @param bias b, one value per output
 */
record DenseWeights(int inputs, int outputs, double[] weights, double[] bias) {

    DenseWeights {
        if (weights.length != inputs * outputs || bias.length != outputs) {
            throw new IllegalArgumentException("dense layer " + inputs + " x " + outputs
                + ": found " + weights.length + " weights and " + bias.length + " biases");
        }
    }

    /** x W + b, without an activation. */
    double[] linear(double[] input) {
        double[] out = bias.clone();
        for (int i = 0; i < inputs; i++) {
            double x = input[i];
            int row = i * outputs;
            for (int j = 0; j < outputs; j++) {
                out[j] += x * weights[row + j];
            }
        }
        return out;
    }

    /** tanh(x W + b). */
    double[] tanh(double[] input) {
        double[] out = linear(input);
        for (int j = 0; j < outputs; j++) {
            out[j] = Math.tanh(out[j]);
        }
        return out;
    }
}
