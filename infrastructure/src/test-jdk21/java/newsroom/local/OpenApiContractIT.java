package newsroom.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real requests to the local stack and their real answers, checked against the published
 * openapi.json: what the API does and what the document says must not drift apart.
 */
class OpenApiContractIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static String document;
  static OpenApiInteractionValidator validator;

  @BeforeAll
  static void loadDocument() throws IOException {
    try (InputStream in =
        OpenApiContractIT.class.getResourceAsStream("/newsroom/api/openapi.json")) {
      assertNotNull(in, "openapi.json is on the class path");
      document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(document)
            .withWhitelist(
                ValidationErrorsWhitelist.create()
                    .withRule(
                        "an optional body may be left out, and its Content-Type with it",
                        WhitelistRules.allOf(
                            WhitelistRules.messageHasKey(
                                "validation.request.contentType.notAllowed"),
                            WhitelistRules.missingRequestContentType())))
            .build();
  }

  // --- what succeeds

  @Test
  void createdStoryMatchesTheDocument() throws IOException {
    Exchange created =
        send(
            "POST",
            "/articles",
            TestStack.token("aliya", "writers"),
            story("Tram line reaches the airport"));
    assertEquals(201, created.status(), created.body());
    assertConforms(created);
    assertTrue(created.header("Location").orElseThrow().startsWith("/articles/"));
  }

  @Test
  void readStoryMatchesTheDocument() throws IOException {
    String writer = TestStack.token("aliya", "writers");
    Created story = create(writer, "Library extends its hours");
    Exchange read = send("GET", "/articles/" + story.id(), writer, null);
    assertEquals(200, read.status(), read.body());
    assertConforms(read);
  }

  @Test
  void listPagesMatchTheDocument() throws IOException {
    String writer = TestStack.token("aliya", "writers");
    create(writer, "Bus fares stay the same");
    create(writer, "New bus routes start on Monday");
    Exchange first =
        send("GET", "/articles?status=draft&lang=en&category=transport&limit=1", writer, null);
    assertEquals(200, first.status(), first.body());
    assertConforms(first);
    JsonNode cursor = first.json().get("nextCursor");
    assertFalse(cursor.isNull(), "two stories match, so a page of one has a next page");
    String query =
        "/articles?limit=1&cursor=" + URLEncoder.encode(cursor.asText(), StandardCharsets.UTF_8);
    Exchange next = send("GET", query, writer, null);
    assertEquals(200, next.status(), next.body());
    assertConforms(next);
  }

  @Test
  void translationPutWithIfMatchMatchesTheDocument() throws IOException {
    String writer = TestStack.token("aliya", "writers");
    Created story = create(writer, "Schools get new heating");
    // nulls and empty strings where the document allows them; the slug comes from the title
    ObjectNode kk = JSON.createObjectNode();
    kk.put("title", "Мектептерге жаңа жылу жүйесі " + story.id().substring(0, 8));
    kk.putNull("lead");
    kk.put("body", "Жұмыс <b>жазда</b> аяқталады.");
    kk.put("format", "html");
    kk.put("slug", "");
    kk.putNull("caption");
    kk.put("imageAlt", "");
    Exchange put =
        send(
            "PUT",
            "/articles/" + story.id() + "/translations/kk",
            writer,
            JSON.writeValueAsString(kk),
            "If-Match",
            story.etag());
    assertEquals(200, put.status(), put.body());
    assertConforms(put);
  }

  @Test
  void publishingAndSchedulingMatchTheDocument() throws IOException {
    String editor = TestStack.token("erlan", "editors");
    Created story = create(editor, "Theatre season opens");
    Exchange now =
        send(
            "POST",
            "/articles/" + story.id() + "/publish",
            editor,
            "{\"languages\": [\"en\"]}",
            "If-Match",
            story.etag());
    assertEquals(200, now.status(), now.body());
    assertConforms(now);
    String later =
        Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    Exchange scheduled =
        send(
            "POST",
            "/articles/" + story.id() + "/publish",
            editor,
            "{\"languages\": [\"ru\"], \"at\": \"" + later + "\"}",
            "If-Match",
            now.header("ETag").orElseThrow());
    assertEquals(200, scheduled.status(), scheduled.body());
    assertEquals("scheduled", scheduled.json().at("/translations/ru/status").asText());
    assertConforms(scheduled);
    Exchange unpublished =
        send(
            "POST",
            "/articles/" + story.id() + "/unpublish",
            editor,
            null,
            "If-Match",
            scheduled.header("ETag").orElseThrow());
    assertEquals(200, unpublished.status(), unpublished.body());
    assertConforms(unpublished);
  }

  @Test
  void revisionsMatchTheDocument() throws IOException {
    String editor = TestStack.token("erlan", "editors");
    Created story = create(editor, "Clinic adds a night shift");
    send("POST", "/articles/" + story.id() + "/publish", editor, null, "If-Match", story.etag());
    Exchange revisions = send("GET", "/articles/" + story.id() + "/revisions", editor, null);
    assertEquals(200, revisions.status(), revisions.body());
    assertTrue(revisions.json().get("items").size() >= 3, revisions.body());
    assertConforms(revisions);
  }

  @Test
  void previewIsHtmlAsDocumented() throws IOException {
    String writer = TestStack.token("aliya", "writers");
    Created story = create(writer, "Market moves to the river bank");
    Exchange preview = send("GET", "/articles/" + story.id() + "/preview/en", writer, null);
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.header("Content-Type").orElseThrow().startsWith("text/html"));
    assertConforms(preview);
  }

  @Test
  void mediaUploadMatchesTheDocument() {
    Exchange media =
        send(
            "POST",
            "/media",
            TestStack.token("aliya", "writers"),
            "{\"contentType\": \"image/png\", \"size\": 48213}");
    assertEquals(201, media.status(), media.body());
    assertConforms(media);
  }

  @Test
  void removingATranslationAndTheStoryMatchTheDocument() throws IOException {
    String editor = TestStack.token("erlan", "editors");
    Created story = create(editor, "Stadium roof is repaired");
    Exchange removed =
        send(
            "DELETE",
            "/articles/" + story.id() + "/translations/ru",
            editor,
            null,
            "If-Match",
            story.etag());
    assertEquals(200, removed.status(), removed.body());
    assertConforms(removed);
    Exchange deleted =
        send(
            "DELETE",
            "/articles/" + story.id(),
            editor,
            null,
            "If-Match",
            removed.header("ETag").orElseThrow());
    assertEquals(204, deleted.status(), deleted.body());
    assertConforms(deleted);
  }

  @Test
  void adminRebuildIsAcceptedAsDocumented() {
    Exchange accepted = send("POST", "/site/rebuild", TestStack.token("dana", "admins"), null);
    assertEquals(202, accepted.status(), accepted.body());
    assertConforms(accepted);
    TestStack.settle();
  }

  @Test
  void theDocumentServesItselfWithoutAToken() throws IOException {
    Exchange served = send("GET", "/openapi.json", null, null);
    assertEquals(200, served.status(), served.body());
    assertConforms(served);
    assertEquals(JSON.readTree(document), served.json());
  }

  // --- what is refused: the answer matches the document, and the document forbids the request

  @Test
  void invalidFieldsAreA400TheDocumentForesees() throws IOException {
    String writer = TestStack.token("aliya", "writers");
    ObjectNode bad = (ObjectNode) JSON.readTree(story("Too long"));
    bad.put("category", "sport");
    ((ObjectNode) bad.at("/translations/en"))
        .put("title", "x".repeat(201))
        .put("slug", "Not A Slug");
    Exchange refused = send("POST", "/articles", writer, JSON.writeValueAsString(bad));
    assertEquals(400, refused.status(), refused.body());
    String errors = refused.json().get("errors").toString();
    for (String field :
        new String[] {"category", "translations.en.title", "translations.en.slug"}) {
      assertTrue(errors.contains("\"" + field + "\""), refused.body());
    }
    assertResponseConforms(refused);
    assertRequestBreaksTheDocument(refused, "validation.request.body.schema");

    ObjectNode unknown = (ObjectNode) JSON.readTree(story("Unknown field"));
    unknown.put("colour", "red");
    Exchange alsoRefused = send("POST", "/articles", writer, JSON.writeValueAsString(unknown));
    assertEquals(400, alsoRefused.status(), alsoRefused.body());
    assertTrue(
        alsoRefused.json().get("errors").toString().contains("\"colour\""), alsoRefused.body());
    assertResponseConforms(alsoRefused);
    assertRequestBreaksTheDocument(
        alsoRefused, "validation.request.body.schema.additionalProperties");
  }

  @Test
  void missingTokenIsA401TheDocumentForesees() {
    Exchange refused = send("GET", "/articles", null, null);
    assertEquals(401, refused.status(), refused.body());
    assertResponseConforms(refused);
    assertRequestBreaksTheDocument(refused, "validation.request.security");
  }

  @Test
  void writerPublishingIsA403TheDocumentForesees() throws IOException {
    String writer = TestStack.token("aliya", "writers");
    Created story = create(writer, "Writers may not publish this");
    Exchange refused =
        send(
            "POST", "/articles/" + story.id() + "/publish", writer, null, "If-Match", story.etag());
    assertEquals(403, refused.status(), refused.body());
    assertConforms(refused);
  }

  @Test
  void writerRebuildingTheSiteIsA403TheDocumentForesees() {
    Exchange refused = send("POST", "/site/rebuild", TestStack.token("aliya", "writers"), null);
    assertEquals(403, refused.status(), refused.body());
    assertConforms(refused);
  }

  @Test
  void unknownStoryIsA404TheDocumentForesees() {
    Exchange missing =
        send("GET", "/articles/" + UUID.randomUUID(), TestStack.token("aliya", "writers"), null);
    assertEquals(404, missing.status(), missing.body());
    assertConforms(missing);
  }

  @Test
  void takenSlugIsA409TheDocumentForesees() throws IOException {
    String writer = TestStack.token("aliya", "writers");
    Created first = create(writer, "Bridge closes for a week");
    String slug = first.body().at("/translations/en/slug").asText();
    ObjectNode second = (ObjectNode) JSON.readTree(story("Another bridge story"));
    ((ObjectNode) second.at("/translations/en")).put("slug", slug);
    Exchange refused = send("POST", "/articles", writer, JSON.writeValueAsString(second));
    assertEquals(409, refused.status(), refused.body());
    assertConforms(refused);
  }

  @Test
  void staleIfMatchIsA412TheDocumentForesees() throws IOException {
    String writer = TestStack.token("aliya", "writers");
    Created story = create(writer, "Park gets new benches");
    Exchange edited =
        send(
            "PUT",
            "/articles/" + story.id() + "/translations/en",
            writer,
            translation("Park gets more benches"),
            "If-Match",
            story.etag());
    assertEquals(200, edited.status(), edited.body());
    Exchange stale =
        send(
            "PUT",
            "/articles/" + story.id() + "/translations/en",
            writer,
            translation("Park gets old benches"),
            "If-Match",
            story.etag());
    assertEquals(412, stale.status(), stale.body());
    assertConforms(stale);
  }

  @Test
  void missingIfMatchIsA428TheDocumentForesees() throws IOException {
    String writer = TestStack.token("aliya", "writers");
    Created story = create(writer, "Museum opens late on Fridays");
    Exchange refused =
        send(
            "PUT",
            "/articles/" + story.id() + "/translations/en",
            writer,
            translation("Museum opens later"));
    assertEquals(428, refused.status(), refused.body());
    assertResponseConforms(refused);
    assertRequestBreaksTheDocument(refused, "validation.request.parameter.header.missing");
  }

  // --- the exchange, as sent and as received

  record Created(String id, String etag, JsonNode body) {}

  /** One request sent to the local stack, kept with its answer in the validator's terms. */
  record Exchange(
      String method, String path, SimpleRequest request, HttpResponse<String> response) {
    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    Optional<String> header(String name) {
      return response.headers().firstValue(name);
    }

    JsonNode json() throws IOException {
      return JSON.readTree(response.body());
    }

    SimpleResponse simpleResponse() {
      SimpleResponse.Builder builder = new SimpleResponse.Builder(response.statusCode());
      response.headers().map().forEach(builder::withHeader);
      if (!response.body().isEmpty()) builder.withBody(response.body());
      return builder.build();
    }
  }

  static Exchange send(
      String method, String pathAndQuery, String token, String body, String... headers) {
    HttpResponse<String> response = TestStack.api(method, pathAndQuery, token, body, headers);
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
    if (q >= 0) {
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        String[] nameValue = pair.split("=", 2);
        request.withQueryParam(
            URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
            nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
      }
    }
    if (token != null) request.withAuthorization("Bearer " + token);
    if (body != null) request.withContentType("application/json").withBody(body);
    for (int i = 0; i + 1 < headers.length; i += 2) request.withHeader(headers[i], headers[i + 1]);
    return new Exchange(method, path, request.build(), response);
  }

  static void assertConforms(Exchange exchange) {
    ValidationReport report = validator.validate(exchange.request(), exchange.simpleResponse());
    assertFalse(report.hasErrors(), () -> describe(exchange, report));
  }

  static void assertResponseConforms(Exchange exchange) {
    ValidationReport report =
        validator.validateResponse(
            exchange.path(),
            Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT)),
            exchange.simpleResponse());
    assertFalse(report.hasErrors(), () -> describe(exchange, report));
  }

  /** The document must already tell a client that this request will be refused. */
  static void assertRequestBreaksTheDocument(Exchange exchange, String keyPrefix) {
    ValidationReport report = validator.validateRequest(exchange.request());
    assertTrue(
        report.getMessages().stream()
            .anyMatch(
                m ->
                    m.getLevel() == ValidationReport.Level.ERROR
                        && m.getKey().startsWith(keyPrefix)),
        () -> "expected a " + keyPrefix + " error; " + describe(exchange, report));
  }

  static String describe(Exchange exchange, ValidationReport report) {
    return exchange.method()
        + " "
        + exchange.path()
        + " -> "
        + exchange.status()
        + " "
        + exchange.body()
        + "\n"
        + SimpleValidationReportFormat.getInstance().apply(report);
  }

  // --- stories each test owns

  static Created create(String token, String title) throws IOException {
    Exchange created = send("POST", "/articles", token, story(title));
    assertEquals(201, created.status(), created.body());
    JsonNode body = created.json();
    return new Created(body.get("id").asText(), created.header("ETag").orElseThrow(), body);
  }

  /**
   * A story in English and Russian with every optional field set; titles are made unique so slugs
   * never clash.
   */
  static String story(String title) throws IOException {
    String unique = title + " " + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode story = JSON.createObjectNode();
    story.put("category", "transport");
    story.putArray("tags").add("city life").add("roads");
    story.put("author", "Aliya Nurlanova");
    story.putObject("image").put("src", "/media/2025/03/0b7e6c1a-4f2d-4a8e-9c3b-5d6e7f8a9b0c.jpg");
    ObjectNode translations = story.putObject("translations");
    ObjectNode en = (ObjectNode) JSON.readTree(translation(unique));
    en.put("caption", "The new line at dawn.").put("imageAlt", "A tram at a platform");
    translations.set("en", en);
    translations
        .putObject("ru")
        .put("title", "Новость " + unique)
        .put("lead", "Коротко о главном.")
        .put("dateline", "Алматы")
        .put("body", "Текст **новости**.")
        .putNull("format")
        .putNull("slug")
        // the story has an image: a language is published only once it describes it
        .put("imageAlt", "Трамвай у платформы");
    return JSON.writeValueAsString(story);
  }

  static String translation(String title) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("title", title);
    node.put("lead", "What happened, in one sentence.");
    node.put("dateline", "Almaty");
    node.put("body", "The first paragraph.\n\nThe *second* paragraph.");
    node.put("format", "markdown");
    return JSON.writeValueAsString(node);
  }
}
