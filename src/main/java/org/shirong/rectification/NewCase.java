package org.shirong.rectification;

import java.math.BigDecimal;
import org.shirong.system.TextInput;

/**
 * A problem reported through the API or an import row: the fields of {@code POST /api/cases}. {@code campaign}
 * (optional): the code of the campaign that found it, which then counts it as its own work; {@code subItem}
 * (optional): the 小项 of a survey category it concerns. {@code source} and {@code urgency} may be written as their
 * codes or as a town writes them (满意度测评, 12345, 紧急 …, see {@link CaseSource#of}, {@link Urgency#of}); they are
 * kept as codes, and what neither knows is kept as written, for the check to name. {@code externalRef} is kept as
 * {@link TextInput#reference} writes it, so that the check of Shirong's own namespaces, the look-up of the case that
 * holds it and the stored number all see the same number, whatever invisible characters or full-width forms it came
 * with (s53 S1: "12345-0001\u200B" was a second case for 12345-0001).
 */
public record NewCase(String title, String category, String urgency, String source, Location location,
        String description, String externalRef, String campaign, String subItem) {

    public NewCase {
        urgency = Urgency.of(urgency).map(Enum::name).orElse(urgency);
        source = CaseSource.of(source).map(Enum::name).orElse(source);
        externalRef = TextInput.reference(externalRef);
    }

    public NewCase(String title, String category, String urgency, String source, Location location, String description,
            String externalRef) {
        this(title, category, urgency, source, location, description, externalRef, null, null);
    }

    /**
     * Where the problem is. {@code territory} (optional): the organisation (town or street) it lies in, by id
     * or name, resolved by {@link TerritoryDirectory}; absent means the case's own organisation.
     * {@code community} (optional): the 社区, 村 or 网格, as free text.
     */
    public record Location(String address, BigDecimal lat, BigDecimal lng, String gridCell, String territory,
            String community) {

        public Location(String address, BigDecimal lat, BigDecimal lng, String gridCell) {
            this(address, lat, lng, gridCell, null, null);
        }
    }
}
