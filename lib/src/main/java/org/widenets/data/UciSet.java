package org.widenets.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The nine UCI regression sets of the Hernández-Lobato &amp; Adams (2015) benchmark with their column
 * names (shared/uci/README.md; names from the donors' descriptions, shortened to identifiers).
 */
public enum UciSet {
    BOSTON_HOUSING("boston-housing", "CRIM", "ZN", "INDUS", "CHAS", "NOX", "RM", "AGE", "DIS", "RAD", "TAX",
            "PTRATIO", "B", "LSTAT", "MEDV"),
    CONCRETE("concrete", "cement", "blast_furnace_slag", "fly_ash", "water", "superplasticizer",
            "coarse_aggregate", "fine_aggregate", "age", "compressive_strength"),
    ENERGY("energy", "relative_compactness", "surface_area", "wall_area", "roof_area", "overall_height",
            "orientation", "glazing_area", "glazing_area_distribution", "heating_load"),
    KIN8NM("kin8nm", "theta1", "theta2", "theta3", "theta4", "theta5", "theta6", "theta7", "theta8", "y"),
    NAVAL_PROPULSION_PLANT("naval-propulsion-plant", "lp", "v", "GTT", "GTn", "GGn", "Ts", "Tp", "T48", "T1",
            "T2", "P48", "P1", "P2", "Pexh", "TIC", "mf", "compressor_decay", "turbine_decay"),
    POWER_PLANT("power-plant", "AT", "V", "AP", "RH", "PE"),
    PROTEIN_TERTIARY_STRUCTURE("protein-tertiary-structure", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8",
            "F9", "RMSD"),
    WINE_QUALITY_RED("wine-quality-red", "fixed_acidity", "volatile_acidity", "citric_acid", "residual_sugar",
            "chlorides", "free_sulfur_dioxide", "total_sulfur_dioxide", "density", "pH", "sulphates", "alcohol",
            "quality"),
    YACHT("yacht", "longitudinal_position", "prismatic_coefficient", "length_displacement_ratio",
            "beam_draught_ratio", "length_beam_ratio", "froude_number", "residuary_resistance");

    private final String folder;
    private final List<String> columns;

    UciSet(String folder, String... columns) {
        this.folder = folder;
        this.columns = List.of(columns);
    }

    /** Folder name in the store, e.g. {@code boston-housing}. */
    public String folder() {
        return folder;
    }

    /** Names of every column of {@code data.txt}, in file order. */
    public List<String> columns() {
        return columns;
    }

    /** Looks a set up by folder name ({@code "boston-housing"}) or constant name, case-insensitive. */
    public static UciSet of(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (UciSet s : values()) {
            if (s.folder.equals(n) || s.name().toLowerCase(Locale.ROOT).equals(n)) return s;
        }
        throw new IllegalArgumentException("unknown UCI data set '" + name + "'; known: "
                + Arrays.stream(values()).map(UciSet::folder).toList());
    }
}
