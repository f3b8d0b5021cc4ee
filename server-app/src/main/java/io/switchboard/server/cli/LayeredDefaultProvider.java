package io.switchboard.server.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.switchboard.core.Nullable;
import io.switchboard.server.config.ServerConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Gives each option the command line left out its value from, in order: the environment variable {@code
 * SWITCHBOARD_<NAME>} ({@code --allow-local-port} → {@code SWITCHBOARD_ALLOW_LOCAL_PORT}), the properties file named
 * by {@code --config} or {@code SWITCHBOARD_CONFIG} (keyed {@code allow-local-port}), then {@link
 * ServerConfig#DEFAULTS} as {@link ConfigProperties} writes it. The defaults the help shows therefore come from {@code
 * DEFAULTS} too; the CLI has no copy of them. Only commands that take {@code --config} (serve, check-config) are
 * layered: the bench tools' options ({@code reference-relay --host}) are their own even where a name matches a key.
 *
 * <p>Unknown keys in the file and unknown {@code SWITCHBOARD_*} variables (other than {@code SWITCHBOARD_CONFIG} and
 * the launcher's {@code SWITCHBOARD_JAVA_OPTS}) are refused with a {@link ParameterException}, so typos are caught.
 *
 * <p>picocli 4.7 applies defaults after it has parsed the arguments, and only to the options they did not match, so a
 * {@code --config} given anywhere on the command line is already set when this provider is asked. Not thread-safe:
 * one instance serves one command line.
 */
final class LayeredDefaultProvider implements IDefaultValueProvider {
    private static final String ENV_PREFIX = "SWITCHBOARD_";
    private static final String LAUNCHER_ENV = "SWITCHBOARD_JAVA_OPTS";
    private static final String CONFIG_KEY = "config";
    private static final String NO_DB_KEY = "noDB";

    private final Map<String, String> env;
    private final Map<String, String> defaults;
    /** For each key last answered from the environment or the file, which one it was. */
    private final Map<String, String> sources = new HashMap<>();

    private @Nullable String loadedPath;
    private Map<String, String> fileValues = Map.of();

    /** A provider over the process environment; picocli uses this one when a command is built without the factory. */
    LayeredDefaultProvider() {
        this(System.getenv());
    }

    /** A provider over {@code env} instead of the process environment. */
    LayeredDefaultProvider(Map<String, String> env) {
        this.env = Map.copyOf(env);
        Map<String, String> values = new HashMap<>(ConfigProperties.render(ServerConfig.DEFAULTS));
        values.put(CONFIG_KEY, "");
        values.put(NO_DB_KEY, "false");
        this.defaults = Map.copyOf(values);
    }

    @Override
    public @Nullable String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)
                || !defaults.containsKey(key(option))
                || option.command().findOption(CONFIG_KEY) == null) {
            // --help and --version have no value to layer, and commands without --config (bench,
            // reference-relay) take no server config even where an option shares a name with one (--host).
            return null;
        }
        String key = key(option);
        Map<String, String> file = fileValues(option.command());
        String fromEnv = env.get(envName(key));
        if (fromEnv != null) {
            sources.put(key, "environment variable " + envName(key));
            return fromEnv.strip();
        }
        String fromFile = file.get(key);
        if (fromFile != null) {
            sources.put(key, "config file " + loadedPath);
            return fromFile.strip();
        }
        sources.remove(key);
        return defaults.get(key);
    }

    /**
     * Checks the environment and the config file of {@code command} for unknown names, as answering any option would.
     *
     * @throws ParameterException if a name is unknown or the file cannot be read
     */
    void verify(CommandSpec command) {
        fileValues(command);
    }

    /**
     * Where the value that failed as {@code arg} came from, as {@code " (from environment variable X)"} or {@code "
     * (from config file F)"}; empty when it came from the command line {@code args} or is unknown.
     */
    String sourceOf(@Nullable ArgSpec arg, String[] args) {
        if (!(arg instanceof OptionSpec option) || !sources.containsKey(key(option))) {
            return "";
        }
        for (String given : args) {
            for (String name : option.names()) {
                if (given.equals(name) || given.startsWith(name + "=")) {
                    return "";
                }
            }
        }
        return " (from " + sources.get(key(option)) + ")";
    }

    /** The file and environment key of {@code option}: its long name without the dashes. */
    static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    /** The environment variable for {@code key}: {@code allow-local-port} → {@code SWITCHBOARD_ALLOW_LOCAL_PORT}. */
    static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private Map<String, String> fileValues(CommandSpec command) {
        String path = configPath(command);
        if (!path.equals(loadedPath)) {
            checkEnvironment(command);
            fileValues = path.isEmpty() ? Map.of() : readFile(path, command);
            loadedPath = path;
        }
        return fileValues;
    }

    private String configPath(CommandSpec command) {
        OptionSpec option = command.findOption(CONFIG_KEY);
        Object given = option == null ? null : option.getValue();
        return given != null
                ? given.toString().strip()
                : env.getOrDefault(envName(CONFIG_KEY), "").strip();
    }

    private void checkEnvironment(CommandSpec command) {
        Set<String> known = keys(command).stream()
                .map(LayeredDefaultProvider::envName)
                .collect(Collectors.toCollection(HashSet::new));
        known.add(LAUNCHER_ENV);
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(env.keySet())) {
            if (name.startsWith(ENV_PREFIX) && !known.contains(name)) {
                problems.add("Unknown environment variable " + name + Suggestions.didYouMean(name, known, ENV_PREFIX));
            }
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(command.commandLine(), String.join(System.lineSeparator(), problems));
        }
    }

    private Map<String, String> readFile(String path, CommandSpec command) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(path), UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ParameterException(command.commandLine(), "Config file " + path + ": not found");
        } catch (IOException | IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "Config file " + path + ": " + e.getMessage(), e);
        }
        Set<String> known = keys(command);
        known.remove(CONFIG_KEY);
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (known.contains(key)) {
                values.put(key, properties.getProperty(key));
            } else {
                problems.add(
                        "Unknown key '" + key + "' in config file " + path + Suggestions.didYouMean(key, known, ""));
            }
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(command.commandLine(), String.join(System.lineSeparator(), problems));
        }
        return Map.copyOf(values);
    }

    /** The keys of every option of {@code command} that takes a layered value. */
    private static Set<String> keys(CommandSpec command) {
        return command.options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp())
                .map(LayeredDefaultProvider::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
