package newsroom.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One shard of an index: term to postings, each posting {@code [storyId, weight, epochDay]}. The day
 * lets the browser rank by recency before it fetches any story.
 */
final class Postings {
    static final ObjectMapper JSON = new ObjectMapper();

    record Posting(String id, int weight, long day) {}

    /** Hashed while a shard is built; {@link #toJson} writes the terms in order. */
    private final Map<String, List<Posting>> terms = new HashMap<>();

    static Postings parse(byte[] bytes) {
        Postings p = new Postings();
        try {
            JsonNode root = JSON.readTree(bytes);
            root.path("terms").fields().forEachRemaining(e -> {
                List<Posting> list = new ArrayList<>();
                for (JsonNode n : e.getValue()) {
                    list.add(new Posting(
                            n.get(0).asText(), n.get(1).asInt(), n.get(2).asLong()));
                }
                p.terms.put(e.getKey(), list);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    void add(String term, Posting posting) {
        terms.computeIfAbsent(term, t -> new ArrayList<>()).add(posting);
    }

    /** Removes a story's postings; returns whether it had any. */
    boolean remove(String id) {
        boolean removed = false;
        for (var it = terms.values().iterator(); it.hasNext(); ) {
            List<Posting> list = it.next();
            removed |= list.removeIf(p -> p.id().equals(id));
            if (list.isEmpty()) it.remove();
        }
        return removed;
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Keeps each term's newest postings only, so that a shard's size has a ceiling. */
    void capEach(int max) {
        for (List<Posting> list : terms.values()) {
            if (list.size() > max) {
                list.sort(Comparator.comparingLong(Posting::day).reversed().thenComparing(Posting::id));
                list.subList(max, list.size()).clear();
            }
        }
    }

    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode out = root.putObject("terms");
        new TreeMap<>(terms).forEach((term, list) -> {
            ArrayNode arr = out.putArray(term);
            // a fixed order: an unchanged shard gives unchanged bytes, and is not written again
            list.stream()
                    .sorted(Comparator.comparing(Posting::id))
                    .forEach(p -> arr.addArray().add(p.id()).add(p.weight()).add(p.day()));
        });
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
