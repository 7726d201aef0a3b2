package newsroom.site;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The functions' configuration, read once from the environment; fails fast naming every gap. */
public record Config(
        String tableName,
        String bucketName,
        List<String> languages,
        String defaultLanguage,
        String siteUrl,
        ZoneId zone,
        List<String> categories,
        Optional<String> rebuildQueueUrl,
        Optional<String> invalidationQueueUrl,
        Optional<String> distributionId,
        Optional<String> endpointOverride,
        String region,
        String uploadsBucket,
        Optional<String> redirectStoreArn) {

    public static final List<String> REQUIRED = List.of("TABLE_NAME", "BUCKET_NAME");

    public Config {
        languages = List.copyOf(languages);
        categories = List.copyOf(categories);
        if (languages.isEmpty()) throw new IllegalStateException("LANGUAGES is empty");
        if (!languages.contains(defaultLanguage)) {
            throw new IllegalStateException(
                    "DEFAULT_LANGUAGE " + defaultLanguage + " is not one of LANGUAGES " + languages);
        }
        siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    public static Config fromEnvironment() {
        return from(System::getenv);
    }

    public static Config from(Map<String, String> values) {
        return from(values::get);
    }

    public static Config from(Function<String, String> env) {
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            if (blank(env.apply(name))) missing.add(name);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing environment variables: " + String.join(", ", missing));
        }
        List<String> languages = list(env.apply("LANGUAGES"), "kk,ru,en");
        return new Config(
                env.apply("TABLE_NAME"),
                env.apply("BUCKET_NAME"),
                languages,
                or(env.apply("DEFAULT_LANGUAGE"), languages.get(0)),
                or(env.apply("SITE_URL"), "http://localhost:8080"),
                ZoneId.of(or(env.apply("TIME_ZONE"), "Asia/Almaty")),
                list(env.apply("CATEGORIES"), "city,health,education,transport,culture,economy"),
                optional(env.apply("REBUILD_QUEUE_URL")),
                optional(env.apply("INVALIDATION_QUEUE_URL")),
                optional(env.apply("DISTRIBUTION_ID")),
                optional(env.apply("AWS_ENDPOINT_URL")),
                or(env.apply("AWS_REGION"), "us-east-1"),
                // a private bucket of its own in the cloud, so that no reader reaches an upload
                or(env.apply("UPLOADS_BUCKET"), env.apply("BUCKET_NAME")),
                // the CloudFront KeyValueStore the URL function reads former addresses from
                optional(env.apply("REDIRECT_STORE_ARN")));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String or(String value, String fallback) {
        return blank(value) ? fallback : value.trim();
    }

    private static Optional<String> optional(String value) {
        return blank(value) ? Optional.empty() : Optional.of(value.trim());
    }

    private static List<String> list(String value, String fallback) {
        return Arrays.stream(or(value, fallback).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
