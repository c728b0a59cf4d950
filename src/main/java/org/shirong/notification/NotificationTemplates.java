package org.shirong.notification;

import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Renders the Chinese notification templates {@code templates/notifications/<id>.ftl} (plain text,
 * UTF-8). A template starts with {@code <#assign subject>…</#assign>}, the subject line; the rest is
 * the body. A missing value or a broken template fails loudly, so the send task's job shows it.
 */
@Component
class NotificationTemplates {

    static final String FOLDER = "/templates/notifications/";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
    /**
     * Each template as parsed once: they are resources of the application, which do not change while it runs, and a
     * parsed {@link Template} may be processed by any number of threads at once. FreeMarker's own cache looked every
     * template up in its cache on every call and again, localised variants first, on the class path every five seconds
     * (issue 13, W1: three of the four JFR samples of a report's rendering were in that look-up).
     */
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    NotificationTemplates() {
        freemarker.setClassForTemplateLoading(NotificationTemplates.class, FOLDER);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocale(Locale.SIMPLIFIED_CHINESE);
        freemarker.setNumberFormat("computer");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
    }

    boolean exists(String id) {
        return ID.matcher(id).matches() && NotificationTemplates.class.getResource(FOLDER + id + ".ftl") != null;
    }

    Rendered render(String id, Map<String, ?> model) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("通知模板 id 只能包含小写字母、数字和连字符：" + id);
        }
        try {
            Template template = parsed.get(id);
            if (template == null) {
                template = freemarker.getTemplate(id + ".ftl");
                parsed.putIfAbsent(id, template);
            }
            StringWriter body = new StringWriter();
            Environment environment = template.createProcessingEnvironment(model, body);
            environment.process();
            return new Rendered(subject(id, environment.getMainNamespace().get("subject")), body.toString().strip());
        } catch (TemplateNotFoundException e) {
            throw new IllegalArgumentException("没有通知模板 " + FOLDER + id + ".ftl", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("通知模板 " + id + " 无法生成：" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String subject(String id, TemplateModel subject) throws TemplateModelException {
        if (!(subject instanceof freemarker.template.TemplateScalarModel scalar) || scalar.getAsString().isBlank()) {
            throw new IllegalStateException("通知模板 " + id + " 没有用 <#assign subject>…</#assign> 给出标题");
        }
        return scalar.getAsString().strip().replaceAll("\\s+", " ");
    }
}
