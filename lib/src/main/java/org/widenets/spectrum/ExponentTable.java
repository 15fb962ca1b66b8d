package org.widenets.spectrum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Fitted decay exponents next to the predicted ones, one row per configuration and parity, for notebooks.
 * A prediction of +∞ (exact zeros, or faster than any power) matches a fit of status ZERO or FLOOR.
 */
public final class ExponentTable {

    private record Row(String config, DecayFit fit, double predicted) {
    }

    private final String title;
    private final List<Row> rows = new ArrayList<>();

    public ExponentTable(String title) {
        this.title = title;
    }

    /** Adds both parities of a spectrum's fits with the prediction for each. */
    public ExponentTable add(String config, DecayExponents fits, double predictedEven, double predictedOdd) {
        rows.add(new Row(config, fits.even(), predictedEven));
        rows.add(new Row(config, fits.odd(), predictedOdd));
        return this;
    }

    /** Adds both parities with one prediction. */
    public ExponentTable add(String config, DecayExponents fits, double predicted) {
        return add(config, fits, predicted, predicted);
    }

    /** Largest |fitted − predicted| over the fitted rows with a finite prediction. */
    public double maxError() {
        double m = 0;
        for (Row r : rows) {
            if (r.fit.fitted() && Double.isFinite(r.predicted)) m = Math.max(m, Math.abs(r.fit.exponent() - r.predicted));
        }
        return m;
    }

    /** True when every row agrees: |error| ≤ tolerance, or no power law where none is predicted. */
    public boolean allAgree(double tolerance) {
        for (Row r : rows) {
            boolean ok = Double.isFinite(r.predicted)
                    ? r.fit.fitted() && Math.abs(r.fit.exponent() - r.predicted) <= tolerance
                    : !r.fit.fitted();
            if (!ok) return false;
        }
        return true;
    }

    /** One row per configuration and parity; numbers as text (3 decimals), "—" where there is none. */
    public Table table() {
        StringColumn config = StringColumn.create("configuration"), parity = StringColumn.create("ℓ"),
                status = StringColumn.create("fit"), fitted = StringColumn.create("fitted exponent"),
                predicted = StringColumn.create("predicted"), error = StringColumn.create("fitted − predicted"),
                rms = StringColumn.create("rms residual of log μ"), window = StringColumn.create("ℓ used");
        for (Row r : rows) {
            boolean fit = r.fit.fitted();
            config.append(r.config);
            parity.append(r.fit.parity().name().toLowerCase(Locale.ROOT));
            status.append(r.fit.status().name());
            fitted.append(fit ? String.format(Locale.ROOT, "%.3f", r.fit.exponent()) : "—");
            predicted.append(Double.isFinite(r.predicted) ? String.format(Locale.ROOT, "%.0f", r.predicted) : "∞");
            error.append(fit && Double.isFinite(r.predicted)
                    ? String.format(Locale.ROOT, "%+.3f", r.fit.exponent() - r.predicted) : "—");
            rms.append(fit ? String.format(Locale.ROOT, "%.1e", r.fit.rmsResidual()) : "—");
            window.append(fit ? r.fit.from() + "…" + r.fit.to() + " (" + r.fit.points() + ")" : "—");
        }
        return Table.create(title, config, parity, status, fitted, predicted, error, rms, window);
    }

    @Override
    public String toString() {
        return table().printAll();
    }
}
