/** The command line: picocli subcommands that only wire the engine to files, terminals and output formats. */
package rdptriage.cli;
