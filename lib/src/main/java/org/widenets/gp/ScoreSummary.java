package org.widenets.gp;

import java.util.List;
import org.hipparchus.stat.descriptive.DescriptiveStatistics;

/**
 * Mean ± standard error over splits (s.e. = sample sd with ddof 1 / √(number of splits)), the way the
 * UCI benchmark tables report results.
 *
 * @param splits  number of splits
 * @param rmse    mean RMSE
 * @param rmseSe  its standard error
 * @param lpd     mean test log predictive density
 * @param lpdSe   its standard error
 */
public record ScoreSummary(int splits, double rmse, double rmseSe, double lpd, double lpdSe) {

    public static ScoreSummary of(List<RegressionScore> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no scores to summarise");
        }
        DescriptiveStatistics r = new DescriptiveStatistics(), l = new DescriptiveStatistics();
        for (RegressionScore s : scores) {
            r.addValue(s.rmse());
            l.addValue(s.meanLogPredictiveDensity());
        }
        int n = scores.size();
        double root = Math.sqrt(n);
        return new ScoreSummary(n, r.getMean(), n > 1 ? r.getStandardDeviation() / root : Double.NaN,
                l.getMean(), n > 1 ? l.getStandardDeviation() / root : Double.NaN);
    }

    /** Negative LPD, with the same standard error. */
    public double nll() {
        return -lpd;
    }

    @Override
    public String toString() {
        return String.format("RMSE %.3f ± %.3f, LL %.3f ± %.3f (%d splits)", rmse, rmseSe, lpd, lpdSe, splits);
    }
}
