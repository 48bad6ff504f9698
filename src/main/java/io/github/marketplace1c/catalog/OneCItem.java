package io.github.marketplace1c.catalog;

import java.util.List;

/**
 * A 1C item a marketplace product can be mapped to: a nomenclature (Catalog_Номенклатура), with one of its
 * characteristics (Catalog_ХарактеристикиНоменклатуры) when it has them, and the barcodes the base's barcode register
 * (InformationRegister_ШтрихкодыНоменклатуры) holds for exactly that pair.
 *
 * @param characteristicRef null when the item is the nomenclature itself
 */
public record OneCItem(String nomenclatureRef, String characteristicRef, String code, String name, String article,
                       String characteristicName, List<String> barcodes) {

    public OneCItem {
        barcodes = barcodes == null ? List.of() : List.copyOf(barcodes);
    }

    /** "Футболка хлопковая «Берёзка», Размер M" */
    public String fullName() {
        return characteristicName == null || characteristicName.isBlank() ? name : name + ", " + characteristicName;
    }

    /** The pair as one key: nomenclature/characteristic ("" for none). */
    public String pairKey() {
        return nomenclatureRef + "/" + (characteristicRef == null ? "" : characteristicRef);
    }
}
