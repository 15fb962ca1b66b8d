package org.widenets.plot;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables as HTML for notebooks ({@code display(Tables.html(t), "text/html")}); neither Java
 * kernel renders a {@link Table} itself. Written by hand because tablesaw-html would add a module for
 * one small loop.
 */
public final class Tables {

    private Tables() {
    }

    /** The whole table as an HTML {@code <table>} with its name as caption; numbers to 6 significant digits. */
    public static String html(Table table) {
        StringBuilder sb = new StringBuilder("<table>");
        if (table.name() != null && !table.name().isBlank()) {
            sb.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        sb.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            sb.append("<th>").append(escape(c.name())).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (int r = 0; r < table.rowCount(); r++) {
            sb.append("<tr>");
            for (Column<?> c : table.columns()) {
                Object v = c.get(r);
                String s = v instanceof Double ? format((Double) v) : String.valueOf(v);
                sb.append("<td>").append(escape(s)).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }

    static String format(double v) {
        if (Double.isNaN(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.valueOf((long) v);
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
