package org.widenets.spectrum;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
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

    public Table table() {
        StringColumn config = StringColumn.create("configuration"), parity = StringColumn.create("ℓ"),
                status = StringColumn.create("fit");
        DoubleColumn fitted = DoubleColumn.create("fitted exponent"), predicted = DoubleColumn.create("predicted"),
                error = DoubleColumn.create("fitted − predicted"), rms = DoubleColumn.create("rms residual");
        IntColumn from = IntColumn.create("from ℓ"), to = IntColumn.create("to ℓ");
        for (Row r : rows) {
            config.append(r.config);
            parity.append(r.fit.parity().name().toLowerCase(java.util.Locale.ROOT));
            status.append(r.fit.status().name());
            fitted.append(r.fit.exponent());
            predicted.append(r.predicted);
            error.append(r.fit.fitted() && Double.isFinite(r.predicted) ? r.fit.exponent() - r.predicted : Double.NaN);
            rms.append(r.fit.rmsResidual());
            from.append(r.fit.from());
            to.append(r.fit.to());
        }
        fitted.setPrintFormatter(new java.text.DecimalFormat("0.000"), "—");
        error.setPrintFormatter(new java.text.DecimalFormat("+0.000;-0.000"), "—");
        rms.setPrintFormatter(new java.text.DecimalFormat("0.0E0"), "—");
        return Table.create(title, config, parity, status, fitted, predicted, error, rms, from, to);
    }

    @Override
    public String toString() {
        return table().printAll();
    }
}
