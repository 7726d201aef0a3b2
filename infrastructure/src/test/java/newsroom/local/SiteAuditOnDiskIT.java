package newsroom.local;

/** The audit on the default stack, whose table and bucket live in a folder. */
class SiteAuditOnDiskIT extends SiteAuditIT {
    @Override
    LocalCloud cloud() {
        return TestStack.onDisk();
    }
}
