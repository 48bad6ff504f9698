package io.github.marketplace1c.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/contracts.md held to the specs and to the code: every operation the code calls has a section; every field
 * of its answer in the spec is listed; every money field (the rule in {@link AnswerFields}) is marked money and is
 * read or ignored with a reason. The next misreading of a spec (a fee field nobody looked at) fails here by name.
 */
class ContractsDocTest {

    private static final Path CODE = Path.of("src/main/java/io/github/marketplace1c");
    /** A path literal and whether code is glued before or after it ({@code "/v2/campaigns/" + id + ...}). */
    private static final Pattern PATH_LITERAL = Pattern.compile("(\\+\\s*)?\"(/(?:v\\d|api|content)[^\"]*)\"(\\s*\\+)?");
    private static final Pattern ENTITY_SET = Pattern.compile(
            "\"((?:Catalog|Document|InformationRegister|AccumulationRegister)_[^\"/]+)\"");

    private static final List<ContractsDoc.Operation> DOC = ContractsDoc.read();

    @Test
    void everyOperationTheCodeCallsHasASection() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String[] area : new String[][] {{"ozon", "ozon"}, {"wildberries", "wildberries"},
                {"yandexmarket", "yandex-market"}}) {
            List<String> paths = DOC.stream().filter(o -> o.system().equals(area[1])).map(o -> o.path()).toList();
            for (Path source : sources(area[0])) {
                Matcher literal = PATH_LITERAL.matcher(Files.readString(source));
                while (literal.find()) {
                    String path = literal.group(2).split("\\?")[0];
                    boolean glued = literal.group(1) != null || literal.group(3) != null || path.endsWith("/");
                    boolean covered = paths.stream().anyMatch(p -> glued ? p.contains(path) : p.equals(path));
                    if (!covered) {
                        missing.add(area[1] + " " + literal.group(2) + " (" + source.getFileName() + ")");
                    }
                }
            }
        }
        List<String> entitySets = DOC.stream().filter(o -> o.system().startsWith("1c")).map(o -> o.path()).toList();
        for (String area : List.of("onec", "inventory", "catalog")) {
            for (Path source : sources(area)) {
                Matcher literal = ENTITY_SET.matcher(Files.readString(source));
                while (literal.find()) {
                    String set = literal.group(1);
                    if (entitySets.stream().noneMatch(p -> p.equals(set) || p.startsWith(set + "/"))) {
                        missing.add("1c " + set + " (" + source.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("operations the code calls that docs/contracts.md has no section for").isEmpty();
    }

    @Test
    void everySectionNamesAnOperationItsSpecDeclares() {
        List<String> unknown = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (ContractsDoc.Operation op : DOC) {
            if (!keys.add(op.key())) {
                unknown.add(op.key() + ": listed twice");
            }
            if (!Files.isRegularFile(op.specFile())) {
                unknown.add(op.key() + ": no spec file " + op.specFile());
            } else if (!op.system().startsWith("1c") && !new SpecTree(op.specFile()).declares(op.method(), op.path())) {
                unknown.add(op.key() + ": " + op.spec() + " has no such operation");
            } else if (op.system().startsWith("1c") && OneCMetadata.fields(op.specFile(), op.path()) == null) {
                unknown.add(op.key() + ": " + op.spec() + " has no such object");
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(DOC).as("sections in docs/contracts.md").hasSizeGreaterThan(30);
    }

    /**
     * The heart of it: the answer's fields by the spec against the page's rows. Fails naming every field missing
     * (as a row ready to paste), every row the spec does not have, every money field not marked as such, and every
     * money field that is neither read nor ignored (or ignored without a reason).
     */
    @Test
    void everyFieldOfEveryAnswerIsListedAndEveryMoneyFieldDecided() {
        List<String> problems = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        int money = 0;
        for (ContractsDoc.Operation op : DOC) {
            Map<String, AnswerFields.Field> fields = new LinkedHashMap<>();
            for (AnswerFields.Field field : fields(op)) {
                fields.putIfAbsent(field.path(), field);
            }
            for (AnswerFields.Field field : fields.values()) {
                ContractsDoc.Row row = op.rows().get(field.path());
                if (row == null) {
                    problems.add(op.key() + ": not listed: | `" + field.path() + "` | " + (field.money() ? "yes" : "")
                            + " | ? | " + field.description() + " |");
                    continue;
                }
                if (field.money()) {
                    money++;
                    if (!row.money()) {
                        problems.add(op.key() + ": `" + field.path() + "` is money by the rule (line " + row.line()
                                + "): mark it yes and decide it");
                    }
                    if (row.use() == ContractsDoc.Use.PARKED || row.where().isBlank()) {
                        problems.add(op.key() + ": money field `" + field.path() + "` (line " + row.line()
                                + ") must be read (where) or ignored (why)");
                    }
                    if (row.where().startsWith("GAP")) {
                        gaps.add(op.key() + " `" + field.path() + "`");
                    }
                } else if (row.money()) {
                    problems.add(op.key() + ": `" + field.path() + "` (line " + row.line()
                            + ") is marked money but the rule says it is not: fix the rule or the row");
                }
            }
            for (ContractsDoc.Row row : op.rows().values()) {
                if (!fields.containsKey(row.path()) && !row.where().contains("not in the spec")) {
                    problems.add(op.key() + ": line " + row.line() + " lists `" + row.path()
                            + "`, which the spec's answer does not have");
                }
            }
        }
        gaps.forEach(gap -> System.out.println("docs/contracts.md GAP (money not booked yet): " + gap));
        assertThat(problems).as("docs/contracts.md against the specs").isEmpty();
        assertThat(money).as("money fields found in the answers we read").isGreaterThan(150);
    }

    static List<AnswerFields.Field> fields(ContractsDoc.Operation op) {
        if (op.system().startsWith("1c")) {
            return OneCMetadata.fields(op.specFile(), op.path());
        }
        var schema = new SpecTree(op.specFile()).answer(op.method(), op.path(), op.status());
        return schema == null ? List.of() : AnswerFields.of(schema);
    }

    private static List<Path> sources(String area) throws IOException {
        try (Stream<Path> files = Files.walk(CODE.resolve(area))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
