package org.collapselab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/** Small run directories written by hand or from a seed, for the report package's tests. */
final class RunFixtures {

    /**
     * A hand-made generations.csv. Group n=100 has one series (rho = 0.5, cell a) with three
     * ok replicates and one failed row; group n=20 has cell b (rho = 0, quality from
     * fidelity_loss only) and cell c (rho = 0.5). The values are chosen so the summaries can be
     * worked out by hand, see GenerationsTableTest.
     */
    static final String SMALL = """
            cell,replicate,generation,family,policy,rho,n,status,error,seed,kl_qp,\
            kl_qp_estimator,log_q,variance_ratio,fidelity_loss
            a,0,0,gaussian,mix,0.5,100,ok,,11,0.0,exact,-0.1,1.0,
            a,1,0,gaussian,mix,0.5,100,ok,,12,0.0,exact,-0.2,1.0,
            a,2,0,gaussian,mix,0.5,100,ok,,13,0.0,exact,-0.3,1.0,
            a,0,1,gaussian,mix,0.5,100,ok,,11,0.4,exact,-0.5,1.0,
            a,1,1,gaussian,mix,0.5,100,ok,,12,0.2,exact,-0.4,4.0,
            a,2,1,gaussian,mix,0.5,100,ok,,13,0.7,exact,-1.0,16.0,
            a,3,1,gaussian,mix,0.5,100,failed,"fit failed: singular covariance | k=2",14,\
            9.0,exact,-9.0,1000.0,
            b,0,0,gaussian,mix,0.0,20,ok,,21,,,,1.0,0.0
            b,0,1,gaussian,mix,0.0,20,ok,,21,,,,2.0,0.25
            c,0,0,gaussian,mix,0.5,20,ok,,31,0.0,monte-carlo,-0.1,1.0,
            c,0,1,gaussian,mix,0.5,20,ok,,31,0.1,monte-carlo,-0.3,0.5,
            """;

    /** The header of {@link #synthetic}'s generations.csv. */
    private static final String HEADER = "cell,replicate,generation,family,policy,rho,n,status,"
            + "error,seed,train_size,synthetic_share,kl_qp,kl_qp_estimator,kl_pq,"
            + "kl_pq_estimator,w2,w2_estimator,nll,nll_estimator,fidelity_loss,log_q,"
            + "variance_ratio,tail_mass,test_error\n";

    private RunFixtures() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /**
     * A run from a seed: one group (gaussian, mix, n=50), rho in {0, 0.5, 1}, 8 replicates,
     * generations 0..generations, with log Q_t following the collapse law with b = 0.02 plus
     * noise and a log-normal variance ratio; test_error is left empty throughout.
     */
    static String synthetic(long seed, int generations) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder(HEADER);
        double[] rhos = {0.0, 0.5, 1.0};
        for (int c = 0; c < rhos.length; c++) {
            for (int replicate = 0; replicate < 8; replicate++) {
                double logQ = -0.01 * random.nextDouble();
                double logVariance = 0;
                double logQ0 = logQ;
                for (int t = 0; t <= generations; t++) {
                    if (t > 0) {
                        logQ += -0.02 * rhos[c] * rhos[c] + 0.005 * gaussian(random);
                        logVariance += 0.3 * rhos[c] * gaussian(random) - 0.05 * rhos[c];
                    }
                    csv.append(String.format(Locale.ROOT, "c%d,%d,%d,gaussian,mix,%s,50,ok,,%d,50,"
                            + "%s,%s,exact,%s,exact,%s,closed-form,%s,exact,%s,%s,%s,0.02,\n",
                            c, replicate, t, rhos[c], 100 + replicate, t == 0 ? 0.0 : rhos[c],
                            -1.1 * logQ, -logQ, Math.sqrt(-logQ), 1.4 - logQ, logQ0 - logQ,
                            logQ, Math.exp(logVariance)));
                }
            }
        }
        return csv.toString();
    }

    /** A standard normal draw by the Box-Muller transform. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
