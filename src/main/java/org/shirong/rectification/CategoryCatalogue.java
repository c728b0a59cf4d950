package org.shirong.rectification;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.shirong.organization.Organizations;
import org.shirong.system.ConfigFile;
import org.shirong.system.ConfigYaml;
import org.shirong.system.StartupRefusals;
import org.shirong.system.StartupRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The problem categories of each organisation's {@code categories.yaml} (else {@code _defaults/categories.yaml}),
 * read and checked once at start-up; a mistake in a file refuses start-up with a message naming the file and the field.
 */
@Component
public class CategoryCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(CategoryCatalogue.class);
    /** The start-up stage that reads the categories; what reads an organisation's categories skips it when refused. */
    public static final String STAGE = "categories";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final ObjectMapper YAML = ConfigYaml.mapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Map<String, List<Category>> categories = new HashMap<>();
    private final Map<String, CategoryNames> names = new HashMap<>();
    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, CaseSources> sources = new HashMap<>();

    CategoryCatalogue(Organizations organizations) {
        StartupRefusals.Stage stage = StartupRefusals.stage(STAGE);
        for (String organization : organizations.ids()) {
            String file = organizations.file(organization, "categories.yaml");
            Read read = stage.get(organization, () -> ConfigFile.read(file, "问题类别文件", CategoryCatalogue::readFile,
                    CategoryCatalogue::refused)).orElse(null);
            if (read == null) {
                continue;
            }
            List<Category> own = read.categories();
            categories.put(organization, own);
            sources.put(organization, read.sources());
            organizations.find(organization).map(o -> o.organization().parent()).ifPresent(p -> parents.put(organization, p));
            Map<String, String> nameByCode = new LinkedHashMap<>();
            own.stream().filter(Category::applicable).forEach(c -> nameByCode.put(c.code(), c.name()));
            names.put(organization, new CategoryNames(nameByCode));
            LOG.info("{}：已读取 {} 个问题类别（{}）", organization, own.size(), file);
        }
        stage.end();
    }

    /** The organisation's categories in file order, including plan items marked not applicable ({@link Category#applicable()}). */
    public List<Category> all(String organization) {
        List<Category> own = categories.get(organization);
        if (own == null) {
            throw new IllegalArgumentException("没有组织 " + organization);
        }
        return own;
    }

    /** The case sources the organisation uses (the {@code sources:} block of its categories.yaml). */
    public CaseSources sources(String organization) {
        all(organization);
        return sources.get(organization);
    }

    /** The organisation's applicable categories, as staff may name them in a typed line. */
    public CategoryNames names(String organization) {
        all(organization);
        return names.get(organization);
    }

    /**
     * The category {@code code} of the organisation; for a town or street, also one of its district's that it has none of
     * itself: a town's self-inspection findings in the district's campaign are the town's own cases under the district's
     * categories (the campaign's 整治项目), which the town's dispatch table leaves to its office ({@code RectificationCases}).
     * Staff still choose (and type) only their own organisation's categories ({@link #all}, {@link #names}).
     */
    public Optional<Category> find(String organization, String code) {
        Optional<Category> own = all(organization).stream().filter(c -> c.code().equals(code)).findFirst();
        String parent = parents.get(organization);
        if (own.isPresent() || parent == null || !categories.containsKey(parent)) {
            return own;
        }
        return categories.get(parent).stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * The applicable categories of the district {@code organization} (a town or street) belongs to, empty for an
     * organisation without one: those a town's own self-inspection case for the district's campaign is filed under
     * (sjreview D2), offered by the 上报问题 page once that campaign is chosen.
     */
    public List<Category> ofDistrict(String organization) {
        all(organization);
        String parent = parents.get(organization);
        return parent == null || !categories.containsKey(parent) ? List.of()
                : categories.get(parent).stream().filter(Category::applicable).toList();
    }

    static List<Category> load(String file) {
        return ConfigFile.read(file, "问题类别文件", CategoryCatalogue::read, CategoryCatalogue::refused);
    }

    static List<Category> read(InputStream in, String fileName) {
        return readFile(in, fileName).categories();
    }

    /** A categories.yaml read and checked: its categories and its case sources. */
    private record Read(List<Category> categories, CaseSources sources) {
    }

    private static Read readFile(InputStream in, String fileName) {
        CatalogueFile content = null;
        try (JsonParser parser = YAML.createParser(in)) {
            if (parser.nextToken() != null) {
                content = YAML.readValue(parser, CatalogueFile.class);
            }
        } catch (JsonMappingException e) {
            throw refused(fileName, List.of(ConfigYaml.isSyntax(e) ? ConfigYaml.problem(e) : describe(e)));
        } catch (IOException e) {
            throw refused(fileName, List.of(ConfigYaml.problem(e)));
        }
        if (content == null || content.categories() == null || content.categories().isEmpty()) {
            throw refused(fileName, List.of("categories: 至少需要一个类别"));
        }
        List<String> problems = check(content.categories());
        CaseSources caseSources = sources(content.sources(), problems);
        if (!problems.isEmpty()) {
            throw refused(fileName, problems);
        }
        return new Read(content.categories().stream()
                .map(e -> new Category(e.code(), e.name(), e.group(), e.items(), !Boolean.FALSE.equals(e.applicable()), e.item()))
                .toList(), caseSources);
    }

    /** The {@code sources:} block checked: known sources, not 会议决定, the import default among those offered. */
    private static CaseSources sources(SourcesFile file, List<String> problems) {
        if (file == null) {
            return CaseSources.ALL;
        }
        List<CaseSource> offered = new ArrayList<>();
        List<String> given = file.offered() == null ? List.of() : file.offered();
        if (given.isEmpty()) {
            problems.add("sources.offered: 至少列出一个案件来源（" + CaseSources.ALL.choices() + "）");
        }
        for (int i = 0; i < given.size(); i++) {
            var source = CaseSource.of(given.get(i));
            if (source.isEmpty()) {
                problems.add("sources.offered[%d]: \"%s\" 不是已知的案件来源（%s）".formatted(i, given.get(i), CaseSources.ALL.choices()));
            } else if (source.get() == CaseSource.MEETING) {
                problems.add("sources.offered[%d]: 会议决定不用列出：会议记录中的决定事项由系统立案".formatted(i));
            } else if (!offered.contains(source.get())) {
                offered.add(source.get());
            }
        }
        CaseSource importDefault = null;
        if (file.importDefault() != null) {
            importDefault = CaseSource.of(file.importDefault()).orElse(null);
            if (importDefault == null || !offered.contains(importDefault)) {
                problems.add("sources.import-default: \"" + file.importDefault() + "\" 须是 sources.offered 中的一项；"
                        + "不填则导入文件必须写明来源");
            }
        }
        return new CaseSources(offered, importDefault, labels(file.labels(), problems));
    }

    /** The {@code sources.labels} block checked: a known source each, named in one line of at most 20 characters. */
    private static Map<CaseSource, String> labels(Map<String, String> given, List<String> problems) {
        Map<CaseSource, String> labels = new java.util.EnumMap<>(CaseSource.class);
        if (given == null) {
            return labels;
        }
        given.forEach((code, label) -> {
            CaseSource source = java.util.Arrays.stream(CaseSource.values()).filter(s -> s.name().equals(code)).findFirst()
                    .orElse(null);
            if (source == null) {
                problems.add("sources.labels.%s: 不是已知的案件来源代码（%s）".formatted(code, CaseSources.ALL.choices()));
            } else if (label == null || label.isBlank() || label.strip().length() > 20 || label.chars().anyMatch(Character::isISOControl)) {
                problems.add("sources.labels.%s: 写本组织对该来源的称呼，一行、不超过 20 个字".formatted(code));
            } else if (labels.containsValue(label.strip())) {
                problems.add("sources.labels.%s: “%s”已是另一来源的称呼".formatted(code, label.strip()));
            } else {
                labels.put(source, label.strip());
            }
        });
        return labels;
    }

    private static List<String> check(List<Entry> entries) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> firstIndexByCode = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String at = "categories[" + i + "]";
            if (entry == null) {
                problems.add(at + ": 空条目");
                continue;
            }
            if (blank(entry.code())) {
                problems.add(at + ".code: 必须填写");
            } else if (!CODE.matcher(entry.code()).matches()) {
                problems.add(at + ".code: \"" + entry.code() + "\" 只能使用大写英文字母、数字和下划线，并以字母开头（例如 EXPOSED_GARBAGE）");
            } else if (firstIndexByCode.putIfAbsent(entry.code(), i) != null) {
                problems.add("%s.code: \"%s\" 与 categories[%d] 重复".formatted(at, entry.code(), firstIndexByCode.get(entry.code())));
            }
            if (blank(entry.name())) {
                problems.add(at + ".name: 必须填写中文名称");
            }
            if (entry.group() == null) {
                problems.add(at + ".group: 必须填写分组（" + groupNames() + "）");
            }
            checkItems(problems, at, entry);
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry != null && entry.item() != null) {
                checkPlanItem(problems, "categories[" + i + "].item", entry, entries);
            }
        }
        return problems;
    }

    /** A category's {@code item}: another applicable category of the file that counts toward no item itself. */
    private static void checkPlanItem(List<String> problems, String at, Entry entry, List<Entry> entries) {
        Entry item = entries.stream().filter(e -> e != null && entry.item().equals(e.code())).findFirst().orElse(null);
        if (item == null) {
            problems.add(at + ": 本文件中没有类别 \"" + entry.item() + "\"（写整治项目的类别代码，如 REGULATE_ROAD_OCCUPYING_BUSINESS）");
        } else if (item == entry) {
            problems.add(at + ": 不能写本类别自己");
        } else if (Boolean.FALSE.equals(item.applicable())) {
            problems.add(at + ": \"" + entry.item() + "\"（" + item.name() + "）方案标注不适用，不能计入");
        } else if (item.item() != null) {
            problems.add(at + ": \"" + entry.item() + "\"（" + item.name() + "）本身计入另一项目，请直接写它计入的项目");
        }
    }

    private static void checkItems(List<String> problems, String at, Entry entry) {
        List<String> items = entry.items() == null ? List.of() : entry.items();
        if (entry.group() == CategoryGroup.SURVEY && items.isEmpty()) {
            problems.add(at + ".items: 满意度测评类别必须列出小项");
        } else if (entry.group() != null && entry.group() != CategoryGroup.SURVEY && !items.isEmpty()) {
            problems.add(at + ".items: 只有满意度测评（SURVEY）类别有小项");
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < items.size(); k++) {
            String item = items.get(k);
            if (blank(item)) {
                problems.add("%s.items[%d]: 小项名称不能为空".formatted(at, k));
            } else if (!seen.add(item)) {
                problems.add("%s.items[%d]: \"%s\" 重复".formatted(at, k, item));
            }
        }
    }

    private static String describe(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        var location = e.getLocation();
        String message = e instanceof InvalidFormatException invalid && invalid.getTargetType() == CategoryGroup.class
                ? "\"" + invalid.getValue() + "\" 不是已知的分组（" + groupNames() + "）"
                : e.getOriginalMessage();
        return "%s（第 %d 行）: %s".formatted(field.isEmpty() ? "文件" : field, location == null ? 0 : location.getLineNr(), message);
    }

    private static String groupNames() {
        return Arrays.stream(CategoryGroup.values()).map(g -> g.name() + " " + g.label()).collect(Collectors.joining("、"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static StartupRefusedException refused(String fileName, List<String> problems) {
        return new StartupRefusedException("问题类别文件 " + fileName + " 有误：\n  - " + String.join("\n  - ", problems),
                "请修改该文件后重新启动。");
    }

    record CatalogueFile(List<Entry> categories, SourcesFile sources) {
    }

    record SourcesFile(List<String> offered, String importDefault, Map<String, String> labels) {
    }

    record Entry(String code, String name, CategoryGroup group, List<String> items, Boolean applicable, String item) {
    }
}
