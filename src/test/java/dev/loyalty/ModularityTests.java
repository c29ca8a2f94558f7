package dev.loyalty;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featurePackagesOnlyUseEachOthersPublicApi() {
        ApplicationModules.of(LoyaltyApplication.class).verify();
    }
}
