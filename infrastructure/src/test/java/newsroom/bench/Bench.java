package newsroom.bench;

import java.util.Arrays;

/**
 * The benchmarks' entry point, run by bench/run.sh: each subcommand measures one thing and appends
 * its figures as a JSON line to the --out file; {@code report} turns those into the results table.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: Bench corpus|site|engine|publish|cold|packages|api|report [--name value]...");
            System.exit(2);
        }
        Args args = new Args(argv, 1);
        int status = 0;
        try {
            status = run(argv, args);
        } catch (Throwable failure) {
            // printed, then the exit below: the embedded emulators would keep a failed run alive
            failure.printStackTrace();
            status = 1;
        }
        // the embedded emulators leave non-daemon threads behind
        System.exit(status);
    }

    private static int run(String[] argv, Args args) throws Exception {
        int status = 0;
        switch (argv[0]) {
            case "corpus" -> CorpusLoad.run(args);
            case "site" -> SiteBench.run(args);
            case "publish" -> PublishProbe.run(args);
            case "cold" -> ColdStartBench.run(args);
            case "engine" -> EngineBench.run(args);
            case "packages" -> PackageBench.run(args);
            case "api" -> ApiBench.run(args);
            case "report" -> Report.run(args);
            default -> {
                System.err.println("unknown bench " + Arrays.toString(argv));
                status = 2;
            }
        }
        return status;
    }
}
