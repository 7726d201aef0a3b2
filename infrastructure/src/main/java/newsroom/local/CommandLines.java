package newsroom.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import newsroom.local.NewsroomLocal.Audit;
import newsroom.local.NewsroomLocal.Command;
import newsroom.local.NewsroomLocal.Export;
import newsroom.local.NewsroomLocal.Help;
import newsroom.local.NewsroomLocal.Serve;
import newsroom.local.NewsroomLocal.Token;
import newsroom.local.NewsroomLocal.UsageError;

/**
 * The reading of newsroom-local.jar's command line into one of {@link NewsroomLocal}'s commands.
 * Apart from running them because its rules (every flag known, none twice, the offset's range, the
 * exact arguments of each command) are what a wrong command line meets, and are tested on their own.
 */
final class CommandLines {
    private CommandLines() {}

    /** Reads a command line; anything it does not know is an error, never ignored. */
    static Command parse(List<String> args) throws UsageError {
        if (args.contains("--help") || args.contains("-h") || args.equals(List.of("help"))) return new Help();
        String command = args.isEmpty() ? "serve" : args.get(0);
        List<String> positional = new ArrayList<>();
        Set<String> flags = new LinkedHashSet<>();
        OptionalInt offset = OptionalInt.empty();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--port-offset")) {
                if (offset.isPresent()) throw new UsageError("--port-offset is given twice");
                if (i + 1 >= args.size()) throw new UsageError("--port-offset needs a number");
                offset = OptionalInt.of(portOffset(args.get(++i)));
            } else if (arg.startsWith("--port-offset=")) {
                if (offset.isPresent()) throw new UsageError("--port-offset is given twice");
                offset = OptionalInt.of(portOffset(arg.substring("--port-offset=".length())));
            } else if (arg.startsWith("-") && arg.length() > 1) {
                if (!flags.add(arg)) throw new UsageError(arg + " is given twice");
            } else {
                positional.add(arg);
            }
        }
        Command parsed = switch (command) {
            case "serve" -> {
                allow(command, flags, Set.of("--in-memory", "--no-demo"));
                positionals(command, positional, 0, "");
                yield new Serve(flags.contains("--in-memory"), !flags.contains("--no-demo"), offset.orElse(0));
            }
            case "token" -> {
                allow(command, flags, Set.of("--id"));
                positionals(command, positional, 2, " <user> <writers|editors|admins>");
                if (!NewsroomLocal.GROUPS.contains(positional.get(1))) {
                    throw new UsageError(
                            "token: unknown group '" + positional.get(1) + "' (writers, editors or admins)");
                }
                if (positional.get(0).isBlank()) throw new UsageError("token: the user name is empty");
                yield new Token(positional.get(0), positional.get(1), flags.contains("--id"), offset);
            }
            case "export" -> {
                allow(command, flags, Set.of("--pages-only"));
                positionals(command, positional, 1, " <dir>");
                yield new Export(Path.of(positional.get(0)), offset.orElse(0), !flags.contains("--pages-only"));
            }
            case "audit" -> {
                allow(command, flags, Set.of());
                positionals(command, positional, 0, "");
                yield new Audit(offset.orElse(0));
            }
            default ->
                throw new UsageError(
                        command.startsWith("-")
                                ? "unknown option '" + command
                                        + "' (the command comes first: serve, token, export, audit)"
                                : "unknown command '" + command + "' (serve, token, export or audit)");
        };
        return parsed;
    }

    private static void allow(String command, Set<String> flags, Set<String> known) throws UsageError {
        for (String flag : flags) {
            if (!known.contains(flag)) throw new UsageError(command + ": unknown option '" + flag + "'");
        }
    }

    private static void positionals(String command, List<String> positional, int count, String shape)
            throws UsageError {
        if (positional.size() != count) {
            throw new UsageError(
                    count == 0
                            ? command + " takes no arguments, got '" + positional.get(0) + "'"
                            : "usage: " + command + shape);
        }
    }

    static int portOffset(String text) throws UsageError {
        try {
            int offset = Integer.parseInt(text);
            if (offset >= 0 && offset <= NewsroomLocal.MAX_PORT_OFFSET) return offset;
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new UsageError("--port-offset must be a whole number from 0 to " + NewsroomLocal.MAX_PORT_OFFSET
                + ", not '" + text + "'");
    }
}
