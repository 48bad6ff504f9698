package io.github.marketplace1c.catalog;

import io.github.marketplace1c.account.Account;
import java.util.List;
import java.util.function.IntConsumer;

/** Reads an account's whole product catalog from its marketplace, page by page. */
public interface MarketplaceCatalog {

    String marketplace();

    /**
     * @param progress told the number of products read so far after each page
     */
    List<MarketplaceProduct> read(Account account, IntConsumer progress);
}
