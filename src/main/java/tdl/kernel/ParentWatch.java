package tdl.kernel;

/**
 * Jupyter names the process that started a kernel in {@code JPY_PARENT_PID}; when that process is
 * gone (a notebook server killed hard), nobody will ask this kernel to shut down, so it stops by itself.
 */
final class ParentWatch {
    private static final long EVERY_MILLIS = 2000;

    private ParentWatch() {}

    static void start(Runnable stop) {
        String pid = System.getenv("JPY_PARENT_PID");
        if (pid == null || pid.isBlank()) return;
        long id;
        try {
            id = Long.parseLong(pid.strip());
        } catch (NumberFormatException e) {
            return;
        }
        if (id <= 1) return;
        Thread t = new Thread(() -> {
            try {
                while (ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false)) Thread.sleep(EVERY_MILLIS);
                stop.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tdl-kernel-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
