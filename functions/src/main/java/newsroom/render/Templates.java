package newsroom.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

/** The precompiled page templates, and the JSON writer for what pages carry as JSON. */
final class Templates {
    private static final TemplateEngine ENGINE =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "newsroom.render.templates");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Templates() {}

    static byte[] html(String template, Object model) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        ENGINE.render(template, model, out);
        return out.toByteArray();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static byte[] json(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON to stand inside a {@code <script>} element, where "<" could end the element. */
    static String scriptJson(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
