package org.shirong.system;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * How every loader of {@code config/} reads YAML: a key written twice in one mapping is refused (a block pasted under a
 * comment line renames the unit above it, poreview-s56 P6), and a file that is not YAML is said in Chinese with line
 * and column instead of SnakeYAML's English (P2).
 */
public final class ConfigYaml {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private ConfigYaml() {
    }

    /** A YAML mapper that refuses duplicate keys; the loader adds its own naming and strictness. */
    public static ObjectMapper mapper() {
        return new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    }

    /** Whether reading stopped at the YAML text itself (its syntax, a duplicate key), not at a value in the wrong field. */
    public static boolean isSyntax(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MarkedYAMLException || t instanceof JsonParseException parse && parse.getOriginalMessage() != null
                    && DUPLICATE.matcher(parse.getOriginalMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What is wrong, for a refusal's list: "第 7 行第 2 列：缩进与上文不一致（…）", "第 9 行：键 name 在同一项中出现两次（…）";
     * any other read error as its message.
     */
    public static String problem(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                return "第 %d 行第 %d 列：%s".formatted(marked.getProblemMark().getLine() + 1,
                        marked.getProblemMark().getColumn() + 1, syntax(marked.getContext(), marked.getProblem()));
            }
            Matcher duplicate = t instanceof JsonProcessingException p && p.getOriginalMessage() != null
                    ? DUPLICATE.matcher(p.getOriginalMessage()) : null;
            if (duplicate != null && duplicate.find()) {
                JsonLocation location = ((JsonProcessingException) t).getLocation();
                return (location == null || location.getLineNr() < 1 ? "" : "第 %d 行：".formatted(location.getLineNr()))
                        + "键 " + duplicate.group(1) + " 在同一项中出现两次（请删去多余的一行；若是新粘贴的一段，"
                        + "请检查它的缩进和前面的注释行，它可能接在了上一项里）";
            }
        }
        return e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
    }

    /** SnakeYAML's problem in Chinese; the usual slips of hand-edited files first, else its own words, short. */
    static String syntax(String context, String problem) {
        String p = problem == null ? "" : problem.strip();
        String c = context == null ? "" : context;
        if (p.contains("(TAB)") || p.contains("'\\t'")) {
            return "不能用 Tab 键缩进，请改用空格";
        }
        if (p.startsWith("expected <block end>")) {
            return c.contains("block collection")
                    ? "缩进与上文不一致：列表项“- …”与“名称: 值”写在了同一层，请对齐同一层的项"
                    : "缩进与上文不一致（同一层的项须左对齐，下一层的项须比上一层多缩进）";
        }
        if (p.startsWith("mapping values are not allowed")) {
            return "此处不能有冒号“:”（检查上一行的缩进；值中有冒号时请给值加引号）";
        }
        if (p.contains("could not find expected ':'")) {
            return "缺少冒号“:”（每项写成“名称: 值”，冒号后有一个空格）";
        }
        if (p.startsWith("expected ',' or ']'")) {
            return "方括号 [ ] 没有配对";
        }
        if (p.startsWith("expected ',' or '}'")) {
            return "花括号 { } 没有配对";
        }
        if (c.contains("quoted scalar")) {
            return "引号没有配对（缺少结束的引号）";
        }
        if (p.startsWith("found undefined alias")) {
            return "不支持 YAML 别名（*名称），请直接写出内容";
        }
        return "不是有效的 YAML（" + (p.length() > 80 ? p.substring(0, 80) + "…" : p) + "）";
    }
}
