package io.github.marketplace1c.sandbox.onec;

import io.github.marketplace1c.sandbox.SandboxData;

/**
 * The barcode register every emulated base starts with: {@code InformationRegister_ШтрихкодыНоменклатуры}, one record
 * per barcode of {@link SandboxData#barcodedItems()} (Штрихкод → Номенклатура, Характеристика). The register has the
 * same name in УНФ, УТ and КА; УТ/КА key it by the barcode alone (Номенклатура, Характеристика are resources), УНФ by
 * all its fields (they are dimensions there): the record is the same either way.
 */
final class OneCBarcodeSeed {

    static final String REGISTER = "InformationRegister_ШтрихкодыНоменклатуры";

    private OneCBarcodeSeed() {
    }

    static void seed(MetadataCatalog metadata, RegisterTables registers) {
        metadata.register(REGISTER).ifPresent(register -> {
            RegisterTables.Table table = registers.table(register);
            for (SandboxData.Item item : SandboxData.barcodedItems()) {
                table.record()
                        .set("Штрихкод", item.barcode())
                        .set("Номенклатура_Key", item.nomenclatureRef())
                        .setIfPresent("Характеристика_Key", item.characteristicRef())
                        .putRecord();
            }
        });
    }
}
