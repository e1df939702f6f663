package org.supportplans.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a OneRoster 1.2 CSV zip: the manifest, the files it names, the columns by header, bulk and delta rules. */
class OneRosterZipTest {

    private final OneRosterDistrict district = new OneRosterDistrict("t1", 1, 30, 10);

    @Test
    void aDistrictsExportIsReadFileByFileWithEachRowsLine() {
        List<OneRosterZip.Problem> problems = new ArrayList<>();
        OneRosterZip zip = OneRosterZip.read(district.zip(), problems);

        assertThat(problems).isEmpty();
        assertThat(zip.overall()).isEqualTo(OneRosterZip.Mode.BULK);
        assertThat(zip.rows("orgs")).hasSize(2);
        OneRosterZip.Row school = zip.rows("orgs").get(1);
        assertThat(school.line()).as("the header is line 1").isEqualTo(3);
        assertThat(school.get("type")).isEqualTo("school");
        assertThat(zip.rows("users")).hasSize(district.staffCount() + district.students());
        assertThat(zip.rows("users").get(0).get("metadata.title")).isEqualTo("Director of Special Education");
    }

    @Test
    void aNameWithACommaInQuotesIsOneValue() {
        Map<String, List<List<String>>> files = new LinkedHashMap<>(district.files);
        List<List<String>> orgs = new ArrayList<>(files.get("orgs"));
        List<String> renamed = new ArrayList<>(orgs.get(1));
        renamed.set(3, "Lincoln, Abraham Elementary");
        orgs.set(1, renamed);
        files.put("orgs", orgs);
        byte[] zip = OneRosterDistrict.zip(files, district.manifest);
        List<OneRosterZip.Problem> problems = new ArrayList<>();

        OneRosterZip read = OneRosterZip.read(zip, problems);

        assertThat(problems).isEmpty();
        assertThat(read.rows("orgs").get(0).get("name")).isEqualTo("Lincoln, Abraham Elementary");
    }

    @Test
    void aBulkRowWithAStatusAndADeltaRowWithoutOneAreNamed() {
        Map<String, List<List<String>>> files = new LinkedHashMap<>(district.files);
        List<List<String>> users = new ArrayList<>(files.get("users"));
        List<String> active = new ArrayList<>(users.get(2));
        active.set(1, "active");
        users.set(2, active);
        files.put("users", users);
        List<OneRosterZip.Problem> problems = new ArrayList<>();

        OneRosterZip.read(OneRosterDistrict.zip(files, district.manifest), problems);

        assertThat(problems)
                .containsExactly(new OneRosterZip.Problem("users.csv", 3, "status must be blank in a bulk file."));

        Map<String, List<List<String>>> delta = Map.of("users", List.of(users.get(0), users.get(5)));
        problems.clear();
        OneRosterZip.read(OneRosterDistrict.zip(delta, OneRosterDistrict.deltaManifest(List.of("users"))), problems);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("active or tobedeleted");
        });
    }

    @Test
    void whatIsNotARosterIsRefusedWithWhy() {
        List<OneRosterZip.Problem> problems = new ArrayList<>();
        OneRosterZip.read("not a zip".getBytes(StandardCharsets.UTF_8), problems);
        assertThat(problems)
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("zip"));

        Map<String, String> version11 = new LinkedHashMap<>(district.manifest);
        version11.put("oneroster.version", "1.1");
        problems.clear();
        OneRosterZip.read(OneRosterDistrict.zip(district.files, version11), problems);
        assertThat(problems).anySatisfy(problem -> assertThat(problem.message()).contains("reads OneRoster 1.2"));

        Map<String, List<List<String>>> withoutUsers = new LinkedHashMap<>(district.files);
        withoutUsers.remove("users");
        problems.clear();
        OneRosterZip.read(OneRosterDistrict.zip(withoutUsers, district.manifest), problems);
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("users.csv");
            assertThat(problem.message()).contains("no such file");
        });
    }
}
