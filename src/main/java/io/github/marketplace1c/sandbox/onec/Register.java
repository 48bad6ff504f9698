package io.github.marketplace1c.sandbox.onec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An accumulation or information register of the configuration, as its metadata file describes it
 * ({@code ### AccumulationRegister.X} / {@code ### InformationRegister.X} with {@code - dimensions:} and
 * {@code - resources:}), with its dimensions and resources already in OData form: a single-type reference
 * {@code Склад} is {@code Склад_Key}, a composite one is {@code Склад} + {@code Склад_Type}.
 *
 * <p>The emulator serves the registers' virtual tables only: {@code Balance} of a balance accumulation register,
 * {@code SliceLast}/{@code SliceFirst} of a periodic information register (see {@link RegisterTables}).
 */
public final class Register {

    public enum Kind { ACCUMULATION, INFORMATION }

    private final Kind kind;
    private final String metadataName;
    private final String synonym;
    private final boolean balance;
    private final boolean periodic;
    private final boolean recorderSubordinate;
    private final List<Property> dimensions;
    private final List<Property> resources;

    Register(Kind kind, String metadataName, String synonym, boolean balance, boolean periodic,
             boolean recorderSubordinate, List<Property> dimensions, List<Property> resources) {
        this.kind = kind;
        this.metadataName = metadataName;
        this.synonym = synonym;
        this.balance = balance;
        this.periodic = periodic;
        this.recorderSubordinate = recorderSubordinate;
        this.dimensions = List.copyOf(dimensions);
        this.resources = List.copyOf(resources);
    }

    public Kind kind() {
        return kind;
    }

    /** The 1C name, e.g. "ТоварыНаСкладах". */
    public String metadataName() {
        return metadataName;
    }

    public String synonym() {
        return synonym;
    }

    /** The OData name of the register, e.g. "AccumulationRegister_ТоварыНаСкладах". */
    public String name() {
        return (kind == Kind.ACCUMULATION ? "AccumulationRegister_" : "InformationRegister_") + metadataName;
    }

    /** Accumulation register of kind Balance (Остатки): it has the Balance virtual table. */
    public boolean isBalance() {
        return kind == Kind.ACCUMULATION && balance;
    }

    /** Periodic information register: it has the SliceLast/SliceFirst virtual tables and a Period. */
    public boolean isPeriodic() {
        return kind == Kind.INFORMATION && periodic;
    }

    /**
     * Records written by documents (every accumulation register; information registers with WriteMode
     * RecorderSubordinate): OData also names them {@code …_RecordType}.
     */
    public boolean isRecorderSubordinate() {
        return kind == Kind.ACCUMULATION || recorderSubordinate;
    }

    /** Dimension properties in metadata order (OData names: {@code Номенклатура_Key}, {@code Склад}, {@code Склад_Type}). */
    public List<Property> dimensions() {
        return dimensions;
    }

    /** Resource properties in metadata order (OData names: {@code ВНаличии}, {@code Цена}, {@code Валюта_Key}). */
    public List<Property> resources() {
        return resources;
    }

    public Optional<Property> dimension(String name) {
        return dimensions.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Property> resource(String name) {
        return resources.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The virtual tables this register has: "Balance" or "SliceLast"/"SliceFirst" (empty for others). */
    public List<String> virtualTables() {
        List<String> tables = new ArrayList<>();
        if (isBalance()) {
            tables.add("Balance");
        }
        if (isPeriodic()) {
            tables.add("SliceLast");
            tables.add("SliceFirst");
        }
        return Collections.unmodifiableList(tables);
    }

    @Override
    public String toString() {
        return name();
    }
}
