package newsroom.story;

import java.util.Set;

/** The staff member behind a request, with the Cognito groups that decide what they may do. */
public record Actor(String id, Set<String> groups) {
    public Actor {
        groups = Set.copyOf(groups);
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
