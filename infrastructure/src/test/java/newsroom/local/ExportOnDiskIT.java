package newsroom.local;

/** The export of the default stack, whose bucket lives in a folder: pages and images alike. */
class ExportOnDiskIT extends ExportIT {
    @Override
    LocalCloud cloud() {
        return TestStack.onDisk();
    }
}
