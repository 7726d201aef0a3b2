package newsroom.story;

import java.util.Collection;
import java.util.Optional;

/**
 * What writers, editors and admins may do: the one policy that the API and the publisher ask.
 * Writers use the staff API and change drafts; editors also change what has been published,
 * publish, schedule, unpublish and delete, and read a deleted story's history; admins also start a
 * full rebuild. A refusal is a {@link Rejection.NotAllowed} that says why.
 */
public final class Permissions {
    private Permissions() {}

    /** Reading stories and changing drafts through the staff API. */
    public static Optional<Rejection.NotAllowed> useStaffApi(Actor actor) {
        return allowedIf(actor.canWrite(), "Your role may not use the staff API.");
    }

    /** Publishing, scheduling, unpublishing and deleting. */
    public static Optional<Rejection.NotAllowed> publish(Actor actor) {
        return allowedIf(actor.canEdit(), "Only editors may publish, unpublish or delete.");
    }

    /** Starting a full rebuild of the site. */
    public static Optional<Rejection.NotAllowed> rebuildSite(Actor actor) {
        return allowedIf(actor.isAdmin(), "Only admins start a full rebuild.");
    }

    /** Reading the history of a story that was deleted, for as long as it is kept. */
    public static boolean readDeletedHistory(Actor actor) {
        return actor.canEdit();
    }

    /** Changing a story's shared fields and translations: writers only while every one is a draft. */
    public static Optional<Rejection.NotAllowed> editStory(Actor actor, Story story) {
        return allowedIf(
                actor.canEdit() || allDrafts(story.translations().values()),
                "writers edit drafts; this story has been published");
    }

    /** Changing one translation (or adding it, when absent): writers only while it is a draft. */
    public static Optional<Rejection.NotAllowed> editTranslation(Actor actor, Optional<Translation> translation) {
        return allowedIf(
                actor.canEdit() || allDrafts(translation.stream().toList()),
                "writers edit drafts; this translation has been published");
    }

    /** Removing one translation: writers only while it is a draft. */
    public static Optional<Rejection.NotAllowed> removeTranslation(Actor actor, Translation translation) {
        return allowedIf(
                actor.canEdit() || translation.status() == Status.DRAFT,
                "writers remove drafts only; ask an editor to unpublish");
    }

    private static boolean allDrafts(Collection<Translation> translations) {
        return translations.stream().allMatch(t -> t.status() == Status.DRAFT);
    }

    private static Optional<Rejection.NotAllowed> allowedIf(boolean allowed, String reason) {
        return allowed ? Optional.empty() : Optional.of(new Rejection.NotAllowed(reason));
    }
}
