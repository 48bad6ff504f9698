package io.github.marketplace1c.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drafts a docs/contracts.md section for an operation: every field of its answer, with "read (Class)" where a
 * reader class names the field's own name as a string literal and "ignored" elsewhere. A draft only: a person
 * reviews every money row and writes the reason. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.marketplace1c.contract.ContractsDraft -Dexec.args="ozon POST /v4/posting/fbs/list
 * ozon/ozon-seller-openapi.repaired.json 200 ozon/OzonPostingTranslator.java,ozon/OzonSellerClient.java"}.
 */
public final class ContractsDraft {

    private ContractsDraft() {
    }

    public static void main(String[] args) throws IOException {
        for (int i = 0; i + 5 < args.length + 1; i += 6) {
            System.out.println(draft(args[i], args[i + 1], args[i + 2], args[i + 3], args[i + 4],
                    args.length > i + 5 ? args[i + 5] : ""));
        }
    }

    static List<AnswerFields.Field> fields(String system, String method, String path, String spec, String status) {
        Path file = ContractsDoc.CONTRACTS.resolve(spec);
        if (system.startsWith("1c")) {
            return OneCMetadata.fields(file, path);
        }
        var schema = new SpecTree(file).answer(method, path, status);
        return schema == null ? List.of() : AnswerFields.of(schema);
    }

    static String draft(String system, String method, String path, String spec, String status, String readers)
            throws IOException {
        List<String> sources = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String reader : readers.split(",")) {
            if (reader.isBlank()) {
                continue;
            }
            sources.add(Files.readString(Path.of("src/main/java/io/github/marketplace1c").resolve(reader)));
            names.add(reader.substring(reader.lastIndexOf('/') + 1).replace(".java", ""));
        }
        StringBuilder out = new StringBuilder();
        out.append("### ").append(system).append(' ').append(method).append(' ').append(path).append("\n\n");
        out.append("Spec: `").append(spec).append("`, answer ").append(status).append(".\n\n");
        out.append("| field path | money | what we do | where / why |\n|---|---|---|---|\n");
        for (AnswerFields.Field field : fields(system, method, path, spec, status)) {
            // read where every name on the field's path is a literal of the reader classes, named where the leaf is
            String leaf = field.path().substring(field.path().lastIndexOf('.') + 1).replace("[]", "");
            boolean all = true;
            for (String segment : field.path().replace("[]", "").split("\\.")) {
                if (!segment.isEmpty() && sources.stream().noneMatch(src -> src.contains("\"" + segment + "\""))) {
                    all = false;
                }
            }
            Set<String> where = new LinkedHashSet<>();
            for (int i = 0; all && i < sources.size(); i++) {
                if (sources.get(i).contains("\"" + leaf + "\"")) {
                    where.add(names.get(i));
                }
            }
            out.append("| `").append(field.path()).append("` | ").append(field.money() ? "yes" : "").append(" | ")
                    .append(where.isEmpty() ? "ignored" : "read").append(" | ")
                    .append(where.isEmpty() ? "" : String.join(", ", where)).append(" |\n");
        }
        return out.toString();
    }
}
