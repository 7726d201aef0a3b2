package newsroom.archfixtures.render;

/** Right: a port the renderer owns. */
public interface FixtureBucket {
    void put(String key);
}
