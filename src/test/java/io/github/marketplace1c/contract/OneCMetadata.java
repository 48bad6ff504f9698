package io.github.marketplace1c.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The 1C side's contract: a configuration's metadata file (src/test/resources/contracts/1c/*-metadata.md, one
 * {@code ### Kind.Name} section per object with its attributes, dimensions, resources and tabular sections) read
 * as the OData fields of one row of {@code value[]} in an answer, the way the file's legend says 1C publishes them:
 * a single-type reference {@code X} is {@code X_Key}; a composite type is {@code X} and {@code X_Type}; a register's
 * {@code Balance} virtual table gives its dimensions and {@code <resource>Balance}; {@code SliceLast} its dimensions,
 * resources and attributes with {@code Period}; a tabular section's fields are {@code Section[].Field}.
 */
public final class OneCMetadata {

    /** Standard attributes the file leaves out (its legend), per kind of object. */
    private static final List<String> CATALOG = List.of("Ref_Key", "DataVersion", "DeletionMark", "Code",
            "Description", "Parent_Key", "Owner", "IsFolder", "Predefined", "PredefinedDataName");
    private static final List<String> DOCUMENT = List.of("Ref_Key", "DataVersion", "DeletionMark", "Number", "Date",
            "Posted");

    /** Types 1C itself calls money: its defined types for sums and prices. */
    private static final Pattern MONEY_TYPE = Pattern.compile("DefinedType\\.(ДенежнаяСумма\\w*|Цена\\w*|Сумма\\w*)");

    private OneCMetadata() {
    }

    /**
     * The fields of one row of {@code entitySet} (e.g. {@code InformationRegister_ЦеныНоменклатуры25/SliceLast},
     * {@code Document_ЗаказКлиента}) in the metadata file, or null when the file has no such object.
     */
    public static List<AnswerFields.Field> fields(Path metadata, String entitySet) {
        // InformationRegister_X_RecordType/SliceLast: the record type of register X, its fields are X's
        String[] parts = entitySet.replace("_RecordType", "").split("/", 2);
        String virtual = parts.length > 1 ? parts[1] : null;
        int underscore = parts[0].indexOf('_');
        String kind = parts[0].substring(0, underscore);
        String header = "### " + kind + "." + parts[0].substring(underscore + 1) + " ";
        List<String> lines;
        try {
            lines = Files.readAllLines(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(header)) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return null;
        }
        List<AnswerFields.Field> out = new ArrayList<>();
        List<String> standard = kind.equals("Catalog") ? CATALOG : kind.equals("Document") ? DOCUMENT : List.of();
        standard.forEach(name -> out.add(new AnswerFields.Field(name, "standard", "", false)));
        if ("SliceLast".equals(virtual)) {
            out.add(new AnswerFields.Field("Period", "Date", "", false));
        }
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("### ")
                && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i);
            if (line.startsWith("- TS ")) {
                if (virtual != null) {
                    continue;
                }
                String section = line.substring(5, line.indexOf(':'));
                out.add(new AnswerFields.Field(section + "[].Ref_Key", "standard", "", false));
                out.add(new AnswerFields.Field(section + "[].LineNumber", "standard", "", false));
                attributes(line.substring(line.indexOf(':') + 1), section + "[].", "", out);
            } else if (line.startsWith("- dimensions:")) {
                attributes(line.substring(line.indexOf(':') + 1), "", "", out);
            } else if (line.startsWith("- resources:")) {
                attributes(line.substring(line.indexOf(':') + 1), "", "Balance".equals(virtual) ? "Balance" : "", out);
            } else if (line.startsWith("- attributes:") && !"Balance".equals(virtual)) {
                attributes(line.substring(line.indexOf(':') + 1), "", "", out);
            }
        }
        return out;
    }

    private static void attributes(String list, String prefix, String suffix, List<AnswerFields.Field> out) {
        for (String attribute : list.split(";")) {
            String a = attribute.trim();
            int colon = a.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = a.substring(0, colon);
            String type = a.substring(colon + 1);
            if (type.contains("|")) {
                out.add(new AnswerFields.Field(prefix + name + suffix, type, "", false));
                out.add(new AnswerFields.Field(prefix + name + suffix + "_Type", "String", "", false));
            } else if (type.contains("Ref.") || type.startsWith("Characteristic.")) {
                out.add(new AnswerFields.Field(prefix + name + suffix + "_Key", type, "", false));
            } else {
                out.add(new AnswerFields.Field(prefix + name + suffix, type, "", money(name, type)));
            }
        }
    }

    /**
     * The 1C half of the rule: a defined type of sums or prices, or a number whose name says money.
     */
    static boolean money(String name, String type) {
        if (MONEY_TYPE.matcher(type).find()) {
            return true;
        }
        boolean number = type.startsWith("Number") || type.startsWith("decimal");
        return number && AnswerFields.MONEY_NAME.matcher(name).find();
    }
}
