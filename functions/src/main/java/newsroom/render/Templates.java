package newsroom.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import newsroom.json.JsonObject;
import newsroom.json.JsonText;

/** The precompiled page templates, and the JSON writer for what pages carry as JSON. */
final class Templates {
    private static final TemplateEngine ENGINE =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "newsroom.render.templates");

    private Templates() {}

    static byte[] html(String template, Object model) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        ENGINE.render(template, model, out);
        return out.toByteArray();
    }

    static JsonObject object() {
        return new JsonObject();
    }

    static byte[] json(JsonObject node) {
        return JsonText.writeBytes(node);
    }

    /** JSON to stand inside a {@code <script>} element, where "<" could end the element. */
    static String scriptJson(JsonObject node) {
        return JsonText.write(node)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }
}
