package rdptriage.knowledge;

/** Pieces of knowledge files that test fixtures share. */
public final class Fixtures {

    private Fixtures() {}

    /** The article of a cause file with the three sections lint requires, each one line long. */
    public static final String ARTICLE = """
            ## What is happening
            Text.

            ## How it shows up
            Text.

            ## How it relates to 0x904 / extended 0x7
            Text.
            """;
}
