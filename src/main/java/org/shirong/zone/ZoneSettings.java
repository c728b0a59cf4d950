package org.shirong.zone;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shirong.calendar.TimeLimit;
import org.shirong.organization.OrganizationRoles;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CategoryCatalogue;
import org.shirong.system.ConfigFile;
import org.shirong.system.ConfigYaml;
import org.shirong.system.StartupRefusals;
import org.shirong.system.StartupRefusedException;
import org.springframework.stereotype.Component;

/**
 * Each organisation's zone settings, read and checked once at start-up: a mistake refuses start-up naming the file and
 * the field. The 责任区（门责）module is the Shanghai regime (上海市市容环境卫生管理条例 §11–13): an organisation has it when
 * its folder has a {@code zones.yaml}, or, having none, when its district has one, and then {@code _defaults/zones.yaml}
 * applies (松江's towns and streets). An organisation elsewhere that configured none (锦溪镇, 江苏昆山) has no zones.
 */
@Component
class ZoneSettings {

    /**
     * One organisation's settings; {@code enforcementUnit} with {@code @office} already resolved to its office,
     * {@code legalBasis} the regulation its 告知书, 档案 and 移交执法 cite.
     */
    record Settings(String enforcementUnit, String handoverCategory, Ladder ladder, LegalBasis legalBasis, NoticeLimits notice) {
    }

    /**
     * How long after a 告知书 is issued its 送达 and its 上墙 are due ({@code notice.delivery-limit}, {@code notice.posting-limit}):
     * the tasks' due dates, and from when the notice counts in the unit's 送达率 and 上墙率 (jtreview-s56 T1).
     */
    record NoticeLimits(TimeLimit delivery, TimeLimit posting) {

        /** Unset in the file: 5 working days to deliver, 10 to post (inferred; the plan sets no limit). */
        static final NoticeLimits DEFAULT = new NoticeLimits(TimeLimit.parse("5 工作日"), TimeLimit.parse("10 工作日"));
    }

    /**
     * The law the organisation's zones rest on: {@code regulation} its title in 《》, {@code articles} the articles,
     * {@code duty} who bears the zone's duty, {@code penalty} what follows a breach, {@code handover} the 移交执法 in short.
     * Public: the notice and file templates read it.
     */
    public record LegalBasis(String regulation, String articles, String duty, String penalty, String handover) {
    }

    /** The 门责 ladder: the limit after each level (1 告知劝导, 2 黄牌, 3 红牌) and when repeats start higher. */
    record Ladder(TimeLimit adviceLimit, TimeLimit yellowCardLimit, TimeLimit redCardLimit, int repeatWindowDays,
            int repeatStartYellow, int repeatStartRed) {

        TimeLimit limit(int level) {
            return switch (level) {
                case 1 -> adviceLimit;
                case 2 -> yellowCardLimit;
                case 3 -> redCardLimit;
                default -> throw new IllegalArgumentException("门责处置没有第 " + level + " 级");
            };
        }
    }

    private static final ObjectMapper YAML = ConfigYaml.mapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Map<String, Settings> byOrganization = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    ZoneSettings(Organizations organizations, OrganizationRoles roles, CategoryCatalogue catalogue) {
        StartupRefusals.Stage stage = StartupRefusals.stage("zones");
        for (String id : organizations.ids()) {
            names.put(id, organizations.of(id).name());
            String district = organizations.of(id).organization().parent();
            boolean own = organizations.ownFile(id, "zones.yaml").isPresent();
            if (!own && (district == null || organizations.ownFile(district, "zones.yaml").isEmpty())) {
                continue; // no zones here: not configured, nor a town of a district that has them
            }
            if (StartupRefusals.failed(CategoryCatalogue.STAGE, id)) {
                continue; // a check: its categories are refused, and the hand-over category is one of them
            }
            stage.run(id, () -> byOrganization.put(id, settings(organizations, roles, catalogue, id)));
        }
        stage.end();
    }

    /** The organisation's settings from its (or its district's) zones.yaml, checked. */
    private static Settings settings(Organizations organizations, OrganizationRoles roles, CategoryCatalogue catalogue, String id) {
        String file = organizations.file(id, "zones.yaml");
        SettingsFile read = ConfigFile.read(file, "责任区设置文件", ZoneSettings::read, ZoneSettings::refused);
        List<String> problems = new ArrayList<>();
        String unit = roles.resolve(id, read.enforcementUnit());
        if (unit == null || unit.isBlank()) {
            problems.add("enforcement-unit: 必须填写（组 id，或 \"@office\" 即本组织的办公室）");
        } else if (!organizations.groupNames(id).containsKey(unit)) {
            problems.add("enforcement-unit: 组织 " + id + " 没有组 \"" + unit + "\"");
        }
        if (read.handoverCategory() == null || catalogue.find(id, read.handoverCategory()).isEmpty()) {
            problems.add("handover-category: 组织 " + id + " 的问题类别中没有 \"" + read.handoverCategory() + "\"");
        }
        Ladder ladder = ladder(read.ladder(), problems);
        LegalBasis basis = legalBasis(read.legalBasis(), problems);
        NoticeLimits notice = notice(read.notice(), problems);
        if (!problems.isEmpty()) {
            throw refused(file + "（组织 " + id + "）", problems);
        }
        return new Settings(unit, read.handoverCategory(), ladder, basis, notice);
    }

