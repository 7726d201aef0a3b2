package newsroom.search;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Where each piece of a language's search index lives in the bucket. The search page's script
 * builds the same names.
 *
 * <ul>
 *   <li>{@code search/<lang>/b/<key>.json}: the base, every term whose first {@value #BASE_PREFIX}
 *       letters are the key; written by the full rebuild only.
 *   <li>{@code search/<lang>/x/<key>.json}: the delta, terms of the stories changed since the base
 *       was built, by first letter; rewritten on each publish, edit and unpublish.
 *   <li>{@code search/<lang>/gone.json}: the stories changed since the base, whose base postings no
 *       longer count.
 *   <li>{@code search/<lang>/d/<id>.json}: what a result shows of a story.
 * </ul>
 */
public final class SearchKeys {
    /** Letters of a term that name its base shard: a query word needs that many to match a prefix. */
    public static final int BASE_PREFIX = 3;

    public static final int DELTA_PREFIX = 1;

    private SearchKeys() {}

    /** The first letters of a term as lower-case hexadecimal code points, joined by '-'. */
    public static String shard(String term, int letters) {
        StringJoiner key = new StringJoiner("-");
        term.codePoints()
                .limit(letters)
                .forEach(cp -> key.add(Integer.toHexString(cp).toLowerCase(Locale.ROOT)));
        return key.toString();
    }

    public static String base(String lang, String shard) {
        return "search/" + lang + "/b/" + shard + ".json";
    }

    public static String delta(String lang, String shard) {
        return "search/" + lang + "/x/" + shard + ".json";
    }

    public static String gone(String lang) {
        return "search/" + lang + "/gone.json";
    }

    public static String doc(String lang, String id) {
        return "search/" + lang + "/d/" + id + ".json";
    }
}
