package org.shirong.system;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/** The engine's password policy rules in Chinese, for a refused password's answer and a refused start-up password. */
public final class PasswordPolicyText {

    private static final Map<String, String> RULES = Map.of(
            "LENGTH", "至少 %s 个字符", "LOWERCASE", "至少 %s 个小写字母", "UPPERCASE", "至少 %s 个大写字母",
            "DIGIT", "至少 %s 个数字", "SPECIAL", "至少 %s 个特殊字符", "USER_DATA", "不含用户名、姓名和邮箱");

    private PasswordPolicyText() {
    }

    /** The whole policy, e.g. "密码不符合密码策略：至少 10 个字符，…，不含用户名、姓名和邮箱。" */
    static String policy(PasswordPolicy policy) {
        return policy == null ? "密码不符合密码策略。" : "密码不符合密码策略：" + rules(policy.getRules()) + "。";
    }

    /** The rules, those with a number first ("至少 …"), then "不含 …", joined by "，". */
    public static String rules(Collection<PasswordPolicyRule> rules) {
        return rules.stream().sorted(Comparator.comparing(rule -> rule.getParameters() == null))
                .map(PasswordPolicyText::inChinese).collect(Collectors.joining("，"));
    }

    private static String inChinese(PasswordPolicyRule rule) {
        String name = rule.getPlaceholder().replace("PASSWORD_POLICY_", "");
        String value = rule.getParameters() == null ? "" : rule.getParameters().values().stream().findFirst().orElse("");
        return RULES.getOrDefault(name, rule.getPlaceholder() + " %s").formatted(value).trim();
    }
}
