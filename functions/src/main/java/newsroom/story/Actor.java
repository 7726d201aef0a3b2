package newsroom.story;

import java.util.Set;

/**
 * The staff member behind a request, with the Cognito groups that decide what they may do and the
 * name to print as a byline ("" when the token carries none: the id is never shown as a name).
 */
public record Actor(String id, Set<String> groups, String displayName) {
    public Actor {
        groups = Set.copyOf(groups);
        displayName = displayName == null ? "" : displayName.strip();
    }

    public Actor(String id, Set<String> groups) {
        this(id, groups, "");
    }

    public boolean canWrite() {
        return groups.contains("writers") || canEdit();
    }

    public boolean canEdit() {
        return groups.contains("editors") || isAdmin();
    }

    public boolean isAdmin() {
        return groups.contains("admins");
    }
}
