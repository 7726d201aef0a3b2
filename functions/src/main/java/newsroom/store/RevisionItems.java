package newsroom.store;

import static newsroom.store.Items.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import newsroom.story.BodyFormat;
import newsroom.story.Revision;
import newsroom.story.StoryId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The items a story's history leaves: one per revision, with its words, and the tombstone of a deleted story. */
final class RevisionItems {
    private RevisionItems() {}

    static Map<String, AttributeValue> revisionItem(StoryId id, Revision r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(storyKey(id)));
        item.put(SK, s(revisionKey(r)));
        item.put(TYPE, s("revision"));
        item.put(AT, s(r.at().toString()));
        if (!r.startedAt().equals(r.at())) item.put(STARTED_AT, s(r.startedAt().toString()));
        item.put(LANG, s(r.lang()));
        item.put(ACTION, s(r.action()));
        item.put(BY, s(r.by()));
        item.put(VERSION, n(r.version()));
        Revision.Text text = r.text();
        if (text != null) {
            item.put(TITLE, s(text.title()));
            item.put(LEAD, s(text.lead()));
            item.put(DATELINE, s(text.dateline()));
            item.put(BODY_SOURCE, s(text.body()));
            item.put(FORMAT, s(text.format().wire()));
            item.put(SLUG, s(text.slug()));
            if (text.caption() != null) item.put(CAPTION, s(text.caption()));
            if (text.imageAlt() != null) item.put(IMAGE_ALT, s(text.imageAlt()));
        }
        return item;
    }

    /** A revision's sort key: its newest save's time, then language and version. */
    static String revisionKey(Revision r) {
        return REV_PREFIX + r.at() + "#" + r.lang() + "#" + r.version();
    }

    static Map<String, AttributeValue> tombstoneItem(StoryId id, Instant deletedAt, String by, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(storyKey(id)));
        item.put(SK, s(TOMBSTONE));
        item.put(TYPE, s("tombstone"));
        item.put(ID, s(id.value()));
        item.put(DELETED_AT, s(deletedAt.toString()));
        item.put(DELETED_BY, s(by));
        item.put(EXPIRES_AT, n(expiresAt.getEpochSecond()));
        return item;
    }

    static Revision revision(Map<String, AttributeValue> item) {
        Revision.Text text = item.containsKey(BODY_SOURCE)
                ? new Revision.Text(
                        str(item, TITLE),
                        str(item, LEAD),
                        str(item, DATELINE),
                        str(item, BODY_SOURCE),
                        BodyFormat.valueOf(str(item, FORMAT).toUpperCase(java.util.Locale.ROOT)),
                        str(item, SLUG),
                        str(item, CAPTION),
                        str(item, IMAGE_ALT))
                : null;
        return new Revision(
                Instant.parse(str(item, AT)),
                str(item, LANG),
                str(item, ACTION),
                str(item, BY),
                Long.parseLong(item.get(VERSION).n()),
                text,
                item.containsKey(STARTED_AT) ? Instant.parse(str(item, STARTED_AT)) : null);
    }
}
