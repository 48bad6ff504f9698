package io.github.marketplace1c.sandbox.onec;

/**
 * A minimal {@code $metadata} document in the shape of a real 1C one (namespace {@code StandardODATA}, container
 * {@code EnterpriseV8}, a {@code _RowType} complex type per tabular section, bound Post/Unpost function imports),
 * so that clients that read $metadata to discover property names see the emulator's model. Navigation properties,
 * associations and enum types are left out.
 */
final class EdmxWriter {

    private EdmxWriter() {
    }

    static String write(MetadataCatalog metadata) {
        StringBuilder xml = new StringBuilder(64 * 1024);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<edmx:Edmx xmlns:edmx=\"http://schemas.microsoft.com/ado/2007/06/edmx\" Version=\"1.0\">\n")
                .append("<edmx:DataServices xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\"")
                .append(" m:DataServiceVersion=\"3.0\" m:MaxDataServiceVersion=\"3.0\">\n")
                .append("<Schema xmlns=\"http://schemas.microsoft.com/ado/2009/11/edm\" Namespace=\"StandardODATA\">\n");
        for (EntitySet set : metadata.entitySets()) {
            xml.append("<EntityType Name=\"").append(set.name()).append("\" OpenType=\"true\"><Key>");
            xml.append("<PropertyRef Name=\"Ref_Key\"/>");
            if (set.isTabularSection()) {
                xml.append("<PropertyRef Name=\"LineNumber\"/>");
            }
            xml.append("</Key>\n");
            set.properties().values().forEach(p -> property(xml, p));
            set.tabularSections().forEach((ts, rows) -> xml.append("<Property Name=\"").append(ts)
                    .append("\" Type=\"Collection(StandardODATA.").append(rows.name()).append("_RowType)\" Nullable=\"true\"/>\n"));
            xml.append("</EntityType>\n");
            if (set.isTabularSection()) {
                xml.append("<ComplexType Name=\"").append(set.name()).append("_RowType\">\n");
                set.properties().values().forEach(p -> property(xml, p));
                xml.append("</ComplexType>\n");
            }
        }
        xml.append("<EntityContainer Name=\"EnterpriseV8\" m:IsDefaultEntityContainer=\"true\">\n");
        for (EntitySet set : metadata.entitySets()) {
            xml.append("<EntitySet Name=\"").append(set.name()).append("\" EntityType=\"StandardODATA.")
                    .append(set.name()).append("\"/>\n");
        }
        for (String function : new String[] {"Post", "Unpost"}) {
            for (EntitySet set : metadata.entitySets()) {
                if (set.isDocument()) {
                    xml.append("<FunctionImport Name=\"").append(function)
                            .append("\" IsBindable=\"true\" IsSideEffecting=\"true\">")
                            .append("<Parameter Name=\"bindingParameter\" Type=\"StandardODATA.").append(set.name())
                            .append("\"/>");
                    if (function.equals("Post")) {
                        xml.append("<Parameter Name=\"PostingModeOperational\" Type=\"Edm.Boolean\"/>");
                    }
                    xml.append("</FunctionImport>\n");
                }
            }
        }
        xml.append("</EntityContainer>\n</Schema>\n</edmx:DataServices>\n</edmx:Edmx>\n");
        return xml.toString();
    }

    private static void property(StringBuilder xml, Property property) {
        boolean key = property.name().equals("Ref_Key") || property.name().equals("LineNumber");
        xml.append("<Property Name=\"").append(property.name()).append("\" Type=\"").append(property.kind().edmType())
                .append("\" Nullable=\"").append(!key).append("\"/>\n");
    }
}
