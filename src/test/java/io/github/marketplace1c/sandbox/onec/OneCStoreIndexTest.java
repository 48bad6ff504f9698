package io.github.marketplace1c.sandbox.onec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.marketplace1c.sandbox.onec.OneCEmulator.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's equality index answers a {@code $filter} exactly as the scan does (same documents, same order), and
 * stays right after creates, updates and deletes. Each filter is answered twice on the same store: through the
 * index (the compiled filter's conjunct constraints) and by the scan (no constraints), and the answers compared,
 * and the index's answer is also checked against the documents a user expects to find.
 */
class OneCStoreIndexTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ORG = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String OTHER_ORG = "aaaaaaaa-0000-0000-0000-000000000002";

    private OneCStore store;
    private EntitySet orders;

    @BeforeEach
    void setUp() {
        store = new OneCStore();
        orders = MetadataCatalog.forConfiguration(Configuration.UT).entitySet("Document_ЗаказКлиента").orElseThrow();
    }

    private String order(String externalNumber, String organisation) {
        String ref = UUID.randomUUID().toString();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("Ref_Key", ref);
        o.put("Number", store.nextNumber(orders, "Number"));
        o.put("НомерПоДаннымКлиента", externalNumber);
        o.put("Организация_Key", organisation);
        o.put("DeletionMark", false);
        store.insert(orders, o);
        return ref;
    }

    /** The index's answer, after checking that it equals the scan's for the same filter. */
    private List<String> refs(String filter) {
        ODataFilter.Compiled compiled = ODataFilter.compile(filter, orders, "$filter");
        assertThat(compiled.conjuncts()).as("the filter gives the index something to use").isNotEmpty();
        List<ObjectNode> indexed = store.list(orders, ODataFilter.objects(compiled), compiled.conjuncts());
        List<ObjectNode> scanned = store.list(orders, ODataFilter.objects(compiled));
        assertThat(indexed).isEqualTo(scanned);
        return indexed.stream().map(o -> o.path("Ref_Key").asText()).toList();
    }

    private static String lookUp(String number, String organisation) {
        return "НомерПоДаннымКлиента eq '" + number + "' and Организация_Key eq guid'" + organisation
                + "' and DeletionMark eq false";
    }

    @Test
    void lookUpByExternalNumberFindsTheSameDocumentsAsTheScan() {
        String first = order("0134-1", ORG);
        order("0134-2", ORG);
        String otherOrgSameNumber = order("0134-1", OTHER_ORG);
        String second = order("0134-1", ORG);

        assertThat(refs(lookUp("0134-1", ORG))).containsExactly(first, second); // insertion order, as the scan
        assertThat(refs(lookUp("0134-1", OTHER_ORG))).containsExactly(otherOrgSameNumber);
        assertThat(refs(lookUp("0134-9", ORG))).isEmpty();
        // an or of equalities on the indexed property, and a GUID literal written in upper case
        assertThat(refs("(НомерПоДаннымКлиента eq '0134-2' or НомерПоДаннымКлиента eq '0134-1') and Организация_Key eq guid'"
                + ORG.toUpperCase() + "'")).hasSize(3);
    }

    @Test
    void indexFollowsUpdatesAndDeletes() {
        String ref = order("0134-1", ORG);
        assertThat(refs(lookUp("0134-1", ORG))).containsExactly(ref); // builds the index

        store.update(orders, ref, o -> o.put("НомерПоДаннымКлиента", "0134-7"));
        assertThat(refs(lookUp("0134-1", ORG))).isEmpty();
        assertThat(refs(lookUp("0134-7", ORG))).containsExactly(ref);

        store.update(orders, ref, o -> o.put("DeletionMark", true));
        assertThat(refs(lookUp("0134-7", ORG))).isEmpty(); // still a candidate, the rest of the filter excludes it

        String later = order("0134-7", ORG);
        assertThat(refs(lookUp("0134-7", ORG))).containsExactly(later);

        assertThat(store.delete(orders, later)).isTrue();
        assertThat(refs(lookUp("0134-7", ORG))).isEmpty();
        assertThat(refs("НомерПоДаннымКлиента eq '0134-7'")).containsExactly(ref);
    }

    @Test
    void updateThatFailsLeavesTheIndexAsItWas() {
        String ref = order("0134-1", ORG);
        refs(lookUp("0134-1", ORG));
        try {
            store.update(orders, ref, o -> {
                o.put("НомерПоДаннымКлиента", "0134-5");
                throw new IllegalStateException("rejected");
            });
        } catch (IllegalStateException expected) {
            // the change is rolled back
        }
        assertThat(refs(lookUp("0134-1", ORG))).containsExactly(ref);
        assertThat(refs(lookUp("0134-5", ORG))).isEmpty();
    }

    @Test
    void aValueStoredAsANumberIsStillFoundAsTheScanFindsIt() {
        String ref = order("x", ORG);
        refs("НомерПоДаннымКлиента eq 'x'");
        store.update(orders, ref, o -> o.put("НомерПоДаннымКлиента", 42)); // not text: kept a candidate of any value
        assertThat(refs("НомерПоДаннымКлиента eq '42'")).containsExactly(ref);
        assertThat(refs("НомерПоДаннымКлиента eq 'x'")).isEmpty();
    }

    @Test
    void newDocumentNumbersSkipNumbersAlreadyTaken() {
        ObjectNode taken = MAPPER.createObjectNode();
        taken.put("Ref_Key", UUID.randomUUID().toString());
        taken.put("Number", OneCStore.format(1, orders.numberOrCodeLength()));
        store.insert(orders, taken);

        assertThat(store.nextNumber(orders, "Number")).isEqualTo(OneCStore.format(2, orders.numberOrCodeLength()));
    }
}
