package newsroom.story;

/** The unit tests' fake keeps the repository's contract. */
class InMemoryStoriesContractTest extends StoryRepositoryContract {
    @Override
    protected StoryRepository emptyRepository() {
        return new InMemoryStories();
    }
}
