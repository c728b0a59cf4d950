package org.shirong.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformer;
import org.camunda.bpm.dmn.engine.impl.transform.DefaultDmnTransform;
import org.camunda.bpm.dmn.engine.impl.transform.DefaultDmnTransformer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets the engine read DMN files against the DMN schemas compiled once ({@link ModelFiles}) instead of compiling all six
 * of them for every decision table it deploys (issue 13, W6: one table per organisation). The tables are transformed by
 * the engine's own DMN transform; a file that does not read so is read again by the engine's own reader, so that its
 * error is worded as before.
 */
@Component
class CompiledDmnSchemaPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledDmnSchemaPlugin.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = DmnEngineSettings.of(configuration);
        if (dmn.getTransformer().getClass() != DefaultDmnTransformer.class) {
            // Someone else's transformer: it keeps its own reading rather than lose what it does.
            LOG.warn("DMN 引擎已有自定义的转换器 {}，DMN 模式不预编译（部署会慢一些）", dmn.getTransformer().getClass().getName());
            return;
        }
        dmn.transformer(new CompiledSchemaDmnTransformer());
    }

    /** The engine's default transformer, whose transforms read the file with {@link ModelFiles}. */
    static final class CompiledSchemaDmnTransformer extends DefaultDmnTransformer {
        CompiledSchemaDmnTransformer() {
            transformFactory = CompiledSchemaDmnTransform::new;
        }
    }

    private static final class CompiledSchemaDmnTransform extends DefaultDmnTransform {

        CompiledSchemaDmnTransform(DmnTransformer transformer) {
            super(transformer);
        }

        @Override
        public void setModelInstance(InputStream inputStream) {
            byte[] content;
            try {
                content = inputStream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                setModelInstance(ModelFiles.readDmn(content));
            } catch (RuntimeException unreadable) {
                super.setModelInstance(new ByteArrayInputStream(content));
            }
        }
    }
}
