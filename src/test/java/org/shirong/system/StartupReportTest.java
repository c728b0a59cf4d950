package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shirong.organization.OrganizationRecords.Person;

@SharesJvm
class StartupReportTest {

    @Test
    void theDemoAccountsKeepTheirNamesInOneColumnWhateverTheLengthOfTheIds() {
        String lines = StartupReport.accounts(List.of(new Person("zzshirongban1", "李主任", null),
                new Person("zzlvhua1", "赵站长", null)));
        assertThat(lines).isEqualTo("    zzshirongban1  李主任\n    zzlvhua1       赵站长\n");
    }
}
