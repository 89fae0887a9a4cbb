package dev.partnerapps.application;

import java.util.List;

/** An API of the catalog (docs/product.md section 2) with the sensitive data groups beneath it. */
public record Api(String code, String name, String description, String requiresCode, List<SensitiveGroup> groups) {

    public record SensitiveGroup(String code, String name, String description) {
    }
}