    /** Whether the organisation has the 责任区 module (see the class comment). */
    boolean enabled(String organization) {
        return byOrganization.containsKey(organization);
    }

    /** Why an organisation without zones has none, as a refusal says it. */
    String offReason(String organization) {
        return names.getOrDefault(organization, organization) + "未开展市容环境卫生责任区（门责）管理，没有责任区功能"
                + "（如需开展，请管理员在本组织的配置文件夹中建立 zones.yaml，写明执法单位、处置阶梯和所依据的法规）";
    }

    /** The settings of an organisation that has zones ({@link #enabled}). */
    Settings of(String organization) {
        Settings settings = byOrganization.get(organization);
        if (settings == null) {
            throw new IllegalArgumentException(names.containsKey(organization) ? offReason(organization) : "没有组织 " + organization);
        }
        return settings;
    }

    private static LegalBasis legalBasis(LegalBasisFile b, List<String> problems) {
        if (b == null) {
            problems.add("legal-basis: 必须写明责任区所依据的法规（regulation、articles、duty、penalty、handover）");
            return null;
        }
        List<String> missing = new ArrayList<>();
        if (blank(b.regulation())) {
            missing.add("regulation");
        }
        if (blank(b.articles())) {
            missing.add("articles");
        }
        if (blank(b.duty())) {
            missing.add("duty");
        }
        if (blank(b.penalty())) {
            missing.add("penalty");
        }
        if (blank(b.handover())) {
            missing.add("handover");
        }
        missing.forEach(field -> problems.add("legal-basis." + field + ": 必须填写"));
        return missing.isEmpty() ? new LegalBasis(b.regulation().strip(), b.articles().strip(), b.duty().strip(),
                b.penalty().strip(), b.handover().strip()) : null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Ladder ladder(LadderFile l, List<String> problems) {
        if (l == null) {
            problems.add("ladder: 必须填写");
            return null;
        }
        TimeLimit advice = limit("ladder.advice-limit", l.adviceLimit(), problems);
        TimeLimit yellow = limit("ladder.yellow-card-limit", l.yellowCardLimit(), problems);
        TimeLimit red = limit("ladder.red-card-limit", l.redCardLimit(), problems);
        if (l.repeatWindowDays() == null || l.repeatWindowDays() < 1) {
            problems.add("ladder.repeat-window-days: 须为至少 1 的天数");
        }
        if (l.repeatStartYellow() == null || l.repeatStartYellow() < 2) {
            problems.add("ladder.repeat-start-yellow: 须为至少 2 的次数");
        } else if (l.repeatStartRed() == null || l.repeatStartRed() <= l.repeatStartYellow()) {
            problems.add("ladder.repeat-start-red: 须大于 repeat-start-yellow（" + l.repeatStartYellow() + "）");
        }
        return problems.isEmpty() ? new Ladder(advice, yellow, red, l.repeatWindowDays(), l.repeatStartYellow(),
                l.repeatStartRed()) : null;
    }

    private static NoticeLimits notice(NoticeFile n, List<String> problems) {
        if (n == null) {
            return NoticeLimits.DEFAULT;
        }
        TimeLimit delivery = n.deliveryLimit() == null ? NoticeLimits.DEFAULT.delivery()
                : limit("notice.delivery-limit", n.deliveryLimit(), problems);
        TimeLimit posting = n.postingLimit() == null ? NoticeLimits.DEFAULT.posting()
                : limit("notice.posting-limit", n.postingLimit(), problems);
        if (delivery != null && posting != null && delivery.unit() == posting.unit()
                && posting.amount() < delivery.amount()) {
            problems.add("notice.posting-limit: 上墙期限（" + posting.label() + "）不能短于送达期限（" + delivery.label()
                    + "）：两者都从印发时算起，先送达再上墙");
        }
        return new NoticeLimits(delivery, posting);
    }

    private static TimeLimit limit(String field, String text, List<String> problems) {
        try {
            return TimeLimit.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(field + ": " + e.getMessage());
            return null;
        }
    }

    private static SettingsFile read(InputStream in, String fileName) {
        try (JsonParser parser = YAML.createParser(in)) {
            SettingsFile content = parser.nextToken() == null ? null : YAML.readValue(parser, SettingsFile.class);
            if (content == null) {
                throw refused(fileName, List.of("文件是空的"));
            }
            return content;
        } catch (JsonMappingException e) {
            if (ConfigYaml.isSyntax(e)) {
                throw refused(fileName, List.of(ConfigYaml.problem(e)));
            }
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw refused(fileName, List.of((field.isEmpty() ? "文件" : field) + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw refused(fileName, List.of(ConfigYaml.problem(e)));
        }
    }

    private static StartupRefusedException refused(String fileName, List<String> problems) {
        return new StartupRefusedException("责任区设置文件 " + fileName + " 有误：\n  - " + String.join("\n  - ", problems),
                "请修改该文件后重新启动。");
    }

    record SettingsFile(String enforcementUnit, String handoverCategory, LadderFile ladder, LegalBasisFile legalBasis,
            NoticeFile notice) {
    }

    record NoticeFile(String deliveryLimit, String postingLimit) {
    }

    record LegalBasisFile(String regulation, String articles, String duty, String penalty, String handover) {
    }

    record LadderFile(String adviceLimit, String yellowCardLimit, String redCardLimit, Integer repeatWindowDays,
            Integer repeatStartYellow, Integer repeatStartRed) {
    }
}
